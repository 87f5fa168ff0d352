package models

import (
	"errors"
	"slices"
	"testing"
)

func TestSalutation(t *testing.T) {
	cases := []struct {
		title, given, family, full string
		want                       string
	}{
		{"Dr", "Amira", "Patel", "", "Dear Dr Patel"},
		{"Dr.", "Amira", "Patel", "ignored when the family name is known", "Dear Dr Patel"},
		{"dr", "", "Patel", "", "Dear Dr Patel"},
		{"  Prof ", "Ruth", " Chauhan ", "", "Dear Professor Chauhan"},
		{"Mx", "Sam", "O'Neill", "", "Dear Mx O'Neill"},
		{"Consultant", "Ana", "Cruz", "", "Dear Consultant Cruz"}, // an unknown title is kept as given
		{"", "Amira", "Patel", "Dr Amira Patel", "Dear Amira Patel"},
		{"", "", "Patel", "", "Dear Patel"},
		{"", "", "", "Dr Amira Patel", "Dear Dr Patel"},
		{"", "", "", "  dr.   amira   Patel ", "Dear Dr Patel"},
		{"", "", "", "Dr Patel", "Dear Dr Patel"},
		{"", "", "", "Mrs Siobhán O'Connell", "Dear Mrs O'Connell"},
		{"", "", "", "Dr Ana de la Cruz", "Dear Dr Ana de la Cruz"}, // the family name cannot be told apart
		{"", "", "", "Ruth Chauhan", "Dear Ruth Chauhan"},
		{"", "", "", "Ruth", "Dear Ruth"},
		{"Dr", "", "", "Amira Patel", "Dear Dr Patel"},
		{"Dr", "", "", "Dr Amira Patel", "Dear Dr Patel"},
		{"", "", "", "Dr", "Dear colleague"},
		{"", "", "", "", "Dear colleague"},
		{"Dr", "Amira", "", "", "Dear Amira"},
		{"", "", "", "Professor Sir John Smith", "Dear Professor Sir John Smith"},
	}
	for _, c := range cases {
		if got := Salutation(c.title, c.given, c.family, c.full); got != c.want {
			t.Errorf("Salutation(%q, %q, %q, %q) = %q; want %q", c.title, c.given, c.family, c.full, got, c.want)
		}
	}
	p := Professional{Name: "Dr Amira Patel"}
	if got := p.Salutation(); got != "Dear Dr Patel" {
		t.Errorf("Professional.Salutation = %q", got)
	}
	if got := (&Organisation{Name: "County South CMHT"}).Salutation(); got != "Dear colleagues" {
		t.Errorf("Organisation.Salutation = %q", got)
	}
}

func TestGPPracticeCode(t *testing.T) {
	cases := []struct {
		in, want string
		ok       bool
	}{
		{"C82001", "C82001", true},
		{" c82001 ", "C82001", true},
		{"Y02 345", "Y02345", true},
		{"A00000", "A00000", true},
		{"Z99999", "Z99999", true},    // the last letter and the last digit
		{"[82001", "[82001", false},   // the character after Z
		{"C8200:", "C8200:", false},   // the character after 9
		{"C8200", "C8200", false},     // five characters
		{"C820012", "C820012", false}, // seven
		{"CC8200", "CC8200", false},   // two letters
		{"182001", "182001", false},   // no letter
		{"C8200A", "C8200A", false},   // a letter at the end
		{"Ç82001", "Ç82001", false},   // not A to Z
		{"", "", false},
	}
	for _, c := range cases {
		got, err := NormaliseGPPracticeCode(c.in)
		var ie *FieldError
		if got != c.want || (err == nil) != c.ok || (!c.ok && (!errors.As(err, &ie) || ie.Field.Label() != "ODS code")) {
			t.Errorf("NormaliseGPPracticeCode(%q) = %q, %v; want %q ok %v", c.in, got, err, c.want, c.ok)
		}
	}
}

func TestOrganisationAddress(t *testing.T) {
	cases := []struct {
		lines, postcode string
		has             bool
		address         []string
	}{
		{"Charnwood Practice\n1 Station Road\nLoughborough", "LE11 3TU", true, []string{"Charnwood Practice", "1 Station Road", "Loughborough", "LE11 3TU"}},
		{" 1 Station Road \n\n", " LE11 3TU ", true, []string{"1 Station Road", "LE11 3TU"}},
		{"", "LE11 3TU", false, []string{"LE11 3TU"}},
		{"1 Station Road", "", false, []string{"1 Station Road"}},
		{"1 Station Road", "LE11", false, []string{"1 Station Road", "LE11"}},
		{"", "", false, nil},
	}
	for _, c := range cases {
		o := Organisation{AddressLines: c.lines, Postcode: c.postcode}
		if o.HasPostalAddress() != c.has || !slices.Equal(o.Address(), c.address) {
			t.Errorf("%q %q: HasPostalAddress %v, Address %q; want %v, %q", c.lines, c.postcode, o.HasPostalAddress(), o.Address(), c.has, c.address)
		}
	}
}

