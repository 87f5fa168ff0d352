package models

import (
	"strings"
)

// Answer is a yes-or-no answer that may not have been asked yet: whether
// messages may be left on her telephone, whether she consents to share
// information with someone.
type Answer string

// Answers. AnswerNotAsked is the zero value, what every existing record means.
const (
	AnswerNotAsked Answer = ""
	AnswerYes      Answer = "yes"
	AnswerNo       Answer = "no"
)

// Answers lists the answers in the order forms offer them.
var Answers = []Answer{AnswerNotAsked, AnswerYes, AnswerNo}

// answerLabels holds the words for each Answer.
var answerLabels = map[Answer]string{AnswerNotAsked: "Not asked", AnswerYes: "Yes", AnswerNo: "No"}

// Label returns the answer in words.
func (a Answer) Label() string { return labelOf(answerLabels, a) }

// Valid reports whether a is one of Answers.
func (a Answer) Valid() bool { return a == AnswerNotAsked || a == AnswerYes || a == AnswerNo }

// The fields of her details that only the details form names.
const (
	FieldPreferredName  FieldID = "patient.preferred_name"
	FieldPatientPhone   FieldID = "patient.phone"
	FieldPhoneMessages  FieldID = "patient.phone_messages"
	FieldGPPracticeName FieldID = "patient.gp_practice"
	FieldEthnicCategory FieldID = "patient.ethnic_category"
	FieldMovedOn        FieldID = "patient.moved_on"
	// FieldCommunicationNeeds names her communication needs as a whole.
	FieldCommunicationNeeds FieldID = "patient.communication_needs"
)

func init() {
	DefineFields(map[FieldID]string{
		FieldPreferredName:      "Preferred name",
		FieldPatientPhone:       "Telephone",
		FieldPhoneMessages:      "Messages",
		FieldGPPracticeName:     "GP practice",
		FieldEthnicCategory:     "Ethnic category",
		FieldMovedOn:            "Moved on",
		FieldCommunicationNeeds: "Communication needs",
	})
}

// PatientDetails are what her key worker or an administrator may correct
// after intake: her names, NHS number, address, telephone and whether
// messages may be left, GP practice, ethnic category, the due date on the
// referral, and her communication needs under the Accessible Information
// Standard (which hold whether it is safe to write to her home).
type PatientDetails struct {
	GivenName, FamilyName string
	// PreferredName is what she likes to be called, if not her given name.
	PreferredName  string
	NameForLetters string
	// NHSNumber is the ten digits, or "" when not known.
	NHSNumber     string
	AddressLines  string // one line per "\n", without the postcode
	Postcode      string
	Phone         string
	PhoneMessages Answer
	GPPractice    string
	// GPPracticeID links the practice to the directory, or is nil.
	GPPracticeID   *uint
	EthnicCategory EthnicCategory
	// DueDate is the expected delivery date on the referral.
	DueDate Date
	Needs   CommunicationNeeds
	// MovedOn is the day she moved, when the address changes: the last
	// day her old address was current. Zero means the day of the change.
	MovedOn Date
}

// DetailsOf returns the details of p and, for the due date, of r.
func DetailsOf(p *Patient, r *Referral) PatientDetails {
	d := PatientDetails{
		GivenName: p.GivenName, FamilyName: p.FamilyName, PreferredName: p.PreferredName, NameForLetters: p.NameForLetters,
		AddressLines: p.AddressLines, Postcode: p.Postcode, Phone: p.Phone, PhoneMessages: p.PhoneMessages,
		GPPractice: p.GPPractice, GPPracticeID: p.GPPracticeID, EthnicCategory: p.EthnicCategory,
		Needs: p.CommunicationNeeds,
	}
	if p.NHSNumber != nil {
		d.NHSNumber = *p.NHSNumber
	}
	if r != nil {
		d.DueDate = r.ExpectedDeliveryDate
	}
	return d
}

// Apply writes the details into p and the due date into r.
func (d PatientDetails) Apply(p *Patient, r *Referral) {
	p.GivenName, p.FamilyName, p.PreferredName, p.NameForLetters = d.GivenName, d.FamilyName, d.PreferredName, d.NameForLetters
	p.NHSNumber = nil
	if d.NHSNumber != "" {
		n := d.NHSNumber
		p.NHSNumber = &n
	}
	p.AddressLines, p.Postcode, p.Phone, p.PhoneMessages = d.AddressLines, d.Postcode, d.Phone, d.PhoneMessages
	p.GPPractice, p.GPPracticeID, p.EthnicCategory = d.GPPractice, d.GPPracticeID, d.EthnicCategory
	p.CommunicationNeeds = d.Needs
	if r != nil {
		r.ExpectedDeliveryDate = d.DueDate
	}
}

