package app

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// AppointmentForm is a booking as typed on the booking screen. Date and Time
// are the text entered, read in UK time by models.ParseUKDateTime:
// "23/11/2026" and "14:30" (or "1430", "2.30pm").
type AppointmentForm struct {
	ReferralID      uint
	Kind            models.AppointmentKind
	Mode            models.Mode
	Date, Time      string
	DurationMinutes int
	ClinicianID     uint
	Notes           string
	// Venue is the base a face-to-face appointment is held at, as
	// models.Base.Venue gives it; empty for the first base.
	Venue string
}

// BookForm reads the date and time of f in UK time and books the
// appointment (see Book). Every field at fault, the date and time among
// them, is named in one models.FieldErrors, and nothing is saved: a time that
// cannot be read is refused, never taken as midnight.
func (s *AppointmentService) BookForm(actor *models.StaffMember, f AppointmentForm, confirmDoubleBooking bool) (*models.Appointment, error) {
	var v models.FieldErrors
	a := &models.Appointment{
		ReferralID: f.ReferralID, Kind: f.Kind, Mode: f.Mode, StartsAt: parseWhen(f.Date, f.Time, &v),
		DurationMinutes: f.DurationMinutes, ClinicianID: f.ClinicianID, Notes: strings.TrimSpace(f.Notes), Venue: f.Venue,
	}
	validateAppointment(a, &v)
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := s.book(actor, a, confirmDoubleBooking); err != nil {
		return nil, err
	}
	return a, nil
}

// parseWhen reads a date and time typed in UK time with
// models.ParseUKDateTime, adding every problem to v under the field at
// fault, models.FieldDate or models.FieldTime.
func parseWhen(date, clock string, v *models.FieldErrors) time.Time {
	t, err := models.ParseUKDateTime(date, clock)
	addInputError(v, err)
	return t
}

// addInputError adds err to v under the field it names, or under the
// appointment's date and time when it names none. A joined error
// (errors.Join) adds each of its errors in turn.
func addInputError(v *models.FieldErrors, err error) {
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range joined.Unwrap() {
			addInputError(v, e)
		}
		return
	}
	var fe *models.FieldError
	switch {
	case errors.As(err, &fe):
		*v = append(*v, fe)
	case err != nil:
		*v = append(*v, models.OnField(models.FieldStartsAt, err))
	}
}

// Reschedule moves an appointment not yet held to a new date and time,
// typed as for BookForm. Moving it onto another of the clinician's
// appointments returns a *DoubleBookingError unless confirmDoubleBooking is
// set. The audit trail keeps the old time.
func (s *AppointmentService) Reschedule(actor *models.StaffMember, id uint, readVersion int, date, clock string, confirmDoubleBooking bool) error {
	var v models.FieldErrors
	startsAt := parseWhen(date, clock, &v)
	if err := v.Err(); err != nil {
		return err
	}
	return s.write(actor, models.PermManageAppointments, func(tx *gorm.DB) error {
		var a models.Appointment
		if err := tx.Preload("Clinician").First(&a, id).Error; err != nil {
			return notFound(err)
		}
		if err := s.checkRead(tx, "appointment", &a, readVersion); err != nil {
			return err
		}
		if a.Attendance != models.AttendFuture {
			return fmt.Errorf("this appointment is already recorded as %q, so it cannot be moved; book a new one", strings.ToLower(a.Attendance.Label()))
		}
		before := a
		a.StartsAt = startsAt.UTC()
		if !confirmDoubleBooking {
			if err := checkClash(tx, &a, a.Clinician.Name); err != nil {
				return err
			}
		}
		a.Version = readVersion
		if err := s.saveVersioned(tx, "appointment", &a, func(v int) { a.Version = v }); err != nil {
			return err
		}
		return s.auditWith(tx, actor, ActionUpdate, "appointment", a.ID, &before, &a,
			"rescheduled from "+before.StartsAt.In(models.London).Format("15:04 on 02/01/2006")+" to "+a.StartsAt.In(models.London).Format("15:04 on 02/01/2006"),
			appointmentDetails(&a))
	})
}

// Cancel cancels an appointment not yet held, recording who cancelled it
// (the woman, or the service) and why: MHSDS codes 2 and 4. Cancelling an
// initial assessment puts the referral back on the list to book one.
func (s *AppointmentService) Cancel(actor *models.StaffMember, id uint, readVersion int, byPatient bool, cancelledBy, reason string) error {
	code := models.AttendCancelledByService
	if byPatient {
		code = models.AttendCancelledByPatient
	}
	if err := checkAttendance(code, reason); err != nil {
		return err
	}
	if strings.TrimSpace(cancelledBy) == "" {
		return models.NewFieldError(models.FieldCancelledBy, "say who cancelled the appointment")
	}
	return s.write(actor, models.PermManageAppointments, func(tx *gorm.DB) error {
		var a models.Appointment
		if err := tx.First(&a, id).Error; err != nil {
			return notFound(err)
		}
		if err := s.checkRead(tx, "appointment", &a, readVersion); err != nil {
			return err
		}
		if a.Attendance != models.AttendFuture {
			return fmt.Errorf("this appointment is already recorded as %q, so it cannot be cancelled", strings.ToLower(a.Attendance.Label()))
		}
		return s.setAttendance(tx, actor, &a, readVersion, code, cancelledBy, reason)
	})
}

// notHeld reports whether an attendance code means the appointment did not
// take place: cancelled by either side, or missed.
func notHeld(code models.Attendance) bool {
	return code.Missed() || code == models.AttendCancelledByPatient || code == models.AttendCancelledByService
}

// afterAttendance makes what follows from an attendance change, inside tx:
//   - a newly missed appointment makes a follow-up task ("rebook, or decide
//     to discharge"); a missed appointment corrected to another code cancels
//     that task;
//   - an initial assessment that is cancelled or missed, with no other one
//     booked, moves the referral from "assessment booked" back to
//     "accepted", so she is on the list of women to book.
func (c *core) afterAttendance(tx *gorm.DB, actor *models.StaffMember, before, after *models.Appointment) error {
	switch {
	case after.Attendance.Missed() && !before.Attendance.Missed():
		if err := c.missedFollowUp(tx, actor, after, after.Demo); err != nil {
			return err
		}
	case before.Attendance.Missed() && !after.Attendance.Missed():
		if err := c.cancelOpenTasks(tx, actor, after.ReferralID, after.ID, "attendance corrected to "+strings.ToLower(after.Attendance.Label())); err != nil {
			return err
		}
	}
	if after.Kind != models.KindInitialAssessment || before.Attendance != models.AttendFuture || !notHeld(after.Attendance) {
		return nil
	}
	r, err := c.loadReferral(tx, after.ReferralID)
	if err != nil || r.Status != models.StatusAssessmentBooked {
		return err
	}
	var others int64
	err = tx.Model(&models.Appointment{}).
		Where("referral_id = ? AND kind = ? AND attendance = ? AND id <> ?", r.ID, models.KindInitialAssessment, models.AttendFuture, after.ID).
		Count(&others).Error
	if err != nil || others > 0 {
		return err
	}
	return c.moveStatus(tx, actor, r, models.StatusAccepted, "initial assessment "+strings.ToLower(after.Attendance.Label())+": to book again")
}
