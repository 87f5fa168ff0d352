package app

import (
	"fmt"
	"time"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// An appointment's attendance makes its contact. Every appointment with a
// final attendance code (held, missed or cancelled) has one contact that
// records it, linked by AppointmentID, so the reports count every care
// contact from one table. A held appointment's contact then waits for its
// note, which the person who recorded the attendance is asked for; a
// missed or cancelled one needs none. Correcting the attendance corrects
// the contact's code, even once its note is signed: the code is the
// appointment's, and the note itself is never touched.

// contactForAppointment, inside tx, makes or corrects the contact that
// records appointment a after its attendance changed. Its author is the
// person who recorded the attendance when they may write notes (so the key
// worker who held it is asked for the note), else the clinician. Setting
// the code back to "not yet held" removes a contact with no note, no
// signature and no addendum; one with any of them is kept.
func (c *core) contactForAppointment(tx *gorm.DB, actor *models.StaffMember, a *models.Appointment) error {
	var existing models.Contact
	if err := tx.Where("appointment_id = ?", a.ID).Order("id").Limit(1).Find(&existing).Error; err != nil {
		return err
	}
	if existing.ID == 0 {
		if a.Attendance == models.AttendFuture {
			return nil
		}
		author := a.ClinicianID
		if actor != nil && !actor.System && models.Allows(actor.RoleSet(), models.PermUpdateCaseload) {
			author = actor.ID
		}
		made := models.ContactFromAppointment(a, author)
		made.Version = 1
		if err := tx.Create(&made).Error; err != nil {
			return fmt.Errorf("cannot save the appointment's contact: %w", err)
		}
		return c.audit(tx, actor, ActionCreate, "contact", made.ID, nil, &made, contactDetail(&made, "from the appointment's attendance"))
	}
	before := existing
	if a.Attendance == models.AttendFuture {
		var addenda int64
		if err := tx.Model(&models.ContactAddendum{}).Where("contact_id = ?", existing.ID).Count(&addenda).Error; err != nil {
			return err
		}
		if existing.Signed() || existing.Note != "" || addenda > 0 {
			return nil
		}
		if err := tx.Delete(&existing).Error; err != nil {
			return fmt.Errorf("cannot remove the appointment's contact: %w", err)
		}
		return c.audit(tx, actor, ActionUpdate, "contact", existing.ID, &before, nil, "removed: the appointment is back to not yet held")
	}
	existing.Attendance = a.Attendance
	if !existing.Signed() {
		existing.At, existing.Mode, existing.DurationMinutes = a.StartsAt.UTC(), a.Mode, a.DurationMinutes
	}
	if a.Attendance.Held() && existing.Present == "" {
		existing.Present = string(models.PartyWoman)
	}
	if err := c.saveVersioned(tx, "contact", &existing, func(v int) { existing.Version = v }); err != nil {
		return err
	}
	return c.audit(tx, actor, ActionUpdate, "contact", existing.ID, &before, &existing, contactDetail(&existing, "attendance corrected on the appointment"))
}

// attendancePermission is the permission needed to record the attendance
// of appointment id: to book and change appointments, or, for the
// clinician who held it, to update a caseload, since the key worker who
// saw her records that she came and writes the note.
func (c *core) attendancePermission(actor *models.StaffMember, id uint) models.Permission {
	if actor == nil || models.Allows(actor.RoleSet(), models.PermManageAppointments) {
		return models.PermManageAppointments
	}
	var a models.Appointment
	if err := c.db.Select("id, clinician_id").Limit(1).Find(&a, id).Error; err == nil && a.ID != 0 && a.ClinicianID == actor.ID {
		return models.PermUpdateCaseload
	}
	return models.PermManageAppointments
}

// migrateContactsFromAppointments (migration 2026121601) gives every
// appointment with a final attendance code the contact that records it,
// as recording the attendance now does: written by its clinician, with no
// note and unsigned, the woman recorded as there when she was seen, demo
// when the appointment is. It also indexes contacts for the caseload's
// last contact. The migration writes no audit events: it adds what the
// trail already holds as attendance changes.
func migrateContactsFromAppointments(tx *gorm.DB) error {
	if err := tx.Exec("CREATE INDEX IF NOT EXISTS idx_contact_referral_attendance_at ON contacts (referral_id, attendance, at)").Error; err != nil {
		return err
	}
	now := time.Now().UTC()
	held := []models.Attendance{models.AttendOnTime, models.AttendLateSeen}
	return tx.Exec(`INSERT INTO contacts (created_at, updated_at, version, referral_id, appointment_id, at, mode, duration_minutes, attendance, present, author_id, note, demo)
SELECT ?, ?, 1, a.referral_id, a.id, a.starts_at, a.mode, a.duration_minutes, a.attendance,
  CASE WHEN a.attendance IN ? THEN ? ELSE '' END, a.clinician_id, '', COALESCE(a.demo, ?)
FROM appointments a
WHERE a.attendance <> ? AND NOT EXISTS (SELECT 1 FROM contacts c WHERE c.appointment_id = a.id)
ORDER BY a.id`, now, now, held, string(models.PartyWoman), false, models.AttendFuture).Error
}
