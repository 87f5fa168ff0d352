package models

import (
	"errors"
	"testing"
)

// answersFor returns answers of measure d whose item scores sum to total,
// filling items from the first, with every item answered. Each item's
// position is found from its scores, so reversed items are exercised too.
func answersFor(t *testing.T, d *MeasureDef, total int) []int {
	t.Helper()
	out := make([]int, len(d.Items))
	left := total
	for i, it := range d.Items {
		want := min(left, maxOf(it.Scores))
		out[i] = -1
		for pos, sc := range it.Scores {
			if sc == want {
				out[i] = pos
			}
		}
		left -= want
	}
	if left != 0 {
		t.Fatalf("%s cannot reach %d", d.Code, total)
	}
	return out
}

// TestMeasureBandEdges scores every measure at both sides of every band
// edge and cut-off, from answers built through each item's own scores.
// Hazard: HAZ-033.
func TestMeasureBandEdges(t *testing.T) {
	cases := []struct {
		code  string
		total int
		band  string
	}{
		{"EPDS", 0, "Below the cut-off"}, {"EPDS", 9, "Below the cut-off"}, {"EPDS", 10, "Possible depression"},
		{"EPDS", 12, "Possible depression"}, {"EPDS", 13, "Probable depression"}, {"EPDS", 30, "Probable depression"},
		{"PHQ-9", 0, "Minimal"}, {"PHQ-9", 4, "Minimal"}, {"PHQ-9", 5, "Mild"}, {"PHQ-9", 9, "Mild"},
		{"PHQ-9", 10, "Moderate"}, {"PHQ-9", 14, "Moderate"}, {"PHQ-9", 15, "Moderately severe"},
		{"PHQ-9", 19, "Moderately severe"}, {"PHQ-9", 20, "Severe"}, {"PHQ-9", 27, "Severe"},
		{"GAD-7", 0, "Minimal"}, {"GAD-7", 4, "Minimal"}, {"GAD-7", 5, "Mild"}, {"GAD-7", 9, "Mild"},
		{"GAD-7", 10, "Moderate"}, {"GAD-7", 14, "Moderate"}, {"GAD-7", 15, "Severe"}, {"GAD-7", 21, "Severe"},
		{"CORE-10", 0, "Healthy"}, {"CORE-10", 5, "Healthy"}, {"CORE-10", 6, "Low"}, {"CORE-10", 10, "Low"},
		{"CORE-10", 11, "Mild"}, {"CORE-10", 14, "Mild"}, {"CORE-10", 15, "Moderate"}, {"CORE-10", 19, "Moderate"},
		{"CORE-10", 20, "Moderate-severe"}, {"CORE-10", 24, "Moderate-severe"}, {"CORE-10", 25, "Severe"},
		{"CORE-10", 40, "Severe"},
	}
	for _, c := range cases {
		d := MeasureByCode(c.code)
		s, err := d.Score(answersFor(t, d, c.total))
		if err != nil {
			t.Fatalf("%s %d: %v", c.code, c.total, err)
		}
		if s.Total != c.total || s.Band != c.band || !s.Complete {
			t.Errorf("%s %d: got total %d band %q complete %v, want band %q", c.code, c.total, s.Total, s.Band, s.Complete, c.band)
		}
	}
}

// TestMeasureRanges checks each measure's maximum and that every band
// starts inside it, so a new measure added as data is checked too.
func TestMeasureRanges(t *testing.T) {
	max := map[string]int{"EPDS": 30, "PHQ-9": 27, "GAD-7": 21, "CORE-10": 40, "GBO": 10}
	for _, d := range Measures() {
		if got := d.MaxTotal(); got != max[d.Code] {
			t.Errorf("%s: max %d, want %d", d.Code, got, max[d.Code])
		}
		for i, b := range d.Bands {
			if b.From > d.MaxTotal() || i > 0 && b.From <= d.Bands[i-1].From || i == 0 && b.From != 0 {
				t.Errorf("%s: band %q starts at %d", d.Code, b.Label, b.From)
			}
		}
		if d.Source == "" || d.SNOMEDSource == "" {
			t.Errorf("%s: the scoring rule and SNOMED CT code need a source", d.Code)
		}
		if d.SNOMED == "" && d.SNOMEDSource != "not verified" {
			t.Errorf("%s: no code but not marked not verified", d.Code)
		}
	}
}

