package models

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestAgeOn(t *testing.T) {
	for _, tc := range []struct {
		dob, on Date
		want    int
	}{
		{NewDate(1994, 3, 2), NewDate(2026, 3, 1), 31},
		{NewDate(1994, 3, 2), NewDate(2026, 3, 2), 32},
		{NewDate(2000, 2, 29), NewDate(2026, 2, 28), 25},
		{NewDate(2000, 2, 29), NewDate(2026, 3, 1), 26},
		{NewDate(2000, 2, 29), NewDate(2028, 2, 29), 28},
	} {
		if got := AgeOn(tc.dob, tc.on); got != tc.want {
			t.Errorf("AgeOn(%s, %s) = %d, want %d", tc.dob, tc.on, got, tc.want)
		}
	}
}

// Hazard: HAZ-015.
func TestCheckDateOfBirth(t *testing.T) {
	referred, today := NewDate(2026, 11, 2), NewDate(2026, 11, 23)
	for _, tc := range []struct {
		name string
		dob  Date
		want string // part of the message; "" for no refusal
	}{
		{"missing", Date{}, "enter the date of birth"},
		{"tomorrow", today.AddDays(1), "in the future"},
		{"after the referral but before today", referred.AddDays(1), "in the future"},
		{"born on the referral day", referred, "under 10"},
		{"ninth birthday at referral, tenth a day later", NewDate(2016, 11, 3), "under 10"},
		{"tenth birthday on the referral day", NewDate(2016, 11, 2), ""},
		{"aged 32", NewDate(1994, 3, 2), ""},
		{"sixtieth birthday a day before", NewDate(1966, 11, 1), ""},
		{"aged 60 and 364 days", NewDate(1965, 11, 3), ""},
		{"sixty-first birthday on the referral day", NewDate(1965, 11, 2), "over 60"},
		{"born in 1890", NewDate(1890, 1, 1), "over 60"},
	} {
		err := CheckDateOfBirth(tc.dob, referred, today)
		if tc.want == "" {
			if err != nil {
				t.Errorf("%s: refused: %v", tc.name, err)
			}
			continue
		}
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != FieldDateOfBirth || !strings.Contains(fe.Message, tc.want) {
			t.Errorf("%s: %v; want a date-of-birth refusal saying %q", tc.name, err, tc.want)
		}
		if strings.Contains(fe.Message, tc.dob.UK()) && !tc.dob.IsZero() {
			t.Errorf("%s: the message repeats the date of birth: %s", tc.name, fe.Message)
		}
	}
}

// Hazard: HAZ-015.
func TestCheckDueDate(t *testing.T) {
	referred := NewDate(2026, 11, 2)
	for _, tc := range []struct {
		name  string
		stage Stage
		due   Date
		want  error
	}{
		{"no due date", StagePregnant, Date{}, nil},
		{"in four months", StagePregnant, NewDate(2027, 3, 15), nil},
		{"exactly ten months after", StagePregnant, NewDate(2027, 9, 2), nil},
		{"ten months and a day after", StagePregnant, NewDate(2027, 9, 3), ErrDueDateBeyondPregnancy},
		{"a year out by a typing error", StagePregnant, NewDate(2028, 3, 15), ErrDueDateBeyondPregnancy},
		{"on the referral day", StagePregnant, referred, nil},
		{"two weeks overdue at referral", StagePregnant, referred.AddDays(-14), nil},
		{"more than two weeks before", StagePregnant, referred.AddDays(-15), ErrDueDatePassedLongBefore},
		{"last year", StagePregnant, NewDate(2025, 11, 2), ErrDueDatePassedLongBefore},
		{"after birth, the due date is past", StagePostnatal, NewDate(2026, 10, 20), nil},
		{"planning a pregnancy", StagePreconception, NewDate(2029, 1, 1), nil},
	} {
		err := CheckDueDate(tc.stage, tc.due, referred)
		if !errors.Is(err, tc.want) || (tc.want == nil) != (err == nil) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
		}
		var fe *FieldError
		if err != nil && (!errors.As(err, &fe) || fe.Field != FieldDueDate) {
			t.Errorf("%s: %v does not name the due date", tc.name, err)
		}
	}
}

// Hazard: HAZ-004.
func TestCheckAttendanceTime(t *testing.T) {
	start := time.Date(2026, 11, 25, 14, 30, 0, 0, time.UTC)
	before, at, after := start.Add(-time.Minute), start, start.Add(time.Hour)
	for _, tc := range []struct {
		code    Attendance
		now     time.Time
		refused string
	}{
		{AttendOnTime, before, "attended"},
		{AttendLateSeen, before, "attended"},
		{AttendDNA, before, "missed"},
		{AttendLateNotSeen, before, "missed"},
		{AttendOnTime, at, ""},
		{AttendDNA, after, ""},
		{AttendLateSeen, after, ""},
		{AttendCancelledByPatient, before, ""},
		{AttendCancelledByService, before, ""},
		{AttendFuture, after, ""},
	} {
		err := CheckAttendanceTime(tc.code, start, tc.now)
		if tc.refused == "" {
			if err != nil {
				t.Errorf("%s at %s: refused: %v", tc.code.Label(), tc.now.Format(time.Kitchen), err)
			}
			continue
		}
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != FieldAttendance ||
			!strings.Contains(fe.Message, "cannot have been "+tc.refused+" yet") || !strings.Contains(fe.Message, "14:30 on 25/11/2026") {
			t.Errorf("%s before the start: %v; want a refusal naming the start", tc.code.Label(), err)
		}
	}
}

// Hazard: HAZ-004.
func TestCheckAssessmentHeld(t *testing.T) {
	at := func(kind AppointmentKind, code Attendance, day int) Appointment {
		return Appointment{Kind: kind, Attendance: code, StartsAt: time.Date(2026, 11, day, 10, 0, 0, 0, time.UTC)}
	}
	for _, tc := range []struct {
		name  string
		appts []Appointment
		want  string // part of the refusal; "" for none
	}{
		{"none booked", nil, "has not been recorded as attended"},
		{"booked, not yet held", []Appointment{at(KindInitialAssessment, AttendFuture, 25)}, "at 10:00 on 25/11/2026"},
		{"missed", []Appointment{at(KindInitialAssessment, AttendDNA, 20)}, "has not been recorded as attended"},
		{"cancelled, then held", []Appointment{at(KindInitialAssessment, AttendCancelledByPatient, 18), at(KindInitialAssessment, AttendOnTime, 20)}, ""},
		{"late and seen", []Appointment{at(KindInitialAssessment, AttendLateSeen, 20)}, ""},
		{"late and not seen", []Appointment{at(KindInitialAssessment, AttendLateNotSeen, 20)}, "has not been recorded as attended"},
		{"only another kind held", []Appointment{at(KindMedicalReview, AttendOnTime, 20)}, "has not been recorded as attended"},
		{"two to come: the first is named", []Appointment{at(KindInitialAssessment, AttendFuture, 27), at(KindInitialAssessment, AttendFuture, 26)}, "26/11/2026"},
	} {
		err := CheckAssessmentHeld(tc.appts)
		if tc.want == "" {
			if err != nil {
				t.Errorf("%s: refused: %v", tc.name, err)
			}
			continue
		}
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != FieldAssessmentOutcome || !strings.Contains(fe.Message, tc.want) {
			t.Errorf("%s: %v; want an outcome refusal saying %q", tc.name, err, tc.want)
		}
	}
}
