package app

import (
	"encoding/json"
	"fmt"
	"strings"

	"perinatal-caseload/models"
)

// eventDetails returns the typed details of ev. An event written before
// audit events carried them (migration 2026120201) has none stored, and its
// details are read from what it does hold (see legacyDetails). ok is false
// when that cannot be read; the event's details are then empty.
func eventDetails(ev models.AuditEvent) (d models.AuditDetails, ok bool) {
	if ev.Details != nil {
		return *ev.Details, true
	}
	d, err := legacyDetails(ev)
	if err != nil {
		return models.AuditDetails{}, false
	}
	return d, true
}

// legacyDetails reads the details of an event written before audit events
// carried them, from its after-image JSON and, for a screening decision,
// from the "decision: <outcome>[ (overrides the recommendation)]" detail
// text that Decide writes. Those events are never rewritten, so this reading
// stays as long as they may be in a database. Only the events a referral's
// history tells are read (as the same constructors build them for new
// events); any other event has no details. An after-image that is missing
// or not JSON is an error.
func legacyDetails(ev models.AuditEvent) (models.AuditDetails, error) {
	switch {
	case ev.Entity == "referral" && ev.Action == ActionCreate:
		return fromLegacy(ev, func(after *struct {
			FormID *string `json:"form_id"`
		}) models.AuditDetails {
			return registeredDetails(&models.Referral{FormID: after.FormID})
		})
	case ev.Entity == "referral" && ev.Action == ActionStatus:
		var after struct {
			Status         models.Status `json:"status"`
			DecisionReason string        `json:"decision_reason"`
		}
		if err := legacyAfter(ev, &after); err != nil {
			return models.AuditDetails{}, err
		}
		r := &models.Referral{Status: after.Status, DecisionReason: after.DecisionReason}
		outcome, decided := strings.CutPrefix(ev.Detail, "decision: ")
		if !decided {
			return statusDetails(r), nil
		}
		decision, overrides := strings.CutSuffix(outcome, " (overrides the recommendation)")
		return decisionDetails(r, models.Decision(decision), overrides), nil
	case ev.Entity == "appointment" && (ev.Action == ActionCreate || ev.Action == ActionUpdate):
		return fromLegacy(ev, appointmentDetails)
	case ev.Entity == "allocation" && (ev.Action == ActionCreate || ev.Action == ActionUpdate):
		return fromLegacy(ev, allocationDetails)
	case ev.Entity == "joint_working" && (ev.Action == ActionCreate || ev.Action == ActionUpdate):
		return fromLegacy(ev, jointWorkingDetails)
	case ev.Entity == "letter" && ev.Action == ActionIssueLetter:
		return fromLegacy(ev, func(after *struct {
			Kind      models.LetterKind `json:"kind"`
			Recipient string            `json:"recipient"`
		}) models.AuditDetails {
			return letterDetails(&models.Letter{Kind: after.Kind, RecipientName: after.Recipient})
		})
	}
	return models.AuditDetails{}, nil
}

// legacyAfter decodes an older event's after-image into v.
func legacyAfter(ev models.AuditEvent, v any) error {
	if err := json.Unmarshal([]byte(ev.After), v); err != nil {
		return fmt.Errorf("cannot read audit event %d as it was written: %w", ev.ID, err)
	}
	return nil
}

// fromLegacy reads an older event's record into a T and describes it
// with details.
func fromLegacy[T any](ev models.AuditEvent, details func(*T) models.AuditDetails) (models.AuditDetails, error) {
	var v T
	if err := legacyAfter(ev, &v); err != nil {
		return models.AuditDetails{}, err
	}
	return details(&v), nil
}
