package letters

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"perinatal-caseload/models"
)

// The names the design says must come out exactly.
var diacriticNames = []string{"Zoë Ó Súilleabháin", "Siobhán Nguyễn", "Łucja Wiśniewska", "Nguyễn Thị Hồng"}

// sampleService returns a service with the team's published details and
// placeholder address and email, for the tests' letters.
func sampleService() Service {
	return Service{
		Name:               "Perinatal Mental Health Service",
		Address:            []string{"Sample address line", "Leicester", "LE1 1AA"},
		Phone:              "0116 225 6846",
		Email:              "perinatal.team@nhs.example",
		OfficeHours:        "9am to 5pm, Monday to Friday",
		DutyPhone:          "0116 225 6846",
		DutyHours:          "9am to 4.30pm, Monday to Friday",
		CrisisLine:         "0808 800 3302",
		AttendAnywhereLink: "https://attendanywhere.example/perinatal",
	}
}

// testLetter returns a valid letter of the given kind to a woman with the
// given name, its body merged from the default template.
func testLetter(t testing.TB, kind models.LetterKind, name string) Letter {
	t.Helper()
	body, err := DefaultTemplate(kind)
	if err != nil {
		t.Fatal(err)
	}
	l, err := SampleLetter(kind, body, sampleService())
	if err != nil {
		t.Fatal(err)
	}
	sample := l.Patient.Name
	l.Patient.Name = name
	if l.Recipient.Name == sample {
		l.Recipient.Name = name
	}
	for i := range l.CopyTo {
		if l.CopyTo[i].Name == sample {
			l.CopyTo[i].Name = name
		}
	}
	return l
}

func sampleIdentity(l Letter) identity {
	return identity{name: l.Patient.Name, dob: l.Patient.DateOfBirth.UK(), nhs: models.FormatNHSNumber(l.Patient.NHSNumber)}
}

func render(t testing.TB, l Letter) []byte {
	t.Helper()
	pdf, err := Render(l)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	return pdf
}

func TestEveryKindCarriesIdentityOnEveryPage(t *testing.T) {
	for i, kind := range models.LetterKinds {
		name := diacriticNames[i%len(diacriticNames)]
		t.Run(string(kind), func(t *testing.T) {
			l := testLetter(t, kind, name)
			pages := pageTexts(t, render(t, l))
			checkEveryPage(t, pages, sampleIdentity(l))
			first := flat(pages[0])
			re := fmt.Sprintf("Re: %s, date of birth 14/03/1994, NHS number 999 000 0018", name)
			if !strings.Contains(first, re) {
				t.Errorf("page 1 has no Re: line %q:\n%s", re, pages[0])
			}
			if !strings.Contains(first, "23 November 2026") {
				t.Errorf("page 1 does not show the letter date")
			}
			// The sign-off, then the copy list, end the letter; the copy
			// list may be carried over to the last page with the crisis
			// box, so they are looked for across the pages.
			var all strings.Builder
			for _, p := range pages {
				all.WriteString(flat(p) + " ")
			}
			copied := "Copy to: Dr Siobhán O'Connell, GP, Sample Medical Centre"
			if WrittenToReferrer(kind) {
				copied = "Copy to: " + name
			}
			sign := strings.Index(all.String(), "Yours sincerely Dr Priya Shah Consultant perinatal psychiatrist")
			if sign < 0 || strings.Index(all.String(), copied) < sign {
				t.Errorf("the letter does not end with the sign-off and then %q:\n%s", copied, all.String())
			}
			last := flat(pages[len(pages)-1])
			for _, w := range []string{
				crisisTitle(kind), "Mental Health Central Access Point on 0808 800 3302",
				"24 hours a day", "NHS 111", "call 999",
				"duty worker on 0116 225 6846, 9am to 4.30pm, Monday to Friday",
			} {
				if !strings.Contains(last, w) {
					t.Errorf("the last page does not show %q:\n%s", w, pages[len(pages)-1])
				}
			}
		})
	}
}

// longBody returns n numbered paragraphs, with a heading and bullets.
func longBody(n int) string {
	var b strings.Builder
	b.WriteString("Dear Zoë\n\n")
	for i := 1; i <= n; i++ {
		if i%7 == 0 {
			fmt.Fprintf(&b, "# Heading %02d\n\n", i)
		}
		fmt.Fprintf(&b, "Paragraph %02d. This paragraph is long enough to wrap over several lines, so that the pager has to decide where a page should break without leaving a line alone. It mentions the telephone number 0116 225 6846 and **some bold words** too.\n\n", i)
		if i%5 == 0 {
			fmt.Fprintf(&b, "- Bullet %02da, a point in a list\n- Bullet %02db, another point that goes on long enough to wrap onto a second line of text in the letter\n\n", i, i)
		}
	}
	return b.String()
}

