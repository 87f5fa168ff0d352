package app

import (
	"time"

	"gorm.io/gorm"

	"perinatal-caseload/letters"
	"perinatal-caseload/models"
)

// letterState returns where referral r stands for its letters: its status,
// the assessment outcome it holds, its closure reason, and whether she
// attended an initial assessment (from appts, her appointments).
func letterState(r *models.Referral, appts []models.Appointment) models.LetterState {
	return models.LetterStateOf(r, r.AssessmentOutcome, models.InitialAssessmentAttended(appts))
}

// chooseKind returns the kind of letter to build for a referral in state
// s: kind itself when it fits (see models.LetterFits), or, for kind "",
// the first that fits. Anything else is refused with a sentence saying
// why.
func chooseKind(kind models.LetterKind, s models.LetterState) (models.LetterKind, error) {
	if kind != "" {
		return kind, models.LetterFits(kind, s)
	}
	fits := models.LettersFor(s)
	if len(fits) == 0 {
		return "", &LetterRefusal{Reason: models.NoLetterReason(s)}
	}
	return fits[0], nil
}

// LetterRefusal is why no letter of a referral can be built now. Its
// message is a sentence naming neither her nor any patient data.
type LetterRefusal struct{ Reason string }

func (e *LetterRefusal) Error() string { return e.Reason }

// FittingKinds returns the kinds of letter that fit a referral as it
// stands, in the order screens offer them, for the issue dialog to offer
// only those. It is empty when none fits (see models.NoLetterReason).
func (s *LetterService) FittingKinds(actor *models.StaffMember, referralID uint) ([]models.LetterKind, error) {
	if err := s.authorise(actor, models.PermViewReferrals); err != nil {
		return nil, err
	}
	_, _, state, err := s.referralForLetters(referralID, s.loadReferral)
	if err != nil {
		return nil, err
	}
	return models.LettersFor(state), nil
}

// referralForLetters reads a referral with load (loadReferral, or
// loadReferralFull when the letters themselves are to be written) and its
// appointments, and returns them with the state that decides which
// letters fit it.
func (c *core) referralForLetters(referralID uint, load func(*gorm.DB, uint) (*models.Referral, error)) (*models.Referral, []models.Appointment, models.LetterState, error) {
	r, err := load(c.db, referralID)
	if err != nil {
		return nil, nil, models.LetterState{}, err
	}
	appts, err := c.referralAppointments(c.db, referralID)
	if err != nil {
		return nil, nil, models.LetterState{}, err
	}
	return r, appts, letterState(r, appts), nil
}

// referralAppointments reads a referral's appointments, with their
// clinicians, oldest first.
func (c *core) referralAppointments(tx *gorm.DB, referralID uint) ([]models.Appointment, error) {
	var appts []models.Appointment
	err := tx.Preload("Clinician").Where("referral_id = ?", referralID).Order("starts_at, id").Find(&appts).Error
	return appts, err
}

// involvementDate is the day on which those involved in her care are
// counted for a referral's letters: the closing date of a closed referral
// (its closure letter goes to those involved when she closed), otherwise
// today.
func involvementDate(r *models.Referral, now time.Time) models.Date {
	if r.Status == models.StatusClosed && r.ClosedAt != nil {
		return models.LondonDate(*r.ClosedAt)
	}
	return models.LondonDate(now)
}

// offeredKind is the kind of appointment a letter of kind offers: the
// initial assessment in the acceptance letter, the medical review in the
// medical-review letter, and none in the others.
func offeredKind(kind models.LetterKind) models.AppointmentKind {
	switch kind {
	case models.LetterAcceptance:
		return models.KindInitialAssessment
	case models.LetterOutcomeMedical:
		return models.KindMedicalReview
	}
	return ""
}

// offeredAppointment returns the appointment of kind k that a letter dated
// now offers: the earliest one still to be held. When there is none but
// an appointment of that kind was booked, the letter would offer a
// cancelled, held or past one, so it is refused, naming the latest by its
// date and time (see models.CheckAppointmentOffer). With none booked it
// returns nil: the letter says the team will arrange one.
func offeredAppointment(appts []models.Appointment, k models.AppointmentKind, now time.Time) (*models.Appointment, error) {
	var next, latest *models.Appointment
	for i := range appts {
		a := &appts[i]
		if a.Kind != k {
			continue
		}
		if models.CheckAppointmentOffer(a, now) == nil && (next == nil || a.StartsAt.Before(next.StartsAt)) {
			next = a
		}
		if latest == nil || !a.StartsAt.Before(latest.StartsAt) {
			latest = a
		}
	}
	switch {
	case next != nil:
		return next, nil
	case latest != nil:
		return nil, &LetterRefusal{Reason: "This letter cannot be issued: " + models.CheckAppointmentOffer(latest, now).Error() + "."}
	}
	return nil, nil
}

