package models

import (
	"slices"
	"strings"
)

// Relationship is how someone around a woman is related to her.
type Relationship string

// Relationships.
const (
	RelPartner     Relationship = "partner"
	RelMother      Relationship = "mother"
	RelFather      Relationship = "father"
	RelSibling     Relationship = "sibling"
	RelOtherFamily Relationship = "other_family"
	RelFriend      Relationship = "friend"
	RelCarer       Relationship = "carer"
	RelOther       Relationship = "other"
)

// Relationships lists every relationship, in the order forms offer them.
var Relationships = []Relationship{RelPartner, RelMother, RelFather, RelSibling, RelOtherFamily, RelFriend, RelCarer, RelOther}

// relationshipLabels holds the words for each Relationship.
var relationshipLabels = map[Relationship]string{
	RelPartner: "Partner", RelMother: "Mother", RelFather: "Father", RelSibling: "Sister or brother",
	RelOtherFamily: "Other family", RelFriend: "Friend", RelCarer: "Carer", RelOther: "Other",
}

// Label returns the relationship in words.
func (r Relationship) Label() string { return labelOf(relationshipLabels, r) }

// PartnerAssessment is where the offer of an assessment to her partner
// stands. The NHS Long Term Plan asks specialist perinatal mental health
// services to offer partners an assessment of their own mental health.
type PartnerAssessment string

// Partner assessment states. PartnerNotOffered is the zero value.
const (
	PartnerNotOffered PartnerAssessment = ""
	PartnerOffered    PartnerAssessment = "offered"
	PartnerAccepted   PartnerAssessment = "accepted"
	PartnerDeclined   PartnerAssessment = "declined"
)

// PartnerAssessments lists the states in the order forms offer them.
var PartnerAssessments = []PartnerAssessment{PartnerNotOffered, PartnerOffered, PartnerAccepted, PartnerDeclined}

// partnerAssessmentLabels holds the words for each PartnerAssessment.
var partnerAssessmentLabels = map[PartnerAssessment]string{
	PartnerNotOffered: "Not offered", PartnerOffered: "Offered, no answer yet",
	PartnerAccepted: "Offered and accepted", PartnerDeclined: "Offered and declined",
}

// Label returns the state in words.
func (a PartnerAssessment) Label() string { return labelOf(partnerAssessmentLabels, a) }

// SupportPerson is someone around a woman: her partner, family, a friend
// or a carer, with how to reach them and whether she consents to the team
// sharing information about her care with them. For her partner it also
// records the offer of a partner's assessment and its outcome.
type SupportPerson struct {
	Record
	PatientID    uint         `gorm:"not null;index" json:"patient_id"`
	Relationship Relationship `gorm:"size:20;not null" json:"relationship"`
	Name         string       `gorm:"size:200;not null" json:"name"`
	Phone        string       `gorm:"size:40" json:"phone"`
	AddressLines string       `gorm:"size:500" json:"address_lines"` // one line per "\n", without the postcode
	Postcode     string       `gorm:"size:8" json:"postcode"`
	// Carer is true when the person cares for her, whatever their relationship.
	Carer bool `json:"carer"`
	// ConsentToShare is her answer to sharing information with them, and
	// ConsentOn the day she gave it (zero while not asked).
	ConsentToShare Answer `gorm:"size:10" json:"consent_to_share"`
	ConsentOn      Date   `json:"consent_on"`
	// PartnerAssessment, PartnerOfferedOn and PartnerOutcome record the
	// assessment offered to her partner; only a partner has them.
	PartnerAssessment PartnerAssessment `gorm:"size:20" json:"partner_assessment,omitempty"`
	PartnerOfferedOn  Date              `json:"partner_offered_on"`
	PartnerOutcome    string            `gorm:"type:text" json:"partner_outcome,omitempty"`
	Demo              bool              `json:"demo,omitempty"`
}