func TestLongLetterFlowsOntoThreePages(t *testing.T) {
	l := testLetter(t, models.LetterOutcomeCaseload, "Siobhán Nguyễn")
	const paragraphs = 19 // enough for three pages
	l.Body = longBody(paragraphs)
	pages := pageTexts(t, render(t, l))
	if len(pages) < 3 {
		t.Fatalf("a long letter took %d pages, want at least 3", len(pages))
	}
	checkEveryPage(t, pages, sampleIdentity(l))

	// Every paragraph appears once, in order, and whole.
	var all strings.Builder
	for _, p := range pages {
		all.WriteString(flat(p) + " ")
	}
	text := all.String()
	last := -1
	for i := 1; i <= paragraphs; i++ {
		marker := fmt.Sprintf("Paragraph %02d. This paragraph is long enough", i)
		at := strings.Index(text, marker)
		if at < 0 || strings.Count(text, marker) != 1 {
			t.Fatalf("%q appears %d times", marker, strings.Count(text, marker))
		}
		if at < last {
			t.Errorf("%q is out of order", marker)
		}
		last = at
	}
	for i, p := range pages[1:] {
		if !strings.Contains(p, "Letter of 23 November 2026, continued") {
			t.Errorf("page %d has no continuation header", i+2)
		}
	}
	// The crisis box comes once, on the last page.
	for i, p := range pages {
		has := strings.Contains(p, "If you need help urgently")
		if has != (i == len(pages)-1) {
			t.Errorf("page %d: crisis box present = %v", i+1, has)
		}
	}
	// A telephone number is never split across lines.
	for i, p := range pages {
		for _, line := range strings.Split(p, "\n") {
			if strings.HasSuffix(strings.TrimSpace(line), "0116") || strings.HasSuffix(strings.TrimSpace(line), "0116 225") {
				t.Errorf("page %d breaks a telephone number: %q", i+1, line)
			}
		}
	}
}

func TestDecomposedNamePrintsComposed(t *testing.T) {
	composed := "Nguyễn Zoë"
	decomposed := "Nguye\u0302\u0303n Zoe\u0308" // e + circumflex + tilde; e + diaeresis
	l := testLetter(t, models.LetterAcceptance, decomposed)
	pages := pageTexts(t, render(t, l))
	checkEveryPage(t, pages, identity{name: composed, dob: "14/03/1994", nhs: "999 000 0018"})
}

func TestRenderIsDeterministic(t *testing.T) {
	l := testLetter(t, models.LetterAcceptance, "Zoë Ó Súilleabháin")
	a := render(t, l)
	for range 3 {
		if b := render(t, l); !bytes.Equal(a, b) {
			t.Fatal("rendering the same letter twice gave different bytes")
		}
	}
	info := pdfInfo(t, a)
	if !regexp.MustCompile(`CreationDate:\s+D:20261123000000`).MatchString(info) {
		t.Errorf("the creation date is not the letter date:\n%s", info)
	}
	if strings.Contains(info, "Súilleabháin") || strings.Contains(info, "999 000 0018") {
		t.Errorf("the PDF metadata names the patient:\n%s", info)
	}
	// A different letter date changes the document.
	l.Date = l.Date.AddDays(1)
	if bytes.Equal(a, render(t, l)) {
		t.Error("a different date gave the same bytes")
	}
}

var wordRE = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)

