package models

import (
	"testing"
	"time"
)

func TestAddWorkingDaysSkipsWeekends(t *testing.T) {
	d := func(day int) Date { return NewDate(2026, 11, day) } // 23 November 2026 is a Monday
	cases := []struct {
		from Date
		n    int
		want Date
	}{
		{d(23), 2, d(25)},                 // Monday + 2 = Wednesday
		{d(26), 2, d(30)},                 // Thursday + 2 = Monday
		{d(27), 2, NewDate(2026, 12, 1)},  // Friday + 2 = Tuesday
		{d(28), 2, NewDate(2026, 12, 1)},  // Saturday + 2 = Tuesday
		{d(29), 2, NewDate(2026, 12, 1)},  // Sunday + 2 = Tuesday
		{d(27), 1, d(30)},                 // Friday + 1 = Monday
		{d(23), 5, d(30)},                 // a working week
		{d(23), 10, NewDate(2026, 12, 7)}, // two
		{d(28), 0, d(28)},                 // nothing to add
	}
	for _, c := range cases {
		if got := AddWorkingDays(c.from, c.n); got != c.want {
			t.Errorf("AddWorkingDays(%s %s, %d) = %s %s; want %s", c.from.Weekday(), c.from, c.n, got.Weekday(), got, c.want)
		}
	}
}

func TestMondayOf(t *testing.T) {
	for day := 23; day <= 29; day++ {
		if got := MondayOf(NewDate(2026, 11, day)); got != NewDate(2026, 11, 23) {
			t.Errorf("MondayOf(%d November) = %s", day, got)
		}
	}
	if got := MondayOf(NewDate(2026, 11, 30)); got != NewDate(2026, 11, 30) {
		t.Errorf("MondayOf(a Monday) = %s", got)
	}
}

func TestWaitClockIsDueOnItsDueDateAndOverdueTheDayAfter(t *testing.T) {
	start := NewDate(2026, 11, 2)
	due := start.AddDays(14)
	cases := []struct {
		name           string
		started, stop  Date
		today          Date
		state          ClockState
		days, daysLeft int
	}{
		{"not started", Date{}, Date{}, start, ClockNotStarted, 0, 0},
		{"day 0", start, Date{}, start, ClockRunning, 0, 14},
		{"day 13", start, Date{}, start.AddDays(13), ClockRunning, 13, 1},
		{"day 14 is due today, not overdue", start, Date{}, due, ClockRunning, 14, 0},
		{"day 15 is overdue", start, Date{}, start.AddDays(15), ClockOverdue, 15, -1},
		{"stopped on day 14 is met", start, due, start.AddDays(30), ClockMet, 14, 0},
		{"stopped on day 15 is missed", start, start.AddDays(15), start.AddDays(30), ClockMissed, 15, 0},
		{"stopped on day 0 is met", start, start, start.AddDays(1), ClockMet, 0, 0},
	}
	for _, c := range cases {
		got := NewWaitClock(c.started, due, c.stop, c.today)
		if got.State != c.state || got.Days != c.days || got.DaysLeft != c.daysLeft {
			t.Errorf("%s: %+v; want %s, %d days, %d left", c.name, got, c.state, c.days, c.daysLeft)
		}
	}
}

// Hazard: HAZ-014.
func TestClocksCountUKDatesAcrossTheClockChanges(t *testing.T) {
	// Accepted at 00:30 BST on 21 October 2026 (23:30 UTC on the 20th). The
	// clocks go back on 25 October; the letter is due on 4 November, the
	// UK date of acceptance plus 14, whatever the UTC dates say.
	accepted := time.Date(2026, 10, 20, 23, 30, 0, 0, time.UTC)
	due := LondonDate(accepted).AddDays(14)
	if due != NewDate(2026, 11, 4) {
		t.Fatalf("due %s, want 04/11/2026", due)
	}
	// Accepted at 00:30 GMT on 20 March 2027; the clocks go forward on 28
	// March. At 00:30 BST on 3 April (23:30 UTC on 2 April) it is due today.
	accepted = time.Date(2027, 3, 20, 0, 30, 0, 0, time.UTC)
	now := time.Date(2027, 4, 2, 23, 30, 0, 0, time.UTC)
	c := NewWaitClock(LondonDate(accepted), LondonDate(accepted).AddDays(14), Date{}, LondonDate(now))
	if c.State != ClockRunning || c.DaysLeft != 0 || c.Due != NewDate(2027, 4, 3) {
		t.Errorf("across the spring change: %+v; want due today, 03/04/2027", c)
	}
}

func TestDueBandOf(t *testing.T) {
	today := NewDate(2026, 11, 23)
	cases := []struct {
		due  Date
		want DueBand
	}{
		{today.AddDays(-1), BandOverdue},
		{today, BandDueSoon},
		{today.AddDays(3), BandDueSoon},
		{today.AddDays(4), BandDue},
	}
	for _, c := range cases {
		if got := DueBandOf(c.due, today, 3); got != c.want {
			t.Errorf("DueBandOf(%s) = %s, want %s", c.due, got, c.want)
		}
	}
}

func TestStageToday(t *testing.T) {
	today := NewDate(2026, 11, 23)
	cases := []struct {
		name       string
		stage      Stage
		due, baby  Date
		text       string
		periodEnds Date
	}{
		{"pregnant", StagePregnant, today.AddDays(12 * 7), Date{}, "28 weeks pregnant", today.AddDays(12 * 7).AddMonths(12)},
		{"after birth", StagePostnatal, Date{}, NewDate(2026, 7, 20), "4 months after birth", NewDate(2027, 7, 20)},
		{"planning", StagePreconception, Date{}, Date{}, "Planning a pregnancy", Date{}},
		{"due date long past", StagePregnant, NewDate(2026, 10, 1), Date{}, "Due date 01/10/2026 has passed: record the birth", NewDate(2027, 10, 1)},
		{"no baby's date of birth", StagePostnatal, Date{}, Date{}, "Stage not known: check the dates", Date{}},
	}
	for _, c := range cases {
		text, ends := StageToday(c.stage, c.due, c.baby, today)
		if text != c.text || ends != c.periodEnds {
			t.Errorf("%s: %q, ends %s; want %q, ends %s", c.name, text, ends, c.text, c.periodEnds)
		}
	}
}
