package models

import (
	"errors"
	"testing"
	"time"
)

// d reads an ISO date, such as "2026-11-02", in a test table.
func d(s string) Date {
	p, err := ParseISODate(s)
	if err != nil {
		panic(err)
	}
	return p
}

// optionalDate reads an ISO date like d, or gives the zero Date for "".
func optionalDate(s string) Date {
	if s == "" {
		return Date{}
	}
	return d(s)
}

func TestStageLabelAndValid(t *testing.T) {
	want := map[Stage]string{
		StagePreconception: "Planning a pregnancy",
		StagePregnant:      "Pregnant",
		StagePostnatal:     "After birth",
	}
	for _, s := range Stages {
		if !s.Valid() {
			t.Errorf("%q not valid", s)
		}
		if s.Label() != want[s] {
			t.Errorf("%q.Label() = %q, want %q", s, s.Label(), want[s])
		}
	}
	if Stage("antenatal").Valid() || Stage("").Valid() {
		t.Error("unknown stages reported valid")
	}
}

func TestComputeTimeframe(t *testing.T) {
	cases := []struct {
		name          string
		stage         Stage
		due, dob, on  string
		band          Band
		weeks         int
		hasWeeks      bool
		months, bweek int
		ends          string
		text          string
	}{
		{name: "planning", stage: StagePreconception, on: "2026-11-02",
			band: BandPreconception, text: "Planning a pregnancy"},
		{name: "planning ignores dates", stage: StagePreconception, due: "2027-03-15", dob: "2026-01-01", on: "2026-11-02",
			band: BandPreconception, text: "Planning a pregnancy"},

		{name: "pregnant no due date", stage: StagePregnant, on: "2026-11-02",
			band: BandPregnant, text: "Pregnant"},
		{name: "pregnant 21 weeks", stage: StagePregnant, due: "2027-03-15", on: "2026-11-02",
			band: BandPregnant, weeks: 21, hasWeeks: true, ends: "2028-03-15", text: "21 weeks pregnant"},
		{name: "pregnant 28 weeks exactly", stage: StagePregnant, due: "2027-01-25", on: "2026-11-02",
			band: BandPregnant, weeks: 28, hasWeeks: true, ends: "2028-01-25", text: "28 weeks pregnant"},
		{name: "pregnant 27 weeks 6 days rounds down", stage: StagePregnant, due: "2027-01-26", on: "2026-11-02",
			band: BandPregnant, weeks: 27, hasWeeks: true, ends: "2028-01-26", text: "27 weeks pregnant"},
		{name: "due today is 40 weeks", stage: StagePregnant, due: "2026-11-02", on: "2026-11-02",
			band: BandPregnant, weeks: 40, hasWeeks: true, ends: "2027-11-02", text: "40 weeks pregnant"},
		{name: "two weeks overdue is 42 weeks", stage: StagePregnant, due: "2026-10-19", on: "2026-11-02",
			band: BandPregnant, weeks: 42, hasWeeks: true, ends: "2027-10-19", text: "42 weeks pregnant"},
		{name: "one week", stage: StagePregnant, due: "2027-08-02", on: "2026-11-02",
			band: BandPregnant, weeks: 1, hasWeeks: true, ends: "2028-08-02", text: "1 week pregnant"},
		{name: "due date 40 weeks ahead", stage: StagePregnant, due: "2027-08-09", on: "2026-11-02",
			band: BandPregnant, weeks: 0, hasWeeks: true, ends: "2028-08-09", text: "Less than 1 week pregnant"},
		{name: "due date 44 weeks ahead", stage: StagePregnant, due: "2027-09-06", on: "2026-11-02",
			band: BandPregnant, weeks: 0, hasWeeks: true, ends: "2028-09-06", text: "Less than 1 week pregnant"},
		{name: "due date at 29 February", stage: StagePregnant, due: "2028-02-29", on: "2027-08-02",
			band: BandPregnant, weeks: 9, hasWeeks: true, ends: "2029-02-28", text: "9 weeks pregnant"},

		{name: "born today", stage: StagePostnatal, dob: "2026-11-02", on: "2026-11-02",
			band: BandUpTo9Months, ends: "2027-11-02", text: "Less than 1 week after birth"},
		{name: "one week", stage: StagePostnatal, dob: "2026-10-26", on: "2026-11-02",
			band: BandUpTo9Months, bweek: 1, ends: "2027-10-26", text: "1 week after birth"},
		{name: "four months", stage: StagePostnatal, dob: "2026-07-01", on: "2026-11-02",
			band: BandUpTo9Months, months: 4, ends: "2027-07-01", text: "4 months after birth"},
		{name: "four months two weeks", stage: StagePostnatal, dob: "2026-07-01", on: "2026-11-15",
			band: BandUpTo9Months, months: 4, bweek: 2, ends: "2027-07-01", text: "4 months 2 weeks after birth"},
		{name: "one month one week", stage: StagePostnatal, dob: "2026-09-20", on: "2026-10-27",
			band: BandUpTo9Months, months: 1, bweek: 1, ends: "2027-09-20", text: "1 month 1 week after birth"},
		{name: "31 January is one month old on 28 February", stage: StagePostnatal, dob: "2026-01-31", on: "2026-02-28",
			band: BandUpTo9Months, months: 1, ends: "2027-01-31", text: "1 month after birth"},
		{name: "31 January on 27 February", stage: StagePostnatal, dob: "2026-01-31", on: "2026-02-27",
			band: BandUpTo9Months, months: 0, bweek: 3, ends: "2027-01-31", text: "3 weeks after birth"},

		{name: "day before 9 months", stage: StagePostnatal, dob: "2026-01-10", on: "2026-10-09",
			band: BandUpTo9Months, months: 8, bweek: 4, ends: "2027-01-10", text: "8 months 4 weeks after birth"},
		{name: "exactly 9 months", stage: StagePostnatal, dob: "2026-01-10", on: "2026-10-10",
			band: Band9To12Months, months: 9, ends: "2027-01-10", text: "9 months after birth"},
		{name: "shared example 9-12 months", stage: StagePostnatal, dob: "2026-01-10", on: "2026-11-02",
			band: Band9To12Months, months: 9, bweek: 3, ends: "2027-01-10", text: "9 months 3 weeks after birth"},
		{name: "day before 12 months", stage: StagePostnatal, dob: "2026-01-10", on: "2027-01-09",
			band: Band9To12Months, months: 11, bweek: 4, ends: "2027-01-10", text: "11 months 4 weeks after birth"},
		{name: "exactly 12 months", stage: StagePostnatal, dob: "2026-01-10", on: "2027-01-10",
			band: BandBeyond12Months, months: 12, ends: "2027-01-10", text: "12 months after birth"},
		{name: "two years", stage: StagePostnatal, dob: "2024-11-02", on: "2026-11-02",
			band: BandBeyond12Months, months: 24, ends: "2025-11-02", text: "24 months after birth"},

		{name: "29 February: day before 9 months", stage: StagePostnatal, dob: "2024-02-29", on: "2024-11-28",
			band: BandUpTo9Months, months: 8, bweek: 4, ends: "2025-02-28", text: "8 months 4 weeks after birth"},
		{name: "29 February: 9 months on 29 November", stage: StagePostnatal, dob: "2024-02-29", on: "2024-11-29",
			band: Band9To12Months, months: 9, ends: "2025-02-28", text: "9 months after birth"},
		{name: "29 February: day before 12 months", stage: StagePostnatal, dob: "2024-02-29", on: "2025-02-27",
			band: Band9To12Months, months: 11, bweek: 4, ends: "2025-02-28", text: "11 months 4 weeks after birth"},
		{name: "29 February: 12 months on 28 February", stage: StagePostnatal, dob: "2024-02-29", on: "2025-02-28",
			band: BandBeyond12Months, months: 12, ends: "2025-02-28", text: "12 months after birth"},
	}
	for _, c := range cases {
		t.Run(string(c.stage)+"/"+c.name, func(t *testing.T) {
			tf, err := ComputeTimeframe(c.stage, optionalDate(c.due), optionalDate(c.dob), d(c.on))
			if err != nil {
				t.Fatalf("error: %v", err)
			}
			if tf.Stage != c.stage || tf.AsOf != d(c.on) {
				t.Errorf("stage/asOf = %q/%v", tf.Stage, tf.AsOf)
			}
			if tf.Band != c.band {
				t.Errorf("band = %q, want %q", tf.Band, c.band)
			}
			if tf.HasWeeks != c.hasWeeks || tf.WeeksPregnant != c.weeks {
				t.Errorf("weeks = %d (known %v), want %d (known %v)", tf.WeeksPregnant, tf.HasWeeks, c.weeks, c.hasWeeks)
			}
			if tf.BabyMonths != c.months || tf.BabyWeeks != c.bweek {
				t.Errorf("baby age = %d months %d weeks, want %d months %d weeks", tf.BabyMonths, tf.BabyWeeks, c.months, c.bweek)
			}
			if wantEnds := optionalDate(c.ends); tf.PeriodEnds != wantEnds {
				t.Errorf("period ends %v, want %v", tf.PeriodEnds, wantEnds)
			}
			if tf.Text() != c.text {
				t.Errorf("Text() = %q, want %q", tf.Text(), c.text)
			}
		})
	}
}

