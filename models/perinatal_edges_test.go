package models

import (
	"errors"
	"testing"
)

// Boundaries of the perinatal timeframe, as it behaves today: the bands
// change exactly on the day the baby is 9 and 12 calendar months old, and a
// due date is refused exactly one day beyond 44 weeks ahead or 2 weeks
// past. These hold for every birth date, not only the worked examples in
// perinatal_test.go.

func TestPerinatalEdgesBandsChangeOnTheMonthDay(t *testing.T) {
	start := d("2023-01-01")
	for i := range 3 * 366 {
		born := start.AddDays(i)
		nine, twelve := born.AddMonths(9), born.AddMonths(12)
		cases := []struct {
			on   Date
			want Band
		}{
			{born, BandUpTo9Months},
			{nine.AddDays(-1), BandUpTo9Months},
			{nine, Band9To12Months},
			{twelve.AddDays(-1), Band9To12Months},
			{twelve, BandBeyond12Months},
			{twelve.AddDays(1), BandBeyond12Months},
		}
		for _, c := range cases {
			tf, err := ComputeTimeframe(StagePostnatal, Date{}, born, c.on)
			if err != nil {
				t.Fatalf("born %s, on %s: %v", born.ISO(), c.on.ISO(), err)
			}
			if tf.Band != c.want {
				t.Fatalf("born %s, on %s: band %s, want %s", born.ISO(), c.on.ISO(), tf.Band, c.want)
			}
			if tf.PeriodEnds != twelve {
				t.Fatalf("born %s: period ends %s, want %s", born.ISO(), tf.PeriodEnds.ISO(), twelve.ISO())
			}
		}
		// Whole months: 8 the day before 9 months, 9 on the day, 11 the day
		// before 12 months, 12 on the first birthday.
		for _, c := range []struct {
			on     Date
			months int
		}{{nine.AddDays(-1), 8}, {nine, 9}, {twelve.AddDays(-1), 11}, {twelve, 12}} {
			tf, _ := ComputeTimeframe(StagePostnatal, Date{}, born, c.on)
			if tf.BabyMonths != c.months {
				t.Fatalf("born %s, on %s: %d months, want %d", born.ISO(), c.on.ISO(), tf.BabyMonths, c.months)
			}
		}
	}
}

func TestPerinatalEdgesBabyAge(t *testing.T) {
	cases := []struct {
		born, on      string
		months, weeks int
	}{
		{"2026-07-01", "2026-07-01", 0, 0},
		{"2026-07-01", "2026-07-07", 0, 0},
		{"2026-07-01", "2026-07-08", 0, 1},
		{"2026-07-01", "2026-07-31", 0, 4},
		{"2026-07-01", "2026-08-01", 1, 0},
		{"2026-07-31", "2026-08-30", 0, 4},
		{"2026-07-31", "2026-08-31", 1, 0},
		{"2025-12-15", "2026-01-14", 0, 4},
		{"2025-12-15", "2026-01-15", 1, 0},
		{"2025-11-02", "2026-11-01", 11, 4},
		{"2025-11-02", "2026-11-02", 12, 0},
		{"2024-11-02", "2026-11-09", 24, 1},
	}
	for _, c := range cases {
		tf, err := ComputeTimeframe(StagePostnatal, Date{}, d(c.born), d(c.on))
		if err != nil || tf.BabyMonths != c.months || tf.BabyWeeks != c.weeks {
			t.Errorf("born %s, on %s: %d months %d weeks, %v; want %d months %d weeks",
				c.born, c.on, tf.BabyMonths, tf.BabyWeeks, err, c.months, c.weeks)
		}
	}
	// Born on the day of the referral is fine; a day later is refused.
	on := d("2026-11-02")
	if _, err := ComputeTimeframe(StagePostnatal, Date{}, on, on); err != nil {
		t.Errorf("born on the day: %v", err)
	}
	if _, err := ComputeTimeframe(StagePostnatal, Date{}, on.AddDays(1), on); !errors.Is(err, ErrBabyBornAfterReference) {
		t.Errorf("born the next day: %v, want ErrBabyBornAfterReference", err)
	}
}

