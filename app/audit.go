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
	if c.batch != nil {
		c.batch.events = append(c.batch.events, ev)
		return nil
	}
	if err := tx.Create(&ev).Error; err != nil {
		return fmt.Errorf("cannot write the audit trail: %w", err)
	}
	return nil
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

// flushAudit writes a batch's buffered audit events on tx.
func (b *batchState) flushAudit(tx *gorm.DB) error {
	if len(b.events) == 0 {
		return nil
	}
	if err := tx.CreateInBatches(b.events, 200).Error; err != nil {
		return fmt.Errorf("cannot write the audit trail: %w", err)
	}
	b.events = nil
	return nil
}
