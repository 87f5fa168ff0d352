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
}
