package models

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // Europe/London resolves even on a PC without a zone database.
)

// London is Europe/London, the zone in which every time is shown and typed.
// It comes from the time-zone database: the system's where it has one, else
// the copy embedded in the program by time/tzdata, so it is never missing.
// Instants are stored in UTC and converted only to be shown or read.
var London = mustLoadLocation("Europe/London")

func mustLoadLocation(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err) // unreachable: the embedded database always has it
	}
	return loc
}

// LondonDate returns the calendar date in the UK at instant t: the date UK
// clocks show, in British Summer Time or GMT as the case may be.
func LondonDate(t time.Time) Date { return DateOf(t.In(London)) }

// ClockTime is a time of day on a 24-hour clock, with no date and no zone.
type ClockTime struct {
	Hour, Minute int
}

// String returns the time as 14:30.
func (c ClockTime) String() string { return fmt.Sprintf("%02d:%02d", c.Hour, c.Minute) }

const clockHint = "enter the time as 14:30, 1430 or 2.30pm"

// ParseClock reads a time of day as people type it:
//
//	"14:30", "14.30", "1430", "09:05", "930"      24-hour clock
//	"2.30pm", "2:30 pm", "2pm", "12am", "12.15pm"  12-hour clock with am or pm
//	"noon", "midday"
//
// Anything else is refused, never guessed. In particular an empty time is an
// error (it is not read as midnight), and so is a single-digit hour from 1 to
// 6 without am or pm ("2.30"): written that way it nearly always means the
// afternoon, so the person is asked to say which ("02:30" or "2.30pm")
// rather than have an appointment silently land in the small hours.
func ParseClock(s string) (ClockTime, error) {
	in := strings.ToLower(strings.Join(strings.Fields(s), ""))
	if in == "" {
		return ClockTime{}, &FieldError{FieldTime, clockHint}
	}
	if in == "noon" || in == "midday" {
		return ClockTime{12, 0}, nil
	}
	refuse := func(why string) (ClockTime, error) {
		return ClockTime{}, &FieldError{FieldTime, fmt.Sprintf("%q %s; %s", strings.TrimSpace(s), why, clockHint)}
	}
	suffix := ""
	for _, sfx := range []string{"am", "pm", "a.m.", "p.m."} {
		if strings.HasSuffix(in, sfx) {
			suffix, in = sfx[:1], strings.TrimSuffix(in, sfx)
			break
		}
	}
	hourText, minuteText, hasSep := strings.Cut(strings.Replace(in, ".", ":", 1), ":")
	if !hasSep {
		if suffix != "" && len(in) <= 2 { // "2pm", "12am"
			hourText, minuteText = in, "00"
		} else if len(in) == 3 || len(in) == 4 { // "930", "1430"
			hourText, minuteText = in[:len(in)-2], in[len(in)-2:]
		} else {
			return refuse("is not a time")
		}
	}
	if !digitsOnly(hourText) || !digitsOnly(minuteText) || len(hourText) == 0 || len(hourText) > 2 || len(minuteText) != 2 {
		return refuse("is not a time")
	}
	h, _ := strconv.Atoi(hourText)
	m, _ := strconv.Atoi(minuteText)
	if m > 59 {
		return refuse("has more than 59 minutes")
	}
	switch suffix {
	case "":
		if h > 23 {
			return refuse("has an hour after 23")
		}
		if len(hourText) == 1 && h >= 1 && h <= 6 {
			return ClockTime{}, &FieldError{FieldTime, fmt.Sprintf("%q could be morning or afternoon; enter %02d:%02d or %d.%02dpm", strings.TrimSpace(s), h, m, h, m)}
		}
	default:
		if h < 1 || h > 12 {
			return refuse("needs an hour from 1 to 12 before am or pm")
		}
		h %= 12
		if suffix == "p" {
			h += 12
		}
	}
	return ClockTime{h, m}, nil
}

func digitsOnly(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// ParseUKDateTime reads a date and a time of day typed in UK local time
// (Europe/London) and returns the instant in UTC. It is the one parser for
// dates with times: the date as ParseUKDate reads it, the time of day as
// ParseClock reads it, put together by LondonInstant. A screen with a single
// box for both passes the first word as date and the rest as clock.
//
// Anything it cannot read exactly is refused with a *FieldError naming the
// "Date" or "Time" field; it never falls back to midnight or to a nearby
// time. When both are at fault the error joins the two (errors.Join), the
// date's first, so errors.As finds the date's and a form can mark both.
func ParseUKDateTime(date, clock string) (time.Time, error) {
	d, dateErr := ParseUKDate(date)
	c, clockErr := ParseClock(clock)
	if err := errors.Join(dateErr, clockErr); err != nil {
		return time.Time{}, err
	}
	return LondonInstant(d, c)
}

// LondonInstant returns the UTC instant at which UK clocks show time c on
// date d, as the time-zone database has it.
//
// Two local times need a rule:
//   - When the clocks go forward (from 01:00 to 02:00 on the last Sunday of
//     March), 01:00 to 01:59 never happens that night. Such a time is
//     refused with a *FieldError for FieldTime, since nothing can
//     happen at it, and the message says what to enter instead.
//   - When the clocks go back (from 02:00 to 01:00 on the last Sunday of
//     October), 01:00 to 01:59 happens twice. Such a time means the first
//     occurrence, still in British Summer Time, as RFC 5545 (iCalendar)
//     specifies for calendars.
func LondonInstant(d Date, c ClockTime) (time.Time, error) {
	wall := time.Date(d.Year, d.Month, d.Day, c.Hour, c.Minute, 0, 0, time.UTC)
	// The offsets in force a day either side cover any change that night
	// (London changes twice a year, months apart).
	_, earlier := wall.Add(-24 * time.Hour).In(London).Zone()
	_, later := wall.Add(24 * time.Hour).In(London).Zone()
	offsets := []int{earlier, later}
	if later > earlier {
		offsets = []int{later, earlier} // the larger offset gives the first occurrence
	}
	for _, off := range offsets {
		if u := wall.Add(-time.Duration(off) * time.Second); wallClock(u.In(London)).Equal(wall) {
			return u, nil
		}
	}
	// Neither offset gives wall: it falls in the hour skipped when the
	// clocks went forward, at the start of the zone in force after wall.
	change, _ := wall.Add(-time.Duration(earlier) * time.Second).In(London).ZoneBounds()
	skip := time.Duration(later-earlier) * time.Second
	from := change.Add(time.Duration(earlier) * time.Second).UTC()
	return time.Time{}, &FieldError{FieldTime, fmt.Sprintf(
		"%s does not exist on %s: the clocks go forward from %s to %s that night; enter %s or later",
		c, d.UK(), from.Format("15:04"), from.Add(skip).Format("15:04"), wall.Add(skip).Format("15:04"))}
}

// wallClock returns the date and time of day t shows, as the same reading
// in UTC, so two readings can be compared whatever their zones.
func wallClock(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
}

// StartOfLondonDay returns the instant UK clocks show midnight at the start
// of date d. Midnight is never skipped or repeated in the UK (the clocks
// change at 01:00 UTC), so every date has exactly one start.
func StartOfLondonDay(d Date) time.Time {
	t, _ := LondonInstant(d, ClockTime{})
	return t
}