// TestMeasureCutOffs pins the published clinical cut-offs.
func TestMeasureCutOffs(t *testing.T) {
	want := map[string][]int{"EPDS": {10, 13}, "PHQ-9": {10}, "GAD-7": {10}, "CORE-10": {11}, "GBO": nil}
	for code, scores := range want {
		d := MeasureByCode(code)
		if len(d.CutOffs) != len(scores) {
			t.Fatalf("%s: cut-offs %v", code, d.CutOffs)
		}
		for i, s := range scores {
			if d.CutOffs[i].Score != s {
				t.Errorf("%s: cut-off %d is %d, want %d", code, i, d.CutOffs[i].Score, s)
			}
		}
	}
}

// TestMeasureItemScoring pins the score of the first and last printed
// response of every item: reversed items (EPDS 3 and 5-10, CORE-10 2 and
// 3) score from the top down.
// Hazard: HAZ-033.
func TestMeasureItemScoring(t *testing.T) {
	reversed := map[string][]bool{
		"EPDS":    {false, false, true, false, true, true, true, true, true, true},
		"PHQ-9":   make([]bool, 9),
		"GAD-7":   make([]bool, 7),
		"CORE-10": {false, true, true, false, false, false, false, false, false, false},
		"GBO":     make([]bool, 3),
	}
	responses := map[string]int{"EPDS": 4, "PHQ-9": 4, "GAD-7": 4, "CORE-10": 5, "GBO": 11}
	for code, rev := range reversed {
		d := MeasureByCode(code)
		if len(d.Items) != len(rev) {
			t.Fatalf("%s has %d items, want %d", code, len(d.Items), len(rev))
		}
		n := responses[code]
		for i := range d.Items {
			if d.Responses(i) != n {
				t.Fatalf("%s item %d: %d responses, want %d", code, i+1, d.Responses(i), n)
			}
			first, last := 0, n-1
			if rev[i] {
				first, last = n-1, 0
			}
			for pos, want := range map[int]int{0: first, n - 1: last} {
				ans := make([]int, len(d.Items))
				ans[i] = pos
				for j := range ans {
					if j != i {
						ans[j] = d.positionScoring(j, 0)
					}
				}
				s, err := d.Score(ans)
				if err != nil {
					t.Fatalf("%s item %d: %v", code, i+1, err)
				}
				if s.ItemScores[i] != want || s.Total != want {
					t.Errorf("%s item %d position %d: scored %d (total %d), want %d", code, i+1, pos, s.ItemScores[i], s.Total, want)
				}
			}
			if d.Reversed(i) != rev[i] {
				t.Errorf("%s item %d: Reversed %v", code, i+1, d.Reversed(i))
			}
		}
	}
}

// positionScoring returns the position of item i that scores score.
func (d *MeasureDef) positionScoring(i, score int) int {
	for pos, s := range d.Items[i].Scores {
		if s == score {
			return pos
		}
	}
	return -1
}

// TestMeasureRiskItems checks each risk item: its lowest score is
// negative, the next one up positive, whatever the total; and measures
// without one are never positive.
// Hazard: HAZ-006.
func TestMeasureRiskItems(t *testing.T) {
	risk := map[string]int{"EPDS": 9, "PHQ-9": 8, "CORE-10": 5}
	for _, d := range Measures() {
		item, has := risk[d.Code]
		if has != (d.Risk != nil) || has && d.Risk.Item != item {
			t.Fatalf("%s: risk item %+v, want item %d (%v)", d.Code, d.Risk, item+1, has)
		}
		if !has {
			ans := make([]int, len(d.Items))
			for i := range ans {
				ans[i] = d.Responses(i) - 1
			}
			if s, _ := d.Score(ans); s.RiskPositive {
				t.Errorf("%s has no risk item but scored positive", d.Code)
			}
			continue
		}
		for score, want := range map[int]bool{0: false, 1: true, 3: true} {
			ans := make([]int, len(d.Items))
			for i := range ans {
				ans[i] = d.positionScoring(i, 0)
			}
			ans[item] = d.positionScoring(item, score)
			s, err := d.Score(ans)
			if err != nil || s.RiskPositive != want {
				t.Errorf("%s item %d scoring %d: positive %v (%v), want %v", d.Code, item+1, score, s.RiskPositive, err, want)
			}
		}
		// Positive as soon as the risk item alone is answered.
		ans := make([]int, len(d.Items))
		for i := range ans {
			ans[i] = -1
		}
		ans[item] = d.positionScoring(item, 2)
		if s, err := d.Score(ans); !s.RiskPositive || err == nil || s.Complete {
			t.Errorf("%s: risk item alone: positive %v complete %v err %v", d.Code, s.RiskPositive, s.Complete, err)
		}
	}
}