// The fields of a person around her.
const (
	FieldSupportRelationship FieldID = "support_person.relationship"
	FieldSupportName         FieldID = "support_person.name"
	FieldSupportPhone        FieldID = "support_person.phone"
	FieldSupportAddress      FieldID = "support_person.address"
	FieldSupportPostcode     FieldID = "support_person.postcode"
	FieldConsentToShare      FieldID = "support_person.consent_to_share"
	FieldConsentOn           FieldID = "support_person.consent_on"
	FieldPartnerAssessment   FieldID = "support_person.partner_assessment"
	FieldPartnerOfferedOn    FieldID = "support_person.partner_offered_on"
	FieldPartnerOutcome      FieldID = "support_person.partner_outcome"
)

func init() {
	DefineFields(map[FieldID]string{
		FieldSupportRelationship: "Relationship", FieldSupportName: "Name", FieldSupportPhone: "Telephone",
		FieldSupportAddress: "Address", FieldSupportPostcode: "Postcode", FieldConsentToShare: "Consent to share",
		FieldConsentOn: "Consent given on", FieldPartnerAssessment: "Partner's assessment",
		FieldPartnerOfferedOn: "Offered on", FieldPartnerOutcome: "Outcome",
	})
}

// Normalised returns the person tidied and checked; today is the date in
// the UK. Every field at fault is named in a FieldErrors whose messages
// never repeat what was typed.
func (p SupportPerson) Normalised(today Date) (SupportPerson, error) {
	var v FieldErrors
	p.Name, p.Phone = tidyName(p.Name), tidyName(p.Phone)
	p.AddressLines = strings.Join(AddressLines(p.AddressLines), "\n")
	p.PartnerOutcome = tidyText(p.PartnerOutcome)
	if !slices.Contains(Relationships, p.Relationship) {
		v.Add(FieldSupportRelationship, "choose how they are related to her")
	}
	if p.Name == "" {
		v.Add(FieldSupportName, "enter their name")
	}
	v = append(v, checkTexts(
		textCheck{FieldSupportName, p.Name, ShortText}, textCheck{FieldSupportPhone, p.Phone, TextRule{MaxRunes: 40}},
		textCheck{FieldSupportAddress, p.AddressLines, Address}, textCheck{FieldPartnerOutcome, p.PartnerOutcome, FreeText},
	)...)
	if p.Postcode != "" {
		if pc, err := NormalisePostcode(p.Postcode); err != nil {
			v = append(v, OnField(FieldSupportPostcode, err))
		} else {
			p.Postcode = pc
		}
	}
	if !p.ConsentToShare.Valid() {
		v.Add(FieldConsentToShare, "choose yes, no or not asked")
	} else if p.ConsentToShare == AnswerNotAsked {
		p.ConsentOn = Date{}
	} else {
		v = append(v, dateAnswered(FieldConsentOn, p.ConsentOn, today, "the day she answered")...)
	}
	v = append(v, p.checkPartnerAssessment(today)...)
	return p, v.Err()
}

// checkPartnerAssessment checks the offer of a partner's assessment: only
// a partner is offered one, an offer has its date, and an outcome is
// written only once the offer was answered.
func (p *SupportPerson) checkPartnerAssessment(today Date) FieldErrors {
	var v FieldErrors
	if !slices.Contains(PartnerAssessments, p.PartnerAssessment) {
		v.Add(FieldPartnerAssessment, "choose whether it was offered, and the answer")
	} else if p.PartnerAssessment != PartnerNotOffered && p.Relationship != RelPartner && slices.Contains(Relationships, p.Relationship) {
		v.Add(FieldPartnerAssessment, "only her partner is offered a partner's assessment")
	} else if p.PartnerAssessment == PartnerNotOffered {
		p.PartnerOfferedOn = Date{}
		if p.PartnerOutcome != "" {
			v.Add(FieldPartnerOutcome, "an outcome is written once the assessment has been offered")
		}
	} else {
		v = append(v, dateAnswered(FieldPartnerOfferedOn, p.PartnerOfferedOn, today, "the day it was offered")...)
	}
	return v
}

// dateAnswered refuses a missing or future date of something that happened.
func dateAnswered(field FieldID, d, today Date, what string) FieldErrors {
	var v FieldErrors
	switch {
	case d.IsZero():
		v.Add(field, "enter %s as DD/MM/YYYY", what)
	case d.After(today):
		v.Add(field, "%s cannot be in the future", what)
	}
	return v
}
