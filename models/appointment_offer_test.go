package models

import (
	"testing"
	"time"
)

func TestAppointmentWhen(t *testing.T) {
	cases := []struct {
		utc  time.Time
		want string
	}{
		{time.Date(2026, 7, 2, 9, 0, 0, 0, time.UTC), "Thursday 2 July 2026 at 10:00"},          // summer time
		{time.Date(2026, 11, 26, 14, 30, 0, 0, time.UTC), "Thursday 26 November 2026 at 14:30"}, // GMT
		{time.Date(2026, 3, 29, 0, 59, 0, 0, time.UTC), "Sunday 29 March 2026 at 00:59"},        // the minute before the clocks go forward
		{time.Date(2026, 3, 29, 1, 0, 0, 0, time.UTC), "Sunday 29 March 2026 at 02:00"},         // the clocks went forward
		{time.Date(2026, 10, 25, 0, 30, 0, 0, time.UTC), "Sunday 25 October 2026 at 01:30"},     // the first 01:30
		{time.Date(2026, 10, 25, 1, 30, 0, 0, time.UTC), "Sunday 25 October 2026 at 01:30"},     // the second 01:30
		{time.Date(2026, 7, 2, 23, 30, 0, 0, time.UTC), "Friday 3 July 2026 at 00:30"},          // the next day in the UK
	}
	for _, c := range cases {
		if got := AppointmentWhen(c.utc); got != c.want {
			t.Errorf("AppointmentWhen(%v) = %q; want %q", c.utc, got, c.want)
		}
		if got := AppointmentWhen(c.utc.In(time.FixedZone("elsewhere", -5*3600))); got != c.want {
			t.Errorf("AppointmentWhen depends on the time's zone: %q", got)
		}
	}
}

func TestCheckAppointmentOffer(t *testing.T) {
	letterAt := time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)
	future := time.Date(2026, 12, 3, 14, 30, 0, 0, time.UTC)
	cases := []struct {
		name     string
		startsAt time.Time
		att      Attendance
		want     string // "" when it may be offered
	}{
		{"next week", future, AttendFuture, ""},
		{"a minute after the letter", letterAt.Add(time.Minute), AttendFuture, ""},
		{"at the letter's minute", letterAt, AttendFuture, "the appointment on Thursday 26 November 2026 at 10:00 is in the past; book a new one before issuing this letter"},
		{"a minute before the letter", letterAt.Add(-time.Minute), AttendFuture, "the appointment on Thursday 26 November 2026 at 09:59 is in the past; book a new one before issuing this letter"},
		{"months before", time.Date(2026, 7, 2, 9, 0, 0, 0, time.UTC), AttendFuture, "the appointment on Thursday 2 July 2026 at 10:00 is in the past; book a new one before issuing this letter"},
		{"cancelled by her", future, AttendCancelledByPatient, "the appointment on Thursday 3 December 2026 at 14:30 was cancelled; book a new one before issuing this letter"},
		{"cancelled by the service", future, AttendCancelledByService, "the appointment on Thursday 3 December 2026 at 14:30 was cancelled; book a new one before issuing this letter"},
		{"cancelled and past", letterAt.Add(-time.Hour), AttendCancelledByService, "the appointment on Thursday 26 November 2026 at 09:00 was cancelled; book a new one before issuing this letter"},
		{"attended", letterAt.Add(-time.Hour), AttendOnTime, "the appointment on Thursday 26 November 2026 at 09:00 has already been held (Attended on time); book the next one before issuing this letter"},
		{"did not attend", letterAt.Add(-time.Hour), AttendDNA, "the appointment on Thursday 26 November 2026 at 09:00 has already been held (Did not attend); book the next one before issuing this letter"},
		{"no date", time.Time{}, AttendFuture, "the appointment has no date and time; book it before issuing this letter"},
	}
	for _, c := range cases {
		a := &Appointment{Kind: KindMedicalReview, Mode: ModeFaceToFace, StartsAt: c.startsAt, Attendance: c.att}
		err := CheckAppointmentOffer(a, letterAt)
		if got := errText(err); got != c.want {
			t.Errorf("%s: %q; want %q", c.name, got, c.want)
		}
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func TestAttendanceAndInitialAssessment(t *testing.T) {
	for _, a := range Attendances {
		attended := a == AttendOnTime || a == AttendLateSeen
		cancelled := a == AttendCancelledByPatient || a == AttendCancelledByService
		if a.Attended() != attended || a.Cancelled() != cancelled {
			t.Errorf("%q: Attended %v, Cancelled %v", a, a.Attended(), a.Cancelled())
		}
	}
	cases := []struct {
		appts []Appointment
		want  bool
	}{
		{nil, false},
		{[]Appointment{{Kind: KindInitialAssessment, Attendance: AttendFuture}}, false},
		{[]Appointment{{Kind: KindInitialAssessment, Attendance: AttendDNA}, {Kind: KindInitialAssessment, Attendance: AttendLateSeen}}, true},
		{[]Appointment{{Kind: KindInitialAssessment, Attendance: AttendOnTime}}, true},
		{[]Appointment{{Kind: KindInitialAssessment, Attendance: AttendLateNotSeen}}, false},
		{[]Appointment{{Kind: KindMedicalReview, Attendance: AttendOnTime}}, false}, // not an initial assessment
	}
	for _, c := range cases {
		if got := InitialAssessmentAttended(c.appts); got != c.want {
			t.Errorf("InitialAssessmentAttended(%+v) = %v; want %v", c.appts, got, c.want)
		}
	}
}
