package models

import (
	"testing"
	"time"
)

func TestMedianAndPercentile(t *testing.T) {
	cases := []struct {
		name        string
		xs          []float64
		median, p90 float64
		ok          bool
	}{
		{"empty", nil, 0, 0, false},
		{"one", []float64{7}, 7, 7, true},
		{"two", []float64{4, 10}, 7, 10, true},
		{"odd, unsorted", []float64{9, 1, 5}, 5, 9, true},
		{"ten", []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 5.5, 9, true},
		{"eleven", []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 6, 10, true},
		{"twenty, repeats", []float64{3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 20, 30}, 3, 3, true},
	}
	for _, c := range cases {
		m, ok := Median(c.xs)
		if ok != c.ok || m != c.median {
			t.Errorf("%s: Median = %v, %v; want %v, %v", c.name, m, ok, c.median, c.ok)
		}
		p, ok := Percentile(c.xs, 90)
		if ok != c.ok || p != c.p90 {
			t.Errorf("%s: Percentile 90 = %v, %v; want %v, %v", c.name, p, ok, c.p90, c.ok)
		}
	}
	xs := []float64{3, 1, 2}
	Median(xs)
	Percentile(xs, 50)
	if xs[0] != 3 || xs[1] != 1 {
		t.Errorf("the input was sorted in place: %v", xs)
	}
	for _, p := range []float64{0, -1, 100.5} {
		if _, ok := Percentile([]float64{1}, p); ok {
			t.Errorf("Percentile(%v) should refuse", p)
		}
	}
	if v, _ := Percentile([]float64{5, 1}, 100); v != 5 {
		t.Errorf("Percentile 100 = %v, want the largest", v)
	}
	if v, _ := Percentile([]float64{5, 1}, 50); v != 1 {
		t.Errorf("Percentile 50 of two = %v, want the smaller (nearest rank 1)", v)
	}
}

func TestWorkingDaysBetween(t *testing.T) {
	fri := NewDate(2026, 11, 20)
	cases := []struct {
		from, to Date
		want     int
	}{
		{fri, fri, 0},
		{fri, NewDate(2026, 11, 19), 0},
		{fri, NewDate(2026, 11, 21), 0}, // Saturday
		{fri, NewDate(2026, 11, 22), 0}, // Sunday
		{fri, NewDate(2026, 11, 23), 1}, // Monday
		{fri, NewDate(2026, 11, 24), 2}, // Tuesday
		{fri, NewDate(2026, 11, 25), 3},
		{NewDate(2026, 11, 21), NewDate(2026, 11, 24), 2}, // from a Saturday
		{NewDate(2026, 11, 23), NewDate(2026, 11, 30), 5},
	}
	for _, c := range cases {
		if got := WorkingDaysBetween(c.from, c.to); got != c.want {
			t.Errorf("WorkingDaysBetween(%s, %s) = %d, want %d", c.from, c.to, got, c.want)
		}
	}
	// It agrees with AddWorkingDays.
	for n := 0; n < 8; n++ {
		for start := NewDate(2026, 11, 16); start.Before(NewDate(2026, 11, 23)); start = start.AddDays(1) {
			if got := WorkingDaysBetween(start, AddWorkingDays(start, n)); got != n {
				t.Errorf("WorkingDaysBetween(%s, AddWorkingDays(%d)) = %d", start, n, got)
			}
		}
	}
}

// Hazard: HAZ-038.
func TestLondonMonthAcrossClockChanges(t *testing.T) {
	cases := []struct {
		at   time.Time
		want Month
	}{
		// 31 Oct 2026 23:30 GMT is still October (the clocks went back on 25 Oct).
		{time.Date(2026, 10, 31, 23, 30, 0, 0, time.UTC), Month{2026, time.October}},
		// 31 Mar 2027 23:30 UTC is 00:30 BST on 1 April (clocks went forward 28 Mar).
		{time.Date(2027, 3, 31, 23, 30, 0, 0, time.UTC), Month{2027, time.April}},
		// 30 Sep 2026 23:30 UTC is 00:30 BST on 1 October.
		{time.Date(2026, 9, 30, 23, 30, 0, 0, time.UTC), Month{2026, time.October}},
		{time.Date(2026, 11, 30, 23, 59, 0, 0, time.UTC), Month{2026, time.November}},
	}
	for _, c := range cases {
		// The month holds the instant; the months either side do not.
		for m, holds := range map[Month]bool{c.want: true, MonthOfDate(c.want.First().AddMonths(-1)): false, c.want.Next(): false} {
			if got := !c.at.Before(m.Start()) && c.at.Before(m.Next().Start()); got != holds {
				t.Errorf("%s holds %s: %v, want %v", m.ISO(), c.at, got, holds)
			}
		}
	}
}

