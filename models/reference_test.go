package models

import "testing"

func TestReferralReference(t *testing.T) {
	for id, want := range map[uint]string{1: "PMH-000001", 155: "PMH-000155", 999999: "PMH-999999", 1234567: "PMH-1234567"} {
		if got := ReferralReference(id); got != want {
			t.Errorf("ReferralReference(%d) = %q, want %q", id, got, want)
		}
	}
}

func TestParseReferralReference(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want uint
		ok   bool
	}{
		{"PMH-000155", 155, true},
		{"PMH-155", 155, true},
		{"pmh000155", 155, true},
		{"pmh155", 155, true},
		{"PMH 155", 155, true},
		{" pmh - 155 ", 155, true},
		{"155", 155, true},
		{"000155", 155, true},
		{"PMH-1234567", 1234567, true},
		{"PMH-0000000009", 9, true},   // ten digits, the most kept
		{"PMH-00000000009", 0, false}, // eleven
		{"", 0, false},
		{"PMH", 0, false},
		{"PMH-0", 0, false},
		{"0", 0, false},
		{"PMH-15a", 0, false},
		{"PHM-155", 0, false},
		{"LE11 3TU", 0, false},
		{"Siobhan", 0, false},
		{"99999999999", 0, false}, // too long for a referral number
		{"-155", 0, false},
	} {
		got, ok := ParseReferralReference(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ParseReferralReference(%q) = %d, %v; want %d, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
	if id, ok := ParseReferralReference(ReferralReference(4242)); !ok || id != 4242 {
		t.Errorf("a reference does not read back: %d, %v", id, ok)
	}
}
