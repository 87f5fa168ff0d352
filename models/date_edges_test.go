package models

import (
	"encoding/json"
	"testing"
	"time"
)

// Edge cases of the calendar Date as it behaves today: month arithmetic at
// month ends and across years (both ways), day counts and comparisons at
// equality, and how a Date is stored and read back. Parsing typed dates is
// tested where the parser lives.

func TestDateEdgesAddMonths(t *testing.T) {
	cases := []struct {
		from   string
		months int
		want   string
	}{
		{"2026-01-31", 1, "2026-02-28"},
		{"2024-01-31", 1, "2024-02-29"},
		{"2024-02-29", 12, "2025-02-28"},
		{"2024-02-29", 48, "2028-02-29"},
		{"2026-03-31", 1, "2026-04-30"},
		{"2026-05-15", 0, "2026-05-15"},
		{"2026-12-31", 1, "2027-01-31"},
		{"2026-11-02", 9, "2027-08-02"},
		{"2026-11-02", 12, "2027-11-02"},
		{"2026-01-10", 11, "2026-12-10"},
		{"2026-01-10", 12, "2027-01-10"},
		{"2026-01-10", 13, "2027-02-10"},
		{"2026-01-10", 24, "2028-01-10"},
		// Backwards, including across the start of the year, where the
		// month count divides negatively.
		{"2026-03-31", -1, "2026-02-28"},
		{"2026-01-15", -1, "2025-12-15"},
		{"2026-01-15", -12, "2025-01-15"},
		{"2026-01-15", -13, "2024-12-15"},
		{"2026-12-15", -11, "2026-01-15"},
		{"2026-12-15", -12, "2025-12-15"},
		{"2025-02-28", -12, "2024-02-28"},
		{"2024-03-31", -1, "2024-02-29"},
	}
	for _, c := range cases {
		if got := d(c.from).AddMonths(c.months); got != d(c.want) {
			t.Errorf("%s plus %d months = %s, want %s", c.from, c.months, got.ISO(), c.want)
		}
	}
}

