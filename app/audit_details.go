package app

import (
	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// The constructors below build the typed details that the services write
// with each audit event a referral's history tells (see core.auditWith).
// Each takes the record as it stands after the change.

// registeredDetails are the details of a referral's registration.
func registeredDetails(r *models.Referral) models.AuditDetails {
	return models.AuditDetails{Referral: &models.ReferralEventDetails{Imported: r.FormID != nil}}
}

// statusDetails are the details of a move along the pathway.
func statusDetails(r *models.Referral) models.AuditDetails {
	return models.AuditDetails{Referral: &models.ReferralEventDetails{Status: r.Status}}
}

// decisionDetails are the details of a screening decision, which moves the
// referral to r.Status. overrides says whether it went against the
// recommendation, and the referral's decision reason then says why.
func decisionDetails(r *models.Referral, outcome models.Decision, overrides bool) models.AuditDetails {
	d := &models.ReferralEventDetails{Status: r.Status, Decision: outcome, OverridesRecommendation: overrides}
	if overrides {
		d.OverrideReason = r.DecisionReason
	}
	return models.AuditDetails{Referral: d}
}

// appointmentDetails are the details of a booking, a move or an attendance.
func appointmentDetails(a *models.Appointment) models.AuditDetails {
	return models.AuditDetails{Appointment: &models.AppointmentEventDetails{
		Kind: a.Kind, Mode: a.Mode, StartsAt: a.StartsAt.UTC(), Attendance: a.Attendance,
	}}
}

// allocationDetails are the details of an allocation made or ended.
func allocationDetails(a *models.Allocation) models.AuditDetails {
	return models.AuditDetails{Allocation: &models.AllocationEventDetails{KeyWorkerID: a.KeyWorkerID, Reason: a.Reason}}
}

// jointWorkingDetails are the details of a joint-working record.
func jointWorkingDetails(j *models.JointWorking) models.AuditDetails {
	return models.AuditDetails{JointWorking: &models.JointWorkingEventDetails{Service: j.Service, Team: j.Team}}
}

// letterDetails are the details of a letter issued.
func letterDetails(l *models.Letter) models.AuditDetails {
	return models.AuditDetails{Letter: &models.LetterEventDetails{Kind: l.Kind, Recipient: l.RecipientName, HoldReason: l.HoldReason}}
}

// migrateAuditDetails (migration 2026120201) adds the column of typed
// details to the audit trail. Earlier events are left exactly as they were
// written (the trail is never edited): their details stay NULL, and
// readers fall back to what those events hold (see legacyDetails). A
// database made since has the column from its first migration, which
// creates the tables from today's models.
func migrateAuditDetails(tx *gorm.DB) error {
	if tx.Migrator().HasColumn(&auditEventDetailsColumn{}, "Details") {
		return nil
	}
	return tx.Migrator().AddColumn(&auditEventDetailsColumn{}, "Details")
}

// auditEventDetailsColumn is the audit_events table as migrateAuditDetails
// knows it, so later changes to models.AuditEvent never change what the
// migration does.
type auditEventDetailsColumn struct {
	Details *string `gorm:"type:text"`
}

// TableName names the table for GORM.
func (auditEventDetailsColumn) TableName() string { return "audit_events" }
