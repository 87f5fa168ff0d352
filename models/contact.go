package models

import "time"

// Contact is one contact with or about a woman: a held appointment, a
// telephone call, a home visit, or a conversation with another professional
// about her. Its note is written by its author and, once signed, locked: a
// correction is a dated ContactAddendum, never an edit.
type Contact struct {
	Record
	ReferralID uint `gorm:"not null;index:idx_contact_referral_at,priority:1" json:"referral_id"`
	// AppointmentID is the appointment the contact records, or nil for a
	// contact that was not booked.
	AppointmentID *uint `gorm:"index" json:"appointment_id,omitempty"`
	// At is when the contact began, in UTC.
	At              time.Time `gorm:"not null;index;index:idx_contact_referral_at,priority:2" json:"at"`
	Mode            Mode      `gorm:"size:30;not null" json:"mode"`
	DurationMinutes int       `gorm:"not null;default:0" json:"duration_minutes"`
	// Attendance is the MHSDS attended-or-did-not-attend code.
	Attendance Attendance `gorm:"size:2;not null" json:"attendance"`
	// Present lists who took part, as ContactParty values joined by ",".
	Present    string     `gorm:"size:200" json:"present"`
	AuthorID   uint       `gorm:"not null;index" json:"author_id"`
	Note       string     `gorm:"type:text" json:"note"`
	SignedAt   *time.Time `json:"signed_at,omitempty"`
	SignedByID *uint      `json:"signed_by_id,omitempty"`
	Demo       bool       `json:"demo,omitempty"`
}

// Signed reports whether the note is signed and so locked.
func (c *Contact) Signed() bool { return c.SignedAt != nil }

// ContactAddendum is a dated correction or addition to a signed note.
type ContactAddendum struct {
	Record
	ContactID uint      `gorm:"not null;index" json:"contact_id"`
	AuthorID  uint      `gorm:"not null" json:"author_id"`
	At        time.Time `gorm:"not null" json:"at"`
	Text      string    `gorm:"type:text;not null" json:"text"`
	Demo      bool      `json:"demo,omitempty"`
}

// ContactParty is someone who can take part in a contact.
type ContactParty string

// Parties to a contact.
const (
	PartyWoman         ContactParty = "woman"
	PartyPartner       ContactParty = "partner"
	PartyBaby          ContactParty = "baby"
	PartyInterpreter   ContactParty = "interpreter"
	PartyProfessionals ContactParty = "professionals"
)

// ContactParties lists every party in the order forms show them.
var ContactParties = []ContactParty{PartyWoman, PartyPartner, PartyBaby, PartyInterpreter, PartyProfessionals}

// Label returns the party in words.
func (p ContactParty) Label() string { return labelOf(contactPartyLabels, p) }

// contactPartyLabels holds the words for each ContactParty.
var contactPartyLabels = map[ContactParty]string{
	PartyWoman:         "She was there",
	PartyPartner:       "Partner",
	PartyBaby:          "Baby",
	PartyInterpreter:   "Interpreter",
	PartyProfessionals: "Other professionals",
}