func TestPerinatalEdgesDueDateLimits(t *testing.T) {
	on := d("2026-11-02")
	cases := []struct {
		daysToGo int
		weeks    int
		err      error
	}{
		{44*7 + 1, 0, ErrDueDateTooFarAhead},
		{44 * 7, 0, nil},
		{40*7 + 1, 0, nil}, // further ahead than full term still reads 0 weeks
		{40 * 7, 0, nil},
		{40*7 - 6, 0, nil},
		{40*7 - 7, 1, nil},
		{12 * 7, 28, nil},
		{12*7 + 1, 27, nil},
		{1, 39, nil},
		{0, 40, nil},
		{-1, 40, nil},
		{-7, 41, nil},
		{-13, 41, nil},
		{-14, 42, nil},
		{-15, 0, ErrDueDatePassedLongBefore},
		{-100, 0, ErrDueDatePassedLongBefore},
	}
	for _, c := range cases {
		due := on.AddDays(c.daysToGo)
		tf, err := ComputeTimeframe(StagePregnant, due, Date{}, on)
		if !errors.Is(err, c.err) || (err == nil) != (c.err == nil) {
			t.Errorf("due in %d days: error %v, want %v", c.daysToGo, err, c.err)
			continue
		}
		if err != nil {
			// On error only the stage and date are kept.
			if tf != (Timeframe{Stage: StagePregnant, AsOf: on}) {
				t.Errorf("due in %d days: timeframe on error = %+v", c.daysToGo, tf)
			}
			continue
		}
		if !tf.HasWeeks || tf.WeeksPregnant != c.weeks || tf.Band != BandPregnant || tf.PeriodEnds != due.AddMonths(12) {
			t.Errorf("due in %d days: %+v; want %d weeks", c.daysToGo, tf, c.weeks)
		}
	}
}

func TestPerinatalEdgesText(t *testing.T) {
	cases := []struct {
		tf   Timeframe
		want string
	}{
		{Timeframe{Stage: StagePregnant}, "Pregnant"},
		{Timeframe{Stage: StagePregnant, HasWeeks: true}, "Less than 1 week pregnant"},
		{Timeframe{Stage: StagePregnant, HasWeeks: true, WeeksPregnant: 1}, "1 week pregnant"},
		{Timeframe{Stage: StagePregnant, HasWeeks: true, WeeksPregnant: 2}, "2 weeks pregnant"},
		{Timeframe{Stage: StagePostnatal}, "Less than 1 week after birth"},
		{Timeframe{Stage: StagePostnatal, BabyWeeks: 1}, "1 week after birth"},
		{Timeframe{Stage: StagePostnatal, BabyMonths: 1}, "1 month after birth"},
		{Timeframe{Stage: StagePostnatal, BabyMonths: 1, BabyWeeks: 2}, "1 month 2 weeks after birth"},
		{Timeframe{Stage: StagePostnatal, BabyMonths: 13, BabyWeeks: 1}, "13 months 1 week after birth"},
		{Timeframe{Stage: StagePreconception}, "Planning a pregnancy"},
		{Timeframe{Stage: "antenatal"}, "antenatal"},
	}
	for _, c := range cases {
		if got := c.tf.Text(); got != c.want {
			t.Errorf("%+v.Text() = %q, want %q", c.tf, got, c.want)
		}
	}
	if plural(0, "week") != "0 weeks" || plural(1, "week") != "1 week" || plural(2, "month") != "2 months" {
		t.Error("plural is wrong")
	}
}

func TestPerinatalEdgesLabels(t *testing.T) {
	bands := map[Band]string{
		BandPreconception:  "Planning a pregnancy",
		BandPregnant:       "Pregnant",
		BandUpTo9Months:    "Up to 9 months after birth",
		Band9To12Months:    "9 to 12 months after birth",
		BandBeyond12Months: "More than 12 months after birth",
		Band("other"):      "other",
	}
	for b, want := range bands {
		if got := b.Label(); got != want {
			t.Errorf("Band(%q).Label() = %q, want %q", b, got, want)
		}
	}
	if got := Stage("other").Label(); got != "other" {
		t.Errorf("unknown stage label = %q", got)
	}
	for _, s := range []Stage{"", "Pregnant", "post-natal"} {
		if s.Valid() {
			t.Errorf("Stage(%q) reported valid", s)
		}
	}
}

func TestPerinatalEdgesStagesIgnoreDatesThatDoNotApply(t *testing.T) {
	on := d("2026-11-02")
	// Planning a pregnancy: a due date or birth date is ignored.
	tf, err := ComputeTimeframe(StagePreconception, d("2020-01-01"), d("2030-01-01"), on)
	if err != nil || tf != (Timeframe{Stage: StagePreconception, AsOf: on, Band: BandPreconception}) {
		t.Errorf("planning = %+v, %v", tf, err)
	}
	// Pregnant: a baby's date of birth is ignored.
	tf, err = ComputeTimeframe(StagePregnant, Date{}, d("2030-01-01"), on)
	if err != nil || tf != (Timeframe{Stage: StagePregnant, AsOf: on, Band: BandPregnant}) {
		t.Errorf("pregnant with no due date = %+v, %v", tf, err)
	}
	// After birth: a due date is ignored.
	tf, err = ComputeTimeframe(StagePostnatal, d("2020-01-01"), d("2026-07-01"), on)
	if err != nil || tf.Band != BandUpTo9Months || tf.HasWeeks || tf.WeeksPregnant != 0 {
		t.Errorf("after birth with a due date = %+v, %v", tf, err)
	}
}