func TestMonths(t *testing.T) {
	m := Month{2027, time.February}
	if m.First() != NewDate(2027, 2, 1) || m.Last() != NewDate(2027, 2, 28) || m.Next() != (Month{2027, time.March}) {
		t.Errorf("February 2027: %v %v %v", m.First(), m.Last(), m.Next())
	}
	if (Month{2026, time.December}).Next() != (Month{2027, time.January}) {
		t.Error("December's next month is January of the next year")
	}
	if m.ISO() != "2027-02" || m.Label() != "Feb 2027" {
		t.Errorf("ISO %q Label %q", m.ISO(), m.Label())
	}
	from, to := Month{2026, time.November}.MHS91Window()
	if from != NewDate(2025, 12, 1) || to != NewDate(2026, 11, 30) {
		t.Errorf("MHS91 window of Nov 2026 = %s to %s, want 01/12/2025 to 30/11/2026", from, to)
	}
	got := MonthsCovering(NewDate(2026, 11, 15), NewDate(2027, 2, 1))
	want := []Month{{2026, 11}, {2026, 12}, {2027, 1}, {2027, 2}}
	if len(got) != len(want) {
		t.Fatalf("MonthsCovering = %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("MonthsCovering[%d] = %v, want %v", i, got[i], want[i])
		}
	}
	if len(MonthsCovering(NewDate(2026, 11, 2), NewDate(2026, 11, 1))) != 0 {
		t.Error("an empty range covers no month")
	}
	if one := MonthsCovering(NewDate(2026, 11, 2), NewDate(2026, 11, 2)); len(one) != 1 {
		t.Errorf("one day covers one month: %v", one)
	}
	if p, err := ParseMonth("2026-10"); err != nil || p != (Month{2026, time.October}) {
		t.Errorf("ParseMonth = %v, %v", p, err)
	}
	for _, bad := range []string{"", "2026-13", "10/2026", "2026-1"} {
		if _, err := ParseMonth(bad); err == nil {
			t.Errorf("ParseMonth(%q) should refuse", bad)
		}
	}
}

// Hazard: HAZ-038.
func TestCountsForMHS91(t *testing.T) {
	for _, mode := range Modes {
		for _, a := range Attendances {
			want := (a == AttendOnTime || a == AttendLateSeen) && mode != ModeTelephone
			if got := CountsForMHS91(mode, a); got != want {
				t.Errorf("CountsForMHS91(%s, %s) = %v, want %v", mode, a, got, want)
			}
		}
	}
	if CountsForMHS91(Mode("other"), AttendOnTime) {
		t.Error("an unknown mode (98 other) does not count")
	}
}

func TestMeasureImproved(t *testing.T) {
	cases := []struct {
		measure       string
		first, latest int
		want          bool
	}{
		{"EPDS", 18, 9, true}, {"EPDS", 9, 9, false}, {"EPDS", 9, 12, false},
		{"PHQ-9", 12, 11, true}, {"GAD-7", 5, 6, false}, {"CORE-10", 20, 10, true},
		{"GBO", 3, 7, true}, {"GBO", 7, 7, false}, {"GBO", 7, 3, false},
	}
	for _, c := range cases {
		if got := MeasureImproved(c.measure, c.first, c.latest); got != c.want {
			t.Errorf("MeasureImproved(%s, %d, %d) = %v", c.measure, c.first, c.latest, got)
		}
	}
}

func TestReportStageOn(t *testing.T) {
	asOf := NewDate(2026, 11, 30)
	none := Date{}
	cases := []struct {
		name       string
		stage      Stage
		due, birth Date
		want       ReportStage
	}{
		{"pregnant, due later", StagePregnant, NewDate(2027, 1, 10), none, ReportStagePregnant},
		{"pregnant, no due date", StagePregnant, none, none, ReportStagePregnant},
		{"due date passed, birth not recorded", StagePregnant, NewDate(2026, 10, 1), none, ReportStageUpTo6},
		{"born today", StagePostnatal, none, asOf, ReportStageUpTo6},
		{"5 months 30 days", StagePostnatal, none, NewDate(2026, 6, 1), ReportStageUpTo6},
		{"exactly 6 months", StagePostnatal, none, NewDate(2026, 5, 30), ReportStage6To12},
		{"11 months", StagePostnatal, none, NewDate(2025, 12, 31), ReportStage6To12},
		{"exactly 12 months", StagePostnatal, none, NewDate(2025, 11, 30), ReportStageOver12},
		{"birth after asOf", StagePostnatal, none, NewDate(2026, 12, 5), ReportStagePregnant},
		{"planning", StagePreconception, none, none, ReportStagePlanning},
		{"postnatal without a birth date", StagePostnatal, none, none, ReportStageNotKnown},
	}
	for _, c := range cases {
		if got := ReportStageOn(c.stage, c.due, c.birth, asOf); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
	for _, s := range ReportStages {
		if s.Label() == string(s) {
			t.Errorf("stage %s has no label", s)
		}
	}
}

func TestShare(t *testing.T) {
	if _, ok := Share(1, 0); ok {
		t.Error("a share of nothing is not known")
	}
	cases := []struct {
		part, whole int
		want        float64
	}{{1, 3, 33.3}, {2, 3, 66.7}, {3, 3, 100}, {0, 5, 0}, {1, 8, 12.5}}
	for _, c := range cases {
		if got, _ := Share(c.part, c.whole); got != c.want {
			t.Errorf("Share(%d, %d) = %v, want %v", c.part, c.whole, got, c.want)
		}
	}
}
