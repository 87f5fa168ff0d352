package models

import (
	"errors"
	"testing"
)

// Boundaries of the postcode shape check: the shortest and longest
// postcodes, and the characters either side of the ranges A-Z and 0-9
// ('@' and '[' around the letters, '/' and ':' around the digits), in each
// position of the postcode.

func TestPostcodeEdgesLengths(t *testing.T) {
	cases := []struct {
		in, want string
		ok       bool
	}{
		{"M11AE", "M1 1AE", true},      // 5 characters, the shortest
		{"EC1A1BB", "EC1A 1BB", true},  // 7 characters, the longest
		{"M1AE", "", false},            // 4
		{"EC1A11BB", "", false},        // 8
		{"A", "", false},               // 1
		{"LE111AAA", "", false},        // 8
		{"AA9A9AAA", "", false},        // 8, letters in the right places
		{"AA99 9AA", "AA99 9AA", true}, // AA99 9AA
		{"A99 9AA", "A99 9AA", true},   // A99 9AA
	}
	for _, c := range cases {
		got, err := NormalisePostcode(c.in)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("NormalisePostcode(%q) = %q, %v; want %q (ok %v)", c.in, got, err, c.want, c.ok)
		}
		if err != nil && errors.Is(err, ErrPostcodeEmpty) {
			t.Errorf("NormalisePostcode(%q) says empty", c.in)
		}
	}
}

func TestPostcodeEdgesCharacterRanges(t *testing.T) {
	// Each position of "AB12 3ED" in turn, with the characters at the ends
	// of the range it must be in (kept) and just outside them (refused).
	// BS 7666 never puts Z second in the area, so Y ends the range there
	// (see TestPostcodeLetterPositions).
	type position struct {
		index int
		kind  string // "letter" or "digit"
	}
	positions := []position{{0, "letter"}, {1, "second letter"}, {2, "digit"}, {5, "digit"}, {6, "letter"}, {7, "letter"}}
	inRange := map[string][]byte{"letter": {'A', 'Z', 'a', 'z'}, "digit": {'0', '9'}, "second letter": {'A', 'Y', 'a', 'y'}}
	outside := map[string][]byte{"letter": {'@', '[', '`', '{', '0', '9'}, "digit": {'/', ':', 'A', 'Z'}, "second letter": {'@', '[', '`', '{', '0', '9'}}
	for _, p := range positions {
		for _, c := range inRange[p.kind] {
			in := []byte("AB12 3ED")
			in[p.index] = c
			if _, err := NormalisePostcode(string(in)); err != nil {
				t.Errorf("NormalisePostcode(%q) = %v; %q is a %s", in, err, c, p.kind)
			}
		}
		for _, c := range outside[p.kind] {
			in := []byte("AB12 3ED")
			in[p.index] = c
			if got, err := NormalisePostcode(string(in)); err == nil {
				// A digit in the second area position or a letter in the
				// fourth still makes a valid shape (A9 9AA, AA9A 9AA).
				if p.index == 1 && (c == '0' || c == '9') {
					continue
				}
				t.Errorf("NormalisePostcode(%q) = %q; %q is not a %s", in, got, c, p.kind)
			}
		}
	}
	// The last character of the outward code may be a digit or a letter
	// (of those BS 7666 allows there), but nothing else.
	for _, c := range []byte{'0', '9', 'A', 'Y'} {
		in := []byte("AB12 3ED")
		in[3] = c
		if _, err := NormalisePostcode(string(in)); err != nil {
			t.Errorf("NormalisePostcode(%q) = %v", in, err)
		}
	}
	for _, c := range []byte{'/', ':', '@', '['} {
		in := []byte("AB12 3ED")
		in[3] = c
		if got, err := NormalisePostcode(string(in)); err == nil {
			t.Errorf("NormalisePostcode(%q) = %q, want an error", in, got)
		}
	}
}

func TestPostcodeEdgesHelpers(t *testing.T) {
	for _, b := range []byte("0123456789") {
		if !isDigit(b) || isLetter(b) {
			t.Errorf("%q misread", b)
		}
	}
	for _, b := range []byte("ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
		if isDigit(b) || !isLetter(b) {
			t.Errorf("%q misread", b)
		}
	}
	for _, b := range []byte("/:@[`{ az") {
		if isDigit(b) || isLetter(b) {
			t.Errorf("%q read as a digit or capital letter", b)
		}
	}
	counts := map[string]int{"": 0, "1": 0, "L1": 1, "LE1": 2, "ABC1": 3, "LE": 2, "l1": 0}
	for s, want := range counts {
		if got := areaLetterCount(s); got != want {
			t.Errorf("areaLetterCount(%q) = %d, want %d", s, got, want)
		}
	}
	outward := map[string]bool{
		"L1": true, "L12": true, "LE1": true, "LE12": true, "W1A": true, "EC1A": true,
		"L": false, "LE": false, "1": false, "ABC1": false, "L123": false, "LEA": false, "LE1AB": false, "": false,
	}
	for s, want := range outward {
		if got := validOutward(s); got != want {
			t.Errorf("validOutward(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestPostcodeEdgesSettingCodes(t *testing.T) {
	// Settings are compared after removing spaces and upper-casing, so a
	// setting typed " de 11 " still matches DE11. (Area letters compared
	// exactly are tested in postcode_test.go.)
	cases := []struct {
		postcode      string
		areas, partly []string
		want          AreaStatus
	}{
		{"DE11 0AA", []string{"LE"}, []string{" de 11 "}, AreaCheckResidence},
		{"LE11 3TU", []string{" le "}, nil, AreaInside},
		{"LE11 3TU", []string{"NN", "l e"}, nil, AreaInside},
		{"not a postcode", []string{"LE"}, nil, AreaCheckResidence},
		{"LE11 3TU", nil, nil, AreaOutside},
	}
	for _, c := range cases {
		if got := PostcodeArea(c.postcode, c.areas, c.partly); got != c.want {
			t.Errorf("PostcodeArea(%q, %q, %q) = %s, want %s", c.postcode, c.areas, c.partly, got, c.want)
		}
	}
}
