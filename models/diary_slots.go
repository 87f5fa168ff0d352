package models

import "time"

// The working day the booking diary offers free slots in, UK time: from
// WorkingDayStart to WorkingDayEnd, Monday to Friday, a slot starting
// every SlotStep. A booking may still be made at any other time; these
// only shape the slots offered.
var (
	WorkingDayStart = ClockTime{Hour: 9}
	WorkingDayEnd   = ClockTime{Hour: 17}
)

// SlotStep is how far apart the free slots offered start.
const SlotStep = 30 * time.Minute

// Busy is a time a clinician is already booked, from Start to End.
type Busy struct{ Start, End time.Time }

// Overlaps reports whether the busy time and [start, end) overlap.
func (b Busy) Overlaps(start, end time.Time) bool { return start.Before(b.End) && b.Start.Before(end) }

// Clashes returns the busy times that [start, start+length) overlaps: what
// a booking then would double-book.
func Clashes(busy []Busy, start time.Time, length time.Duration) []Busy {
	var out []Busy
	for _, b := range busy {
		if b.Overlaps(start, start.Add(length)) {
			out = append(out, b)
		}
	}
	return out
}

// FreeSlots returns the starts of the free slots of length on day, UK
// time: every SlotStep from WorkingDayStart whose slot ends by
// WorkingDayEnd, overlaps nothing in busy, and starts no earlier than now.
// A Saturday or Sunday has none.
func FreeSlots(day Date, busy []Busy, length time.Duration, now time.Time) []time.Time {
	if wd := day.Weekday(); wd == time.Saturday || wd == time.Sunday || length <= 0 {
		return nil
	}
	from, err := LondonInstant(day, WorkingDayStart)
	if err != nil {
		return nil
	}
	until, err := LondonInstant(day, WorkingDayEnd)
	if err != nil {
		return nil
	}
	var out []time.Time
	for t := from; !t.Add(length).After(until); t = t.Add(SlotStep) {
		if !t.Before(now) && len(Clashes(busy, t, length)) == 0 {
			out = append(out, t)
		}
	}
	return out
}
