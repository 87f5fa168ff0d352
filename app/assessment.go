package app

import (
	"strings"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// AssessmentOutcome is what a clinician decides after the initial assessment.
type AssessmentOutcome string

// Assessment outcomes.
const (
	OutcomeCaseload      AssessmentOutcome = "caseload"       // open to the caseload; a key worker is allocated
	OutcomeMedicalReview AssessmentOutcome = "medical_review" // a medical review is arranged
	OutcomeDischarged    AssessmentOutcome = "discharged"     // discharged with advice and signposting
)

// ClosureDischargedWithAdvice is the closure reason of the assessment
// outcome "discharged with advice and signposting".
const ClosureDischargedWithAdvice = "discharged with advice"

// ClosureReasons are the reasons a referral is closed, MHSDS style.
var ClosureReasons = []string{
	"treatment complete", "end of the perinatal period", "moved away",
	"declined further contact", "did not attend", "transferred", ClosureDischargedWithAdvice,
}

// RecordOutcome records the assessment outcome and moves the referral on.
// The outcome of the initial assessment waits until she is recorded as
// having attended it: until then the refusal is a *models.FieldError for
// models.FieldAssessmentOutcome (see models.CheckAssessmentHeld).
func (s *ReferralService) RecordOutcome(actor *models.StaffMember, id uint, readVersion int, outcome AssessmentOutcome, note string) error {
	to := map[AssessmentOutcome]models.Status{
		OutcomeCaseload: models.StatusCaseload, OutcomeMedicalReview: models.StatusMedicalReview, OutcomeDischarged: models.StatusClosed,
	}[outcome]
	if to == "" {
		return models.NewFieldError(models.FieldAssessmentOutcome, "choose caseload, medical review or discharged")
	}
	return s.write(actor, models.PermAssessmentOutcome, func(tx *gorm.DB) error {
		r, err := s.loadReferral(tx, id)
		if err != nil {
			return err
		}
		if err := s.assessmentHeld(tx, r); err != nil {
			return err
		}
		r.Version = readVersion
		if outcome == OutcomeDischarged {
			r.ClosureReason = ClosureDischargedWithAdvice
		}
		if err := s.moveStatus(tx, actor, r, to, strings.TrimSpace("assessment outcome: "+string(outcome)+" "+note)); err != nil {
			return err
		}
		if to == models.StatusClosed {
			return s.endEpisode(tx, actor, r)
		}
		return nil
	})
}

// assessmentHeld refuses the outcome of an initial assessment that has not
// been held. Once she is past it (under medical review, or on the
// caseload), a later outcome is not about the initial assessment.
func (s *ReferralService) assessmentHeld(tx *gorm.DB, r *models.Referral) error {
	if r.Status != models.StatusAccepted && r.Status != models.StatusAssessmentBooked {
		return nil
	}
	var appts []models.Appointment
	if err := tx.Where("referral_id = ? AND kind = ?", r.ID, models.KindInitialAssessment).Find(&appts).Error; err != nil {
		return err
	}
	return models.CheckAssessmentHeld(appts)
}

// Close discharges a referral with one of the ClosureReasons. What she
// still holds ends with it (see endEpisode). A closed referral stays
// readable; a re-referral opens a new one for the same woman.
func (s *ReferralService) Close(actor *models.StaffMember, id uint, readVersion int, reason string) error {
	ok := false
	for _, r := range ClosureReasons {
		ok = ok || r == reason
	}
	if !ok {
		return models.NewFieldError(models.FieldClosureReason, "choose one of: %s", strings.Join(ClosureReasons, ", "))
	}
	return s.write(actor, models.PermUpdateCaseload, func(tx *gorm.DB) error {
		r, err := s.loadReferral(tx, id)
		if err != nil {
			return err
		}
		r.Version = readVersion
		r.ClosureReason = reason
		if err := s.moveStatus(tx, actor, r, models.StatusClosed, "closed: "+reason); err != nil {
			return err
		}
		return s.endEpisode(tx, actor, r)
	})
}
