package letters

import (
	"fmt"
	"strings"
	"testing"

	"perinatal-caseload/models"
)

// defaultLetter is the letter of kind from its default template, as a
// typical woman is sent it: her appointment by video, copies to her GP and
// her midwife, the full letterhead with a logo, and a signature issued on
// the clinician's behalf by an administrator. note says what the clinician
// wrote with the outcome: "full" (all four parts of SampleFields),
// "typical" (what was discussed and the plan) or "none". reader is "her"
// for her letter, or "professional" for the copy to her GP.
func defaultLetter(t testing.TB, kind models.LetterKind, reader, note string) Letter {
	t.Helper()
	body, err := DefaultTemplate(kind)
	if err != nil {
		t.Fatal(err)
	}
	svc := sampleService()
	f := SampleFields()
	f.SetService(svc)
	f.VideoLink, f.Reader = svc.AttendAnywhereLink, reader
	switch note {
	case "typical":
		f.MedicationAdvice, f.GPActions = "", ""
	case "none":
		f.Summary, f.Plan, f.MedicationAdvice, f.GPActions = "", "", "", ""
	}
	l := testLetter(t, kind, "Zoë Ó Súilleabháin")
	if l.Body, err = Merge(body, f); err != nil {
		t.Fatal(err)
	}
	letterhead(t, &l)
	signed(t, &l)
	if reader == "professional" {
		l.Copy, l.Recipient = true, l.CopyTo[0]
	}
	return l
}

// outcomeKinds are the kinds that carry the clinical note, under plain
// headings for her and under the PRSB headings for professionals.
var outcomeKinds = map[models.LetterKind]bool{
	models.LetterOutcomeCaseload:  true,
	models.LetterOutcomeMedical:   true,
	models.LetterOutcomeDischarge: true,
}

// twoPages lists the letters, by kind, reader and clinical note, that run
// to a second page: the outcome letters once the clinician's note is
// written out (the medical-review letter carries its video invitation as
// well), and the professionals' copies, which add the PRSB headings. Every
// other default letter fits on one page.
var twoPages = map[string]bool{
	"outcome-caseload/professional/full":          true,
	"outcome-medical-review/her/typical":          true,
	"outcome-medical-review/her/full":             true,
	"outcome-medical-review/professional/none":    true,
	"outcome-medical-review/professional/typical": true,
	"outcome-medical-review/professional/full":    true,
	"outcome-discharge/her/full":                  true,
	"outcome-discharge/professional/typical":      true,
	"outcome-discharge/professional/full":         true,
}

// TestDefaultLettersFitOnOnePage renders the default template of every
// kind, as a typical woman is sent it, and reads the PDF back: one page,
// signed, with the copy list and the crisis box on it, and every word
// above the footer 12 pt or larger. The outcome letters are checked for her
// and for the professionals' copies, and with each length of clinical note;
// those in twoPages take two, the first no more than a third empty.
func TestDefaultLettersFitOnOnePage(t *testing.T) {
	for _, kind := range models.LetterKinds {
		for _, reader := range []string{"her", "professional"} {
			for _, note := range []string{"none", "typical", "full"} {
				if (reader == "professional" || note != "full") && !outcomeKinds[kind] {
					continue // only the outcome letters carry the note, and differ for professionals
				}
				name := fmt.Sprintf("%s/%s/%s", kind, reader, note)
				t.Run(name, func(t *testing.T) {
					l := defaultLetter(t, kind, reader, note)
					pdf := render(t, l)
					pages := pageTexts(t, pdf)
					want := 1
					if twoPages[name] {
						want = 2
					}
					if len(pages) != want {
						t.Fatalf("the default %s letter (%s, %s note) takes %d pages; want %d", kind, reader, note, len(pages), want)
					}
					if all := flat(strings.Join(pages, " ")); !strings.Contains(all, "Yours sincerely Dr Amira Patel") {
						t.Errorf("the letter is not signed:\n%s", all)
					}
					last := flat(pages[len(pages)-1])
					for _, w := range []string{"Copy to:", crisisTitle(kind), fmt.Sprintf("Page %d of %d", want, want)} {
						if !strings.Contains(last, w) {
							t.Errorf("the last page does not show %q:\n%s", w, last)
						}
					}
					for i, words := range allPageWords(t, pdf) {
						end := 0.0
						for _, w := range words {
							if w.y0 < footerRuleY && w.size() < minSize-0.1 {
								t.Errorf("page %d: %q is %.1f pt, below 12 pt", i+1, w.text, w.size())
							}
							if w.y0 < footerRuleY-footerLead {
								end = max(end, w.y1)
							}
						}
						if empty := (bodyBottom - end) / (bodyBottom - letterheadTop); i < want-1 && empty > 1.0/3 {
							t.Errorf("page %d of %d is %.0f%% empty", i+1, want, 100*empty)
						}
					}
				})
			}
		}
	}
}

func mergeOrFail(t testing.TB, body string, f Fields) string {
	t.Helper()
	text, err := Merge(body, f)
	if err != nil {
		t.Fatal(err)
	}
	return text
}

func nonEmptyOr(s, instead string) string {
	if s == "" {
		return instead
	}
	return s
}
