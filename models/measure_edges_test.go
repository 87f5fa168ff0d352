package models

import (
	"errors"
	"strings"
	"testing"
)

// TestChangeOfAtItsEdges checks the direction and the meaningful change at
// their boundaries: no change is no improvement whichever way is better,
// and a change exactly the published threshold is meaningful.
func TestChangeOfAtItsEdges(t *testing.T) {
	d1, d2 := NewDate(2026, 1, 5), NewDate(2026, 4, 5)
	lowerBetter := &MeasureDef{Code: "LOW", MeaningfulChange: 5}
	higherBetter := &MeasureDef{Code: "HIGH", MeaningfulChange: 5, HigherIsBetter: true}
	noThreshold := MeasureByCode("EPDS")
	for _, c := range []struct {
		def                  *MeasureDef
		first, last          int
		improved, meaningful bool
	}{
		{lowerBetter, 12, 12, false, false},
		{lowerBetter, 12, 11, true, false},
		{lowerBetter, 12, 7, true, true},  // exactly the threshold
		{lowerBetter, 12, 8, true, false}, // one short of it
		{lowerBetter, 7, 12, false, true}, // a meaningful worsening
		{higherBetter, 12, 12, false, false},
		{higherBetter, 12, 13, true, false},
		{higherBetter, 12, 17, true, true},
		{higherBetter, 12, 11, false, false},
		{noThreshold, 20, 0, true, false}, // EPDS publishes no threshold here
	} {
		got, ok := ChangeOf(c.def, []MeasureResult{result(c.def.Code, d1, c.first, ""), result(c.def.Code, d2, c.last, "")})
		if !ok || got.Improved != c.improved || got.Meaningful != c.meaningful {
			t.Errorf("%s %d→%d: improved %v meaningful %v, want %v %v", c.def.Code, c.first, c.last, got.Improved, got.Meaningful, c.improved, c.meaningful)
		}
	}
}

// TestGoalGapIsNamed checks that a goal rated after an unrated one is
// refused, a rating of 0 counting as rated, and that the error names the
// unrated goal.
func TestGoalGapIsNamed(t *testing.T) {
	d := MeasureByCode("GBO")
	for _, c := range []struct {
		answers []int
		gap     int // -1 for none
	}{
		{[]int{4, -1, 5}, 1},
		{[]int{4, -1, 0}, 1},
		{[]int{4, 0, -1}, -1},
		{[]int{4, -1, -1}, -1},
		{[]int{-1, 5}, 0}, // the first goal missing: asked for, once
	} {
		_, err := d.Score(c.answers)
		var fes FieldErrors
		errors.As(err, &fes)
		var fields []FieldID
		for _, fe := range fes {
			fields = append(fields, fe.Field)
		}
		if c.gap < 0 {
			if err != nil {
				t.Errorf("%v: refused (%v)", c.answers, fields)
			}
			continue
		}
		if len(fields) != 1 || fields[0] != FieldMeasureAnswer.Item(c.gap) {
			t.Errorf("%v: errors name %v, want only %s", c.answers, fields, FieldMeasureAnswer.Item(c.gap))
		}
	}
}

// TestReversedAndResponseLabels checks which items are scored downwards,
// and how a response without a shared label is named by its letter.
func TestReversedAndResponseLabels(t *testing.T) {
	d := &MeasureDef{Code: "X", Items: []MeasureItem{{Scores: []int{0, 1, 2}}, {Scores: []int{2, 1, 0}}, {Scores: []int{1}}, {Scores: []int{1, 1}}}}
	for i, want := range []bool{false, true, false, false} {
		if got := d.Reversed(i); got != want {
			t.Errorf("item %d reversed %v, want %v", i, got, want)
		}
	}
	if got, want := d.ResponseLabel(1, 2), "Response C as printed (scores 0)"; got != want {
		t.Errorf("label %q, want %q", got, want)
	}
}

// TestBirthTooLateSaysHowLate checks that a birth after the latest
// plausible date is refused with the limit in weeks: the 42 weeks of
// pregnancy (maxGestationWeeks) at which labour is induced, one more week
// allowed, is 3 weeks after a due date at 40.
func TestBirthTooLateSaysHowLate(t *testing.T) {
	due, today := NewDate(2026, 6, 1), NewDate(2026, 11, 1)
	if err := CheckBirth(&Birth{BornOn: due.AddDays(21)}, Date{}, due, today); err != nil {
		t.Errorf("3 weeks after the due date refused: %v", err)
	}
	err := CheckBirth(&Birth{BornOn: due.AddDays(22)}, Date{}, due, today)
	if err == nil || !strings.Contains(err.Error(), "more than 3 weeks after her due date") {
		t.Errorf("3 weeks and a day after the due date: %v", err)
	}
}
