package models

import (
	"errors"
	"testing"
	"time"
)

func TestParseUKDateReadsWhatItCanReadExactly(t *testing.T) {
	checkReads(t, "ParseUKDate", ParseUKDate, []readCase[Date]{
		{"23/11/2026", NewDate(2026, 11, 23)},
		{"2/3/2027", NewDate(2027, 3, 2)},
		{"02/3/2027", NewDate(2027, 3, 2)},
		{"2/03/2027", NewDate(2027, 3, 2)},
		{"02/03/2027", NewDate(2027, 3, 2)},
		{" 23/11/2026 ", NewDate(2026, 11, 23)},   // spaces around are ignored
		{"\t23/11/2026\n", NewDate(2026, 11, 23)}, // and so are tabs and newlines
		{"29/02/2028", NewDate(2028, 2, 29)},      // leap day
		{"31/12/2026", NewDate(2026, 12, 31)},
		{"01/01/1900", NewDate(1900, 1, 1)},
		{"2026-11-23", NewDate(2026, 11, 23)}, // ISO 8601 cannot be misread
		{" 2028-02-29 ", NewDate(2028, 2, 29)},
	})
}

func TestParseUKDateRefusesWhatItCannotReadExactly(t *testing.T) {
	for _, in := range []string{
		"", "   ", // empty
		"31/02/2026", "30/02/2028", "29/02/2027", "31/04/2026", "31/11/2026", // impossible dates
		"00/01/2026", "01/00/2026", "32/01/2026", "01/13/2026", // out of range
		"23/11/26", "23/11/026", "23/11/20260", "2026-2-3", "26-11-23", // years not four digits, ISO not padded
		"23.11.2026", "23-11-2026", "23 11 2026", "2026/11/23", "23//11/2026", "023/11/2026", // other forms
		"23/11", "11/2026", "2026", "tomorrow", "today", "23rd November 2026", "23 Nov 2026",
		"23/11/2026 09:00", "2026-11-23T09:00:00Z", // a time is not a date
		"+23/11/2026", "-1/11/2026", "23/11/+2026", "١٢/١١/٢٠٢٦", // signs, other digits
		"2026-02-30", "2026-13-01",
	} {
		got, err := ParseUKDate(in)
		var ie *FieldError
		if !errors.As(err, &ie) || ie.Field != FieldDate || ie.Message == "" || !got.IsZero() {
			t.Errorf("ParseUKDate(%q) = %v, %v; want the zero date and a FieldError for Date", in, got, err)
		}
	}
}

func TestParseUKDateMessagesSayHowToTypeIt(t *testing.T) {
	for in, want := range map[string]string{
		"":           "Date: enter the date as DD/MM/YYYY, for example 23/11/2026",
		"31/02/2026": `Date: "31/02/2026" is not a date; enter it as DD/MM/YYYY, for example 23/11/2026`,
		" 23/11/26 ": `Date: "23/11/26" is not a date; enter it as DD/MM/YYYY, for example 23/11/2026`,
	} {
		if _, err := ParseUKDate(in); err == nil || err.Error() != want {
			t.Errorf("ParseUKDate(%q) error = %v; want %q", in, err, want)
		}
	}
}