func TestOrganisationNormalised(t *testing.T) {
	gp := Organisation{Kind: OrgGPPractice, Name: " Charnwood  Practice ", ODSCode: "c82001",
		AddressLines: "1 Station Road\nLoughborough", Postcode: "le113tu", Email: "charnwood.practice@nhs.net"}
	cases := []struct {
		name   string
		edit   func(*Organisation)
		fields []string
	}{
		{"a complete GP practice", func(*Organisation) {}, nil},
		{"GP practice without an ODS code", func(o *Organisation) { o.ODSCode = "" }, []string{"ODS code"}},
		{"GP practice with a wrong ODS code", func(o *Organisation) { o.ODSCode = "RT5" }, []string{"ODS code"}},
		{"a ward with a trust's code", func(o *Organisation) { o.Kind, o.ODSCode = OrgWard, "RT5" }, nil},
		{"a CMHT without a code", func(o *Organisation) { o.Kind, o.ODSCode = OrgCMHT, "" }, nil},
		{"a team with a malformed code", func(o *Organisation) { o.Kind, o.ODSCode = OrgMidwiferyTeam, "R-T5" }, []string{"ODS code"}},
		{"a team with a code too long", func(o *Organisation) { o.Kind, o.ODSCode = OrgHealthVisiting, "RT5ABCDEFGH" }, []string{"ODS code"}},
		{"a team with a ten-character code", func(o *Organisation) { o.Kind, o.ODSCode = OrgHealthVisiting, "RT5ABCDEFG" }, nil},
		{"a team with a two-character code", func(o *Organisation) { o.Kind, o.ODSCode = OrgHealthVisiting, "RT" }, []string{"ODS code"}},
		{"no kind", func(o *Organisation) { o.Kind = "" }, []string{"Kind"}},
		{"no name", func(o *Organisation) { o.Name = "  " }, []string{"Name"}},
		{"no address at all", func(o *Organisation) { o.AddressLines, o.Postcode = "", "" }, nil},
		{"lines without a postcode", func(o *Organisation) { o.Postcode = "" }, []string{"Postcode"}},
		{"postcode without lines", func(o *Organisation) { o.AddressLines = "" }, []string{"Address"}},
		{"a postcode of the wrong shape", func(o *Organisation) { o.Postcode = "LE11" }, []string{"Postcode"}},
		{"too many lines", func(o *Organisation) { o.AddressLines = "1\n2\n3\n4\n5\n6" }, []string{"Address"}},
		{"a bad email", func(o *Organisation) { o.Email = "charnwood at nhs.net" }, []string{"Email"}},
		{"an email without a domain", func(o *Organisation) { o.Email = "team@nhs" }, []string{"Email"}},
		{"everything wrong", func(o *Organisation) { *o = Organisation{ODSCode: "??", AddressLines: "x", Email: "@"} },
			[]string{"Kind", "Name", "ODS code", "Postcode", "Email"}},
	}
	for _, c := range cases {
		o := gp
		c.edit(&o)
		got, err := o.Normalised()
		fields := fieldsAtFault(t, c.name, err)
		if !slices.Equal(fields, c.fields) {
			t.Errorf("%s: fields at fault %q; want %q (%v)", c.name, fields, c.fields, err)
		}
		if c.fields == nil && c.name == "a complete GP practice" &&
			(got.Name != "Charnwood Practice" || got.ODSCode != "C82001" || got.Postcode != "LE11 3TU" || !got.HasPostalAddress()) {
			t.Errorf("Normalised = %+v", got)
		}
	}
	for _, k := range OrganisationKinds {
		if !k.Valid() || k.Label() == string(k) {
			t.Errorf("%q: not valid or no label", k)
		}
	}
	if OrganisationKind("surgery").Valid() {
		t.Error("an unknown kind is valid")
	}
}

// TestODSCodeShape pins the edges of an ODS code's shape: 3 to 10
// characters, each A to Z or 0 to 9 (the character either side of each
// range is refused).
func TestODSCodeShape(t *testing.T) {
	cases := []struct {
		in   string
		want bool
	}{
		{"RT5", true},
		{"RT", false},
		{"RT5ABCDEFG", true},
		{"RT5ABCDEFGH", false},
		{"AZ0", true},
		{"R9Z", true},
		{"@T5", false}, // before A
		{"R[5", false}, // after Z
		{"RT/", false}, // before 0
		{"RT:", false}, // after 9
		{"rt5", false},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			if got := validODSShape(c.in); got != c.want {
				t.Errorf("validODSShape(%q) = %v, want %v", c.in, got, c.want)
			}
		})
	}
}
