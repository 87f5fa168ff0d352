package letters

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"perinatal-caseload/models"
)

// relativeLuminance is WCAG 2.x's relative luminance of an sRGB colour.
func relativeLuminance(c rgb) float64 {
	lin := func(v int) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.r) + 0.7152*lin(c.g) + 0.0722*lin(c.b)
}

// contrast is WCAG 2.x's contrast ratio of two colours, from 1 to 21.
func contrast(a, b rgb) float64 {
	la, lb := relativeLuminance(a), relativeLuminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

func TestContrastFormula(t *testing.T) {
	white := rgb{255, 255, 255}
	for _, c := range []struct {
		a, b rgb
		want float64
	}{
		{rgb{0, 0, 0}, white, 21},
		{white, white, 1},
		{rgb{118, 134, 146}, white, 3.75}, // NHS mid grey, the footer's grey before: too pale
		{rgb{0, 94, 184}, white, 6.38},    // NHS Blue
	} {
		if got := contrast(c.a, c.b); math.Abs(got-c.want) > 0.01 {
			t.Errorf("contrast(%v, %v) = %.2f, want %.2f", c.a, c.b, got, c.want)
		}
	}
}

// TestTextContrast checks that every colour text is printed in, in the
// footer as everywhere else, has a contrast ratio of at least 4.5:1 on white
// paper and on the crisis box's tint: every text op of a letter, the
// footer's included, uses one of them.
func TestTextContrast(t *testing.T) {
	white := rgb{255, 255, 255}
	for _, c := range textColours {
		for _, bg := range []rgb{white, paleBlue} {
			if r := contrast(c, bg); r < 4.5 {
				t.Errorf("text colour %v on %v has contrast %.2f:1, below 4.5:1", c, bg, r)
			}
		}
	}
	l := testLetter(t, models.LetterAcceptance, "Zoë Ó Súilleabháin")
	l.Copy, l.Draft = true, true
	for _, ops := range layoutPages(t, l) {
		for _, o := range ops {
			if o.kind == opText && !slicesContains(textColours, o.color) {
				t.Errorf("%q is printed in %v, which is not one of the checked text colours", o.text, o.color)
			}
		}
	}
}

func slicesContains(cs []rgb, c rgb) bool {
	for _, x := range cs {
		if x == c {
			return true
		}
	}
	return false
}

// layoutPages lays out a letter and returns each page's ops, the
// continuation header and footer included, as they are drawn.
func layoutPages(t *testing.T, l Letter) [][]op {
	t.Helper()
	p, err := prepare(l)
	if err != nil {
		t.Fatal(err)
	}
	d, err := newDocument(l.Date, "test", "test")
	if err != nil {
		t.Fatal(err)
	}
	pages, err := d.layout(p)
	if err != nil {
		t.Fatal(err)
	}
	for i := range pages {
		if i > 0 {
			pages[i] = append(pages[i], d.m.continuation(p)...)
		}
		pages[i] = append(pages[i], d.m.footer(p, i+1, len(pages))...)
	}
	return pages
}

// TestTypeSizes reads the type size of every word of a letter back from the
// PDF: nothing but the page footer is smaller than 12 pt.
func TestTypeSizes(t *testing.T) {
	l := testLetter(t, models.LetterAcceptance, "Zoë Ó Súilleabháin")
	letterhead(t, &l)
	signed(t, &l)
	l.Copy = true
	for i, words := range allPageWords(t, render(t, l)) {
		for _, w := range words {
			if w.y0 >= footerRuleY {
				if w.size() < footerSize-0.1 {
					t.Errorf("page %d: footer word %q is %.1f pt", i+1, w.text, w.size())
				}
				continue
			}
			if w.size() < minSize-0.1 {
				t.Errorf("page %d: %q at y=%.0fmm is %.1f pt, below 12 pt", i+1, w.text, w.y0, w.size())
			}
		}
	}
}

// TestLargePrintIsSixteenPoint reads back a large-print letter: everything
// she reads, from the Re: line to the crisis box, on every page, is 16 pt or
// larger, and the address still fits the envelope window.
func TestLargePrintIsSixteenPoint(t *testing.T) {
	l := testLetter(t, models.LetterAcceptance, "Zoë Ó Súilleabháin")
	letterhead(t, &l)
	signed(t, &l)
	l.LargePrint = true
	pdf := render(t, l)
	pages := allPageWords(t, pdf)
	if len(pages) < 2 {
		t.Fatalf("a large-print acceptance letter took %d page", len(pages))
	}
	body := 0
	for i, words := range pages {
		top := bodyTopFirst
		if i > 0 {
			top = contBodyTop(&prepared{st: largePrint}) - largePrint.lead
		}
		for _, w := range words {
			if w.y0 < top || w.y0 >= footerRuleY {
				continue
			}
			body++
			if w.size() < 16-0.1 {
				t.Errorf("page %d: %q at y=%.0fmm is %.1f pt, below 16 pt", i+1, w.text, w.y0, w.size())
			}
		}
	}
	if body < 200 {
		t.Errorf("only %d words were checked", body)
	}
	for _, w := range pages[0] {
		if w.x0 < 105 && w.y0 > 45 && w.y0 < windowBottom && (w.y1 > windowBottom || w.x1 > marginL+windowW) {
			t.Errorf("%q at x=%.0f–%.0fmm, y=%.0f–%.0fmm is outside the envelope window", w.text, w.x0, w.x1, w.y0, w.y1)
		}
	}
	// The same letter in standard print takes no more pages, and fits more
	// words on its first page.
	l.LargePrint = false
	standard := allPageWords(t, render(t, l))
	if len(standard) > len(pages) {
		t.Errorf("standard print takes %d pages, large print %d", len(standard), len(pages))
	}
	if len(standard[0]) <= len(pages[0]) {
		t.Errorf("page 1 holds %d words in standard print and %d in large print; want fewer in large print", len(standard[0]), len(pages[0]))
	}
}

func TestShortLetterFitsOnOnePage(t *testing.T) {
	l := shortAcceptance(t)
	pages := pageTexts(t, render(t, l))
	if len(pages) != 1 {
		t.Fatalf("a short acceptance letter took %d pages", len(pages))
	}
	text := flat(pages[0])
	for _, w := range []string{"Dear Zoë", "Yours sincerely", "Dr Amira Patel", "GMC 1234567", "Copy to:", "If you need help urgently", "Page 1 of 1"} {
		if !strings.Contains(text, w) {
			t.Errorf("the page does not show %q", w)
		}
	}
}

// TestNoPageIsLeftMoreThanAThirdEmpty renders letters of every length from
// a few lines to four pages and reads back where the text on each page
// ends: no page but the last is left more than a third empty, and the last
// page never holds the crisis box alone.
func TestNoPageIsLeftMoreThanAThirdEmpty(t *testing.T) {
	for _, large := range []bool{false, true} {
		for n := 1; n <= 18; n++ {
			t.Run(fmt.Sprintf("large=%v/paragraphs=%d", large, n), func(t *testing.T) {
				l := shortAcceptance(t)
				l.LargePrint = large
				l.Body = longBody(n)
				pages := allPageWords(t, render(t, l))
				for i, words := range pages[:len(pages)-1] {
					top, end := pageH, 0.0
					for _, w := range words {
						if w.y0 < footerRuleY-footerLead {
							top, end = min(top, w.y0), max(end, w.y1)
						}
					}
					if empty := (bodyBottom - end) / (bodyBottom - top); empty > 1.0/3 {
						t.Errorf("page %d of %d is %.0f%% empty (text from %.0fmm to %.0fmm)", i+1, len(pages), 100*empty, top, end)
					}
				}
				last := pages[len(pages)-1]
				for _, w := range last {
					if w.text == "Copy" || w.text == "sincerely" {
						return
					}
				}
				t.Errorf("the last page (%d) holds neither the sign-off nor the copy list", len(pages))
			})
		}
	}
}
