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
	// HoldReason, when not empty, says why the letter was held rather than
	// posted (see CommunicationNeeds.PostTo): a held letter has no PDF and
	// is never printed.
	HoldReason string `gorm:"size:300" json:"hold_reason,omitempty"`
	// Language is the code of the language the letter is written in, for a
	// letter from a template in her language; "" for English.
	Language string `gorm:"size:10" json:"language,omitempty"`
	Demo     bool   `json:"demo,omitempty"`
}

// Held reports whether the letter was held rather than posted.
func (l *Letter) Held() bool { return l.HoldReason != "" }

// LetterTemplate is the editable body of one kind of letter, in English or
// in one language. A template in a woman's language (a language variant) is
// used for her letter when there is one, with the English letter beside it
// in the pack.
type LetterTemplate struct {
	Record
	Kind LetterKind `gorm:"size:30;not null;uniqueIndex:idx_letter_template_kind_language,priority:1" json:"kind"`
	// Language is "" for the English template, or the code of the language
	// of a variant (see Languages).
	Language string `gorm:"size:10;not null;default:'';uniqueIndex:idx_letter_template_kind_language,priority:2" json:"language,omitempty"`
	Body     string `gorm:"type:text;not null" json:"body"`
	// StandardSHA256 is the SHA-256 (in hex) of the program's standard text
	// of the kind that an English template was made from: seeded with,
	// reset to, or reviewed against. When it is not today's standard text,
	// the template is based on an older standard, and the Letter templates
	// screen says so. Empty for an edited template whose standard is not
	// known, and for the templates in other languages.
	StandardSHA256 string `gorm:"column:standard_sha256;size:64;not null;default:''" json:"standard_sha256,omitempty"`
}
