package models

import "time"

// The limits of what can be true of a woman referred to the service. A
// value outside them is a typing error, and the services refuse it rather
// than let it skew the clocks and figures worked out from it.
const (
	// MinAgeAtReferral and MaxAgeAtReferral bound her age, in completed
	// years, on the day the referral was received.
	MinAgeAtReferral = 10
	MaxAgeAtReferral = 60
	// MaxMonthsToDueDate: a pregnancy lasts about 9 months from the
	// referral at most (40 weeks from the last period), so a due date more
	// than 10 calendar months after the referral cannot be hers.
	MaxMonthsToDueDate = 10
	// DueDateGraceDays: a due date may fall a little before the referral,
	// since a pregnancy may run on to 42 weeks, two weeks past it. Earlier
	// than that, the baby has been born (see ErrDueDatePassedLongBefore).
	DueDateGraceDays = (maxGestationWeeks - 40) * 7
)

// AgeOn returns the age in completed years on day d of someone born on
// dob. Someone born on 29 February has her birthday on 1 March in other
// years.
func AgeOn(dob, d Date) int {
	age := d.Year - dob.Year
	if d.Month < dob.Month || (d.Month == dob.Month && d.Day < dob.Day) {
		age--
	}
	return age
}

// CheckDateOfBirth refuses a date of birth that cannot be right for a
// woman referred on the day referred and registered today: missing, in the
// future, or making her younger than MinAgeAtReferral or older than
// MaxAgeAtReferral on the day she was referred. The refusal is a
// *FieldError for FieldDateOfBirth, which does not repeat the date.
func CheckDateOfBirth(dob, referred, today Date) error {
	if dob.IsZero() {
		return NewFieldError(FieldDateOfBirth, "enter the date of birth as DD/MM/YYYY")
	}
	if dob.After(today) || dob.After(referred) {
		return NewFieldError(FieldDateOfBirth, "the date of birth is in the future; check the date")
	}
	if AgeOn(dob, referred) < MinAgeAtReferral {
		return NewFieldError(FieldDateOfBirth, "the woman would be under %d years old when referred; check the year", MinAgeAtReferral)
	}
	if AgeOn(dob, referred) > MaxAgeAtReferral {
		return NewFieldError(FieldDateOfBirth, "the woman would be over %d years old when referred; check the year", MaxAgeAtReferral)
	}
	return nil
}

// ErrDueDateBeyondPregnancy refuses a due date more than MaxMonthsToDueDate
// months after the referral.
var ErrDueDateBeyondPregnancy = NewFieldError(FieldDueDate,
	"it is more than %d months after the date the referral was received, longer than a pregnancy lasts; check the date", MaxMonthsToDueDate)

// CheckDueDate refuses an expected delivery date that cannot belong to a
// woman pregnant on the day referred: more than MaxMonthsToDueDate months
// later (ErrDueDateBeyondPregnancy), or more than DueDateGraceDays earlier
// (ErrDueDatePassedLongBefore). It checks a due date only for a woman said
// to be pregnant, and none is fine: after the birth, the due date is past
// and is kept as given.
func CheckDueDate(stage Stage, due, referred Date) error {
	if stage != StagePregnant || due.IsZero() {
		return nil
	}
	if due.After(referred.AddMonths(MaxMonthsToDueDate)) {
		return ErrDueDateBeyondPregnancy
	}
	if due.Before(referred.AddDays(-DueDateGraceDays)) {
		return ErrDueDatePassedLongBefore
	}
	return nil
}

// Held reports whether the woman was seen: she attended on time, or
// arrived late and was seen.
func (a Attendance) Held() bool { return a == AttendOnTime || a == AttendLateSeen }

// happened reports whether the code says what took place at the
// appointment, which cannot be known before it starts.
func (a Attendance) happened() bool { return a.Held() || a.Missed() }

// CheckAttendanceTime refuses recording that an appointment starting at
// startsAt was attended or missed when it is only now: no one can have
// attended, or missed, an appointment that has not started. Cancelling
// (codes 2 and 4) and "not yet held" are allowed at any time. The refusal
// is a *FieldError for FieldAttendance naming the start in UK time.
func CheckAttendanceTime(code Attendance, startsAt, now time.Time) error {
	if !code.happened() || !now.Before(startsAt) {
		return nil
	}
	what := "attended"
	if code.Missed() {
		what = "missed"
	}
	return NewFieldError(FieldAttendance,
		"the appointment starts at %s, so it cannot have been %s yet; record what happened once it has started, or cancel it if it will not go ahead",
		startsAt.In(London).Format("15:04 on 02/01/2006"), what)
}

// ErrAssessmentNotHeld refuses an assessment outcome for a woman with no
// initial assessment recorded as attended.
var ErrAssessmentNotHeld = NewFieldError(FieldAssessmentOutcome,
	"her initial assessment has not been recorded as attended; record her attendance at it first, then the outcome")

// CheckAssessmentHeld refuses an initial-assessment outcome until one of
// the referral's appointments is an initial assessment she attended (see
// Attendance.Held). While one is still to come, the refusal names when.
// The refusal is a *FieldError for FieldAssessmentOutcome.
func CheckAssessmentHeld(appointments []Appointment) error {
	var next *Appointment
	for i := range appointments {
		a := &appointments[i]
		if a.Kind != KindInitialAssessment {
			continue
		}
		if a.Attendance.Held() {
			return nil
		}
		if a.Attendance == AttendFuture && (next == nil || a.StartsAt.Before(next.StartsAt)) {
			next = a
		}
	}
	if next != nil {
		return NewFieldError(FieldAssessmentOutcome,
			"her initial assessment at %s has not been recorded as attended; record her attendance first, then the outcome",
			next.StartsAt.In(London).Format("15:04 on 02/01/2006"))
	}
	return ErrAssessmentNotHeld
}
