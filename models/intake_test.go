package models

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestPostcodeLetterPositions(t *testing.T) {
	cases := []struct {
		in string
		ok bool
	}{
		{"LE1 5WW", true}, {"EC1A 1BB", true}, {"W1A 0AX", true}, {"SW1W 0NY", true}, {"ZE1 0AA", true}, {"M1 1AE", true},
		{"Q1 1AA", false}, {"V1 1AA", false}, {"X1 1AA", false}, // never first
		{"AI1 1AA", false}, {"AJ1 1AA", false}, {"AZ1 1AA", false}, // never second
		{"W1I 1AA", false}, {"W1L 1AA", false}, // A9A ends in A-H, J, K, P, S-U, W only
		{"EC1C 1AA", false}, {"EC1Z 1AA", false}, // AA9A ends in A, B, E, H, M, N, P, R, V-Y only
		{"LE1 5CI", false}, {"LE1 5CA", false}, {"LE1 5AC", false}, {"LE1 5IA", false}, {"LE1 5KA", false}, {"LE1 5MA", false}, {"LE1 5OA", false}, {"LE1 5VA", false},
	}
	for _, c := range cases {
		_, err := NormalisePostcode(c.in)
		if (err == nil) != c.ok {
			t.Errorf("NormalisePostcode(%q) = %v; want ok %v", c.in, err, c.ok)
		}
		if err != nil && !errors.Is(err, ErrPostcodeShape) {
			t.Errorf("NormalisePostcode(%q) = %v; want ErrPostcodeShape", c.in, err)
		}
	}
}

func TestCheckTextRefusesWhatCannotBeShownNamingTheFieldOnly(t *testing.T) {
	secret := "Zoë Nguyễn"
	cases := []struct {
		name string
		in   string
		rule TextRule
		want string // part of the message; "" means accepted
	}{
		{"a plain name", secret, ShortText, ""},
		{"Arabic with a right-to-left mark", "ليلى\u200F", ShortText, ""},
		{"an address over lines", "12 Example Street\nLeicester", Address, ""},
		{"a tab and a Windows line break in a note", "Seen at home.\r\n\tWell.", FreeText, ""},
		{"a bell between the lines of a note", "Seen at home.\n\a", FreeText, "control character (U+0007)"},
		{"a tab in a one-line field", "Zoë\tNguyễn", ShortText, "control character (U+0009)"},
		{"exactly the longest", strings.Repeat("é", MaxShortTextRunes), ShortText, ""},
		{"one too long", strings.Repeat("é", MaxShortTextRunes+1), ShortText, "at most 200"},
		{"10,000 characters", strings.Repeat("a", 10000), FreeText, "at most 8000"},
		{"NUL", secret + "\x00", ShortText, "control character (U+0000)"},
		{"bell", secret + "\a", ShortText, "control character (U+0007)"},
		{"escape", "\x1b[31m" + secret, FreeText, "control character (U+001B)"},
		{"C1 control", secret + "\u0085", FreeText, "control character"},
		{"a line break in a one-line field", "Zoë\nNguyễn", ShortText, "control character (U+000A)"},
		{"right-to-left override", "\u202E" + secret, ShortText, "reverses the direction"},
		{"left-to-right isolate", secret + "\u2066", Address, "reverses the direction"},
		{"invalid UTF-8", "Zo\xffë", ShortText, "not valid UTF-8"},
	}
	for _, c := range cases {
		err := CheckText(FieldGivenName, c.in, c.rule)
		if c.want == "" {
			if err != nil {
				t.Errorf("%s: refused: %v", c.name, err)
			}
			continue
		}
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != FieldGivenName || !strings.Contains(fe.Message, c.want) {
			t.Errorf("%s: %v; want a refusal of %s saying %q", c.name, err, FieldGivenName, c.want)
		} else if strings.Contains(err.Error(), "Zo") {
			t.Errorf("%s: the refusal repeats the text: %v", c.name, err)
		}
	}
}

// Hazard: HAZ-003.
func TestCheckReceivedAtAllowsFiveMinutesOfClockDifference(t *testing.T) {
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		at time.Time
		ok bool
	}{
		{now.Add(-48 * time.Hour), true}, {now, true}, {now.Add(MaxReceivedAhead), true},
		{now.Add(MaxReceivedAhead + time.Second), false}, {time.Date(2099, 1, 1, 0, 0, 0, 0, time.UTC), false},
	} {
		if err := CheckReceivedAt(c.at, now); (err == nil) != c.ok {
			t.Errorf("CheckReceivedAt(%v) = %v; want ok %v", c.at, err, c.ok)
		}
	}
}

func TestCheckCopyRecipientsAllowsTwenty(t *testing.T) {
	for n, ok := range map[int]bool{0: true, 20: true, 21: false, 15000: false} {
		if err := CheckCopyRecipients(n); (err == nil) != ok {
			t.Errorf("CheckCopyRecipients(%d) = %v; want ok %v", n, err, ok)
		}
	}
}

// TestBidiControlRanges pins the ends of the two ranges of bidirectional
// controls in UAX #9 (U+202A to U+202E and U+2066 to U+2069), with the
// character just outside each end, and the plain marks LRM and RLM.
func TestBidiControlRanges(t *testing.T) {
	cases := []struct {
		r    rune
		want bool
	}{
		{0x2029, false}, {0x202A, true}, {0x202E, true}, {0x202F, false},
		{0x2065, false}, {0x2066, true}, {0x2069, true}, {0x206A, false},
		{0x200E, false}, {0x200F, false},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("U+%04X", c.r), func(t *testing.T) {
			if got := isBidiControl(c.r); got != c.want {
				t.Errorf("isBidiControl(U+%04X) = %v, want %v", c.r, got, c.want)
			}
		})
	}
}
