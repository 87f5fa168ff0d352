package app

import (
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
	// Views of her record are in the audit trail, not in her history.
	err := s.db.Where(s.db.Where("entity = ? AND entity_id = ?", "referral", id).
		Or("entity = ? AND entity_id IN (?)", "appointment", belongs("appointments")).
		Or("entity = ? AND entity_id IN (?)", "allocation", belongs("allocations")).
		Or("entity = ? AND entity_id IN (?)", "joint_working", belongs("joint_workings")).
		Or("entity = ? AND entity_id IN (?)", "letter", belongs("letters"))).
		Where("action <> ?", ActionView).
		Order("at, id").Find(&events).Error
	if err != nil {
		return nil, fmt.Errorf("cannot read the referral's history: %w", err)
	}
	details := make([]models.AuditDetails, len(events))
	readable := make([]bool, len(events))
	for i, ev := range events {
		details[i], readable[i] = eventDetails(ev)
	}
	names, err := s.keyWorkerNames(details)
	if err != nil {
		return nil, err
	}
	out := make([]TimelineEntry, len(events))
	for i, ev := range events {
		what := describeUnreadable(ev)
		if readable[i] {
			what = describeEvent(ev, details[i], names)
		}
		out[i] = TimelineEntry{At: ev.At, Who: ev.ActorName, What: what}
	}
	return out, nil
}

// keyWorkerNames returns the names of the key workers the allocation
// events name, by staff ID.
func (s *ReferralService) keyWorkerNames(details []models.AuditDetails) (map[uint]string, error) {
	var ids []uint
	for _, d := range details {
		if d.Allocation != nil && d.Allocation.KeyWorkerID != 0 {
			ids = append(ids, d.Allocation.KeyWorkerID)
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

// describeEvent says what an audit event did, in plain words, from its
// typed details (see eventDetails). An event whose details lack the part
// its description needs is described by describeUnreadable.
func describeEvent(ev models.AuditEvent, d models.AuditDetails, keyWorkers map[uint]string) string {
	if ev.Action == ActionExport {
		return withDetail("Exported", ev.Detail)
	}
	switch ev.Entity {
	case "referral":
		return describeReferralEvent(ev, d.Referral)
	case "appointment":
		a := d.Appointment
		switch {
		case a == nil:
			return describeUnreadable(ev)
		case ev.Action == ActionCreate:
			s := a.Kind.Label() + " booked"
			if !a.StartsAt.IsZero() {
				s += " for " + a.StartsAt.In(models.London).Format("02/01/2006 15:04")
			}
			if a.Mode != "" {
				s += " (" + a.Mode.Label() + ")"
			}
			return s
		case a.Attendance != "":
			return a.Kind.Label() + ": " + strings.ToLower(a.Attendance.Label())
		}
		return a.Kind.Label() + " changed"
	case "allocation":
		a := d.Allocation
		if a == nil {
			return describeUnreadable(ev)
		}
		who := keyWorkers[a.KeyWorkerID]
		if who == "" {
			who = "a key worker"
		}
		if ev.Action == ActionCreate {
			return withDetail("Key worker allocated: "+who, a.Reason)
		}
		return withDetail("Allocation to "+who+" ended", ev.Detail)
	case "joint_working":
		j := d.JointWorking
		if j == nil {
			return describeUnreadable(ev)
		}
		s := "Joint working recorded with the " + strings.ToLower(j.Service.Label())
		if ev.Action != ActionCreate {
			s = "Joint working with the " + strings.ToLower(j.Service.Label()) + " updated"
		}
		return withDetail(s, j.Team)
	case "letter":
		return describeLetterEvent(ev, d.Letter)
	}
	return withDetail(ev.Action+" "+ev.Entity, ev.Detail)
}

// describeReferralEvent says what an audit event on the referral itself did.
func describeReferralEvent(ev models.AuditEvent, d *models.ReferralEventDetails) string {
	switch ev.Action {
	case ActionCreate:
		if d == nil {
			return describeUnreadable(ev)
		}
		if d.Imported {
			return "Referral registered (imported from the online form)"
		}
		return "Referral registered"
	case ActionStatus:
		if d == nil {
			return describeUnreadable(ev)
		}
		status := "Status: " + strings.ToLower(d.Status.Label())
		if d.Decision == "" {
			return withDetail(status, ev.Detail)
		}
		s := "Decision: " + string(d.Decision)
		if d.OverridesRecommendation {
			s += " (overrides the recommendation: " + d.OverrideReason + ")"
		}
		return s + ". " + status
	case ActionUpdate:
		return withDetail("Referral details changed", ev.Detail)
	}
	return withDetail(capitalFirst(ev.Action), ev.Detail)
}

// describeLetterEvent says what an audit event on one of the referral's letters did.
func describeLetterEvent(ev models.AuditEvent, d *models.LetterEventDetails) string {
	switch ev.Action {
	case ActionIssueLetter:
		if d == nil {
			return describeUnreadable(ev)
		}
		s := withKind("Letter issued", d.Kind)
		if d.Recipient != "" {
			s += ", to " + d.Recipient
		}
		return s
	case ActionHoldLetter:
		if d == nil {
			return describeUnreadable(ev)
		}
		return withDetail(withKind("Letter held, not posted", d.Kind), d.HoldReason)
	case ActionPrint:
		return "Letter opened or reprinted"
	}
	return withDetail("Letter "+ev.Action, ev.Detail)
}

// describeUnreadable says what can be said of an event whose details cannot
// be read (an older event whose after-image is damaged, see eventDetails):
// the kind of record, the action and the detail text, such as
// "Appointment: create (initial_assessment)".
func describeUnreadable(ev models.AuditEvent) string {
	return withDetail(capitalFirst(strings.ReplaceAll(ev.Entity, "_", " "))+": "+ev.Action, ev.Detail)
}

// withKind adds the kind of letter after a colon when it is known.
func withKind(s string, kind models.LetterKind) string {
	if kind == "" {
		return s
	}
	return s + ": " + strings.ToLower(kind.Label())
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
