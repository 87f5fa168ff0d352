package models

import (
	"slices"
	"strings"
	"testing"
)

// fieldIDsIn lists the fields named by err.
func fieldIDsIn(err error) []FieldID {
	var out []FieldID
	for _, fe := range FieldErrorsIn(err) {
		out = append(out, fe.Field)
	}
	return out
}

// checkFields fails unless err names exactly want (none when want is nil),
// and, when text is given, unless its message holds text.
func checkFields(t *testing.T, name string, err error, want []FieldID, text string) {
	t.Helper()
	if got := fieldIDsIn(err); !slices.Equal(got, want) {
		t.Errorf("%s: fields at fault %v, want %v (%v)", name, got, want, err)
	}
	if text != "" && (err == nil || !strings.Contains(err.Error(), text)) {
		t.Errorf("%s: error %v, want it to say %q", name, err, text)
	}
}

func TestEthnicCategoriesAreTheDataDictionaryCodes(t *testing.T) {
	for _, code := range []EthnicCategory{"", "A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P", "R", "S", "Z", "99"} {
		if !code.Valid() {
			t.Errorf("%q refused", code)
		}
		if code.Label() == string(code) {
			t.Errorf("%q has no words", code)
		}
	}
	for _, code := range []EthnicCategory{"I", "O", "Q", "T", "X", "9", "a", "ZZ"} {
		if code.Valid() {
			t.Errorf("%q accepted; it is not a national or default code", code)
		}
	}
	if len(EthnicCategories) != 18 {
		t.Errorf("%d codes; the 16+1 categories, Z and 99 make 18", len(EthnicCategories))
	}
}

// validDetails are details that pass, for a woman pregnant on 01/12/2026.
func validDetails() PatientDetails {
	return PatientDetails{
		GivenName: " Zoë ", FamilyName: "Ní  Bhriain", PreferredName: "Zo", NHSNumber: "943 476 5919",
		AddressLines: "1 High Street\nLoughborough", Postcode: "le11 3tu", Phone: "07700 900123",
		PhoneMessages: AnswerYes, EthnicCategory: "B", DueDate: NewDate(2027, 3, 1),
	}
}

func TestPatientDetailsNormalised(t *testing.T) {
	today := NewDate(2026, 12, 1)
	got, err := validDetails().Normalised(StagePregnant, today)
	checkFields(t, "valid", err, nil, "")
	if got.GivenName != "Zoë" || got.FamilyName != "Ní Bhriain" || got.Postcode != "LE11 3TU" || got.NHSNumber != "9434765919" {
		t.Errorf("not tidied: %+v", got)
	}
	for _, tc := range []struct {
		name  string
		stage Stage
		edit  func(*PatientDetails)
		want  []FieldID
		text  string
	}{
		{"no given name", StagePregnant, func(d *PatientDetails) { d.GivenName = "  " }, []FieldID{FieldGivenName}, "given name"},
		{"no family name", StagePregnant, func(d *PatientDetails) { d.FamilyName = "" }, []FieldID{FieldFamilyName}, ""},
		{"NHS number fails its check digit", StagePregnant, func(d *PatientDetails) { d.NHSNumber = "9991234560" }, []FieldID{FieldNHSNumber}, ""},
		{"NHS number removed", StagePregnant, func(d *PatientDetails) { d.NHSNumber = " " }, nil, ""},
		{"postcode missing", StagePregnant, func(d *PatientDetails) { d.Postcode = "" }, []FieldID{FieldPostcode}, ""},
		{"postcode malformed", StagePregnant, func(d *PatientDetails) { d.Postcode = "LE1" }, []FieldID{FieldPostcode}, ""},
		{"telephone with a control character", StagePregnant, func(d *PatientDetails) { d.Phone = "0116\x07" }, []FieldID{FieldPatientPhone}, ""},
		{"telephone too long", StagePregnant, func(d *PatientDetails) { d.Phone = strings.Repeat("1", 41) }, []FieldID{FieldPatientPhone}, ""},
		{"preferred name too long", StagePregnant, func(d *PatientDetails) { d.PreferredName = strings.Repeat("a", 101) }, []FieldID{FieldPreferredName}, ""},
		{"messages answer unknown", StagePregnant, func(d *PatientDetails) { d.PhoneMessages = "maybe" }, []FieldID{FieldPhoneMessages}, ""},
		{"ethnic category unknown", StagePregnant, func(d *PatientDetails) { d.EthnicCategory = "X" }, []FieldID{FieldEthnicCategory}, ""},
		{"due date ten months on", StagePregnant, func(d *PatientDetails) { d.DueDate = today.AddMonths(10) }, nil, ""},
		{"due date past ten months", StagePregnant, func(d *PatientDetails) { d.DueDate = today.AddMonths(10).AddDays(1) }, []FieldID{FieldDueDate}, "longer than a pregnancy"},
		{"due date two weeks ago", StagePregnant, func(d *PatientDetails) { d.DueDate = today.AddDays(-DueDateGraceDays) }, nil, ""},
		{"due date over two weeks ago", StagePregnant, func(d *PatientDetails) { d.DueDate = today.AddDays(-DueDateGraceDays - 1) }, []FieldID{FieldDueDate}, "record the birth"},
		{"past due date after birth", StagePostnatal, func(d *PatientDetails) { d.DueDate = today.AddMonths(-6) }, nil, ""},
		{"moved tomorrow", StagePregnant, func(d *PatientDetails) { d.MovedOn = today.AddDays(1) }, []FieldID{FieldMovedOn}, ""},
		{"moved today", StagePregnant, func(d *PatientDetails) { d.MovedOn = today }, nil, ""},
		{"two faults at once", StagePregnant, func(d *PatientDetails) { d.GivenName, d.Postcode = "", "" }, []FieldID{FieldGivenName, FieldPostcode}, ""},
	} {
		d := validDetails()
		tc.edit(&d)
		_, err := d.Normalised(tc.stage, today)
		checkFields(t, tc.name, err, tc.want, tc.text)
		if err != nil && strings.Contains(err.Error(), "Zo") {
			t.Errorf("%s: the error repeats her name: %v", tc.name, err)
		}
	}
}

