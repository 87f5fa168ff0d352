package app

import (
	"strings"
	"time"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// AuditFilter narrows the audit trail.
type AuditFilter struct {
	ActorID  uint
	Entity   string
	EntityID uint
	Action   string
	From, To time.Time // inclusive From, exclusive To; zero means open
	// Patient is a woman's NHS number or name, as the referral search
	// takes them: the events about her referrals, her patient record and
	// her letters, so that the trail answers who looked at her record.
	Patient string
}

// AuditService reads the audit trail. It has no method that edits or deletes:
// the trail is only ever added to, by the services that make the changes.
type AuditService struct{ *core }

// Page returns up to limit events matching f, newest first. Only a team manager may read it.
func (s *AuditService) Page(actor *models.StaffMember, f AuditFilter, offset, limit int) ([]models.AuditEvent, error) {
	return findAll[models.AuditEvent](s.core, actor, models.PermViewAudit, s.filtered(f).Order("id DESC").Offset(offset).Limit(limit))
}

// Count returns how many events match f.
func (s *AuditService) Count(actor *models.StaffMember, f AuditFilter) (int64, error) {
	return s.countFor(actor, models.PermViewAudit, s.filtered(f).Model(&models.AuditEvent{}))
}

func (s *AuditService) filtered(f AuditFilter) *gorm.DB {
	q := s.db.Model(&models.AuditEvent{})
	if f.ActorID != 0 {
		q = q.Where("actor_id = ?", f.ActorID)
	}
	if f.Entity != "" {
		q = q.Where("entity = ?", strings.ToLower(f.Entity))
	}
	if f.EntityID != 0 {
		q = q.Where("entity_id = ?", f.EntityID)
	}
	if f.Action != "" {
		q = q.Where("action = ?", f.Action)
	}
	if patients := s.matchingPatients(strings.TrimSpace(f.Patient)); patients != nil {
		referrals := s.db.Table("referrals").Select("id").Where("patient_id IN (?)", patients)
		q = q.Where(s.db.Where("entity = ? AND entity_id IN (?)", "referral", referrals).
			Or("entity = ? AND entity_id IN (?)", "patient", patients).
			Or("entity = ? AND entity_id IN (?)", "letter", s.db.Table("letters").Select("id").Where("referral_id IN (?)", referrals)))
	}
	if !f.From.IsZero() {
		q = q.Where("at >= ?", f.From.UTC())
	}
	if !f.To.IsZero() {
		q = q.Where("at < ?", f.To.UTC())
	}
	return q
}
