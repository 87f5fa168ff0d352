package models

import "time"

// Letter is an issued letter in the register. The PDF bytes are kept so a
// reprint is the same document, never one rebuilt from today's data.
type Letter struct {
	Record
	ReferralID       uint       `gorm:"not null;index" json:"referral_id"`
	PackID           string     `gorm:"size:40;index" json:"pack_id"` // letters issued together share a pack
	Kind             LetterKind `gorm:"size:30;not null" json:"kind"`
	RecipientName    string     `gorm:"size:200;not null;index" json:"recipient_name"`
	RecipientRole    string     `gorm:"size:60" json:"recipient_role"` // patient, referrer, or the professional's role
	RecipientAddress string     `gorm:"size:500" json:"recipient_address"`
	AuthorID         uint       `gorm:"not null" json:"author_id"`
	IssuedAt         time.Time  `gorm:"not null;index" json:"issued_at"`
	TemplateVersion  int        `gorm:"not null" json:"template_version"`
	PDF              []byte     `json:"-"`
	// Input is the letter's content as JSON (the renderer's input), a
	// readable record of what it said. Printing always uses PDF itself.
	Input  string `gorm:"type:text" json:"-"`
	SHA256 string `gorm:"size:64;not null" json:"sha256"`
	Demo   bool   `json:"demo,omitempty"`
}

// LetterTemplate is the editable body of one kind of letter.
type LetterTemplate struct {
	Record
	Kind LetterKind `gorm:"size:30;not null;uniqueIndex" json:"kind"`
	Body string     `gorm:"type:text;not null" json:"body"`
}
