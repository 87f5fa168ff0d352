package models

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// The Modulus 11 check digit, as DOMAIN.md gives it: multiply digits 1 to 9
// by 10, 9, ..., 2, add them up, and subtract the remainder on division by
// 11 from 11; 11 means 0, and 10 means no valid number has these first nine
// digits. The worked numbers below were computed by hand from that rule.

func TestNormaliseNHSNumberAcceptsValidNumbers(t *testing.T) {
	cases := []struct{ in, want string }{
		{"9434765919", "9434765919"}, // sum 299; 299 mod 11 = 2; 11 - 2 = 9
		{"9000000009", "9000000009"},
		{"9990000018", "9990000018"}, // the 999 test range is accepted
		// 9x10 + 4x9 + 3x8 + 4x7 + 7x6 + 6x5 + 5x4 + 9x3 + 0x2 = 297 = 27 x 11,
		// so 11 - 0 = 11, which means a check digit of 0.
		{"9434765900", "9434765900"},
		{"1000000001", "1000000001"},
		{"4000000004", "4000000004"},
		{"1111111111", "1111111111"},
		{"9876544322", "9876544322"},
		// Spaces and hyphens anywhere, and surrounding white space, are
		// ignored.
		{"943 476 5919", "9434765919"},
		{"943-476-5919", "9434765919"},
		{"  943 476 5919\t", "9434765919"},
		{"9 4 3 4 7 6 5 9 1 9", "9434765919"},
		{"943 - 476 - 5919", "9434765919"},
	}
	for _, c := range cases {
		got, err := NormaliseNHSNumber(c.in)
		if err != nil || got != c.want {
			t.Errorf("NormaliseNHSNumber(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
}

// Hazard: HAZ-012.
func TestNormaliseNHSNumberRefusesEveryWrongCheckDigit(t *testing.T) {
	valid := map[string]byte{"943476591": '9', "900000000": '9', "999000001": '8', "943476590": '0', "987654432": '2'}
	for nine, right := range valid {
		for c := byte('0'); c <= '9'; c++ {
			n := nine + string(c)
			_, err := NormaliseNHSNumber(n)
			if (c == right) != (err == nil) {
				t.Errorf("NormaliseNHSNumber(%q) error = %v; the check digit is %c", n, err, right)
			}
		}
	}
}

func TestNormaliseNHSNumberRefusesACheckDigitOfTen(t *testing.T) {
	// 1x10 + 2x9 + 3x8 + 4x7 + 5x6 + 6x5 + 7x4 + 8x3 + 9x2 = 210; 210 mod 11
	// = 1 and 11 - 1 = 10: no tenth digit can complete these nine.
	for _, nine := range []string{"123456789", "999123456"} {
		for c := '0'; c <= '9'; c++ {
			if n, err := NormaliseNHSNumber(nine + string(c)); err == nil {
				t.Errorf("NormaliseNHSNumber(%q) = %q, want an error (check digit 10)", nine+string(c), n)
			}
		}
	}
}

func TestNormaliseNHSNumberRefusesWhatIsNotTenDigits(t *testing.T) {
	cases := []string{
		"943476591",    // nine digits
		"94347659190",  // eleven digits
		"094347659190", // twelve
		"0000000000",   // all zeros passes the check digit but is never issued
		"000 000 0000",
		"9991234560", "9876544321", // DOMAIN.md's invalid examples
		"94:4765918", // a character just above '9' where the check digit would match
		"94/4765918", // and just below '0'
		"943476591O", // a letter O for a zero
		"943476591a",
		"943.476.5919",
		"943\t476\t5919", // a tab inside is not a space
		"+44 943476591",
		"９４３４７６５９１９", // full-width digits
	}
	for _, in := range cases {
		if n, err := NormaliseNHSNumber(in); err == nil {
			t.Errorf("NormaliseNHSNumber(%q) = %q, want an error", in, n)
		}
	}
}

func TestNormaliseNHSNumberEmpty(t *testing.T) {
	for _, in := range []string{"", "   ", "\t", " - ", "--"} {
		n, err := NormaliseNHSNumber(in)
		if !errors.Is(err, ErrNHSNumberEmpty) || n != "" {
			t.Errorf("NormaliseNHSNumber(%q) = %q, %v; want ErrNHSNumberEmpty", in, n, err)
		}
	}
	// Anything else that fails is not reported as empty.
	for _, in := range []string{"1", "9434765918", "0000000000", "abcdefghij"} {
		if _, err := NormaliseNHSNumber(in); err == nil || errors.Is(err, ErrNHSNumberEmpty) {
			t.Errorf("NormaliseNHSNumber(%q) error = %v; want a non-empty error", in, err)
		}
	}
}

// TestNHSNumberErrorsHoldNoDigits: error text can reach logs, so it never
// repeats the number typed.
//
// Hazards: HAZ-012, HAZ-020.
func TestNHSNumberErrorsHoldNoDigits(t *testing.T) {
	for _, in := range []string{"9434765918", "94347659", "94347659A9", "1234567890"} {
		_, err := NormaliseNHSNumber(in)
		if err == nil {
			t.Fatalf("NormaliseNHSNumber(%q) gave no error", in)
		}
		for _, part := range []string{in, in[:3], in[len(in)-4:]} {
			if len(part) >= 3 && strings.Contains(err.Error(), part) {
				t.Errorf("error for %q repeats %q: %v", in, part, err)
			}
		}
	}
}

func TestNHSCheckDigit(t *testing.T) {
	cases := []struct {
		nine  string
		check int
		ok    bool
	}{
		{"943476591", 9, true},
		{"900000000", 9, true},
		{"999000001", 8, true},
		{"943476590", 0, true}, // 11 means 0
		{"100000000", 1, true},
		{"000000001", 9, true}, // 1x2 = 2; 11 - 2 = 9
		{"000000010", 8, true}, // 1x3 = 3; 11 - 3 = 8
		{"123456789", 0, false},
		{"999123456", 0, false},
	}
	for _, c := range cases {
		check, ok := nhsCheckDigit(c.nine)
		if check != c.check || ok != c.ok {
			t.Errorf("nhsCheckDigit(%q) = %d, %v; want %d, %v", c.nine, check, ok, c.check, c.ok)
		}
	}
	// Each weight, from 10 on the first digit down to 2 on the ninth, on its
	// own: a single 1 in position i sums to 10 - i.
	for i := range 9 {
		nine := []byte("000000000")
		nine[i] = '1'
		want := 11 - (10 - i)
		check, ok := nhsCheckDigit(string(nine))
		if !ok || check != want {
			t.Errorf("nhsCheckDigit(%s) = %d, %v; want %d", nine, check, ok, want)
		}
	}
}

func TestNHSNumberWithCheckDigit(t *testing.T) {
	cases := []struct {
		nine, want string
		ok         bool
	}{
		{"943476591", "9434765919", true},
		{"999000001", "9990000018", true},
		{"943476590", "9434765900", true}, // 11 means 0
		{"123456789", "", false},          // 10: no valid number
		{"94347659", "", false},           // too short
		{"9434765919", "", false},         // already ten
		{"", "", false},
	}
	for _, c := range cases {
		got, ok := NHSNumberWithCheckDigit(c.nine)
		if got != c.want || ok != c.ok {
			t.Errorf("NHSNumberWithCheckDigit(%q) = %q, %v; want %q, %v", c.nine, got, ok, c.want, c.ok)
		}
		if ok {
			if _, err := NormaliseNHSNumber(got); err != nil {
				t.Errorf("NHSNumberWithCheckDigit(%q) made %q, which is refused: %v", c.nine, got, err)
			}
		}
	}
	// Every nine digits either complete to a valid number or have none.
	for i := range 2000 {
		nine := fmt.Sprintf("%09d", 943000000+i*4999)
		got, ok := NHSNumberWithCheckDigit(nine)
		_, err10 := NormaliseNHSNumber(nine + "0")
		if !ok && err10 == nil {
			t.Errorf("%s0 is valid but NHSNumberWithCheckDigit(%s) found no check digit", nine, nine)
		}
		if ok {
			if _, err := NormaliseNHSNumber(got); err != nil {
				t.Errorf("NHSNumberWithCheckDigit(%s) = %s, refused: %v", nine, got, err)
			}
		}
	}
}

func TestFormatNHSNumber(t *testing.T) {
	checkGives(t, "FormatNHSNumber", FormatNHSNumber, []readCase[string]{
		{"9434765919", "943 476 5919"},
		{"943 476 5919", "943 476 5919"},
		{"943-476-5919", "943 476 5919"},
		{"94 34 76 59 19", "943 476 5919"},
		{"9990000018", "999 000 0018"},
		// Anything that is not ten characters once spaces and hyphens go is
		// returned exactly as given.
		{"943476591", "943476591"},
		{"94347659190", "94347659190"},
		{"943 476 591", "943 476 591"},
		{"", ""},
		{"unknown", "unknown"},
	})
}

func TestIsTestNHSNumber(t *testing.T) {
	checkGives(t, "IsTestNHSNumber", IsTestNHSNumber, []readCase[bool]{
		{"9990000018", true},
		{"999 000 0018", true},
		{"9991234560", true}, // the range, not the check digit, decides
		{"9434765919", false},
		{"9000000009", false},
		{"9900000000", false},
		{"0999000001", false},
		{"999000001", false},   // nine digits
		{"99900000188", false}, // eleven
		{"", false},
		{"999", false},
	})
}
