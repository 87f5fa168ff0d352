package letters

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"perinatal-caseload/models"
)

func TestFontCoversTheNamesWeMustPrint(t *testing.T) {
	cov, err := fontCoverage()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range "Zoë Siobhán Łucja Nguyễn Ó Súilleabháin Wiśniewska Đặng ßøåæœ çğış Ελένη Олена £€–—‘’“”•" {
		if !cov.has(r) {
			t.Errorf("the letter font cannot draw %q (U+%04X)", r, r)
		}
	}
	for _, r := range []rune{'中', '😀', 0x0378, 0xFFFF} {
		if cov.has(r) {
			t.Errorf("the coverage claims %q (U+%04X), which the font does not have", r, r)
		}
	}
}

func TestParseBody(t *testing.T) {
	got := parseBody("Dear Zoë\n\nFirst line\nsecond line\n\n# Next steps\n- one\ncontinued\n- two\n\n* three\n#not a heading\n\n")
	want := []block{
		{kind: blockPara, lines: []string{"Dear Zoë"}, newChunk: true},
		{kind: blockPara, lines: []string{"First line", "second line"}, newChunk: true},
		{kind: blockHeading, lines: []string{"Next steps"}, newChunk: true},
		{kind: blockBullet, lines: []string{"one continued"}},
		{kind: blockBullet, lines: []string{"two"}},
		{kind: blockBullet, lines: []string{"three #not a heading"}, newChunk: true},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("parseBody =\n%+v\nwant\n%+v", got, want)
	}
}

func TestInlineBold(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []piece
	}{
		{"plain", []piece{{"plain", false}}},
		{"**Date:** Monday", []piece{{"Date:", true}, {" Monday", false}}},
		{"a **b** c **d", []piece{{"a ", false}, {"b", true}, {" c **d", false}}},
		{"2 ** 3 = 8", []piece{{"2 ** 3 = 8", false}}},
	} {
		if got := inline(c.in, false); !reflect.DeepEqual(got, c.want) {
			t.Errorf("inline(%q) = %+v, want %+v", c.in, got, c.want)
		}
	}
}

func newTestMeasurer(t *testing.T) *measurer {
	t.Helper()
	d, err := newDocument(models.NewDate(2026, 11, 23), "test", "test")
	if err != nil {
		t.Fatal(err)
	}
	return d.m
}

func lineText(l line) string {
	var b strings.Builder
	for _, r := range l.runs {
		b.WriteString(r.text)
	}
	return b.String()
}

func TestWrapKeepsWithinWidthAndKeepsNumbersTogether(t *testing.T) {
	m := newTestMeasurer(t)
	text := "Please ring the duty worker on 0116 225 6846 if you have any questions about **your appointment** with us, or call 0808 800 3302 at any time."
	for w := 30.0; w <= 160; w += 7 {
		lines := m.wrapMarked(text, false, standard.body, w)
		var words []string
		for _, l := range lines {
			if l.width > w+0.01 {
				t.Errorf("width %.0f: a line is %.1f mm wide: %q", w, l.width, lineText(l))
			}
			s := lineText(l)
			if strings.HasSuffix(s, "0116") || strings.HasSuffix(s, "225") || strings.HasSuffix(s, "0808") || strings.HasSuffix(s, "800") {
				t.Errorf("width %.0f: a telephone number is split after %q", w, s)
			}
			words = append(words, strings.Fields(s)...)
		}
		if got := strings.Join(words, " "); got != strings.ReplaceAll(text, "**", "") {
			t.Errorf("width %.0f: the words changed: %q", w, got)
		}
	}
}

func TestWrapBreaksAWordWiderThanTheLine(t *testing.T) {
	m := newTestMeasurer(t)
	url := "https://attendanywhere.example/perinatal/waiting-area/with/a/very/long/path/indeed"
	lines := m.wrapMarked("Link: "+url+".", false, standard.body, 60)
	joined := ""
	for _, l := range lines {
		if l.width > 60.01 {
			t.Errorf("a line is %.1f mm wide", l.width)
		}
		joined += lineText(l)
		for _, k := range l.links {
			if k.url != url {
				t.Errorf("a link goes to %q, want the whole address", k.url)
			}
		}
	}
	if joined != "Link: "+url+"." && joined != "Link:"+url+"." {
		t.Errorf("the text changed: %q", joined)
	}
	if len(lines) < 2 {
		t.Errorf("the address was not broken: %d lines", len(lines))
	}
}

func TestRunsAreDrawnWhereTheyWereMeasured(t *testing.T) {
	m := newTestMeasurer(t)
	lines := m.wrapMarked("**Date:** Monday 30 November 2026 **at** 2:30pm, with **Dr Priya Shah**", false, standard.body, textW)
	if len(lines) != 1 {
		t.Fatalf("%d lines", len(lines))
	}
	l := lines[0]
	x := 0.0
	for i, r := range l.runs {
		if i > 0 {
			gap := r.x - x
			if math.Abs(gap) > 0.001 {
				t.Errorf("run %d %q starts %.3f mm after the previous one ends", i, r.text, gap)
			}
		}
		x = r.x + m.width(r.text, r.bold, standard.body)
	}
	if got := lineText(l); got != "Date: Monday 30 November 2026 at 2:30pm, with Dr Priya Shah" {
		t.Errorf("the line reads %q", got)
	}
	if math.Abs(x-l.width) > 0.001 {
		t.Errorf("the runs end at %.3f, the line is %.3f wide", x, l.width)
	}
}

func TestPagerKeepsGroupsTogether(t *testing.T) {
	const top = 28.0
	p := newPager(bodyBottom-12, top, bodyBottom)
	bs := []box{
		{height: 5},
		{height: 5, keepWithNext: true},
		{height: 5}, // with the one before: does not fit, so both move
	}
	p.flow(bs, -1)
	if len(p.pages) != 2 {
		t.Fatalf("%d pages, want 2", len(p.pages))
	}
	if p.y != top+10 {
		t.Errorf("the second page is filled to %.1f, want %.1f", p.y, top+10)
	}
	p.placeAtFoot(box{height: 240})
	if len(p.pages) != 3 {
		t.Errorf("a foot box that does not fit did not start a new page")
	}
}

func TestWrapNeverLosesOrLoops(t *testing.T) {
	m := newTestMeasurer(t)
	for _, text := range []string{"", " ", "x", strings.Repeat("W", 400), "a " + strings.Repeat("ễ", 300) + " b", "**" + strings.Repeat("long", 60) + "**"} {
		var got strings.Builder
		for _, l := range m.wrapMarked(text, false, standard.body, 20) {
			if l.width > 20.01 {
				t.Errorf("a line is %.2f mm wide", l.width)
			}
			got.WriteString(strings.ReplaceAll(lineText(l), " ", ""))
		}
		if want := strings.ReplaceAll(strings.ReplaceAll(text, "**", ""), " ", ""); got.String() != want {
			t.Errorf("wrapping %q lost text: %q", text, got.String())
		}
	}
}
