package app

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// AppointmentService books appointments and records what happened at them.
type AppointmentService struct{ *core }

// DoubleBookingError is returned when the clinician already has an
// appointment at that time. Booking again with confirm set saves it anyway.
type DoubleBookingError struct {
	Clinician string
	Clash     time.Time
}

func (e *DoubleBookingError) Error() string {
	return fmt.Sprintf("%s already has an appointment at %s. Book anyway?", e.Clinician, e.Clash.In(models.London).Format("15:04 on 02/01/2006"))
}

// Book saves a new appointment. A video appointment carries the service's
// Attend Anywhere link; a face-to-face one is held at its Venue, or at the
// first of the team's bases (see SettingsService.Bases) when none is given. Booking an initial assessment moves an accepted
// referral to "assessment booked". A clash with the clinician's diary
// returns a *DoubleBookingError unless confirmDoubleBooking is set.
func (s *AppointmentService) Book(actor *models.StaffMember, a *models.Appointment, confirmDoubleBooking bool) error {
	var v models.FieldErrors
	if a.StartsAt.IsZero() {
		v.Add(models.FieldStartsAt, "enter the date and time")
	}
	validateAppointment(a, &v)
	if err := v.Err(); err != nil {
		return err
	}
	return s.book(actor, a, confirmDoubleBooking)
}

// validateAppointment checks every field of a booking but its time.
func validateAppointment(a *models.Appointment, v *models.FieldErrors) {
	if a.DurationMinutes <= 0 || a.DurationMinutes > 480 {
		v.Add(models.FieldDuration, "enter a length between 1 and 480 minutes")
	}
	if a.ClinicianID == 0 {
		v.Add(models.FieldClinician, "choose the clinician")
	}
	if !slices.Contains(models.AppointmentKinds, a.Kind) {
		v.Add(models.FieldAppointmentKind, "choose the kind of appointment")
	}
	if !slices.Contains(models.Modes, a.Mode) {
		v.Add(models.FieldAppointmentMode, "choose how the appointment is held")
	}
}

// book saves a validated appointment.
func (s *AppointmentService) book(actor *models.StaffMember, a *models.Appointment, confirmDoubleBooking bool) error {
	a.StartsAt = a.StartsAt.UTC()
	if a.Mode == models.ModeVideo && strings.TrimSpace(a.VideoLink) == "" {
		a.VideoLink = s.setting(SetAttendAnywhereLink)
	}
	a.Venue = strings.TrimSpace(a.Venue)
	switch {
	case a.Mode != models.ModeFaceToFace:
		a.Venue = ""
	case a.Venue == "":
		a.Venue = s.defaultVenue()
	}
	if a.Attendance == "" {
		a.Attendance = models.AttendFuture
	}
	a.Version = 1
	return s.write(actor, models.PermManageAppointments, func(tx *gorm.DB) error {
		var clinician models.StaffMember
		if err := tx.First(&clinician, a.ClinicianID).Error; err != nil {
			return models.NewFieldError(models.FieldClinician, "choose a clinician from the team")
		}
		if !confirmDoubleBooking {
			if err := checkClash(tx, a, clinician.Name); err != nil {
				return err
			}
		}
		r, err := s.loadReferral(tx, a.ReferralID)
		if err != nil {
			return err
		}
		if !r.Status.Open() {
			return fmt.Errorf("this referral is %s; re-refer her to book an appointment", strings.ToLower(r.Status.Label()))
		}
		if err := tx.Omit("Clinician").Create(a).Error; err != nil {
			return fmt.Errorf("cannot save the appointment: %w", err)
		}
		if err := s.auditWith(tx, actor, ActionCreate, "appointment", a.ID, nil, a, string(a.Kind), appointmentDetails(a)); err != nil {
			return err
		}
		if a.Kind == models.KindInitialAssessment && r.Status == models.StatusAccepted {
			return s.moveStatus(tx, actor, r, models.StatusAssessmentBooked, "initial assessment booked")
		}
		return nil
	})
}

