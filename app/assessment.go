package app

import (
	"strings"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// AssessmentRecord is what a clinician records after the initial
// assessment: the outcome, and what the outcome letters carry (what was
// discussed, the plan, medication advice and actions for her GP).
type AssessmentRecord struct {
	Outcome  models.AssessmentOutcome
	Clinical models.ClinicalContent
}

// RecordOutcome records the assessment outcome, with a note for the audit
// trail only, and moves the referral on (see RecordAssessment).
func (s *ReferralService) RecordOutcome(actor *models.StaffMember, id uint, readVersion int, outcome models.AssessmentOutcome, note string) error {
	return s.recordOutcome(actor, id, readVersion, AssessmentRecord{Outcome: outcome}, note)
}

// RecordAssessment records the assessment outcome with what the clinician
// wrote for the outcome letters, and moves the referral on: to the
// caseload, to a medical review, or closed as discharged with advice. The
// referral keeps the outcome and who recorded it, so the outcome letters
// are signed by that clinician.
func (s *ReferralService) RecordAssessment(actor *models.StaffMember, id uint, readVersion int, rec AssessmentRecord) error {
	return s.recordOutcome(actor, id, readVersion, rec, "")
}

func (s *ReferralService) recordOutcome(actor *models.StaffMember, id uint, readVersion int, rec AssessmentRecord, note string) error {
	to := rec.Outcome.Status()
	if !rec.Outcome.Valid() || to == "" {
		return models.NewFieldError(models.FieldAssessmentOutcome, "choose caseload, medical review or discharged")
	}
	clinical := rec.Clinical.Normalised()
	if err := clinical.Check(); err != nil {
		return err
	}
	return s.write(actor, models.PermAssessmentOutcome, func(tx *gorm.DB) error {
		r, err := s.loadReferral(tx, id)
		if err != nil {
			return err
		}
		if err := s.checkRead(tx, "referral", r, readVersion); err != nil {
			return err
		}
		if err := s.assessmentHeld(tx, r); err != nil {
			return err
		}
		r.Version = readVersion
		now := s.clock.Now()
		r.AssessmentOutcome, r.OutcomeByID, r.OutcomeAt, r.ClinicalContent = rec.Outcome, &actor.ID, &now, clinical
		if reason := rec.Outcome.ClosureReason(); reason != "" {
			r.ClosureReason, r.ClosedByID = string(reason), &actor.ID
		}
		if err := s.moveStatus(tx, actor, r, to, strings.TrimSpace("assessment outcome: "+string(rec.Outcome)+" "+note)); err != nil {
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

// Closure is why a referral closes, with what its closure letter needs:
// the team she is transferred to when she moved away or was transferred,
// and, when treatment is complete, what helped and her early warning signs.
type Closure struct {
	Reason models.ClosureReason
	models.ClosureDetails
}

// Close discharges a referral with one of models.ClosureReasons and no
// further details (see Discharge).
func (s *ReferralService) Close(actor *models.StaffMember, id uint, readVersion int, reason models.ClosureReason) error {
	return s.Discharge(actor, id, readVersion, Closure{Reason: reason})
}

// Discharge closes a referral for c.Reason, keeping what the closure letter
// needs and who closed it (the closure letter is signed by them). What she
// still holds ends with it (see endEpisode). A closed referral stays
// readable; a re-referral opens a new one for the same woman.
//
// A referral closed because she moved away or was transferred needs the
// team now caring for her. "Discharged with advice" is not a reason to
// close with here: it is the assessment outcome (see RecordAssessment),
// and its letter tells what the assessment found.
func (s *ReferralService) Discharge(actor *models.StaffMember, id uint, readVersion int, c Closure) error {
	reason, err := models.ParseClosureReason(string(c.Reason))
	if err != nil {
		return err
	}
	if reason == models.ClosureDischargedWithAdvice {
		return models.NewFieldError(models.FieldClosureReason, "discharge with advice is recorded as the assessment outcome; choose another reason to close the referral")
	}
	details := c.ClosureDetails.Normalised(reason)
	if err := details.Check(reason); err != nil {
		return err
	}
	return s.write(actor, models.PermUpdateCaseload, func(tx *gorm.DB) error {
		r, err := s.loadReferral(tx, id)
		if err != nil {
			return err
		}
		if err := s.checkRead(tx, "referral", r, readVersion); err != nil {
			return err
		}
		r.ClosureReason, r.ClosureDetails, r.ClosedByID = string(reason), details, &actor.ID
		if err := s.moveStatus(tx, actor, r, models.StatusClosed, "closed: "+string(reason)); err != nil {
			return err
		}
		return s.endEpisode(tx, actor, r)
	})
}
