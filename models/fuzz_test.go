package models

import (
	"testing"
	"unicode/utf8"
)

// Native fuzz tests of the parsers that read what people type and what the
// online form sends. Their seeds run with every `go test`; `make fuzz`
// runs each for a minute.

func FuzzNormaliseNHSNumber(f *testing.F) {
	for _, s := range []string{"9434765919", "943 476 5919", "943-476-5919", "9876544321", "", " ", "94347659190", "ABCDEFGHIJ", "０１２３４５６７８９"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := NormaliseNHSNumber(s)
		if err != nil {
			return
		}
		if len(n) != 10 {
			t.Fatalf("NormaliseNHSNumber(%q) = %q, not 10 digits", s, n)
		}
		if again, err := NormaliseNHSNumber(n); err != nil || again != n {
			t.Fatalf("NormaliseNHSNumber(%q) = %q, %v; not settled", n, again, err)
		}
	})
}

func FuzzNormalisePostcode(f *testing.F) {
	for _, s := range []string{"LE1 5WW", "le11 3tu", "EC1A1BB", "Q1 1AA", "LE1 5CI", "", "GIR 0AA", "M1  1AE", "ZZ99 9ZZ", "\u202eLE1 5WW"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		pc, err := NormalisePostcode(s)
		if err != nil {
			return
		}
		if len(pc) < 6 || len(pc) > 8 || !utf8.ValidString(pc) {
			t.Fatalf("NormalisePostcode(%q) = %q", s, pc)
		}
		if again, err := NormalisePostcode(pc); err != nil || again != pc {
			t.Fatalf("NormalisePostcode(%q) = %q, %v; not settled", pc, again, err)
		}
		_ = PostcodeDistrict(s)
	})
}

func FuzzParseUKDate(f *testing.F) {
	for _, s := range []string{"23/11/2026", "1/2/2026", "29/02/2024", "31/02/2026", "2026-11-23", "23.11.2026", "23/11/26", "", "00/00/0000", "99/99/9999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseUKDate(s)
		if err != nil {
			return
		}
		if again, err := ParseUKDate(d.UK()); err != nil || again != d {
			t.Fatalf("ParseUKDate(%q) = %v, but its own text %q reads back as %v, %v", s, d, d.UK(), again, err)
		}
	})
}
