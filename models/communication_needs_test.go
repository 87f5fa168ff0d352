package models

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestPostTo(t *testing.T) {
	home := []string{"1 High Street", " ", "Leicester", "LE1 5WW"}
	safe := CommunicationNeeds{UnsafeToWriteHome: true, SafeAddressLines: "c/o 4 Park Road\nLoughborough", SafePostcode: "LE11 3TU"}
	cases := []struct {
		name    string
		needs   CommunicationNeeds
		consent bool
		home    []string
		want    []string
		safe    bool
		hold    string
	}{
		{"safe home", CommunicationNeeds{}, true, home, []string{"1 High Street", "Leicester", "LE1 5WW"}, false, ""},
		{"no consent", CommunicationNeeds{}, false, home, nil, false, HoldNoConsent},
		{"no consent, even with a safe address", safe, false, home, nil, false, HoldNoConsent},
		{"unsafe home with a safe address", safe, true, home, []string{"c/o 4 Park Road", "Loughborough", "LE11 3TU"}, true, ""},
		{"unsafe home without a safe address", CommunicationNeeds{UnsafeToWriteHome: true}, true, home, nil, false, HoldUnsafeHome},
		{"unsafe home, safe address without a postcode", CommunicationNeeds{UnsafeToWriteHome: true, SafeAddressLines: "4 Park Road"}, true, home, nil, false, HoldUnsafeHome},
		{"unsafe home, safe postcode without lines", CommunicationNeeds{UnsafeToWriteHome: true, SafePostcode: "LE11 3TU"}, true, home, nil, false, HoldUnsafeHome},
		{"a safe address is not used while home is safe", CommunicationNeeds{SafeAddressLines: "4 Park Road", SafePostcode: "LE11 3TU"}, true, home, []string{"1 High Street", "Leicester", "LE1 5WW"}, false, ""},
		{"no home address", CommunicationNeeds{}, true, []string{" ", ""}, nil, false, HoldNoAddress},
		{"no home address at all", CommunicationNeeds{}, true, nil, nil, false, HoldNoAddress},
	}
	for _, c := range cases {
		got := c.needs.PostTo(c.consent, c.home)
		if !slices.Equal(got.Address, c.want) || got.SafeAddress != c.safe || got.HoldReason != c.hold || got.Held() != (c.hold != "") {
			t.Errorf("%s: PostTo = %+v; want address %q, safe %v, hold %q", c.name, got, c.want, c.safe, c.hold)
		}
	}
	for _, reason := range []string{HoldNoConsent, HoldUnsafeHome, HoldNoAddress} {
		if !strings.HasPrefix(reason, "The letter to her is held: ") || !strings.HasSuffix(reason, ".") {
			t.Errorf("hold reason %q is not sentences", reason)
		}
	}
}

func TestCommunicationNeedsZeroValue(t *testing.T) {
	var n CommunicationNeeds
	if !n.SafeToWriteHome() || n.Layout() != LayoutStandard || n.Interpreter().Needed() || len(n.Flags()) != 0 {
		t.Errorf("the zero value is not \"no needs, safe to write home\": %+v", n)
	}
	if (CommunicationNeeds{UnsafeToWriteHome: true}).SafeToWriteHome() {
		t.Error("UnsafeToWriteHome does not make writing home unsafe")
	}
}

func TestLayout(t *testing.T) {
	if l := (CommunicationNeeds{LargePrint: true}).Layout(); l != LayoutLargePrint || l.BodyPoints() != 16 {
		t.Errorf("large print: %q at %v pt; want large_print at 16", l, l.BodyPoints())
	}
	if l := (CommunicationNeeds{EasyRead: true, Braille: true}).Layout(); l != LayoutStandard || l.BodyPoints() != 12 {
		t.Errorf("standard: %q at %v pt; want standard at 12", l, l.BodyPoints())
	}
}