// Normalised returns the details tidied (spaces, the NHS number as ten
// digits, the postcode in its standard form) and checked as intake checks
// them. stage is the referral's stage and today the date in the UK: a due
// date is checked as one for a woman pregnant today. Every field at fault
// is named in a FieldErrors whose messages never repeat what was typed.
// Her names are checked for printing by the service, which shares that
// rule with intake.
func (d PatientDetails) Normalised(stage Stage, today Date) (PatientDetails, error) {
	var v FieldErrors
	d.GivenName, d.FamilyName, d.PreferredName = tidyName(d.GivenName), tidyName(d.FamilyName), tidyName(d.PreferredName)
	d.Phone, d.GPPractice = tidyName(d.Phone), tidyName(d.GPPractice)
	if d.GivenName == "" {
		v.Add(FieldGivenName, "enter the woman's given name")
	}
	if d.FamilyName == "" {
		v.Add(FieldFamilyName, "enter the woman's family name")
	}
	v = append(v, checkTexts(
		textCheck{FieldGivenName, d.GivenName, ShortText}, textCheck{FieldFamilyName, d.FamilyName, ShortText},
		textCheck{FieldPreferredName, d.PreferredName, TextRule{MaxRunes: 100}}, textCheck{FieldPatientPhone, d.Phone, TextRule{MaxRunes: 40}},
		textCheck{FieldGPPracticeName, d.GPPractice, ShortText}, textCheck{FieldAddress, d.AddressLines, Address},
	)...)
	if n := strings.TrimSpace(d.NHSNumber); n == "" {
		d.NHSNumber = ""
	} else if n, err := NormaliseNHSNumber(n); err != nil {
		v = append(v, OnField(FieldNHSNumber, err))
	} else {
		d.NHSNumber = n
	}
	if pc, err := NormalisePostcode(d.Postcode); err != nil {
		v = append(v, OnField(FieldPostcode, err))
	} else {
		d.Postcode = pc
	}
	if !d.PhoneMessages.Valid() {
		v.Add(FieldPhoneMessages, "choose yes, no or not asked")
	}
	if !d.EthnicCategory.Valid() {
		v.Add(FieldEthnicCategory, "choose one of the categories in the list")
	}
	if stage == StagePregnant && !d.DueDate.IsZero() {
		if d.DueDate.After(today.AddMonths(MaxMonthsToDueDate)) {
			v.Add(FieldDueDate, "it is more than %d months from today, longer than a pregnancy lasts; check the date", MaxMonthsToDueDate)
		} else if d.DueDate.Before(today.AddDays(-DueDateGraceDays)) {
			v.Add(FieldDueDate, "it is more than %d days ago, so her baby is probably born; record the birth instead", DueDateGraceDays)
		}
	}
	if d.MovedOn.After(today) {
		v.Add(FieldMovedOn, "the day she moved cannot be in the future")
	}
	return d, v.Err()
}

// ChangedFields lists the fields that differ between before and after, in
// form order, for the audit trail: it names the fields, never their values.
func ChangedFields(before, after PatientDetails) []FieldID {
	var out []FieldID
	for _, c := range []struct {
		field   FieldID
		changed bool
	}{
		{FieldGivenName, before.GivenName != after.GivenName},
		{FieldFamilyName, before.FamilyName != after.FamilyName},
		{FieldPreferredName, before.PreferredName != after.PreferredName},
		{FieldNameForLetters, before.NameForLetters != after.NameForLetters},
		{FieldNHSNumber, before.NHSNumber != after.NHSNumber},
		{FieldAddress, before.AddressChanged(after)},
		{FieldPatientPhone, before.Phone != after.Phone},
		{FieldPhoneMessages, before.PhoneMessages != after.PhoneMessages},
		{FieldGPPracticeName, before.GPPractice != after.GPPractice || !sameID(before.GPPracticeID, after.GPPracticeID)},
		{FieldEthnicCategory, before.EthnicCategory != after.EthnicCategory},
		{FieldDueDate, before.DueDate != after.DueDate},
		{FieldSafeAddress, before.Needs.UnsafeToWriteHome != after.Needs.UnsafeToWriteHome ||
			before.Needs.SafeAddressLines != after.Needs.SafeAddressLines || before.Needs.SafePostcode != after.Needs.SafePostcode},
		{FieldCommunicationNeeds, needsChanged(before.Needs, after.Needs)},
	} {
		if c.changed {
			out = append(out, c.field)
		}
	}
	return out
}

// needsChanged reports whether any need other than the safe address changed.
func needsChanged(a, b CommunicationNeeds) bool {
	a.UnsafeToWriteHome, a.SafeAddressLines, a.SafePostcode = false, "", ""
	b.UnsafeToWriteHome, b.SafeAddressLines, b.SafePostcode = false, "", ""
	return a != b
}

// AddressChanged reports whether other holds a different home address:
// different lines (spacing aside) or a different postcode.
func (d PatientDetails) AddressChanged(other PatientDetails) bool {
	return strings.Join(AddressLines(d.AddressLines), "\n") != strings.Join(AddressLines(other.AddressLines), "\n") ||
		PostcodeKey(d.Postcode) != PostcodeKey(other.Postcode)
}

func sameID(a, b *uint) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// textCheck is a field's text and the rule CheckText judges it by.
type textCheck struct {
	field FieldID
	text  string
	rule  TextRule
}

// checkTexts judges each text by CheckText and lists every field at fault.
func checkTexts(checks ...textCheck) FieldErrors {
	var v FieldErrors
	for _, c := range checks {
		if err := CheckText(c.field, c.text, c.rule); err != nil {
			v = append(v, FieldErrorsIn(err)...)
		}
	}
	return v
}