// Hazard: HAZ-003.
func TestParseUKDateTimeAcrossTheClockChanges(t *testing.T) {
	utc := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, time.UTC) }
	cases := []struct {
		name, date, clock string
		want              time.Time
	}{
		{"winter is GMT", "23/11/2026", "09:00", utc(2026, 11, 23, 9, 0)},
		{"summer is BST", "15/07/2026", "09:00", utc(2026, 7, 15, 8, 0)},
		{"spaces around both", "  23/11/2026\t", " 09:00 ", utc(2026, 11, 23, 9, 0)},
		{"ISO date", "2026-11-23", "9.00am", utc(2026, 11, 23, 9, 0)},
		{"spring: the last GMT minute", "29/03/2026", "00:59", utc(2026, 3, 29, 0, 59)},
		{"spring: the first BST minute", "29/03/2026", "02:00", utc(2026, 3, 29, 1, 0)},
		{"spring: later that day", "29/03/2026", "09:00", utc(2026, 3, 29, 8, 0)},
		{"autumn: before the repeated hour", "25/10/2026", "00:59", utc(2026, 10, 24, 23, 59)},
		{"autumn: 01:00 happens twice, the first is meant", "25/10/2026", "01:00", utc(2026, 10, 25, 0, 0)},
		{"autumn: 01:30 happens twice, the first is meant", "25/10/2026", "01:30", utc(2026, 10, 25, 0, 30)},
		{"autumn: 01:59 happens twice, the first is meant", "25/10/2026", "01:59", utc(2026, 10, 25, 0, 59)},
		{"autumn: 02:00 is GMT", "25/10/2026", "02:00", utc(2026, 10, 25, 2, 0)},
		{"a year the tables carry forward", "26/03/2045", "02:00", utc(2045, 3, 26, 1, 0)},
		{"winter: GMT", "23/11/2026", "14:30", utc(2026, 11, 23, 14, 30)},
		{"summer: BST", "15/07/2026", "14:30", utc(2026, 7, 15, 13, 30)},
		{"short and padded", " 2/3/2027 ", " 9:00 ", utc(2027, 3, 2, 9, 0)},
		{"ISO date, 24-hour clock without a colon", "2027-06-01", "0900", utc(2027, 6, 1, 8, 0)},
		{"12-hour clock", "23/11/2026", "2.30 pm", utc(2026, 11, 23, 14, 30)},
		{"the last minute of the year", "31/12/2026", "11.59pm", utc(2026, 12, 31, 23, 59)},
		{"leap day at noon", "29/02/2028", "noon", utc(2028, 2, 29, 12, 0)},
		{"midnight typed as such is fine", "01/01/2030", "00:00", utc(2030, 1, 1, 0, 0)},
		{"midnight in summer is 23:00 UTC the day before", "01/07/2030", "00:00", utc(2030, 6, 30, 23, 0)},
		{"2027: the evening before the clocks go forward", "27/03/2027", "23:30", utc(2027, 3, 27, 23, 30)},
		{"2027: the last GMT minute", "28/03/2027", "00:59", utc(2027, 3, 28, 0, 59)},
		{"2027: the first BST minute", "28/03/2027", "02:00", utc(2027, 3, 28, 1, 0)},
		{"2025: the clocks go forward", "30/03/2025", "03:15", utc(2025, 3, 30, 2, 15)},
		{"2026: the day before the clocks go back", "24/10/2026", "13:00", utc(2026, 10, 24, 12, 0)},
		{"2026: 00:30 on the night the clocks go back is still BST", "25/10/2026", "00:30", utc(2026, 10, 24, 23, 30)},
		{"2026: 01:30 happens twice, the first, in BST, is meant", "25/10/2026", "01:30", utc(2026, 10, 25, 0, 30)},
		{"2025: 1am happens twice, the first is meant", "26/10/2025", "1am", utc(2025, 10, 26, 0, 0)},
		{"2026: 02:00 is GMT again", "25/10/2026", "02:00", utc(2026, 10, 25, 2, 0)},
		{"2026: the week after the clocks go back", "31/10/2026", "13:00", utc(2026, 10, 31, 13, 0)},
	}
	for _, c := range cases {
		got, err := ParseUKDateTime(c.date, c.clock)
		if err != nil || !got.Equal(c.want) || got.Location() != time.UTC {
			t.Errorf("%s: ParseUKDateTime(%q, %q) = %v, %v; want %v", c.name, c.date, c.clock, got, err, c.want)
		}
	}
}

