package letters

import (
	"strings"
	"testing"

	"perinatal-caseload/models"
)

// A document in the letter layout (her care plan) prints with the same
// letterhead, identity on every page and crisis box as a letter.
func TestCarePlanDocumentUsesTheLetterLayout(t *testing.T) {
	l := testLetter(t, models.LetterAcceptance, "Zoë Nguyễn")
	l.Kind = models.DocumentCarePlan
	l.CopyTo = nil
	l.Closing = "Written with you by"
	l.Body = "Dear Zoë,\n\nThis is your care plan.\n\n# Your goals\n- Sleep well\n\n# What to do in a crisis\nRing the duty worker."
	pdf := render(t, l)
	pages := pageTexts(t, pdf)
	checkEveryPage(t, pages, sampleIdentity(l))
	all := flat(strings.Join(pages, " "))
	for _, want := range []string{"Your goals", "• Sleep well", "What to do in a crisis", "Written with you by", "If you need help urgently"} {
		if !strings.Contains(all, want) {
			t.Errorf("the care plan does not show %q:\n%s", want, all)
		}
	}
	if info := pdfInfo(t, pdf); !strings.Contains(info, "Care plan") {
		t.Errorf("the PDF title does not name the care plan:\n%s", info)
	}
	l.Kind = "care-plan-draft"
	if _, err := Render(l); err == nil {
		t.Fatal("an unknown kind of document was printed")
	}
}

// The later pages of a document name it, not a letter.
func TestDocumentPagesAreHeadedWithTheDocument(t *testing.T) {
	l := testLetter(t, models.LetterAcceptance, "Zoë Nguyễn")
	l.Kind = models.DocumentRecordCopy
	l.CopyTo = nil
	l.Body = "Dear Zoë,\n\n" + strings.Repeat("Everything we hold about you is set out here, part by part, as it stood on the day.\n\n", 40)
	pages := pageTexts(t, render(t, l))
	if len(pages) < 2 {
		t.Fatalf("%d pages, want at least 2", len(pages))
	}
	for i, p := range pages[1:] {
		if !strings.Contains(flat(p), "Copy of your record, 23 November 2026, continued") || strings.Contains(p, "Letter of") {
			t.Errorf("page %d is not headed as the copy of her record:\n%s", i+2, p)
		}
	}
}