func TestInterpreter(t *testing.T) {
	cases := []struct {
		needs CommunicationNeeds
		want  []string
		code  string
	}{
		{CommunicationNeeds{}, nil, ""},
		{CommunicationNeeds{Language: "pl"}, nil, ""}, // her language, but no interpreter needed
		{CommunicationNeeds{InterpreterNeeded: true, Language: "pl"}, []string{"Polish"}, "pl"},
		{CommunicationNeeds{InterpreterNeeded: true, Language: "yue"}, []string{"Cantonese Chinese"}, "yue"},
		{CommunicationNeeds{InterpreterNeeded: true, Language: LanguageOther, LanguageOtherName: " Oromo "}, []string{"Oromo"}, LanguageOther},
		{CommunicationNeeds{BSL: true}, []string{"British Sign Language"}, ""},
		{CommunicationNeeds{BSL: true, InterpreterNeeded: true, Language: "ro"}, []string{"Romanian", "British Sign Language"}, "ro"},
	}
	for _, c := range cases {
		got := c.needs.Interpreter()
		if !slices.Equal(got.Interpreters(), c.want) || got.Needed() != (len(c.want) > 0) || got.SpokenCode != c.code {
			t.Errorf("%+v: Interpreter = %+v (%q); want %q, code %q", c.needs, got, got.Interpreters(), c.want, c.code)
		}
	}
}

func TestFlags(t *testing.T) {
	n := CommunicationNeeds{InterpreterNeeded: true, Language: "so", BSL: true, LargePrint: true, EasyRead: true, Braille: true,
		PreferredContact: ContactTextMessage, UnsafeToWriteHome: true}
	want := []string{"Interpreter: Somali", "BSL", "Large print", "Easy read", "Braille", "Prefers text message", "Do not write home"}
	if got := n.Flags(); !slices.Equal(got, want) {
		t.Errorf("Flags = %q; want %q", got, want)
	}
	if got := (CommunicationNeeds{InterpreterNeeded: true}).Flags(); !slices.Equal(got, []string{"Interpreter: language not recorded"}) {
		t.Errorf("Flags without a language = %q", got)
	}
	for _, m := range append([]ContactMethod{ContactNotStated}, ContactMethods...) {
		if m.Label() == "" || m.Label() == string(m) && m != "" {
			t.Errorf("%q has no label", m)
		}
	}
}

func TestCommunicationNeedsNormalised(t *testing.T) {
	cases := []struct {
		name   string
		in     CommunicationNeeds
		fields []string // the fields at fault, in order
	}{
		{"nothing recorded", CommunicationNeeds{}, nil},
		{"interpreter with a language", CommunicationNeeds{InterpreterNeeded: true, Language: " PL "}, nil},
		{"interpreter without a language", CommunicationNeeds{InterpreterNeeded: true}, []string{"Language"}},
		{"a code not in the list", CommunicationNeeds{Language: "xx"}, []string{"Language"}},
		{"other without a name", CommunicationNeeds{Language: LanguageOther}, []string{"Language"}},
		{"other with a name", CommunicationNeeds{Language: LanguageOther, LanguageOtherName: "Oromo"}, nil},
		{"unknown contact method", CommunicationNeeds{PreferredContact: "pigeon"}, []string{"Preferred contact"}},
		{"each contact method", CommunicationNeeds{PreferredContact: ContactEmail}, nil},
		{"safe address", CommunicationNeeds{UnsafeToWriteHome: true, SafeAddressLines: "4 Park Road", SafePostcode: "le113tu"}, nil},
		{"safe address without a postcode", CommunicationNeeds{SafeAddressLines: "4 Park Road"}, []string{"Safe postcode"}},
		{"safe postcode without lines", CommunicationNeeds{SafePostcode: "LE11 3TU"}, []string{"Safe address"}},
		{"safe postcode not a postcode", CommunicationNeeds{SafeAddressLines: "4 Park Road", SafePostcode: "LE11"}, []string{"Safe postcode"}},
		{"safe address too long", CommunicationNeeds{SafeAddressLines: "1\n2\n3\n4\n5\n6", SafePostcode: "LE11 3TU"}, []string{"Safe address"}},
		{"several problems", CommunicationNeeds{InterpreterNeeded: true, PreferredContact: "fax", SafePostcode: "nope"},
			[]string{"Language", "Preferred contact", "Safe postcode", "Safe address"}},
	}
	for _, c := range cases {
		got, err := c.in.Normalised()
		fields := fieldsAtFault(t, c.name, err)
		if !slices.Equal(fields, c.fields) {
			t.Errorf("%s: fields at fault %q; want %q (%v)", c.name, fields, c.fields, err)
		}
		if err != nil && strings.Contains(err.Error(), "Park Road") {
			t.Errorf("%s: the message repeats the address: %v", c.name, err)
		}
		if c.fields == nil && c.in.SafePostcode != "" && got.SafePostcode != "LE11 3TU" {
			t.Errorf("%s: safe postcode %q not normalised", c.name, got.SafePostcode)
		}
	}
	got, _ := CommunicationNeeds{Language: " PL ", LanguageOtherName: "stale", SafeAddressLines: " 4  Park Road \n\n Loughborough "}.Normalised()
	if got.Language != "pl" || got.LanguageOtherName != "" || got.SafeAddressLines != "4 Park Road\nLoughborough" {
		t.Errorf("Normalised = %+v", got)
	}
}

