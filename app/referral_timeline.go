package app

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"perinatal-caseload/models"
)

// TimelineEntry is one thing that happened to a referral, for its timeline.
type TimelineEntry struct {
	At time.Time // UTC
	// Who is the person who did it, as named when they did it.
	Who string
	// What says what happened in plain words, such as "Referral registered"
	// or "Status: assessment booked (initial assessment booked)".
	What string
}

// Timeline returns everything the audit trail holds about a referral and
// its appointments, key-worker allocations, joint working and letters,
// oldest first. Unlike the audit viewer it is open to everyone who may see
// referrals, and it gives plain words rather than before-and-after JSON.
func (s *ReferralService) Timeline(actor *models.StaffMember, id uint) ([]TimelineEntry, error) {
	if err := s.authorise(actor, models.PermViewReferrals); err != nil {
		return nil, err
	}
	var r models.Referral
	if err := s.db.Select("id").First(&r, id).Error; err != nil {
		return nil, notFound(err)
	}
	belongs := func(table string) any {
		return s.db.Table(table).Select("id").Where("referral_id = ?", id)
	}
	var events []models.AuditEvent
	err := s.db.Where("entity = ? AND entity_id = ?", "referral", id).
		Or("entity = ? AND entity_id IN (?)", "appointment", belongs("appointments")).
		Or("entity = ? AND entity_id IN (?)", "allocation", belongs("allocations")).
		Or("entity = ? AND entity_id IN (?)", "joint_working", belongs("joint_workings")).
		Or("entity = ? AND entity_id IN (?)", "letter", belongs("letters")).
		Order("at, id").Find(&events).Error
	if err != nil {
		return nil, fmt.Errorf("cannot read the referral's history: %w", err)
	}
	names, err := s.keyWorkerNames(events)
	if err != nil {
		return nil, err
	}
	out := make([]TimelineEntry, len(events))
	for i, ev := range events {
		out[i] = TimelineEntry{At: ev.At, Who: ev.ActorName, What: describeEvent(ev, names)}
	}
	return out, nil
}

// keyWorkerNames returns the names of the key workers the allocation
// events name, by staff ID.
func (s *ReferralService) keyWorkerNames(events []models.AuditEvent) (map[uint]string, error) {
	var ids []uint
	for _, ev := range events {
		if ev.Entity == "allocation" {
			var a models.Allocation
			if json.Unmarshal([]byte(ev.After), &a) == nil && a.KeyWorkerID != 0 {
				ids = append(ids, a.KeyWorkerID)
			}
		}
	}
	names := map[uint]string{}
	if len(ids) == 0 {
		return names, nil
	}
	var staff []models.StaffMember
	if err := s.db.Select("id", "name").Where("id IN ?", ids).Find(&staff).Error; err != nil {
		return nil, fmt.Errorf("cannot read the key workers' names: %w", err)
	}
	for _, m := range staff {
		names[m.ID] = m.Name
	}
	return names, nil
}

// describeEvent says what an audit event did, in plain words.
func describeEvent(ev models.AuditEvent, keyWorkers map[uint]string) string {
	switch ev.Entity {
	case "referral":
		return describeReferralEvent(ev)
	case "appointment":
		var a models.Appointment
		_ = json.Unmarshal([]byte(ev.After), &a)
		if ev.Action == ActionCreate {
			s := a.Kind.Label() + " booked"
			if !a.StartsAt.IsZero() {
				s += " for " + a.StartsAt.In(models.London).Format("02/01/2006 15:04")
			}
			if a.Mode != "" {
				s += " (" + a.Mode.Label() + ")"
			}
			return s
		}
		if a.Attendance != "" {
			return a.Kind.Label() + ": " + strings.ToLower(a.Attendance.Label())
		}
		return a.Kind.Label() + " changed"
	case "allocation":
		var a models.Allocation
		_ = json.Unmarshal([]byte(ev.After), &a)
		who := keyWorkers[a.KeyWorkerID]
		if who == "" {
			who = "a key worker"
		}
		if ev.Action == ActionCreate {
			return withDetail("Key worker allocated: "+who, a.Reason)
		}
		return withDetail("Allocation to "+who+" ended", ev.Detail)
	case "joint_working":
		var j models.JointWorking
		_ = json.Unmarshal([]byte(ev.After), &j)
		s := "Joint working recorded with the " + strings.ToLower(j.Service.Label())
		if ev.Action != ActionCreate {
			s = "Joint working with the " + strings.ToLower(j.Service.Label()) + " updated"
		}
		return withDetail(s, j.Team)
	case "letter":
		return describeLetterEvent(ev)
	}
	return withDetail(ev.Action+" "+ev.Entity, ev.Detail)
}

// describeReferralEvent says what an audit event on the referral itself did.
func describeReferralEvent(ev models.AuditEvent) string {
	switch ev.Action {
	case ActionCreate:
		var r struct {
			FormID *string `json:"form_id"`
		}
		_ = json.Unmarshal([]byte(ev.After), &r)
		if r.FormID != nil {
			return "Referral registered (imported from the online form)"
		}
		return "Referral registered"
	case ActionStatus:
		var after struct {
			Status         models.Status `json:"status"`
			DecisionReason string        `json:"decision_reason"`
		}
		_ = json.Unmarshal([]byte(ev.After), &after)
		status := "Status: " + strings.ToLower(after.Status.Label())
		if outcome, ok := strings.CutPrefix(ev.Detail, "decision: "); ok {
			decision, overrides := strings.CutSuffix(outcome, " (overrides the recommendation)")
			s := "Decision: " + decision
			if overrides {
				s += " (overrides the recommendation: " + after.DecisionReason + ")"
			}
			return s + ". " + status
		}
		return withDetail(status, ev.Detail)
	case ActionExport:
		return withDetail("Exported", ev.Detail)
	case ActionUpdate:
		return withDetail("Referral details changed", ev.Detail)
	}
	return withDetail(capitalFirst(ev.Action), ev.Detail)
}

// describeLetterEvent says what an audit event on one of the referral's letters did.
func describeLetterEvent(ev models.AuditEvent) string {
	switch ev.Action {
	case ActionIssueLetter:
		var l struct {
			Kind      models.LetterKind `json:"kind"`
			Recipient string            `json:"recipient"`
		}
		_ = json.Unmarshal([]byte(ev.After), &l)
		s := "Letter issued"
		if l.Kind != "" {
			s += ": " + strings.ToLower(l.Kind.Label())
		}
		if l.Recipient != "" {
			s += ", to " + l.Recipient
		}
		return s
	case ActionPrint:
		return "Letter opened or reprinted"
	}
	return withDetail("Letter "+ev.Action, ev.Detail)
}

// withDetail adds detail in brackets when there is any.
func withDetail(s, detail string) string {
	if detail = strings.TrimSpace(detail); detail == "" {
		return s
	}
	return s + " (" + detail + ")"
}

func capitalFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
