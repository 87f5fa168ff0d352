package models

import "testing"

func result(code string, on Date, total int, answers string) MeasureResult {
	return MeasureResult{Measure: code, TakenOn: on, Total: total, Answers: answers}
}

func TestChangeOf(t *testing.T) {
	d1, d2, d3 := NewDate(2026, 1, 5), NewDate(2026, 4, 5), NewDate(2026, 7, 5)
	epds := MeasureByCode("EPDS")
	c, ok := ChangeOf(epds, []MeasureResult{result("EPDS", d1, 18, ""), result("EPDS", d2, 14, ""), result("EPDS", d3, 9, "")})
	if !ok || c.Change != -9 || !c.Improved || c.Meaningful || c.First != d1 || c.Latest != d3 || c.Results != 3 {
		t.Errorf("EPDS change %+v", c)
	}
	c, _ = ChangeOf(epds, []MeasureResult{result("EPDS", d1, 9, ""), result("EPDS", d2, 12, "")})
	if c.Change != 3 || c.Improved {
		t.Errorf("worse EPDS %+v", c)
	}
	if _, ok := ChangeOf(epds, nil); ok {
		t.Error("change of nothing")
	}
	gbo := MeasureByCode("GBO")
	cases := []struct {
		first, last string
		meaningful  bool
		changes     []int
	}{
		{"[2,5]", "[5,6]", true, []int{3, 1}},    // +3 on a goal is meaningful
		{"[2,5]", "[4,7]", false, []int{2, 2}},   // +2 is not
		{"[8]", "[5]", true, []int{-3}},          // -3 is a meaningful fall
		{"[1,1,1]", "[2,2]", false, []int{1, 1}}, // a goal dropped is skipped
		{"[0,0,0]", "[0,0,10]", true, []int{0, 0, 10}},
	}
	for _, k := range cases {
		c, _ := ChangeOf(gbo, []MeasureResult{result("GBO", d1, 0, k.first), result("GBO", d2, 0, k.last)})
		if c.Meaningful != k.meaningful || len(c.Goals) != len(k.changes) {
			t.Errorf("%s→%s: %+v", k.first, k.last, c)
			continue
		}
		for i, ch := range k.changes {
			if c.Goals[i].Change != ch || c.Goals[i].Meaningful != (ch >= 3 || ch <= -3) {
				t.Errorf("%s→%s goal %d: %+v", k.first, k.last, i+1, c.Goals[i])
			}
		}
	}
}

func TestTrendArrow(t *testing.T) {
	p := func(n int) *int { return &n }
	for _, c := range []struct {
		prev *int
		now  int
		want string
	}{{nil, 5, ""}, {p(4), 5, "↑"}, {p(6), 5, "↓"}, {p(5), 5, "→"}} {
		if got := TrendArrow(c.prev, c.now); got != c.want {
			t.Errorf("%v→%d: %q", c.prev, c.now, got)
		}
	}
}

func TestNextMeasureDue(t *testing.T) {
	var zero Date
	today := NewDate(2026, 6, 10)
	epds, phq := MeasureByCode("EPDS"), MeasureByCode("PHQ-9")
	cases := []struct {
		name                      string
		d                         *MeasureDef
		last, assessed, discharge Date
		ok, due                   bool
		reason                    MeasureDueReason
		on                        Date
	}{
		{"never done, not routine", phq, zero, today, zero, false, false, "", zero},
		{"never done, assessed", epds, zero, NewDate(2026, 6, 1), zero, true, true, DueAtAssessment, NewDate(2026, 6, 1)},
		{"never done, assessment booked", epds, zero, NewDate(2026, 6, 11), zero, true, false, DueAtAssessment, NewDate(2026, 6, 11)},
		{"never done, no assessment", epds, zero, zero, zero, true, true, DueAtAssessment, today},
		{"review tomorrow", epds, NewDate(2026, 3, 11), zero, zero, true, false, DueReview, NewDate(2026, 6, 11)},
		{"review today", epds, NewDate(2026, 3, 10), zero, zero, true, true, DueReview, today},
		{"review overdue", phq, NewDate(2026, 1, 1), zero, zero, true, true, DueReview, NewDate(2026, 4, 1)},
		{"discharge before review", epds, NewDate(2026, 5, 1), zero, NewDate(2026, 7, 1), true, true, DueAtDischarge, NewDate(2026, 6, 3)},
		{"discharge window not open", epds, NewDate(2026, 5, 1), zero, NewDate(2026, 7, 9), true, false, DueAtDischarge, NewDate(2026, 6, 11)},
		{"done inside the discharge window", epds, NewDate(2026, 6, 5), zero, NewDate(2026, 7, 1), true, false, DueReview, NewDate(2026, 9, 5)},
		{"review falls before discharge", epds, NewDate(2026, 1, 1), zero, NewDate(2026, 12, 1), true, true, DueReview, NewDate(2026, 4, 1)},
	}
	for _, c := range cases {
		got, ok := NextMeasureDue(c.d, c.last, c.assessed, c.discharge, today)
		if ok != c.ok || ok && (got.Due != c.due || got.Reason != c.reason || got.On != c.on) {
			t.Errorf("%s: %+v %v", c.name, got, ok)
		}
	}
}