func TestDateEdgesFloorDiv(t *testing.T) {
	cases := []struct{ a, b, want int }{
		{0, 12, 0}, {11, 12, 0}, {12, 12, 1}, {13, 12, 1},
		{-1, 12, -1}, {-12, 12, -1}, {-13, 12, -2}, {-24, 12, -2},
		{1, -12, -1}, {-1, -12, 0}, {12, -12, -1},
	}
	for _, c := range cases {
		if got := floorDiv(c.a, c.b); got != c.want {
			t.Errorf("floorDiv(%d, %d) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

func TestDateEdgesDaysAndOrder(t *testing.T) {
	a, b := d("2026-03-28"), d("2026-03-30") // across the spring clock change
	if n := a.DaysUntil(b); n != 2 {
		t.Errorf("DaysUntil forward = %d, want 2", n)
	}
	if n := b.DaysUntil(a); n != -2 {
		t.Errorf("DaysUntil backward = %d, want -2", n)
	}
	if n := a.DaysUntil(a); n != 0 {
		t.Errorf("DaysUntil itself = %d", n)
	}
	if n := d("2024-01-01").DaysUntil(d("2025-01-01")); n != 366 {
		t.Errorf("days in 2024 = %d, want 366", n)
	}
	if !a.Before(b) || b.Before(a) || a.Before(a) {
		t.Error("Before is wrong at or around equality")
	}
	if !b.After(a) || a.After(b) || a.After(a) {
		t.Error("After is wrong at or around equality")
	}
	if got := d("2026-12-31").AddDays(1); got != d("2027-01-01") {
		t.Errorf("AddDays across the year = %s", got.ISO())
	}
	if got := d("2026-03-01").AddDays(-1); got != d("2026-02-28") {
		t.Errorf("AddDays backwards = %s", got.ISO())
	}
}

func TestDateEdgesFormats(t *testing.T) {
	x := NewDate(2026, time.November, 3)
	if x.ISO() != "2026-11-03" || x.UK() != "03/11/2026" || x.Long() != "3 November 2026" || x.String() != "03/11/2026" {
		t.Errorf("formats = %q %q %q %q", x.ISO(), x.UK(), x.Long(), x.String())
	}
	var zero Date
	if !zero.IsZero() || zero.ISO() != "" || zero.UK() != "" || zero.Long() != "" || zero.String() != "" {
		t.Errorf("zero date formats = %q %q %q", zero.ISO(), zero.UK(), zero.Long())
	}
	// A date with only one part set is not the zero date.
	for _, part := range []Date{{Year: 2026}, {Month: time.March}, {Day: 1}} {
		if part.IsZero() {
			t.Errorf("%+v reported zero", part)
		}
	}
	if got := DateOf(time.Date(2026, 11, 3, 23, 59, 0, 0, time.UTC)); got != x {
		t.Errorf("DateOf = %v", got)
	}
}

func TestDateEdgesStorage(t *testing.T) {
	x := NewDate(2026, time.November, 3)
	if v, err := x.Value(); err != nil || v != "2026-11-03" {
		t.Errorf("Value = %v, %v", v, err)
	}
	if v, err := (Date{}).Value(); err != nil || v != nil {
		t.Errorf("zero Value = %v, %v; want NULL", v, err)
	}
	if (Date{}).GormDataType() != "string" {
		t.Error("a Date is not stored as text")
	}

	reads := []struct {
		name string
		src  any
		want Date
	}{
		{"NULL", nil, Date{}},
		{"empty text", "", Date{}},
		{"ISO text", "2026-11-03", x},
		{"a timestamp's date part", "2026-11-03T00:00:00Z", x},
		{"bytes", []byte("2026-11-03"), x},
		{"empty bytes", []byte{}, Date{}},
		{"a time", time.Date(2026, 11, 3, 15, 0, 0, 0, time.UTC), x},
	}
	for _, c := range reads {
		got := NewDate(1999, time.January, 1) // Scan must overwrite what was there
		if err := got.Scan(c.src); err != nil || got != c.want {
			t.Errorf("Scan(%s) = %v, %v; want %v", c.name, got, err, c.want)
		}
	}
	for _, bad := range []any{"2026-02-30", "03/11/2026", "not a date", []byte("2026-13-01"), 20261103, 1.5} {
		got := x
		if err := got.Scan(bad); err == nil {
			t.Errorf("Scan(%#v) = %v, want an error", bad, got)
		}
	}
}

func TestDateEdgesJSON(t *testing.T) {
	type holder struct {
		D Date `json:"d"`
	}
	b, err := json.Marshal(holder{NewDate(2026, time.November, 3)})
	if err != nil || string(b) != `{"d":"2026-11-03"}` {
		t.Errorf("Marshal = %s, %v", b, err)
	}
	b, err = json.Marshal(holder{})
	if err != nil || string(b) != `{"d":""}` {
		t.Errorf("Marshal zero = %s, %v", b, err)
	}
	var h holder
	if err := json.Unmarshal([]byte(`{"d":"2024-02-29"}`), &h); err != nil || h.D != NewDate(2024, time.February, 29) {
		t.Errorf("Unmarshal = %v, %v", h.D, err)
	}
	h = holder{NewDate(1999, time.January, 1)}
	if err := json.Unmarshal([]byte(`{"d":""}`), &h); err != nil || !h.D.IsZero() {
		t.Errorf("Unmarshal empty = %v, %v; want the zero date", h.D, err)
	}
	for _, bad := range []string{`{"d":"2025-02-29"}`, `{"d":"29/02/2024"}`, `{"d":"soon"}`} {
		var h holder
		if err := json.Unmarshal([]byte(bad), &h); err == nil {
			t.Errorf("Unmarshal(%s) = %v, want an error", bad, h.D)
		}
	}
}
