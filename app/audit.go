package app

import (
	"encoding/json"
	"fmt"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// Audit actions.
const (
	ActionCreate       = "create"
	ActionUpdate       = "update"
	ActionStatus       = "status"
	ActionSignIn       = "sign-in"
	ActionSignInFailed = "sign-in failed"
	ActionSignOut      = "sign-out"
	ActionRefused      = "refused"
	ActionExport       = "export"
	ActionIssueLetter  = "issue letter"
	ActionHoldLetter   = "hold letter"
	ActionPrint        = "print"
	// ActionView is a look at a woman's record or her letters, so that the
	// trail answers who has looked at her record.
	ActionView = "viewed"
)

// audit inserts one audit event on tx, so it commits or rolls back with the
// change it records. before and after are stored as JSON; nil leaves them
// empty. The event carries no typed details (see auditWith).
func (c *core) audit(tx *gorm.DB, actor *models.StaffMember, action, entity string, id uint, before, after any, detail string) error {
	return c.auditWith(tx, actor, action, entity, id, before, after, detail, models.AuditDetails{})
}

// auditWith is audit for an event whose facts a referral's history tells:
// details are written with the event, in the same row, so the timeline
// reads them as typed fields (see the constructors in audit_details.go).
func (c *core) auditWith(tx *gorm.DB, actor *models.StaffMember, action, entity string, id uint, before, after any, detail string, details models.AuditDetails) error {
	if c.session != nil {
		details.Session = c.session
	}
	ev := models.AuditEvent{
		At:       c.clock.Now().UTC(),
		Action:   action,
		Entity:   entity,
		EntityID: id,
		Detail:   detail,
		Details:  &details,
	}
	if actor != nil {
		ev.ActorID, ev.ActorName = actor.ID, actor.Name
	}
	var err error
	if ev.Before, err = auditJSON(before); err != nil {
		return err
	}
	if ev.After, err = auditJSON(after); err != nil {
		return err
	}
	row, err := newAuditRow(ev)
	if err != nil {
		return err
	}
	if c.batch != nil {
		c.batch.events = append(c.batch.events, row)
		return nil
	}
	return appendAudit(tx, []auditRow{row})
}

func auditJSON(v any) (string, error) {
	if v == nil {
		return "", nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("cannot record the change in the audit trail: %w", err)
	}
	return string(b), nil
}

// flushAudit chains a batch's buffered audit events and writes them on tx.
func (b *batchState) flushAudit(tx *gorm.DB) error {
	if err := appendAudit(tx, b.events); err != nil {
		return err
	}
	b.events = nil
	return nil
}
