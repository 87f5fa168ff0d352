package models

import (
	"errors"
	"strings"
	"testing"
)

func TestNormalisePostcode(t *testing.T) {
	valid := []struct{ in, want string }{
		{"M1 1AE", "M1 1AE"},            // A9 9AA
		{"B33 8TH", "B33 8TH"},          // A99 9AA
		{"LE1 5WW", "LE1 5WW"},          // AA9 9AA
		{"LE11 3TU", "LE11 3TU"},        // AA99 9AA
		{"W1A 0AX", "W1A 0AX"},          // A9A 9AA
		{"EC1A 1BB", "EC1A 1BB"},        // AA9A 9AA
		{"le3 0ab", "LE3 0AB"},          // lower case
		{"le30ab", "LE3 0AB"},           // no space
		{"  LE3   0AB ", "LE3 0AB"},     // extra spaces
		{"Le 1 1 3tu", "LE11 3TU"},      // spaces in odd places
		{"pe9\t1aa", "PE9 1AA"},         // tab
		{"de741aa", "DE74 1AA"},         // no space, four-character outward code
		{"ec1a1bb", "EC1A 1BB"},         // no space, letter at the end of the outward code
		{"LE65 1AA", "LE65 1AA"},        // district with two digits
		{"cv13 6aa", "CV13 6AA"},        // partly-in-area district
		{" n g 3 2 1 a a ", "NG32 1AA"}, // every character spaced out
	}
	for _, c := range valid {
		got, err := NormalisePostcode(c.in)
		if err != nil || got != c.want {
			t.Errorf("NormalisePostcode(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}

	invalid := []string{
		"LE3",       // outward code only
		"0AB",       // inward code only
		"LE3 0A",    // inward code too short
		"LE3 AAB",   // inward code must start with a digit
		"LE3 01B",   // inward code must end with two letters
		"123 4AB",   // outward code must start with a letter
		"LEI 1AA",   // outward code needs a digit after the letters
		"ABC1 1AA",  // three area letters
		"LE123 1AA", // three digits
		"LE1AB 1AA", // too long
		"L 1AA",     // no digit in the outward code
		"LE1-1AA",   // punctuation
		"LE1 1AÅ",   // non-ASCII letter
		"LE11 3TUX", // one character too many
		"1E11 3TU",  // digit where the area letter goes
		"LE1A1 1AA", // letter then digit after the district digit
		"SW1AA 1AA", // two letters after the district digit
	}
	for _, in := range invalid {
		got, err := NormalisePostcode(in)
		if err == nil {
			t.Errorf("NormalisePostcode(%q) = %q, want an error", in, got)
			continue
		}
		if !strings.HasPrefix(err.Error(), "Postcode: ") {
			t.Errorf("NormalisePostcode(%q) error %q does not name the field", in, err)
		}
		if strings.Contains(err.Error(), in) {
			t.Errorf("NormalisePostcode(%q) error repeats the postcode: %q", in, err)
		}
	}

	for _, in := range []string{"", "   "} {
		if _, err := NormalisePostcode(in); !errors.Is(err, ErrPostcodeEmpty) {
			t.Errorf("NormalisePostcode(%q) error = %v, want ErrPostcodeEmpty", in, err)
		}
	}
}

func TestPostcodeDistrict(t *testing.T) {
	checkGives(t, "PostcodeDistrict", PostcodeDistrict, []readCase[string]{
		{"le11 3tu", "LE11"},
		{"LE3 0AB", "LE3"},
		{"EC1A 1BB", "EC1A"},
		{"m11ae", "M1"},
		{"not a postcode", ""},
		{"", ""},
	})
}

func TestPostcodeArea(t *testing.T) {
	def := func(pc string) AreaStatus {
		return PostcodeArea(pc, DefaultAreaPrefixes, DefaultPartlyInAreaDistricts)
	}
	cases := []struct {
		pc   string
		want AreaStatus
	}{
		{"LE1 5WW", AreaInside},
		{"le65 1aa", AreaInside},
		{"LE17 4AA", AreaInside},
		{"DE11 0AA", AreaCheckResidence},
		{"DE12 7AA", AreaCheckResidence},
		{"DE73 8AA", AreaCheckResidence},
		{"DE74 2AA", AreaCheckResidence},
		{"CV9 1AA", AreaCheckResidence},
		{"CV13 6AA", AreaCheckResidence},
		{"NG13 8AA", AreaCheckResidence},
		{"NG32 1AA", AreaCheckResidence},
		{"NG33 4AA", AreaCheckResidence},
		{"PE9 2AA", AreaCheckResidence},
		{"DE1 1AA", AreaOutside},  // Derby, not a partly-in-area district
		{"CV1 1AA", AreaOutside},  // CV1 is not CV13
		{"CV10 0AA", AreaOutside}, // CV10 is not CV1 or CV13
		{"NG3 1AA", AreaOutside},  // NG3 is not NG32 or NG33
		{"PE1 1AA", AreaOutside},  // PE1 is not PE9
		{"PE91 1AA", AreaOutside}, // PE91 is not PE9
		{"L1 8JQ", AreaOutside},   // Liverpool: area "L" is not "LE"
		{"M1 1AE", AreaOutside},   // Manchester
		{"SW1A 1AA", AreaOutside}, // London
		{"nonsense", AreaCheckResidence},
		{"", AreaCheckResidence},
	}
	for _, c := range cases {
		if got := def(c.pc); got != c.want {
			t.Errorf("PostcodeArea(%q) = %q, want %q", c.pc, got, c.want)
		}
	}
}

func TestPostcodeAreaComparesAreaLettersExactly(t *testing.T) {
	// A one-letter prefix must not take in two-letter areas that begin with it.
	if got := PostcodeArea("LE1 5WW", []string{"L"}, nil); got != AreaOutside {
		t.Errorf("prefix L placed LE1 5WW as %q, want outside", got)
	}
	if got := PostcodeArea("L1 8JQ", []string{"L"}, nil); got != AreaInside {
		t.Errorf("prefix L placed L1 8JQ as %q, want inside", got)
	}
	// A two-letter prefix must not match a one-letter area it starts with.
	if got := PostcodeArea("L1 8JQ", []string{"LE"}, nil); got != AreaOutside {
		t.Errorf("prefix LE placed L1 8JQ as %q, want outside", got)
	}
}

func TestPostcodeAreaUsesTheGivenSettings(t *testing.T) {
	// Settings typed loosely are tidied.
	if got := PostcodeArea("NN1 1AA", []string{" le", "nn "}, nil); got != AreaInside {
		t.Errorf("extra area NN: got %q, want inside", got)
	}
	// A district listed as partly in the area wins over its area being inside.
	if got := PostcodeArea("LE65 1AA", DefaultAreaPrefixes, []string{"le 65"}); got != AreaCheckResidence {
		t.Errorf("LE65 listed as partly in area: got %q, want check_residence", got)
	}
	// Empty lists mean nothing is inside and nothing is partly inside.
	if got := PostcodeArea("LE1 5WW", nil, nil); got != AreaOutside {
		t.Errorf("no prefixes: got %q, want outside", got)
	}
	if got := PostcodeArea("DE11 0AA", DefaultAreaPrefixes, nil); got != AreaOutside {
		t.Errorf("no partly-in-area districts: got %q, want outside", got)
	}
}