// modeWords is how a letter names an appointment's mode in
// Fields.AppointmentMode.
func modeWords(m models.Mode) string {
	switch m {
	case models.ModeVideo:
		return "video"
	case models.ModeTelephone:
		return "telephone"
	case models.ModeFaceToFace:
		return "face to face"
	case models.ModeHomeVisit:
		return "home visit"
	}
	return ""
}

// setOffer fills the fields of the appointment a letter offers: how it is
// held, and what she needs to know for that way.
func (s *LetterService) setOffer(f *letters.Fields, a *models.Appointment) {
	f.AppointmentMode = modeWords(a.Mode)
	switch a.Mode {
	case models.ModeVideo:
		f.VideoLink = a.VideoLink
	case models.ModeTelephone:
		f.CallFromNumber = s.callFromNumber()
	case models.ModeFaceToFace:
		venue := a.Venue
		if venue == "" {
			venue = s.defaultVenue()
		}
		f.AppointmentPlace = models.VenueLine(venue)
	}
}

// offeredFields fills the appointment fields of a letter of kind: the
// initial assessment (held or offered), the medical review offered, and
// how the offered appointment is held. A letter that would offer an
// appointment that cannot be offered is refused.
func (s *LetterService) offeredFields(f *letters.Fields, kind models.LetterKind, appts []models.Appointment) error {
	now := s.clock.Now()
	for i := range appts {
		a := &appts[i]
		if a.Kind == models.KindInitialAssessment && a.Attendance.Attended() {
			f.AssessmentDate = letterDay(a.StartsAt)
			f.AppointmentDate, f.AppointmentTime, f.AppointmentWith = letterDay(a.StartsAt), letters.ClockTime(a.StartsAt.In(models.London)), personLine(a.Clinician)
		}
	}
	k := offeredKind(kind)
	if k == "" {
		return nil
	}
	a, err := offeredAppointment(appts, k, now)
	if err != nil || a == nil {
		return err
	}
	when, at := letterDay(a.StartsAt), letters.ClockTime(a.StartsAt.In(models.London))
	if k == models.KindInitialAssessment {
		f.AppointmentDate, f.AppointmentTime, f.AppointmentWith = when, at, personLine(a.Clinician)
	} else {
		f.ReviewDate, f.ReviewTime, f.ReviewClinician = when, at, personLine(a.Clinician)
	}
	s.setOffer(f, a)
	return nil
}

// outcomeWords says an assessment outcome for professionals.
var outcomeWords = map[models.AssessmentOutcome]string{
	models.OutcomeCaseload:      "open to the perinatal team's caseload, with a key worker allocated",
	models.OutcomeMedicalReview: "a medical review with the perinatal team is arranged",
	models.OutcomeDischarged:    "discharged with advice; no further appointments with the perinatal team",
}

// outcomeFields fills what the clinician wrote with the assessment outcome
// and at the closure. An outcome letter of an earlier referral whose
// outcome was not kept takes the outcome its kind tells.
func outcomeFields(f *letters.Fields, r *models.Referral, kind models.LetterKind) {
	outcome := r.AssessmentOutcome
	if outcome == models.OutcomeNone {
		outcome = map[models.LetterKind]models.AssessmentOutcome{
			models.LetterOutcomeCaseload: models.OutcomeCaseload, models.LetterOutcomeMedical: models.OutcomeMedicalReview,
			models.LetterOutcomeDischarge: models.OutcomeDischarged,
		}[kind]
	}
	f.OutcomeWords = outcomeWords[outcome]
	c := r.ClinicalContent
	f.Summary, f.Plan, f.MedicationAdvice, f.GPActions = c.Summary, c.Plan, c.MedicationAdvice, c.GPActions
	if r.Status == models.StatusClosed && r.ClosedAt != nil {
		f.ClosureDate = letterDay(*r.ClosedAt)
	}
	d := r.ClosureDetails
	f.TransferredTo, f.WhatHelped, f.WarningSigns = d.TransferredTo, d.WhatHelped, d.WarningSigns
}
