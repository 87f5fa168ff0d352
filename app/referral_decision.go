package app

import (
	"strings"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// Decision is a clinician's screening decision on a referral.
type Decision struct {
	Outcome  models.Decision // accept, discuss, signpost or decline
	Priority models.Priority // urgent or routine
	// Reason is required when the decision or priority differs from the recommendation.
	Reason string
}

// statusFor maps a screening outcome to the referral status it leads to.
func statusFor(outcome models.Decision) (models.Status, bool) {
	switch outcome {
	case models.DecisionAccept:
		return models.StatusAccepted, true
	case models.DecisionDiscuss:
		return models.StatusDiscuss, true
	case models.DecisionSignpost, models.DecisionDecline:
		return models.StatusNotAccepted, true
	}
	return "", false
}

// Decide records a clinician's screening decision. The recommendation as it
// stands now is stored with the decision, so a later change to the rules
// never rewrites history. Overriding the recommendation needs a reason.
// Accepting her makes the CMHT named on the form the team's joint-working
// contact (see cmhtJointWorking).
func (s *ReferralService) Decide(actor *models.StaffMember, id uint, readVersion int, d Decision) error {
	if err := s.authorise(actor, models.PermScreeningDecision); err != nil {
		return err
	}
	to, ok := statusFor(d.Outcome)
	if !ok {
		return models.NewFieldError(models.FieldDecision, "choose accept, discuss, signpost or decline")
	}
	if d.Priority != models.PriorityUrgent && d.Priority != models.PriorityRoutine {
		return models.NewFieldError(models.FieldDecisionPriority, "choose urgent or routine")
	}
	return s.transaction(func(tx *gorm.DB) error {
		r, err := s.loadReferralFull(tx, id)
		if err != nil {
			return err
		}
		if err := s.checkRead(tx, "referral", r, readVersion); err != nil {
			return err
		}
		before := *r
		rec := models.Screen(r, r.ReceivedAt, s.ScreeningOptions())
		overrides := rec.Decision != d.Outcome || rec.Priority != d.Priority
		if overrides && strings.TrimSpace(d.Reason) == "" {
			return models.NewFieldError(models.FieldDecisionReason, "the recommendation was to %s (%s); give the reason for deciding otherwise", rec.Decision, rec.Priority)
		}
		if err := models.Transition(r.Status, to); err != nil {
			return err
		}
		now := s.clock.Now()
		r.Recommendation = &rec
		r.Decision, r.DecisionReason = string(d.Outcome), strings.TrimSpace(d.Reason)
		r.DecidedByID, r.DecidedAt = &actor.ID, &now
		r.SetPriority(d.Priority)
		r.Status = to
		if to == models.StatusAccepted {
			r.AcceptedAt = &now
		}
		if to == models.StatusNotAccepted {
			r.ClosedAt = &now
			r.ClosureReason = string(d.Outcome)
		}
		r.Version = readVersion
		if err := s.saveVersioned(tx, "referral", r, func(v int) { r.Version = v }); err != nil {
			return err
		}
		detail := "decision: " + string(d.Outcome)
		if overrides {
			detail += " (overrides the recommendation)"
		}
		if err := s.auditWith(tx, actor, ActionStatus, "referral", r.ID, statusSnapshot(&before), statusSnapshot(r), detail, decisionDetails(r, d.Outcome, overrides)); err != nil {
			return err
		}
		if to == models.StatusAccepted {
			if err := s.cmhtJointWorking(tx, actor, r); err != nil {
				return err
			}
			return s.admissionTasks(tx, actor, r)
		}
		return nil
	})
}

// statusSnapshot is what the audit trail keeps of a status change.
func statusSnapshot(r *models.Referral) map[string]any {
	return map[string]any{
		"status": r.Status, "priority": r.Priority, "decision": r.Decision,
		"decision_reason": r.DecisionReason, "closure_reason": r.ClosureReason, "version": r.Version,
	}
}

// moveStatus moves a referral along the pathway inside tx, checking the state
// machine, and audits the move. Workflow services call it.
func (c *core) moveStatus(tx *gorm.DB, actor *models.StaffMember, r *models.Referral, to models.Status, detail string) error {
	if err := models.Transition(r.Status, to); err != nil {
		return err
	}
	before := statusSnapshot(r)
	now := c.clock.Now()
	r.Status = to
	switch to {
	case models.StatusAccepted:
		if r.AcceptedAt == nil {
			r.AcceptedAt = &now
		}
	case models.StatusClosed, models.StatusNotAccepted:
		r.ClosedAt = &now
	}
	if err := c.saveVersioned(tx, "referral", r, func(v int) { r.Version = v }); err != nil {
		return err
	}
	return c.auditWith(tx, actor, ActionStatus, "referral", r.ID, before, statusSnapshot(r), detail, statusDetails(r))
}