func TestChangedFieldsNamesEachFieldAndNoValue(t *testing.T) {
	id1, id2 := uint(1), uint(2)
	for _, tc := range []struct {
		name string
		edit func(*PatientDetails)
		want []FieldID
	}{
		{"nothing", func(*PatientDetails) {}, nil},
		{"address spacing only", func(d *PatientDetails) { d.AddressLines = " 1 High  Street \n\nLoughborough" }, nil},
		{"postcode case only", func(d *PatientDetails) { d.Postcode = "LE113TU" }, nil},
		{"telephone", func(d *PatientDetails) { d.Phone = "0116 496 0000" }, []FieldID{FieldPatientPhone}},
		{"address", func(d *PatientDetails) { d.AddressLines = "2 Low Street" }, []FieldID{FieldAddress}},
		{"postcode", func(d *PatientDetails) { d.Postcode = "LE1 5WW" }, []FieldID{FieldAddress}},
		{"GP in the directory", func(d *PatientDetails) { d.GPPracticeID = &id2 }, []FieldID{FieldGPPracticeName}},
		{"GP taken out of the directory", func(d *PatientDetails) { d.GPPracticeID = nil }, []FieldID{FieldGPPracticeName}},
		{"names and due date", func(d *PatientDetails) { d.GivenName, d.PreferredName, d.DueDate = "Ann", "Annie", Date{} },
			[]FieldID{FieldGivenName, FieldPreferredName, FieldDueDate}},
		{"unsafe to write home", func(d *PatientDetails) { d.Needs.UnsafeToWriteHome = true }, []FieldID{FieldSafeAddress}},
		{"large print", func(d *PatientDetails) { d.Needs.LargePrint = true }, []FieldID{FieldCommunicationNeeds}},
		{"ethnicity, messages and NHS number", func(d *PatientDetails) { d.EthnicCategory, d.PhoneMessages, d.NHSNumber = "Z", AnswerNo, "" },
			[]FieldID{FieldNHSNumber, FieldPhoneMessages, FieldEthnicCategory}},
	} {
		before := validDetails()
		before.Postcode, before.GPPracticeID = "LE11 3TU", &id1
		after := before
		tc.edit(&after)
		if got := ChangedFields(before, after); !slices.Equal(got, tc.want) {
			t.Errorf("%s: changed %v, want %v", tc.name, got, tc.want)
		}
	}
	same := validDetails()
	one, alsoOne := uint(1), uint(1)
	same.GPPracticeID = &one
	copied := same
	copied.GPPracticeID = &alsoOne
	if got := ChangedFields(same, copied); got != nil {
		t.Errorf("the same GP practice read twice: changed %v", got)
	}
	neither := validDetails()
	neither.GPPracticeID = nil
	if got := ChangedFields(neither, neither); got != nil {
		t.Errorf("no GP in the directory before or after: changed %v", got)
	}
}

