package models

import (
	"slices"
	"strings"
	"testing"
)

func TestPostalAddress(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		{"1 Station Road\nLoughborough\nLE11 3TU", []string{"1 Station Road", "Loughborough", "LE11 3TU"}},
		{" 1 Station Road \n\n Loughborough \n le113tu ", []string{"1 Station Road", "Loughborough", "LE11 3TU"}},
		{"1 Station Road, Loughborough, LE11 3TU", []string{"1 Station Road", "Loughborough", "LE11 3TU"}},
		{"1 Station Road, Loughborough LE11 3TU", []string{"1 Station Road", "Loughborough", "LE11 3TU"}},
		{"1 Station Road\nLoughborough LE113TU", []string{"1 Station Road", "Loughborough", "LE11 3TU"}},
		{"Charnwood Practice, 1 Station Road, Loughborough, Leicestershire, LE11 3TU",
			[]string{"Charnwood Practice", "1 Station Road", "Loughborough", "Leicestershire", "LE11 3TU"}},
		{"1 Station Road\nLE11 3TU", []string{"1 Station Road", "LE11 3TU"}}, // the fewest lines: one and the postcode
		{"Loughborough LE11 3TU", []string{"Loughborough", "LE11 3TU"}},
		{"", nil},                                       // nothing
		{"LE11 3TU", nil},                               // a postcode alone
		{"1 Station Road\nLoughborough", nil},           // no postcode
		{"Charnwood Practice", nil},                     // an organisation's name is not an address
		{"1 Station Road, Loughborough, LE11", nil},     // half a postcode
		{"1 Station Road\nLE11 3TU\nLoughborough", nil}, // the postcode is not last
		{"1\n2\n3\n4\n5\n6\nLE11 3TU", nil},             // six lines before the postcode
		{strings.Repeat("x", MaxAddressLineRunes+1) + "\nLE11 3TU", nil},
	}
	for _, c := range cases {
		got, ok := PostalAddress(c.text)
		if ok != (c.want != nil) || !slices.Equal(got, c.want) {
			t.Errorf("PostalAddress(%q) = %q, %v; want %q", c.text, got, ok, c.want)
		}
	}
}

func TestPatientLetterName(t *testing.T) {
	cases := []struct {
		given, family, latin string
		name, greeting       string
	}{
		{"Zoë", "Nguyễn", "", "Zoë Nguyễn", "Zoë"},
		{"Zoë", "Nguyễn", "Zoe Nguyen", "Zoë Nguyễn", "Zoë"}, // printable as written: her own spelling wins
		{"فاطمة", "أحمد", "Fatima Ahmed", "Fatima Ahmed", "Fatima"},
		{"Priya", "પટેલ", "Priya Patel", "Priya Patel", "Priya"},
		{"王芳", "", "", "王芳", "王芳"}, // no Latin name: letters refuse it, naming the field
	}
	for _, c := range cases {
		p := Patient{GivenName: c.given, FamilyName: c.family, NameForLetters: c.latin}
		if got := p.LetterName(); got != c.name {
			t.Errorf("%q %q %q: LetterName = %q; want %q", c.given, c.family, c.latin, got, c.name)
		}
		if got := p.LetterGivenName(); got != c.greeting {
			t.Errorf("%q %q %q: LetterGivenName = %q; want %q", c.given, c.family, c.latin, got, c.greeting)
		}
	}
}

// TestTrailingPostcodeNeedsWordsBeforeIt checks that a line is split only
// when words stand before its postcode: a line that is a postcode alone,
// with or without its space, is not "a town and a postcode".
func TestTrailingPostcodeNeedsWordsBeforeIt(t *testing.T) {
	for _, tc := range []struct {
		line, rest, postcode string
		ok                   bool
	}{
		{"Loughborough LE11 3TU", "Loughborough", "LE11 3TU", true},
		{"Loughborough LE113TU", "Loughborough", "LE11 3TU", true},
		{"LE11 3TU", "", "", false},
		{"LE113TU", "", "", false},
		{"Loughborough", "", "", false},
	} {
		rest, pc, ok := trailingPostcode(tc.line)
		if rest != tc.rest || pc != tc.postcode || ok != tc.ok {
			t.Errorf("trailingPostcode(%q) = %q, %q, %v; want %q, %q, %v", tc.line, rest, pc, ok, tc.rest, tc.postcode, tc.ok)
		}
	}
}
