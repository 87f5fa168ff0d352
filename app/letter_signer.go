package app

import (
	"gorm.io/gorm"

	"perinatal-caseload/letters"
	"perinatal-caseload/models"
)

// responsibleClinician returns who signs a letter of kind for r: the
// clinician who recorded the decision or outcome the letter tells.
//   - The acceptance, not-accepted and assessment-not-needed letters tell
//     the screening decision: its clinician signs.
//   - The outcome letters tell the assessment outcome: the clinician who
//     recorded it signs (for an outcome recorded before the program kept
//     who did, the clinician of the assessment she attended).
//   - The closure letters are signed by whoever closed the referral.
//
// Where none is on record the next in that list stands in, down to the
// screening decision; a referral with none of them cannot be signed for.
func (c *core) responsibleClinician(tx *gorm.DB, r *models.Referral, kind models.LetterKind, appts []models.Appointment) (*models.StaffMember, error) {
	var chain []*uint
	switch kind {
	case models.LetterAcceptance, models.LetterNotAccepted, models.LetterAssessmentNotNeeded:
	case models.LetterOutcomeCaseload, models.LetterOutcomeMedical, models.LetterOutcomeDischarge:
		chain = append(chain, r.OutcomeByID, assessorOf(appts))
	default:
		chain = append(chain, r.ClosedByID, r.OutcomeByID, assessorOf(appts))
	}
	chain = append(chain, r.DecidedByID)
	for _, id := range chain {
		if id == nil || *id == 0 {
			continue
		}
		var m models.StaffMember
		if err := tx.Limit(1).Find(&m, *id).Error; err != nil {
			return nil, err
		}
		if m.ID != 0 && !m.System {
			return &m, nil
		}
	}
	return nil, &LetterRefusal{Reason: "This letter cannot be signed: no clinician is on record as having made the decision it tells. Record the decision or outcome again, then issue it."}
}

// assessorOf returns the clinician of the initial assessment she attended,
// or nil.
func assessorOf(appts []models.Appointment) *uint {
	for i := len(appts) - 1; i >= 0; i-- {
		if a := appts[i]; a.Kind == models.KindInitialAssessment && a.Attendance.Attended() {
			return &a.ClinicianID
		}
	}
	return nil
}

// authorOf is a letter's author as the letter prints them: name, job
// title, professional registration and signature image.
func authorOf(m *models.StaffMember) letters.Person {
	return letters.Person{Name: m.Name, Role: m.JobTitle, Registration: m.ProfessionalRegistration.Text(), Signature: m.Signature}
}

// onBehalfOf is the line a letter prints when issuer is not its signer,
// such as "Issued by Jo Smith, Team Administrator, on behalf of Dr Amira
// Patel.", and "" when the signer issues it themselves. The system user
// of the command line issues nothing, so it is never named.
func onBehalfOf(signer, issuer *models.StaffMember) string {
	if issuer == nil || issuer.System {
		return ""
	}
	return models.SignatureFor(signer.Signer(), issuer.Signer()).OnBehalfLine()
}
