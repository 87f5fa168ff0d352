package models

import (
	"fmt"
	"time"
)

// Attended reports whether she was seen: MHSDS attendance 5 (attended on
// time) or 6 (arrived late and was seen).
func (a Attendance) Attended() bool { return a == AttendOnTime || a == AttendLateSeen }

// Cancelled reports whether the appointment was cancelled, by her (2) or
// by the service (4).
func (a Attendance) Cancelled() bool {
	return a == AttendCancelledByPatient || a == AttendCancelledByService
}

// InitialAssessmentAttended reports whether any of appts is an initial
// assessment she attended, for LetterState.AssessmentAttended.
func InitialAssessmentAttended(appts []Appointment) bool {
	for i := range appts {
		if appts[i].Kind == KindInitialAssessment && appts[i].Attendance.Attended() {
			return true
		}
	}
	return false
}

// AppointmentWhen names an appointment by its date and time in the UK, as
// letters and messages do: "Thursday 2 July 2026 at 10:00". It names
// nothing else, so it is safe in an error message.
func AppointmentWhen(startsAt time.Time) string {
	return startsAt.In(London).Format("Monday 2 January 2006 at 15:04")
}

// CheckAppointmentOffer returns nil when a letter dated letterAt may offer
// appointment a, and otherwise an error whose sentence names the
// appointment by its date and time and says what to do. A letter may offer
// only an appointment that is still to be held: not cancelled, with no
// attendance recorded, and starting after the letter's date and time (an
// appointment starting at that very minute is already too late to offer).
func CheckAppointmentOffer(a *Appointment, letterAt time.Time) error {
	if a.StartsAt.IsZero() {
		return fmt.Errorf("the appointment has no date and time; book it before issuing this letter")
	}
	when := AppointmentWhen(a.StartsAt)
	if a.Attendance.Cancelled() {
		return fmt.Errorf("the appointment on %s was cancelled; book a new one before issuing this letter", when)
	}
	if a.Attendance != AttendFuture {
		return fmt.Errorf("the appointment on %s has already been held (%s); book the next one before issuing this letter",
			when, a.Attendance.Label())
	}
	if !a.StartsAt.After(letterAt) {
		return fmt.Errorf("the appointment on %s is in the past; book a new one before issuing this letter", when)
	}
	return nil
}