func TestComputeTimeframeErrors(t *testing.T) {
	cases := []struct {
		name     string
		stage    Stage
		due, dob string
		want     error
	}{
		{"postnatal without baby's date of birth", StagePostnatal, "", "", ErrBabyDateOfBirthMissing},
		{"postnatal with only a due date", StagePostnatal, "2026-10-01", "", ErrBabyDateOfBirthMissing},
		{"baby born tomorrow", StagePostnatal, "", "2026-11-03", ErrBabyBornAfterReference},
		{"due date 44 weeks and a day ahead", StagePregnant, "2027-09-07", "", ErrDueDateTooFarAhead},
		{"due date in a later year by mistake", StagePregnant, "2028-03-15", "", ErrDueDateTooFarAhead},
		{"due date 15 days ago", StagePregnant, "2026-10-18", "", ErrDueDatePassedLongBefore},
		{"due date last year", StagePregnant, "2025-11-02", "", ErrDueDatePassedLongBefore},
		{"unknown stage", Stage("antenatal"), "", "", ErrStageUnknown},
		{"no stage", Stage(""), "", "", ErrStageUnknown},
	}
	for _, c := range cases {
		tf, err := ComputeTimeframe(c.stage, optionalDate(c.due), optionalDate(c.dob), d("2026-11-02"))
		if !errors.Is(err, c.want) {
			t.Errorf("%s: error = %v, want %v", c.name, err, c.want)
		}
		if tf.Stage != c.stage || tf.AsOf != d("2026-11-02") {
			t.Errorf("%s: timeframe lost its stage or date: %+v", c.name, tf)
		}
	}
}

