package app

import (
	"bytes"
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
	if ev.Before, ev.After, err = auditImages(before, after, c.wholeImages); err != nil {
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

// auditImages returns the JSON the event stores of the record before and
// after the change. A change to an existing record stores only the fields
// that changed, on both sides, with the record's id and version; a
// created record (no before) is stored whole, as is every record when
// whole is set.
func auditImages(before, after any, whole bool) (string, string, error) {
	b, err := auditJSON(before)
	if err != nil {
		return "", "", err
	}
	a, err := auditJSON(after)
	if err != nil || b == "" || a == "" || whole {
		return b, a, err
	}
	var bm, am map[string]json.RawMessage
	if json.Unmarshal([]byte(b), &bm) != nil || json.Unmarshal([]byte(a), &am) != nil {
		return b, a, nil // not records of fields: keep them whole
	}
	for k, v := range bm {
		if k != "id" && k != "version" && bytes.Equal(v, am[k]) {
			delete(bm, k)
			delete(am, k)
		}
	}
	bb, err := json.Marshal(bm)
	if err != nil {
		return "", "", err
	}
	ab, err := json.Marshal(am)
	return string(bb), string(ab), err
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
