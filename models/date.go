package models

import (
	"database/sql/driver"
	"fmt"
	"strings"
	"time"
)

// Date is a calendar date with no time of day and no zone, such as a date of
// birth or an expected delivery date. It is stored as ISO 8601 text
// ("2006-01-02"), which sorts correctly and is portable across SQL dialects.
// The zero Date means "not given".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

const isoDate = "2006-01-02"

// NewDate returns the Date for year, month and day without normalising it.
func NewDate(year int, month time.Month, day int) Date {
	return Date{Year: year, Month: month, Day: day}
}

// DateOf returns the calendar date of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// ParseISODate parses a YYYY-MM-DD date and refuses impossible dates such as
// 2026-02-30. It reads the stored and exchanged form (the database, JSON,
// referral-form files); what people type goes through ParseUKDate.
func ParseISODate(s string) (Date, error) {
	t, err := time.Parse(isoDate, strings.TrimSpace(s))
	if err != nil {
		return Date{}, fmt.Errorf("%q is not a date in the form YYYY-MM-DD", s)
	}
	return DateOf(t), nil
}

// ParseUKDate reads a date as people type it, and is the one parser for
// typed dates (with a time of day, see ParseUKDateTime). It accepts
//
//	"23/11/2026", "2/3/2027", "02/3/2027"  day, month and a four-digit year
//	"2026-11-23"                          ISO 8601, which cannot be misread
//
// with spaces around it ignored. Anything else is refused, never guessed:
// an empty date, a two-digit year ("23/11/26"), other separators
// ("23.11.2026") and impossible dates ("31/02/2026") are each an
// *FieldError naming FieldDate. A caller whose field has another name
// uses the error's Message under its own label.
func ParseUKDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, &FieldError{FieldDate, "enter the date as DD/MM/YYYY, for example 23/11/2026"}
	}
	// Layout "2/1/2006" takes a day and a month of one or two digits and
	// exactly four digits of year, and refuses a day the month lacks.
	if t, err := time.Parse("2/1/2006", s); err == nil {
		return DateOf(t), nil
	}
	if d, err := ParseISODate(s); err == nil {
		return d, nil
	}
	return Date{}, &FieldError{FieldDate, fmt.Sprintf("%q is not a date; enter it as DD/MM/YYYY, for example 23/11/2026", s)}
}

// IsZero reports whether the date was not given.
func (d Date) IsZero() bool { return d.Year == 0 && d.Month == 0 && d.Day == 0 }

// Time returns midnight UTC at the start of the date, for arithmetic.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// AddDays returns the date n days later (earlier if n is negative).
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// AddMonths returns the same day n calendar months later. When that month is
// shorter, the result is its last day: 31 January plus one month is 28 (or 29)
// February, and 29 February plus twelve months is 28 February.
func (d Date) AddMonths(n int) Date {
	total := int(d.Month) - 1 + n
	y := d.Year + floorDiv(total, 12)
	m := time.Month(total - floorDiv(total, 12)*12 + 1)
	day := d.Day
	if last := daysIn(y, m); day > last {
		day = last
	}
	return Date{y, m, day}
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// DaysUntil returns the number of days from d to other (negative if other is earlier).
func (d Date) DaysUntil(other Date) int {
	return int(other.Time().Sub(d.Time()).Hours() / 24)
}

// Before reports whether d is earlier than other.
func (d Date) Before(other Date) bool { return d.Time().Before(other.Time()) }

// After reports whether d is later than other.
func (d Date) After(other Date) bool { return d.Time().After(other.Time()) }

// ISO returns the date as YYYY-MM-DD, or "" for the zero date.
func (d Date) ISO() string {
	if d.IsZero() {
		return ""
	}
	return d.Time().Format(isoDate)
}

// UK returns the date as 23/11/2026, or "" for the zero date.
func (d Date) UK() string {
	if d.IsZero() {
		return ""
	}
	return d.Time().Format("02/01/2006")
}

// Long returns the date as 23 November 2026, the form used in letters.
func (d Date) Long() string {
	if d.IsZero() {
		return ""
	}
	return d.Time().Format("2 January 2006")
}

// String returns the UK form.
func (d Date) String() string { return d.UK() }

// Value stores the date as ISO text, or NULL when not given.
func (d Date) Value() (driver.Value, error) {
	if d.IsZero() {
		return nil, nil
	}
	return d.ISO(), nil
}

// Scan reads ISO text (or a time from drivers that return one).
func (d *Date) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d = Date{}
		return nil
	case string:
		if v == "" {
			*d = Date{}
			return nil
		}
		p, err := ParseISODate(v[:min(len(v), 10)])
		if err != nil {
			return err
		}
		*d = p
		return nil
	case []byte:
		return d.Scan(string(v))
	case time.Time:
		*d = DateOf(v)
		return nil
	}
	return fmt.Errorf("cannot read a date from %T", src)
}

// GormDataType tells GORM to store a Date as text.
func (Date) GormDataType() string { return "string" }

// MarshalText writes the ISO form, so JSON carries "2026-11-23".
func (d Date) MarshalText() ([]byte, error) { return []byte(d.ISO()), nil }

// UnmarshalText reads the ISO form.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	p, err := ParseISODate(string(b))
	if err != nil {
		return err
	}
	*d = p
	return nil
}