func TestReferralTimeframe(t *testing.T) {
	r := &Referral{Stage: StagePostnatal, BabyDateOfBirth: d("2026-07-01")}
	tf, err := r.Timeframe(d("2026-11-02"))
	if err != nil || tf.Text() != "4 months after birth" {
		t.Errorf("Timeframe = %q, %v", tf.Text(), err)
	}
}

func TestBandLabel(t *testing.T) {
	for _, b := range []Band{BandPreconception, BandPregnant, BandUpTo9Months, Band9To12Months, BandBeyond12Months} {
		if b.Label() == string(b) {
			t.Errorf("band %q has no label", b)
		}
	}
}

func TestLondonDate(t *testing.T) {
	cases := []struct{ at, want string }{
		{"2026-06-30T23:30:00Z", "2026-07-01"},      // summer: 00:30 BST next day
		{"2026-12-31T23:30:00Z", "2026-12-31"},      // winter: GMT
		{"2026-03-28T23:30:00Z", "2026-03-28"},      // night before clocks go forward
		{"2026-03-29T00:59:59Z", "2026-03-29"},      // last second of GMT
		{"2026-10-24T23:30:00Z", "2026-10-25"},      // night before clocks go back, still BST
		{"2026-10-25T23:30:00Z", "2026-10-25"},      // after clocks went back
		{"2026-11-02T10:30:00Z", "2026-11-02"},      // the shared examples' received_at
		{"2026-07-01T00:30:00+02:00", "2026-06-30"}, // offsets are honoured: 22:30 UTC, 23:30 BST
	}
	for _, c := range cases {
		at, err := time.Parse(time.RFC3339, c.at)
		if err != nil {
			t.Fatal(err)
		}
		if got := LondonDate(at); got != d(c.want) {
			t.Errorf("LondonDate(%s) = %v, want %v", c.at, got.ISO(), c.want)
		}
	}
}

// TestLondonDateMatchesTimeZoneDatabase checks LondonDate against the
// time-zone database loaded afresh, every half hour from 1997 to 2037.
func TestLondonDateMatchesTimeZoneDatabase(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Skipf("no time-zone database: %v", err)
	}
	start := time.Date(1997, 1, 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(2038, 1, 1, 0, 0, 0, 0, time.UTC)
	for at := start; at.Before(end); at = at.Add(30 * time.Minute) {
		if got, want := LondonDate(at), DateOf(at.In(london)); got != want {
			t.Fatalf("LondonDate(%v) = %v, time-zone database says %v", at, got.ISO(), want.ISO())
		}
	}
}
