package models

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// InputError is the field error of the date and time parsers, kept as
// another name for FieldError while they move to the one error model.
//
// Deprecated: use FieldError, with FieldDate or FieldTime.
type InputError = FieldError

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
		return ClockTime{}, &FieldError{Field: FieldTime, Message: clockHint}
	}
	if in == "noon" || in == "midday" {
		return ClockTime{12, 0}, nil
	}
	refuse := func(why string) (ClockTime, error) {
		return ClockTime{}, &FieldError{Field: FieldTime, Message: fmt.Sprintf("%q %s; %s", strings.TrimSpace(s), why, clockHint)}
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
		switch {
		case suffix != "" && len(in) <= 2: // "2pm", "12am"
			hourText, minuteText = in, "00"
		case len(in) == 3 || len(in) == 4: // "930", "1430"
			hourText, minuteText = in[:len(in)-2], in[len(in)-2:]
		default:
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
			return ClockTime{}, &FieldError{Field: FieldTime, Message: fmt.Sprintf("%q could be morning or afternoon; enter %02d:%02d or %d.%02dpm", strings.TrimSpace(s), h, m, h, m)}
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

// ParseDate reads a date typed as 23/11/2026 (or 2/3/2027), or in ISO form
// as 2026-11-23. The year needs four digits. An empty or impossible date is
// a *FieldError for FieldDate.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, &FieldError{Field: FieldDate, Message: "enter the date as DD/MM/YYYY, for example 23/11/2026"}
	}
	if d, err := ParseUKDate(s); err == nil {
		return d, nil
	}
	if d, err := ParseISODate(s); err == nil {
		return d, nil
	}
	return Date{}, &FieldError{Field: FieldDate, Message: fmt.Sprintf("%q is not a date; enter it as DD/MM/YYYY, for example 23/11/2026", s)}
}

// ParseLondonDateTime reads a date and a time of day as typed on a form, in
// UK local time (Europe/London), and returns the instant in UTC. It returns
// a *FieldError for FieldDate or FieldTime for anything it cannot
// read; it never falls back to midnight. See ParseDate, ParseClock and
// LondonInstant for what is accepted.
func ParseLondonDateTime(date, clock string) (time.Time, error) {
	d, dateErr := ParseDate(date)
	c, clockErr := ParseClock(clock)
	if dateErr != nil {
		return time.Time{}, dateErr
	}
	if clockErr != nil {
		return time.Time{}, clockErr
	}
	return LondonInstant(d, c)
}

// LondonInstant returns the UTC instant at which UK clocks show time c on
// date d. It uses the UK summer-time rule in force since 1996 (see
// LondonDate): British Summer Time (UTC+1) from 01:00 UTC on the last Sunday
// of March to 01:00 UTC on the last Sunday of October, GMT otherwise.
//
// Two local times need a rule:
//   - In March, clocks jump from 01:00 to 02:00, so 01:00 to 01:59 never
//     happens that night. Such a time is refused with a *FieldError for
//     FieldTime, since an appointment cannot be held at it.
//   - In October, clocks go back from 02:00 to 01:00, so 01:00 to 01:59
//     happens twice. Such a time means the first occurrence, still in
//     British Summer Time, as RFC 5545 (iCalendar) specifies for calendars.
func LondonInstant(d Date, c ClockTime) (time.Time, error) {
	wall := time.Date(d.Year, d.Month, d.Day, c.Hour, c.Minute, 0, 0, time.UTC)
	if asBST := wall.Add(-time.Hour); britishSummerTime(asBST) {
		return asBST, nil // in summer time, or the first of two in October
	}
	if !britishSummerTime(wall) {
		return wall, nil
	}
	return time.Time{}, &FieldError{Field: FieldTime, Message: fmt.Sprintf(
		"%s does not exist on %s: the clocks go forward from 01:00 to 02:00 that night; enter 02:%02d or later", c, d.UK(), c.Minute)}
}

// StartOfLondonDay returns the instant UK clocks show midnight at the start
// of date d. Midnight is never skipped or repeated in the UK (the clocks
// change at 01:00 UTC), so every date has exactly one start.
func StartOfLondonDay(d Date) time.Time {
	t, _ := LondonInstant(d, ClockTime{})
	return t
}