// RecordAttendance records the MHSDS attendance code for an appointment.
// A missed appointment makes a follow-up task (see afterAttendance). An
// appointment that has not started cannot be recorded as attended or
// missed: the refusal is a *models.FieldError for models.FieldAttendance.
func (s *AppointmentService) RecordAttendance(actor *models.StaffMember, id uint, readVersion int, code models.Attendance, cancelledBy, reason string) error {
	if err := checkAttendance(code, reason); err != nil {
		return err
	}
	return s.write(actor, s.attendancePermission(actor, id), func(tx *gorm.DB) error {
		var a models.Appointment
		if err := tx.First(&a, id).Error; err != nil {
			return notFound(err)
		}
		return s.setAttendance(tx, actor, &a, readVersion, code, cancelledBy, reason)
	})
}

// setAttendance saves an attendance code, audits it, and makes what follows
// from it (see afterAttendance), all inside tx. An appointment that has not
// started yet can be cancelled, but not recorded as attended or missed
// (see models.CheckAttendanceTime).
func (c *core) setAttendance(tx *gorm.DB, actor *models.StaffMember, a *models.Appointment, readVersion int, code models.Attendance, cancelledBy, reason string) error {
	if err := c.checkRead(tx, "appointment", a, readVersion); err != nil {
		return err
	}
	if err := models.CheckAttendanceTime(code, a.StartsAt, c.clock.Now()); err != nil {
		return err
	}
	before := *a
	a.Attendance, a.CancelledBy, a.CancelReason = code, strings.TrimSpace(cancelledBy), strings.TrimSpace(reason)
	a.Version = readVersion
	if err := c.saveVersioned(tx, "appointment", a, func(v int) { a.Version = v }); err != nil {
		return err
	}
	if err := c.auditWith(tx, actor, ActionUpdate, "appointment", a.ID, &before, a, "attendance "+string(code), appointmentDetails(a)); err != nil {
		return err
	}
	if err := c.contactForAppointment(tx, actor, a); err != nil {
		return err
	}
	return c.afterAttendance(tx, actor, &before, a)
}

// checkClash returns a *DoubleBookingError if the clinician has another
// appointment, not yet held, overlapping a (a itself excepted).
func checkClash(tx *gorm.DB, a *models.Appointment, clinicianName string) error {
	// Appointments are at most 8 hours long, so a clash starts within 8 hours before this one.
	var nearby []models.Appointment
	err := tx.Where("clinician_id = ? AND attendance = ? AND starts_at < ? AND starts_at > ? AND id <> ?",
		a.ClinicianID, models.AttendFuture, a.EndsAt(), a.StartsAt.Add(-8*time.Hour), a.ID).Find(&nearby).Error
	if err != nil {
		return err
	}
	for _, c := range nearby {
		if c.EndsAt().After(a.StartsAt) {
			return &DoubleBookingError{Clinician: clinicianName, Clash: c.StartsAt}
		}
	}
	return nil
}

// ForReferral returns a referral's appointments, oldest first.
func (s *AppointmentService) ForReferral(actor *models.StaffMember, referralID uint) ([]models.Appointment, error) {
	return findAll[models.Appointment](s.core, actor, models.PermViewReferrals, s.db.Preload("Clinician").Where("referral_id = ?", referralID).Order("starts_at"))
}

// checkAttendance refuses an unknown code, and a cancellation without a reason.
func checkAttendance(code models.Attendance, reason string) error {
	if !slices.Contains(models.Attendances, code) {
		return models.NewFieldError(models.FieldAttendance, "choose what happened")
	}
	if (code == models.AttendCancelledByPatient || code == models.AttendCancelledByService) && strings.TrimSpace(reason) == "" {
		return models.NewFieldError(models.FieldCancellationReason, "say why the appointment was cancelled")
	}
	return nil
}
