package models

import (
	"errors"
	"testing"
	"time"
)

func TestParseClockAcceptsTheWaysPeopleTypeATime(t *testing.T) {
	cases := []struct {
		in   string
		want ClockTime
	}{
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
	}
	for _, c := range cases {
		got, err := ParseClock(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseClock(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
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

func TestParseUKDateTimeGivesTheUTCInstant(t *testing.T) {
	utc := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, time.UTC) }
	cases := []struct {
		date, clock string
		want        time.Time
	}{
		{"23/11/2026", "14:30", utc(2026, 11, 23, 14, 30)},   // GMT
		{"15/07/2026", "14:30", utc(2026, 7, 15, 13, 30)},    // BST
		{" 2/3/2027 ", " 9:00 ", utc(2027, 3, 2, 9, 0)},      // short, padded
		{"2027-06-01", "0900", utc(2027, 6, 1, 8, 0)},        // ISO date
		{"23/11/2026", "2.30 pm", utc(2026, 11, 23, 14, 30)}, // 12-hour clock
		{"31/12/2026", "11.59pm", utc(2026, 12, 31, 23, 59)}, // last minute of the year
		{"29/02/2028", "noon", utc(2028, 2, 29, 12, 0)},      // leap day
		{"01/01/2030", "00:00", utc(2030, 1, 1, 0, 0)},       // midnight typed as such is fine
		{"01/07/2030", "00:00", utc(2030, 6, 30, 23, 0)},     // midnight in summer is 23:00 UTC the day before
		{"27/03/2027", "23:30", utc(2027, 3, 27, 23, 30)},    // the evening before the clocks go forward
		{"28/03/2027", "00:59", utc(2027, 3, 28, 0, 59)},     // the last GMT minute
		{"28/03/2027", "02:00", utc(2027, 3, 28, 1, 0)},      // the first BST minute
		{"30/03/2025", "03:15", utc(2025, 3, 30, 2, 15)},     // another year's change
		{"24/10/2026", "13:00", utc(2026, 10, 24, 12, 0)},    // the day before the clocks go back
		{"25/10/2026", "00:30", utc(2026, 10, 24, 23, 30)},   // still BST
		{"25/10/2026", "01:30", utc(2026, 10, 25, 0, 30)},    // happens twice: the first, in BST
		{"26/10/2025", "1am", utc(2025, 10, 26, 0, 0)},       // likewise in 2025
		{"25/10/2026", "02:00", utc(2026, 10, 25, 2, 0)},     // GMT again
		{"31/10/2026", "13:00", utc(2026, 10, 31, 13, 0)},    // the week after
	}
	for _, c := range cases {
		got, err := ParseUKDateTime(c.date, c.clock)
		if err != nil || !got.Equal(c.want) || got.Location() != time.UTC {
			t.Errorf("ParseUKDateTime(%q, %q) = %v, %v; want %v", c.date, c.clock, got, err, c.want)
		}
	}
}

func TestParseUKDateTimeRefusesAndNamesTheField(t *testing.T) {
	cases := []struct{ date, clock, field string }{
		{"", "14:30", "Date"},
		{"31/02/2027", "14:30", "Date"},
		{"23/11/26", "14:30", "Date"},
		{"23.11.2026", "14:30", "Date"},
		{"tomorrow", "14:30", "Date"},
		{"23/11/2026", "", "Time"},
		{"23/11/2026", "2.30", "Time"},
		{"23/11/2026", "25:00", "Time"},
		{"28/03/2027", "01:00", "Time"}, // the clocks go forward: 01:00 to 01:59 never happen
		{"28/03/2027", "01:30", "Time"},
		{"30/03/2025", "1.59am", "Time"},
		{"", "", "Date"},
	}
	for _, c := range cases {
		got, err := ParseUKDateTime(c.date, c.clock)
		var ie *FieldError
		if !errors.As(err, &ie) || ie.Field.Label() != c.field {
			t.Errorf("ParseUKDateTime(%q, %q) = %v, %v; want a FieldError for %s", c.date, c.clock, got, err, c.field)
		}
		if !got.IsZero() {
			t.Errorf("ParseUKDateTime(%q, %q) returned %v with its error; a refused time must be zero", c.date, c.clock, got)
		}
	}
}

func TestTheGapMessageSaysWhatToEnter(t *testing.T) {
	_, err := ParseUKDateTime("28/03/2027", "01:30")
	if err == nil || err.Error() != "Time: 01:30 does not exist on 28/03/2027: the clocks go forward from 01:00 to 02:00 that night; enter 02:30 or later" {
		t.Errorf("gap error = %v", err)
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