// TestMeasureAnswerErrors names each missing or out-of-range item.
func TestMeasureAnswerErrors(t *testing.T) {
	d := MeasureByCode("EPDS")
	ans := []int{0, 0, 0, 0, -1, 0, 0, 4, 0, 0}
	s, err := d.Score(ans)
	var fe FieldErrors
	if !errors.As(err, &fe) || len(fe) != 2 {
		t.Fatalf("err %v", err)
	}
	if fe[0].Field != FieldMeasureAnswer.Item(4) || fe[0].Field.Label() != "Item 5" || fe[0].Message != "choose a response" {
		t.Errorf("first: %+v %q", fe[0], fe[0].Field.Label())
	}
	if fe[1].Field != FieldMeasureAnswer.Item(7) || fe[1].Message != "choose one of the 4 responses" {
		t.Errorf("second: %+v", fe[1])
	}
	if s.Complete || s.Band != "" || s.Answered != 8 {
		t.Errorf("partial score %+v", s)
	}
	if _, err := d.Score(make([]int, 11)); err == nil {
		t.Error("11 answers to 10 items accepted")
	}
	if _, err := d.Score(nil); err == nil {
		t.Error("no answers accepted")
	}
	if _, err := d.Score([]int{0, 0, 0, 0, 0, 0, 0, 0, 0, -2}); err == nil {
		t.Error("a negative position other than -1 accepted")
	}
}

// TestGoalBasedOutcomes: one to three goals, each 0-10, in order.
func TestGoalBasedOutcomes(t *testing.T) {
	d := MeasureByCode("GBO")
	cases := []struct {
		ans   []int
		ok    bool
		total int
	}{
		{[]int{3}, true, 3},
		{[]int{0, 10}, true, 10},
		{[]int{2, 5, 9}, true, 16},
		{[]int{10, 10, 10}, true, 30},
		{nil, false, 0},
		{[]int{-1, 4}, false, 4},
		{[]int{4, -1, 5}, false, 9},
		{[]int{11}, false, 0},
		{[]int{1, 2, 3, 4}, false, 6},
	}
	for _, c := range cases {
		s, err := d.Score(c.ans)
		if (err == nil) != c.ok || s.Total != c.total {
			t.Errorf("%v: total %d err %v, want ok %v total %d", c.ans, s.Total, err, c.ok, c.total)
		}
		if s.Band != "" || s.RiskPositive {
			t.Errorf("%v: band %q risk %v", c.ans, s.Band, s.RiskPositive)
		}
	}
}

func TestMeasureAnswersRoundTrip(t *testing.T) {
	a := []int{0, 3, -1}
	got, err := DecodeAnswers(EncodeAnswers(a))
	if err != nil || len(got) != 3 || got[1] != 3 || got[2] != -1 {
		t.Fatalf("%v %v", got, err)
	}
	if _, err := DecodeAnswers("{"); err == nil {
		t.Error("bad JSON read")
	}
	m := MeasureResult{Measure: "GBO", Answers: "[4,7]", Goals: "Go out\n\n Sleep \n"}
	if g := m.GoalList(); len(g) != 2 || g[1] != "Sleep" {
		t.Errorf("goals %q", g)
	}
	if s := m.ItemScores(); s[0] != 4 || s[1] != 7 || s[2] != -1 {
		t.Errorf("item scores %v", s)
	}
	if d := MeasureByCode("EPDS"); d.ResponseLabel(2, 0) != "Response A as printed (scores 3)" {
		t.Errorf("EPDS label %q", d.ResponseLabel(2, 0))
	}
	if d := MeasureByCode("CORE-10"); d.ResponseLabel(1, 4) != "Nearly always (scores 0)" {
		t.Errorf("CORE-10 label %q", d.ResponseLabel(1, 4))
	}
	if MeasureByCode("nope") != nil {
		t.Error("unknown measure found")
	}
}
