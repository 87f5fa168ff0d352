package models

import (
	"errors"
	"time"
)

// Waiting-time clocks count calendar dates in UK local time (see
// LondonDate), never 24-hour periods of elapsed time, so the change between
// British Summer Time and GMT cannot move a due date: a letter for a
// referral accepted at 00:30 on 21 October is due on 4 November whatever the
// clocks did in between. Weekends and bank holidays count as ordinary days
// unless a target says "working days".

// AddWorkingDays returns the date n working days (Monday to Friday) after d.
// Counting starts the day after d, so 2 working days after a Friday (or a
// Saturday) is the Tuesday. Bank holidays are not known and count as
// working days. n of 0 or less returns d.
func AddWorkingDays(d Date, n int) Date {
	for n > 0 {
		d = d.AddDays(1)
		if wd := d.Time().Weekday(); wd != time.Saturday && wd != time.Sunday {
			n--
		}
	}
	return d
}

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday { return d.Time().Weekday() }

// MondayOf returns the Monday of the week (Monday to Sunday) holding d.
func MondayOf(d Date) Date {
	back := (int(d.Weekday()) + 6) % 7 // Monday 0 … Sunday 6
	return d.AddDays(-back)
}

// ClockState says where a waiting-time clock stands.
type ClockState string

// Clock states.
const (
	ClockNotStarted ClockState = "not_started" // the event that starts it has not happened
	ClockRunning    ClockState = "running"     // within target; not stopped yet
	ClockOverdue    ClockState = "overdue"     // past its due date and not stopped
	ClockMet        ClockState = "met"         // stopped on or before its due date
	ClockMissed     ClockState = "missed"      // stopped after its due date
)

// Label returns the state in words.
func (s ClockState) Label() string { return labelOf(clockStateLabels, s) }

// clockStateLabels holds the words for each ClockState.
var clockStateLabels = map[ClockState]string{
	ClockNotStarted: "Not started",
	ClockRunning:    "Within target",
	ClockOverdue:    "Overdue",
	ClockMet:        "Target met",
	ClockMissed:     "Target missed",
}

// WaitClock is one waiting-time clock on one referral.
type WaitClock struct {
	Started Date // zero when the clock has not started
	Due     Date
	Stopped Date // zero while it runs
	State   ClockState
	// Days is the number of days from Started to Stopped, or to today while
	// the clock runs.
	Days int
	// DaysLeft is the number of days from today to Due while the clock runs:
	// 0 on the due date itself, negative once overdue. It is 0 once stopped.
	DaysLeft int
}

// NewWaitClock works out a clock that started on started, is due on due and
// stopped on stopped (zero if it has not), as it stands on today. A clock is
// due on its due date, not overdue: it is overdue from the day after.
func NewWaitClock(started, due, stopped, today Date) WaitClock {
	c := WaitClock{Started: started, Due: due, Stopped: stopped}
	switch {
	case started.IsZero():
		c.State = ClockNotStarted
	case !stopped.IsZero():
		c.Days = started.DaysUntil(stopped)
		c.State = ClockMet
		if stopped.After(due) {
			c.State = ClockMissed
		}
	default:
		c.Days = started.DaysUntil(today)
		c.DaysLeft = today.DaysUntil(due)
		c.State = ClockRunning
		if c.DaysLeft < 0 {
			c.State = ClockOverdue
		}
	}
	return c
}

// DueBand groups outstanding work by how soon it is due, for the Dashboard.
type DueBand string

// Due bands. They do not overlap.
const (
	BandOverdue DueBand = "overdue"  // the due date has passed
	BandDueSoon DueBand = "due_soon" // due today or within the next few days
	BandDue     DueBand = "due"      // due later
)

// Label returns the band in words.
func (b DueBand) Label() string { return labelOf(dueBandLabels, b) }

// dueBandLabels holds the words for each DueBand.
var dueBandLabels = map[DueBand]string{
	BandOverdue: "Overdue",
	BandDueSoon: "Due soon",
	BandDue:     "Due",
}

// DueBandOf places a due date in its band on today: overdue after the due
// date, due soon from soonDays before it to the due date itself, due before that.
func DueBandOf(due, today Date, soonDays int) DueBand {
	left := today.DaysUntil(due)
	if left < 0 {
		return BandOverdue
	}
	if left <= soonDays {
		return BandDueSoon
	}
	return BandDue
}

// StageToday describes where a woman is in the perinatal period on today,
// for caseload lists, and the date her perinatal period ends (zero when
// not known, as for a woman planning a pregnancy). A woman recorded as
// pregnant whose due date passed more than two weeks ago has almost
// certainly given birth: the text asks for the birth to be recorded, and
// her period is taken to end 12 months after the due date until it is.
func StageToday(stage Stage, dueDate, babyDateOfBirth, today Date) (text string, periodEnds Date) {
	tf, err := ComputeTimeframe(stage, dueDate, babyDateOfBirth, today)
	if errors.Is(err, ErrDueDatePassedLongBefore) {
		return "Due date " + dueDate.UK() + " has passed: record the birth", dueDate.AddMonths(12)
	}
	if err != nil {
		return "Stage not known: check the dates", Date{}
	}
	return tf.Text(), tf.PeriodEnds
}