func TestDetailsApplyAndDetailsOfRoundTrip(t *testing.T) {
	d := validDetails()
	var p Patient
	var r Referral
	d.Apply(&p, &r)
	if got := DetailsOf(&p, &r); got != d {
		t.Errorf("round trip gave %+v, want %+v", got, d)
	}
	d.NHSNumber = ""
	d.Apply(&p, &r)
	if p.NHSNumber != nil {
		t.Error("a removed NHS number is kept")
	}
}

func TestPreviousAddressDates(t *testing.T) {
	p := &Patient{AddressLines: "1 High Street", Postcode: "LE11 3TU"}
	moved := NewDate(2026, 11, 30)
	a, err := PreviousAddress(p, Date{}, moved)
	if err != nil || !a.CurrentFrom.IsZero() || a.CurrentUntil != moved || a.Address()[1] != "LE11 3TU" {
		t.Errorf("first move: %+v, %v", a, err)
	}
	a, err = PreviousAddress(p, NewDate(2026, 6, 1), moved)
	if err != nil || a.CurrentFrom != NewDate(2026, 6, 2) {
		t.Errorf("second move: from %s, %v; want 02/06/2026", a.CurrentFrom, err)
	}
	_, err = PreviousAddress(p, NewDate(2026, 6, 1), NewDate(2026, 6, 1))
	checkFields(t, "moved the day the last one ended", err, nil, "")
	_, err = PreviousAddress(p, NewDate(2026, 6, 1), NewDate(2026, 5, 31))
	checkFields(t, "moved before the address began", err, []FieldID{FieldMovedOn}, "before she moved")
}

func TestCheckBirth(t *testing.T) {
	today, mother, due := NewDate(2026, 12, 1), NewDate(1996, 5, 5), NewDate(2026, 12, 10)
	for _, tc := range []struct {
		name string
		born Date
		due  Date
		baby string
		want []FieldID
		text string
	}{
		{"today", today, due, "Amara", nil, ""},
		{"no date", Date{}, due, "", []FieldID{FieldBirthDate}, "enter"},
		{"tomorrow", today.AddDays(1), Date{}, "", []FieldID{FieldBirthDate}, "future"},
		{"before the mother was ten", mother.AddMonths(120), Date{}, "", []FieldID{FieldBirthDate}, "check the year"},
		{"the day after the mother's tenth birthday, no due date", mother.AddMonths(120).AddDays(1), Date{}, "", nil, ""},
		{"18 weeks early", due.AddDays(-7 * 18), due, "", nil, ""},
		{"over 18 weeks early", due.AddDays(-7*18 - 1), due, "", []FieldID{FieldBirthDate}, "before her due date"},
		{"3 weeks late", NewDate(2026, 11, 1), NewDate(2026, 10, 11), "", nil, ""},
		{"over 3 weeks late", NewDate(2026, 11, 2), NewDate(2026, 10, 11), "", []FieldID{FieldBirthDate}, "after her due date"},
		{"name with a control character", today, due, "A\x1bB", []FieldID{FieldBabyName}, ""},
		{"name too long", today, due, strings.Repeat("n", 101), []FieldID{FieldBabyName}, ""},
	} {
		b := Birth{BornOn: tc.born, BabyName: tc.baby}
		checkFields(t, tc.name, CheckBirth(&b, mother, tc.due, today), tc.want, tc.text)
	}
	b := Birth{BornOn: today, BabyName: "  Amara   Rose "}
	if CheckBirth(&b, mother, due, today); b.BabyName != "Amara Rose" {
		t.Errorf("name not tidied: %q", b.BabyName)
	}
}