// TestAddressSitsInTheWindow checks the recipient's address falls where a
// DL window envelope shows it: from about 20 mm from the left, and between
// 45 and 95 mm from the top of the page.
func TestAddressSitsInTheWindow(t *testing.T) {
	needPoppler(t)
	l := testLetter(t, models.LetterAcceptance, "Łucja Wiśniewska")
	path := writePDF(t, render(t, l))
	out, err := exec.Command("pdftotext", "-bbox", "-f", "1", "-l", "1", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	const mm = 72 / 25.4
	found := map[string]bool{}
	block := false
	for _, m := range wordRE.FindAllStringSubmatch(string(out), -1) {
		word := m[5]
		if word == "Re:" {
			break // the address block is everything on the left from "Private and confidential" to the Re: line
		}
		x0, _ := strconv.ParseFloat(m[1], 64)
		y0, _ := strconv.ParseFloat(m[2], 64)
		x1, _ := strconv.ParseFloat(m[3], 64)
		y1, _ := strconv.ParseFloat(m[4], 64)
		if x0 > 105*mm {
			continue // the letterhead and the date, on the right
		}
		if block = block || word == "Private"; !block {
			if y1 > 45*mm {
				t.Errorf("%q is on the left at y=%.1f–%.1fmm, above the address", word, y0/mm, y1/mm)
			}
			continue // the service's name, above the window
		}
		found[word] = true
		if x0 < 20*mm || x1 > 115*mm || y0 < 45*mm || y1 > 95*mm {
			t.Errorf("%q is at x=%.1f–%.1fmm, y=%.1f–%.1fmm, outside the envelope window", word, x0/mm, x1/mm, y0/mm, y1/mm)
		}
	}
	for _, w := range []string{"Private", "confidential", "Łucja", "Wiśniewska", "12", "Sample", "Street", "Leicester", "LE2", "0AA"} {
		if !found[w] {
			t.Errorf("%q is not in the address block (found %v)", w, found)
		}
	}
}

func TestRenderRefusesWhatWouldPrintWrongly(t *testing.T) {
	cases := []struct {
		name, field string
		change      func(*Letter)
	}{
		{"no date of birth", "patient's date of birth", func(l *Letter) { l.Patient.DateOfBirth = models.Date{} }},
		{"no name", "patient's name", func(l *Letter) { l.Patient.Name = "  " }},
		{"bad NHS number", "patient's NHS number", func(l *Letter) { l.Patient.NHSNumber = "9991234560" }},
		{"no NHS number", "patient's NHS number", func(l *Letter) { l.Patient.NHSNumber = "" }},
		{"emoji in name", "patient's name", func(l *Letter) { l.Patient.Name = "Zoë 😀" }},
		{"Arabic name", "patient's name", func(l *Letter) { l.Patient.Name = "Zoë فاطمة" }},
		{"Gujarati recipient", "recipient's name and address", func(l *Letter) { l.Recipient.Name = "ભાવના Súilleabháin" }},
		{"Chinese in body", "letter text", func(l *Letter) { l.Body += "\n\n中文" }},
		{"no letter date", "letter date", func(l *Letter) { l.Date = models.Date{} }},
		{"born after the letter", "patient's date of birth", func(l *Letter) { l.Patient.DateOfBirth = models.NewDate(2030, 1, 1) }},
		{"unknown kind", "letter kind", func(l *Letter) { l.Kind = "thank-you" }},
		{"no recipient address", "recipient's address", func(l *Letter) { l.Recipient.Address = nil }},
		{"far too many address lines", "recipient's address", func(l *Letter) {
			l.Recipient.Address = strings.Split("1 2 3 4 5 6 7 8 9 10 11", " ")
		}},
		{"address lines far too wide", "recipient's address", func(l *Letter) {
			l.Recipient.Address = []string{strings.Repeat("Very long street name ", 40), "Leicester"}
		}},
		{"no author", "author", func(l *Letter) { l.Author.Name = "" }},
		{"empty body", "letter text", func(l *Letter) { l.Body = "\n \n" }},
		{"no crisis line", "settings, Mental Health Central Access Point telephone", func(l *Letter) { l.Service.CrisisLine = "" }},
		{"unnamed copy", "copy 2", func(l *Letter) { l.CopyTo = []Person{{Name: "Dr A Okafor"}, {Role: "GP"}} }},
		{"name too long", "patient's name", func(l *Letter) { l.Patient.Name = strings.Repeat("Zoë ", 30) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := testLetter(t, models.LetterAcceptance, "Zoë Ó Súilleabháin")
			c.change(&l)
			_, err := Render(l)
			var fe *models.FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("got %v, want a *models.FieldError", err)
			}
			if fe.Field.Label() != c.field {
				t.Errorf("the error names %q, want %q (%v)", fe.Field.Label(), c.field, err)
			}
			if strings.Contains(err.Error(), "Súilleabháin") || strings.Contains(err.Error(), "0018") || strings.ContainsAny(err.Error(), "😀فભ") {
				t.Errorf("the error contains patient data: %v", err)
			}
		})
	}
}

func TestWhiteSpaceAndControlCharactersAreTidied(t *testing.T) {
	l := testLetter(t, models.LetterAcceptance, "  Zoë\t Ó\u00a0Súilleabháin\u200b ")
	l.Body = strings.ReplaceAll(l.Body, "\n", "\r\n")
	pages := pageTexts(t, render(t, l))
	checkEveryPage(t, pages, identity{"Zoë Ó Súilleabháin", "14/03/1994", "999 000 0018"})
}

func TestLetterDateFormats(t *testing.T) {
	if got := LongDate(models.NewDate(2026, time.November, 30)); got != "Monday 30 November 2026" {
		t.Errorf("LongDate = %q", got)
	}
	if LongDate(models.Date{}) != "" {
		t.Error("LongDate of the zero date is not empty")
	}
	for _, c := range []struct {
		t    time.Time
		want string
	}{
		{time.Date(2026, 7, 1, 13, 30, 0, 0, time.UTC), "2:30pm"},  // BST
		{time.Date(2026, 12, 1, 14, 30, 0, 0, time.UTC), "2:30pm"}, // GMT
		{time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC), "10:00am"},
		{time.Date(2026, 12, 1, 12, 5, 0, 0, time.UTC), "12:05pm"},
		{time.Date(2026, 12, 1, 0, 15, 0, 0, time.UTC), "12:15am"},
	} {
		if got := ClockTime(c.t); got != c.want {
			t.Errorf("ClockTime(%v) = %q, want %q", c.t, got, c.want)
		}
	}
}

// Hazard: HAZ-009.
func TestRenderIsSafeToCallConcurrently(t *testing.T) {
	l := testLetter(t, models.LetterNotAccepted, "Łucja Wiśniewska")
	want := render(t, l)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got, err := Render(l)
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("a concurrent render differed (err %v)", err)
			}
		}()
	}
	wg.Wait()
}
