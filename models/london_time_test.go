package models

import (
	"errors"
	"testing"
	"time"
)

func TestParseClockAcceptsTheWaysPeopleTypeATime(t *testing.T) {
	checkReads(t, "ParseClock", ParseClock, []readCase[ClockTime]{
		{"14:30", ClockTime{14, 30}},
		{"14.30", ClockTime{14, 30}},
		{"1430", ClockTime{14, 30}},
		{" 09:05 ", ClockTime{9, 5}},
		{"9:30", ClockTime{9, 30}},
		{"930", ClockTime{9, 30}},
		{"00:00", ClockTime{0, 0}},
		{"23:59", ClockTime{23, 59}},
		{"02:30", ClockTime{2, 30}},
		{"2.30pm", ClockTime{14, 30}},
		{"2:30 PM", ClockTime{14, 30}},
		{"2 pm", ClockTime{14, 0}},
		{"230pm", ClockTime{14, 30}},
		{"11.45am", ClockTime{11, 45}},
		{"12pm", ClockTime{12, 0}},
		{"12.15am", ClockTime{0, 15}},
		{"12am", ClockTime{0, 0}},
		{"10 a.m.", ClockTime{10, 0}},
		{"noon", ClockTime{12, 0}},
		{"Midday", ClockTime{12, 0}},
	})
}

func TestParseClockRefusesWhatItCannotReadAndNeverGivesMidnight(t *testing.T) {
	for _, in := range []string{
		"", "   ", "abc", "25:00", "24:00", "14:60", "14:5", "1:2", "14-30", "143", "14300", "1430pm", "13pm", "0am",
		"2.30", "2:30", "230", "6:59", "1", "14", "half two", "14:30:00", "-1:30", "١٤:٣٠",
	} {
		got, err := ParseClock(in)
		var ie *FieldError
		if !errors.As(err, &ie) || ie.Field != FieldTime || ie.Message == "" {
			t.Errorf("ParseClock(%q) = %v, %v; want a FieldError for Time", in, got, err)
		}
	}
}

func TestStartOfLondonDayAndLondonDateAgree(t *testing.T) {
	for _, d := range []Date{NewDate(2026, 3, 29), NewDate(2026, 10, 25), NewDate(2026, 7, 1), NewDate(2026, 12, 1), NewDate(2027, 3, 28)} {
		start := StartOfLondonDay(d)
		if LondonDate(start) != d || LondonDate(start.Add(-time.Nanosecond)) != d.AddDays(-1) {
			t.Errorf("StartOfLondonDay(%s) = %v, which is not the first instant of that UK date", d, start)
		}
	}
}

// TestLondonInstantMatchesTimeZoneDatabase checks every quarter hour of the
// days the clocks change, 1997 to 2037, against the time-zone database:
// where the wall time exists once, both agree; where it never happens the
// parse is refused; where it happens twice the first is chosen.
func TestLondonInstantMatchesTimeZoneDatabase(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Skipf("no time-zone database: %v", err)
	}
	for year := 1997; year < 2038; year++ {
		for _, month := range []time.Month{time.March, time.October} {
			sunday := DateOf(lastSundayAt1UTC(year, month))
			for _, d := range []Date{sunday.AddDays(-1), sunday, sunday.AddDays(1)} {
				for minutes := 0; minutes < 24*60; minutes += 15 {
					c := ClockTime{minutes / 60, minutes % 60}
					got, err := LondonInstant(d, c)
					// Every instant whose London wall clock reads d c.
					var matches []time.Time
					base := time.Date(d.Year, d.Month, d.Day, c.Hour, c.Minute, 0, 0, time.UTC)
					for _, off := range []time.Duration{-time.Hour, 0} {
						u := base.Add(off)
						if lt := u.In(london); lt.Hour() == c.Hour && lt.Minute() == c.Minute && DateOf(lt) == d {
							matches = append(matches, u)
						}
					}
					switch {
					case len(matches) == 0 && err == nil:
						t.Fatalf("%s %s does not exist in London, but LondonInstant gave %v", d, c, got)
					case len(matches) > 0 && (err != nil || !got.Equal(matches[0])):
						t.Fatalf("LondonInstant(%s, %s) = %v, %v; time-zone database says %v", d, c, got, err, matches[0])
					}
				}
			}
		}
	}
}

// lastSundayAt1UTC returns 01:00 UTC on the last Sunday of month, when UK
// clocks change.
func lastSundayAt1UTC(year int, month time.Month) time.Time {
	last := time.Date(year, month+1, 0, 1, 0, 0, 0, time.UTC)
	return last.AddDate(0, 0, -int(last.Weekday()))
}

// TestLondonInstantNamesTheSkippedHour pins the message for a time in the
// hour skipped when the clocks go forward. London's winter offset is zero,
// so the same rule is also checked in a zone whose offsets are both
// non-zero: New York, where clocks go forward from 02:00 to 03:00 on the
// second Sunday of March (US Energy Policy Act of 2005, section 110).
func TestLondonInstantNamesTheSkippedHour(t *testing.T) {
	cases := []struct {
		zone string
		d    Date
		c    ClockTime
		want string
	}{
		{"Europe/London", NewDate(2026, 3, 29), ClockTime{1, 0},
			"01:00 does not exist on 29/03/2026: the clocks go forward from 01:00 to 02:00 that night; enter 02:00 or later"},
		{"Europe/London", NewDate(2026, 3, 29), ClockTime{1, 59},
			"01:59 does not exist on 29/03/2026: the clocks go forward from 01:00 to 02:00 that night; enter 02:59 or later"},
		{"America/New_York", NewDate(2026, 3, 8), ClockTime{2, 30},
			"02:30 does not exist on 08/03/2026: the clocks go forward from 02:00 to 03:00 that night; enter 03:30 or later"},
	}
	for _, c := range cases {
		t.Run(c.zone+" "+c.c.String(), func(t *testing.T) {
			zone, err := time.LoadLocation(c.zone)
			if err != nil {
				t.Skipf("no time-zone database: %v", err)
			}
			saved := London
			London = zone
			t.Cleanup(func() { London = saved })
			got, err := LondonInstant(c.d, c.c)
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field != FieldTime || fe.Message != c.want {
				t.Errorf("LondonInstant(%s, %s) = %v, %v; want the message %q", c.d, c.c, got, err, c.want)
			}
		})
	}
}
