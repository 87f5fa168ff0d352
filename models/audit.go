package models

import "time"

// AuditEvent records one change, sign-in, letter issue or export. Audit events
// are only ever inserted: nothing in the program edits or deletes them.
type AuditEvent struct {
	ID        uint      `gorm:"primaryKey" json:"id"`
	At        time.Time `gorm:"not null;index" json:"at"`
	ActorID   uint      `gorm:"index" json:"actor_id"`
	ActorName string    `gorm:"size:200" json:"actor_name"`
	Action    string    `gorm:"size:60;not null;index" json:"action"`
	Entity    string    `gorm:"size:60;index:idx_audit_record,priority:1" json:"entity"`
	EntityID  uint      `gorm:"index:idx_audit_record,priority:2" json:"entity_id"`
	Before    string    `gorm:"type:text" json:"before,omitempty"`
	After     string    `gorm:"type:text" json:"after,omitempty"`
	Detail    string    `gorm:"size:500" json:"detail,omitempty"`
	// Details are the typed facts of the event, written with it. Every
	// event written since the column was added carries them (an event with
	// nothing to tell carries an empty set); nil means the event was
	// written before, and its facts are only in Before, After and Detail.
	Details *AuditDetails `gorm:"serializer:json;type:text" json:"details,omitempty"`
	// ChainSeq is the event's place in the audit trail's hash chain, from
	// 1, and Hash its SHA-256 (hex) over its fields and the hash of the
	// event before it, so that a removed or changed event is found.
	ChainSeq uint64 `gorm:"not null;default:0" json:"chain_seq"`
	Hash     string `gorm:"size:64;not null;default:''" json:"hash"`
}

// AuditDetails are the facts of an audit event that a referral's history
// tells, as typed fields, so nothing has to be read back out of the
// before-and-after JSON or the detail text. An event fills at most the one
// part for the kind of record it is about.
type AuditDetails struct {
	Referral     *ReferralEventDetails     `json:"referral,omitempty"`
	Appointment  *AppointmentEventDetails  `json:"appointment,omitempty"`
	Allocation   *AllocationEventDetails   `json:"allocation,omitempty"`
	JointWorking *JointWorkingEventDetails `json:"joint_working,omitempty"`
	Letter       *LetterEventDetails       `json:"letter,omitempty"`
	// Session says where the event came from when that was not the
	// desktop application: the command line, run by which person of the
	// operating system.
	Session *SessionDetails `json:"session,omitempty"`
}

// SessionDetails say how the person an event names was working.
type SessionDetails struct {
	// Via is "command line".
	Via string `json:"via"`
	// Command is the command run, such as "import".
	Command string `json:"command,omitempty"`
	// OSUser is the operating-system account that ran it.
	OSUser string `json:"os_user,omitempty"`
}

// ReferralEventDetails are the facts of an event on a referral.
type ReferralEventDetails struct {
	// Imported is set when the referral was registered from the online form.
	Imported bool `json:"imported,omitempty"`
	// Status is the referral's status after a status change.
	Status Status `json:"status,omitempty"`
	// Decision is the screening decision that made a status change, if one did.
	Decision Decision `json:"decision,omitempty"`
	// OverridesRecommendation is set when the decision differed from the
	// recommendation; OverrideReason is the reason given for it.
	OverridesRecommendation bool   `json:"overrides_recommendation,omitempty"`
	OverrideReason          string `json:"override_reason,omitempty"`
}

// AppointmentEventDetails are the facts of an appointment after an event on it.
type AppointmentEventDetails struct {
	Kind       AppointmentKind `json:"kind"`
	Mode       Mode            `json:"mode,omitempty"`
	StartsAt   time.Time       `json:"starts_at"` // UTC
	Attendance Attendance      `json:"attendance,omitempty"`
}

// AllocationEventDetails are the facts of a key-worker allocation.
type AllocationEventDetails struct {
	KeyWorkerID uint   `json:"key_worker_id"`
	Reason      string `json:"reason,omitempty"`
}

// JointWorkingEventDetails are the facts of a joint-working record.
type JointWorkingEventDetails struct {
	Service JointService `json:"service"`
	Team    string       `json:"team,omitempty"`
}

// LetterEventDetails are the facts of an issued letter.
type LetterEventDetails struct {
	Kind      LetterKind `json:"kind"`
	Recipient string     `json:"recipient,omitempty"`
	// HoldReason says why a letter was held rather than posted.
	HoldReason string `json:"hold_reason,omitempty"`
}