func TestLatestBirth(t *testing.T) {
	if !LatestBirth(nil).IsZero() {
		t.Error("no births should give no date")
	}
	got := LatestBirth([]Birth{{BornOn: NewDate(2026, 1, 2)}, {BornOn: NewDate(2026, 3, 4)}, {BornOn: NewDate(2025, 1, 1)}})
	if got != NewDate(2026, 3, 4) {
		t.Errorf("latest %s", got)
	}
}

func TestSupportPersonNormalised(t *testing.T) {
	today := NewDate(2026, 12, 1)
	valid := func() SupportPerson {
		return SupportPerson{Relationship: RelPartner, Name: " Sam  Okafor ", Phone: "07700 900456", Postcode: "le1 5ww",
			ConsentToShare: AnswerYes, ConsentOn: today, PartnerAssessment: PartnerAccepted, PartnerOfferedOn: today.AddDays(-7),
			PartnerOutcome: "Seen by the team's psychologist.\r\n"}
	}
	got, err := valid().Normalised(today)
	checkFields(t, "valid", err, nil, "")
	if got.Name != "Sam Okafor" || got.Postcode != "LE1 5WW" || got.PartnerOutcome != "Seen by the team's psychologist." {
		t.Errorf("not tidied: %+v", got)
	}
	for _, tc := range []struct {
		name string
		edit func(*SupportPerson)
		want []FieldID
		text string
	}{
		{"no relationship", func(p *SupportPerson) { p.Relationship = "" }, []FieldID{FieldSupportRelationship}, ""},
		{"no name", func(p *SupportPerson) { p.Name = " " }, []FieldID{FieldSupportName}, "enter their name"},
		{"no postcode is fine", func(p *SupportPerson) { p.Postcode = "" }, nil, ""},
		{"bad postcode", func(p *SupportPerson) { p.Postcode = "nowhere" }, []FieldID{FieldSupportPostcode}, ""},
		{"consent answer unknown", func(p *SupportPerson) { p.ConsentToShare = "perhaps" }, []FieldID{FieldConsentToShare}, ""},
		{"consent without its date", func(p *SupportPerson) { p.ConsentToShare, p.ConsentOn = AnswerNo, Date{} }, []FieldID{FieldConsentOn}, "enter"},
		{"consent dated tomorrow", func(p *SupportPerson) { p.ConsentOn = today.AddDays(1) }, []FieldID{FieldConsentOn}, "future"},
		{"consent not asked drops the date", func(p *SupportPerson) { p.ConsentToShare = AnswerNotAsked }, nil, ""},
		{"assessment offered to a mother", func(p *SupportPerson) { p.Relationship = RelMother }, []FieldID{FieldPartnerAssessment}, "only her partner"},
		{"assessment state unknown", func(p *SupportPerson) { p.PartnerAssessment = "maybe" }, []FieldID{FieldPartnerAssessment}, ""},
		{"offer without its date", func(p *SupportPerson) { p.PartnerAssessment, p.PartnerOfferedOn = PartnerOffered, Date{} }, []FieldID{FieldPartnerOfferedOn}, ""},
		{"offer dated tomorrow", func(p *SupportPerson) { p.PartnerOfferedOn = today.AddDays(1) }, []FieldID{FieldPartnerOfferedOn}, ""},
		{"outcome without an offer", func(p *SupportPerson) { p.PartnerAssessment = PartnerNotOffered }, []FieldID{FieldPartnerOutcome}, ""},
		{"not offered, no outcome", func(p *SupportPerson) { p.PartnerAssessment, p.PartnerOutcome = PartnerNotOffered, "" }, nil, ""},
		{"declined", func(p *SupportPerson) { p.PartnerAssessment = PartnerDeclined }, nil, ""},
	} {
		p := valid()
		tc.edit(&p)
		_, err := p.Normalised(today)
		checkFields(t, tc.name, err, tc.want, tc.text)
	}
	p := valid()
	p.ConsentToShare = AnswerNotAsked
	if got, _ := p.Normalised(today); !got.ConsentOn.IsZero() {
		t.Error("a consent date is kept with no answer")
	}
}