func TestParseUKDateTimeRefusesWhatItCannotReadExactly(t *testing.T) {
	cases := []struct {
		name, date, clock string
		fields            []string // every field at fault, the first first
	}{
		{"impossible date", "31/02/2026", "09:00", []string{"Date"}},
		{"not a leap year", "29/02/2027", "09:00", []string{"Date"}},
		{"two-digit year", "23/11/26", "09:00", []string{"Date"}},
		{"American order", "11/23/2026", "09:00", []string{"Date"}},
		{"dots", "23.11.2026", "09:00", []string{"Date"}},
		{"no date", "", "09:00", []string{"Date"}},
		{"no time", "23/11/2026", "", []string{"Time"}},
		{"spring gap 01:00", "29/03/2026", "01:00", []string{"Time"}},
		{"spring gap 01:30", "29/03/2026", "01:30", []string{"Time"}},
		{"spring gap 01:59", "29/03/2026", "1.59am", []string{"Time"}},
		{"morning or afternoon", "23/11/2026", "2:30", []string{"Time"}},
		{"seconds", "23/11/2026", "09:00:00", []string{"Time"}},
		{"hour 24", "23/11/2026", "24:00", []string{"Time"}},
		{"both wrong", "31/02/2026", "25:00", []string{"Date", "Time"}},
		{"both empty", " ", " ", []string{"Date", "Time"}},
		{"no date, afternoon time", "", "14:30", []string{"Date"}},
		{"impossible date in 2027", "31/02/2027", "14:30", []string{"Date"}},
		{"two-digit year, afternoon time", "23/11/26", "14:30", []string{"Date"}},
		{"dots, afternoon time", "23.11.2026", "14:30", []string{"Date"}},
		{"a word for a date", "tomorrow", "14:30", []string{"Date"}},
		{"no time, again", "23/11/2026", "", []string{"Time"}},
		{"morning or afternoon, with a dot", "23/11/2026", "2.30", []string{"Time"}},
		{"hour 25", "23/11/2026", "25:00", []string{"Time"}},
		{"2027 spring gap 01:00", "28/03/2027", "01:00", []string{"Time"}},
		{"2027 spring gap 01:30", "28/03/2027", "01:30", []string{"Time"}},
		{"2025 spring gap 1.59am", "30/03/2025", "1.59am", []string{"Time"}},
		{"nothing typed", "", "", []string{"Date", "Time"}},
	}
	for _, c := range cases {
		got, err := ParseUKDateTime(c.date, c.clock)
		if !got.IsZero() {
			t.Errorf("%s: ParseUKDateTime(%q, %q) gave %v with its error; a refused time must be zero", c.name, c.date, c.clock, got)
		}
		var first *FieldError
		if !errors.As(err, &first) || first.Field.Label() != c.fields[0] {
			t.Errorf("%s: ParseUKDateTime(%q, %q) = %v; want a FieldError for %s first", c.name, c.date, c.clock, err, c.fields[0])
			continue
		}
		var fields []string
		if joined, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range joined.Unwrap() {
				fields = append(fields, e.(*FieldError).Field.Label())
			}
		} else {
			fields = []string{first.Field.Label()}
		}
		if len(fields) != len(c.fields) || fields[len(fields)-1] != c.fields[len(c.fields)-1] {
			t.Errorf("%s: ParseUKDateTime(%q, %q) names %v; want %v", c.name, c.date, c.clock, fields, c.fields)
		}
	}
}

func TestParseUKDateTimeExplainsTheSpringGap(t *testing.T) {
	for _, c := range []struct{ date, clock, want string }{
		{"29/03/2026", "01:30", "Time: 01:30 does not exist on 29/03/2026: the clocks go forward from 01:00 to 02:00 that night; enter 02:30 or later"},
		{"29/03/2026", "01:00", "Time: 01:00 does not exist on 29/03/2026: the clocks go forward from 01:00 to 02:00 that night; enter 02:00 or later"},
		{"26/03/2045", "1.45am", "Time: 01:45 does not exist on 26/03/2045: the clocks go forward from 01:00 to 02:00 that night; enter 02:45 or later"},
		{"28/03/2027", "01:30", "Time: 01:30 does not exist on 28/03/2027: the clocks go forward from 01:00 to 02:00 that night; enter 02:30 or later"},
	} {
		if _, err := ParseUKDateTime(c.date, c.clock); err == nil || err.Error() != c.want {
			t.Errorf("ParseUKDateTime(%q, %q) error = %v; want %q", c.date, c.clock, err, c.want)
		}
	}
}

func TestLondonIsEuropeLondon(t *testing.T) {
	if London.String() != "Europe/London" {
		t.Errorf("London is %q", London)
	}
	if got := LondonDate(time.Date(2026, 3, 29, 23, 30, 0, 0, time.UTC)); got != NewDate(2026, 3, 30) {
		t.Errorf("23:30 UTC on 29 March 2026 is %v in London; want 30/03/2026 (00:30 BST)", got)
	}
}

// readCase is a text a function reads and what it must make of it.
type readCase[T comparable] struct {
	in   string
	want T
}

// checkReads checks that parse, named name in failures, reads each case's
// text as its want, with no error.
func checkReads[T comparable](t *testing.T, name string, parse func(string) (T, error), cases []readCase[T]) {
	t.Helper()
	for _, c := range cases {
		got, err := parse(c.in)
		if err != nil || got != c.want {
			t.Errorf("%s(%q) = %v, %v; want %v", name, c.in, got, err, c.want)
		}
	}
}

// checkGives checks that f, named name in failures, gives each case's want
// for its text.
func checkGives[T comparable](t *testing.T, name string, f func(string) T, cases []readCase[T]) {
	t.Helper()
	for _, c := range cases {
		if got := f(c.in); got != c.want {
			t.Errorf("%s(%q) = %#v, want %#v", name, c.in, got, c.want)
		}
	}
}
