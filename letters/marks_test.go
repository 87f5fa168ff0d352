package letters

import (
	"strings"
	"testing"

	"perinatal-caseload/models"
)

// markCount counts a mark as a word on a page: "DRAFT" must not be found
// inside another word.
func markCount(page, mark string) int {
	n := 0
	for _, w := range strings.Fields(page) {
		if w == mark {
			n++
		}
	}
	return n
}

// TestMarksOnEveryPage reads every page of a three-page letter as a draft,
// a copy, a draft of a copy and an issued original: DRAFT and COPY are on
// every page of the letters that carry them, once, and never on the
// original.
func TestMarksOnEveryPage(t *testing.T) {
	for _, c := range []struct {
		name        string
		draft, copy bool
	}{
		{"original", false, false},
		{"draft", true, false},
		{"copy", false, true},
		{"draft copy", true, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			l := testLetter(t, models.LetterOutcomeCaseload, "Łucja Wiśniewska")
			l.Body = longBody(22)
			l.Draft, l.Copy = c.draft, c.copy
			pages := pageTexts(t, render(t, l))
			if len(pages) < 3 {
				t.Fatalf("the letter has %d pages; the test needs three", len(pages))
			}
			for i, p := range pages {
				for mark, want := range map[string]bool{markDraft: c.draft, markCopy: c.copy} {
					n := markCount(p, mark)
					if want && n != 1 || !want && n != 0 {
						t.Errorf("page %d of %d shows %q %d times:\n%s", i+1, len(pages), mark, n, p)
					}
				}
			}
			checkEveryPage(t, pages, sampleIdentity(l))
		})
	}
}

// TestDraftWatermarkIsNotText checks that the faint DRAFT across the page
// is drawn, not written: the letter's lines read back whole, with nothing
// of the watermark in them.
func TestDraftWatermarkIsNotText(t *testing.T) {
	l := testLetter(t, models.LetterOutcomeCaseload, "Łucja Wiśniewska")
	orig := pageTexts(t, render(t, l))
	l.Draft = true
	pdf := render(t, l)
	draft := pageTexts(t, pdf)
	if len(draft) != len(orig) {
		t.Fatalf("the draft has %d pages, the original %d", len(draft), len(orig))
	}
	// The continuation header of a draft leaves out the service's name to
	// make room for the label, so later pages are compared from there.
	from := func(s string, i int) string {
		if i == 0 {
			return s
		}
		return s[strings.Index(s, "continued"):]
	}
	for i := range draft {
		got := from(strings.Replace(flat(draft[i]), "DRAFT ", "", 1), i)
		if want := from(flat(orig[i]), i); got != want {
			t.Errorf("page %d of the draft reads differently from the original:\n%s\nwant\n%s", i+1, got, want)
		}
	}
	if draftWord() == nil {
		t.Fatal("the DRAFT outline could not be made from the bold font")
	}
	plain, _ := Render(testLetter(t, models.LetterOutcomeCaseload, "Łucja Wiśniewska"))
	if len(pdf) <= len(plain) {
		t.Error("the draft is no larger than the original: no watermark was drawn")
	}
}
