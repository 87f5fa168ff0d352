package letters

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"perinatal-caseload/models"
)

// shortAcceptanceBody is a short acceptance letter, as a team might write
// one: it must fit on one page with everything else a letter carries.
const shortAcceptanceBody = `Dear Zoë

Dr Siobhán O'Connell referred you to our team. We are pleased to offer you an assessment, a chance for you to tell us how you are feeling and what would help.

# Your appointment

**Date:** Monday 30 November 2026
**Time:** 2:30pm
**With:** Dr Priya Shah, consultant perinatal psychiatrist
**Where:** by video call, using the link in the text message we will send you

If this time does not suit you, please ring us on 0116 225 6846, 9am to 5pm, Monday to Friday, and we will arrange another.
`

// letterhead gives a letter the full letterhead: the trust, a logo and a
// return address with its postcode.
func letterhead(t testing.TB, l *Letter) {
	t.Helper()
	l.Service.Organisation = "Leicestershire Partnership NHS Trust"
	l.Service.Address = []string{"Sample House", "1 Sample Road", "Leicester", "LE1 1AA"}
	l.Service.Logo = testLogo(t)
}

// signed gives a letter its author's registration and signature image,
// issued on her behalf by an administrator.
func signed(t testing.TB, l *Letter) {
	t.Helper()
	l.Author = Person{Name: "Dr Amira Patel", Role: "Consultant perinatal psychiatrist", Registration: "GMC 1234567", Signature: testSignature(t)}
	l.OnBehalfOf = "Issued by Jo Smith, Team Administrator, on behalf of Dr Amira Patel."
}

// shortAcceptance is a complete short acceptance letter with the full
// letterhead and signature.
func shortAcceptance(t testing.TB) Letter {
	t.Helper()
	l := testLetter(t, models.LetterAcceptance, "Zoë Ó Súilleabháin")
	l.Body = shortAcceptanceBody
	letterhead(t, &l)
	signed(t, &l)
	return l
}

// TestWriteSamples writes sample letters into the folder named by
// LETTER_SAMPLES, for looking at (pdftoppm -r 60 -png). It does nothing
// otherwise.
func TestWriteSamples(t *testing.T) {
	dir := os.Getenv("LETTER_SAMPLES")
	if dir == "" {
		t.Skip("set LETTER_SAMPLES=DIR to write sample letters")
	}
	write := func(name string, l Letter) {
		if err := os.WriteFile(filepath.Join(dir, name+".pdf"), render(t, l), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for _, kind := range models.LetterKinds {
		l := testLetter(t, kind, "Zoë Ó Súilleabháin")
		letterhead(t, &l)
		signed(t, &l)
		write(string(kind), l)
	}
	// The letters that offer an appointment, by each way of holding it.
	for _, kind := range []models.LetterKind{models.LetterAcceptance, models.LetterOutcomeMedical} {
		for _, mode := range []string{"video", "telephone", "face to face", "home visit", ""} {
			l := defaultLetter(t, kind, "her", "typical")
			body, _ := DefaultTemplate(kind)
			f := SampleFields()
			f.SetService(l.Service)
			f.MedicationAdvice, f.GPActions = "", ""
			f.AppointmentMode, f.VideoLink, f.AppointmentPlace = mode, "", "Brandon Unit, Gwendolen Road, Leicester LE5 4PW"
			switch mode {
			case "video":
				f.VideoLink = l.Service.AttendAnywhereLink
			case "":
				f.AppointmentDate, f.ReviewDate = "", "" // not yet booked
			}
			l.Body = mergeOrFail(t, body, f)
			write(string(kind)+"-"+strings.ReplaceAll(nonEmptyOr(mode, "unbooked"), " ", "-"), l)
		}
	}
	short := shortAcceptance(t)
	write("short", short)
	large := testLetter(t, models.LetterAcceptance, "Zoë Ó Súilleabháin")
	letterhead(t, &large)
	signed(t, &large)
	large.LargePrint = true
	write("large-print", large)
	cp := short
	cp.Copy = true
	cp.Recipient = cp.CopyTo[0]
	cp.CopyTo = []Person{{Name: "Zoë Ó Súilleabháin"}, short.CopyTo[1]}
	write("copy", cp)
	draft := testLetter(t, models.LetterOutcomeCaseload, "Zoë Ó Súilleabháin")
	draft.Draft = true
	draft.Copy = true
	write("draft", draft)
	// The page image in the README: the standard acceptance letter, issued,
	// with the letterhead as Settings give it (the application ships no
	// logo).
	body, err := DefaultTemplate(models.LetterAcceptance)
	if err != nil {
		t.Fatal(err)
	}
	svc := sampleService()
	svc.Organisation = "Leicestershire Partnership NHS Trust"
	svc.Address = []string{"Sample House", "1 Sample Road", "Leicester", "LE1 1AA"}
	svc.AttendAnywhereLink = ""
	readme, err := SampleLetter(models.LetterAcceptance, body, svc)
	if err != nil {
		t.Fatal(err)
	}
	readme.Author = Person{Name: "Dr Amira Patel", Role: "Consultant perinatal psychiatrist", Registration: "GMC 1234567"}
	readme.OnBehalfOf = "Issued by Jo Smith, Team Administrator, on behalf of Dr Amira Patel."
	write("readme", readme)

	long := testLetter(t, models.LetterOutcomeCaseload, "Zoë Ó Súilleabháin")
	long.Patient.Name = longName
	long.Recipient = Person{Name: longName, Address: fiveLineAddress}
	write("long-name", long)
}

// longName is a name of models.MaxNameRunes characters, the longest intake
// accepts.
var longName = func() string {
	s := "Anna-Maria Magdalena Wiśniewska-Żółkiewska Ó Súilleabháin de la Cruz Nguyễn Thảo"
	r := []rune(s)
	if len(r) != models.MaxNameRunes {
		panic(len(r))
	}
	return s
}()

// fiveLineAddress has models.MaxAddressLines lines of
// models.MaxAddressLineRunes characters each, and a postcode.
var fiveLineAddress = []string{
	"Flat 12, Wordsworth House Annexe 12",
	"Queen Elizabeth Avenue West Side 12",
	"Knighton Fields Road East Estate 12",
	"South Knighton and Aylestone Park 1",
	"Leicester and Leicestershire County",
	"LE2 6DG",
}