func TestParseLanguage(t *testing.T) {
	cases := []struct {
		in, want string
	}{
		{"pl", "pl"}, {"Polish", "pl"}, {"  GUJARATI ", "gu"}, {"Mandarin", "cmn"}, {"Chinese", "cmn"},
		{"Cantonese", "yue"}, {"Sorani", "ckb"}, {"Kurdish (Kurmanji)", "kmr"}, {"Panjabi", "pa"}, {"Tigrinya", "ti"},
		{"Kurdish", ""}, {"Klingon", ""}, {"", ""},
	}
	for _, c := range cases {
		got, err := ParseLanguage(c.in)
		var ie *FieldError
		if got != c.want || (c.want == "") != (err != nil) || err != nil && (!errors.As(err, &ie) || ie.Field.Label() != "Language") {
			t.Errorf("ParseLanguage(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	_, err := ParseLanguage("kurdish")
	if err == nil || !strings.Contains(err.Error(), "Kurdish (Sorani) or Kurdish (Kurmanji)") {
		t.Errorf("ParseLanguage(kurdish) = %v; want it to ask which", err)
	}
	codes := map[string]bool{}
	for _, l := range Languages {
		if codes[l.Code] || len(l.Code) < 2 || len(l.Code) > 3 || l.Code != strings.ToLower(l.Code) || LanguageName(l.Code) != l.Name {
			t.Errorf("language %+v: code repeated or not an ISO 639 code", l)
		}
		codes[l.Code] = true
	}
	for _, needed := range []string{"gu", "pa", "ur", "bn", "pl", "ar", "so", "ro", "cmn", "yue", "pt", "ti", "ckb", "kmr"} {
		if !codes[needed] {
			t.Errorf("%s is missing from Languages", needed)
		}
	}
	if LanguageName(LanguageOther) != "" || LanguageName("xx") != "" {
		t.Error("LanguageName names a code that is not listed")
	}
}

func TestLanguageFromText(t *testing.T) {
	cases := []struct{ in, code, other string }{
		{"", "", ""},
		{"  ", "", ""},
		{"Polish", "pl", ""},
		{" mandarin ", "cmn", ""},
		{"Oromo", LanguageOther, "Oromo"},
		{"Kurdish", LanguageOther, "Kurdish"}, // ambiguous: kept in words for someone to ask
		{strings.Repeat("a", 70), LanguageOther, strings.Repeat("a", 60)},
	}
	for _, c := range cases {
		if code, other := LanguageFromText(c.in); code != c.code || other != c.other {
			t.Errorf("LanguageFromText(%q) = %q, %q; want %q, %q", c.in, code, other, c.code, c.other)
		}
	}
}
