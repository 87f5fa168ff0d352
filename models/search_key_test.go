package models

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// Hazard: HAZ-005.
func TestFoldNameForgivesAccentsCaseApostrophesAndHyphens(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Siobhán", "siobhan"},
		{"siobhan", "siobhan"},
		{"Sio\u0062ha\u0301n", "siobhan"}, // decomposed: a + combining acute
		{"Ní Bhriain", "nibhriain"},
		{"O'Brien", "obrien"},
		{"O’Brien", "obrien"}, // typographic apostrophe
		{"O'Brien-Smith", "obriensmith"},
		{"Mary-Kate", "marykate"},
		{"Nguyễn", "nguyen"},
		{"Zoë", "zoe"},
		{"Łucja", "lucja"},
		{"Wiśniewska-Żółć", "wisniewskazolc"},
		{"Ștefania Rădulescu", "stefaniaradulescu"},
		{"Yılmaz", "yilmaz"},
		{"İpek", "ipek"},
		{"Søren", "soren"},
		{"Strauß", "strauss"},
		{"Dvořáková", "dvorakova"},
		{"Szőke", "szoke"},
		{"ＡＢＣ", "abc"}, // full-width letters
		{"  ", ""},
		{"-", ""},
		{"Шевченко", "шевченко"},
		{"Παπαδοπούλου", "παπαδοπουλου"},
	} {
		if got := FoldName(tc.in); got != tc.want {
			t.Errorf("FoldName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	// A name in a script with its own marks still matches itself.
	for _, name := range []string{"ભાવના", "ਹਰਪ੍ਰੀਤ", "عائشہ", "प्रिया", "芳"} {
		if FoldName(name) == "" || FoldName(name) != FoldName(" "+name+" ") {
			t.Errorf("FoldName(%q) = %q", name, FoldName(name))
		}
	}
}

func TestFoldWordsSplitsOnSpacesAndCommas(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"ni bhriain", []string{"ni", "bhriain"}},
		{"Byrne, Siobhán", []string{"byrne", "siobhan"}},
		{"o'brien - smith", []string{"obrien", "smith"}},
		{"", nil},
	} {
		if got := FoldWords(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("FoldWords(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestUpdateSearchKeys(t *testing.T) {
	p := Patient{GivenName: "Siobhán", FamilyName: "Ní Bhriain", Postcode: "LE11 3TU"}
	p.UpdateSearchKeys()
	if p.GivenKey != "siobhan" || p.FamilyKey != "nibhriain" || p.FamilyPartKey != "bhriain" || p.PostcodeKey != "LE113TU" {
		t.Errorf("keys = %q %q %q %q", p.GivenKey, p.FamilyKey, p.FamilyPartKey, p.PostcodeKey)
	}
	p = Patient{GivenName: "Mary-Kate", FamilyName: "O'Brien-Smith"}
	p.UpdateSearchKeys()
	if p.FamilyKey != "obriensmith" || p.FamilyPartKey != "smith" {
		t.Errorf("keys of O'Brien-Smith = %q %q", p.FamilyKey, p.FamilyPartKey)
	}
	p = Patient{GivenName: "Zoë", FamilyName: "Nguyễn"}
	p.UpdateSearchKeys()
	if p.FamilyPartKey != "" {
		t.Errorf("a one-word family name has the part key %q", p.FamilyPartKey)
	}
	p = Patient{GivenName: strings.Repeat("é", 200), FamilyName: strings.Repeat("Ł", 150)}
	p.UpdateSearchKeys()
	if len(p.GivenKey) > 100 || len(p.FamilyKey) > 100 || p.GivenKey != strings.Repeat("e", 100) {
		t.Errorf("long names give keys of %d and %d bytes; the columns hold 100", len(p.GivenKey), len(p.FamilyKey))
	}
}

// TestPostcodeSearchKeyFitsItsColumn pins the cut-off for the postcode
// search key: a key that fits the 8-character column is kept (a real
// postcode has at most 7), a longer one is dropped.
func TestPostcodeSearchKeyFitsItsColumn(t *testing.T) {
	cases := []struct {
		name, postcode, want string
	}{
		{"seven characters, the longest postcode", "SW1A 1AA", "SW1A1AA"},
		{"eight characters, the column's width", "SW1A 1AAX", "SW1A1AAX"},
		{"nine characters, too long", "SW1A 1AAXY", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := Patient{Postcode: c.postcode}
			p.UpdateSearchKeys()
			if p.PostcodeKey != c.want {
				t.Errorf("postcode %q gives the key %q, want %q", c.postcode, p.PostcodeKey, c.want)
			}
		})
	}
}

func TestPostcodeKey(t *testing.T) {
	for in, want := range map[string]string{"le11 3tu": "LE113TU", "LE113TU": "LE113TU", " le1 ": "LE1", "": ""} {
		if got := PostcodeKey(in); got != want {
			t.Errorf("PostcodeKey(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNameKeyIsCutBetweenCharacters(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		wantLen  int
	}{
		{"short", "Zhang", len("zhang")},
		{"Latin, exactly the column", strings.Repeat("a", searchKeyBytes), searchKeyBytes},
		{"Latin, too long", strings.Repeat("a", searchKeyBytes+5), searchKeyBytes},
		{"three-byte characters across the cut", strings.Repeat("王", 40), 99},
		{"two-byte characters across the cut", "a" + strings.Repeat("ж", 60), 99},
	} {
		got := nameKey(tc.in)
		if len(got) != tc.wantLen || !utf8.ValidString(got) || !strings.HasPrefix(FoldName(tc.in), got) {
			t.Errorf("%s: key of %d bytes (valid UTF-8 %v), want %d bytes cut from the folded name",
				tc.name, len(got), utf8.ValidString(got), tc.wantLen)
		}
	}
}
