package app

import (
	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// UpdateNeeds records a woman's communication needs (Accessible Information
// Standard) and her name for letters after intake, checked as intake checks
// them, if nobody changed her record since it was read (readVersion);
// otherwise it returns a *ConflictError and saves nothing. Those who
// register referrals and those who work with her may change them: an
// administrator adding the safe address a held letter waits for, a key
// worker recording that she now needs large print.
func (s *ReferralService) UpdateNeeds(actor *models.StaffMember, patientID uint, readVersion int, nameForLetters string, needs models.CommunicationNeeds) error {
	if actor != nil && !models.Allows(actor.RoleSet(), models.PermRegisterReferrals) {
		if err := s.authorise(actor, models.PermUpdateCaseload); err != nil {
			return err
		}
	} else if err := s.authorise(actor, models.PermRegisterReferrals); err != nil {
		return err
	}
	return s.transaction(func(tx *gorm.DB) error {
		var p models.Patient
		if err := tx.First(&p, patientID).Error; err != nil {
			return notFound(err)
		}
		if err := s.checkRead(tx, "patient", &p, readVersion); err != nil {
			return err
		}
		before := p
		p.NameForLetters, p.CommunicationNeeds = nameForLetters, needs
		var problems models.FieldErrors
		for _, fe := range lettersCanPrint(&p) {
			switch fe.Field {
			case models.FieldGivenName, models.FieldFamilyName, models.FieldAddress:
				// her name and address as recorded are not changed here
			default:
				problems = append(problems, fe)
			}
		}
		if err := problems.Err(); err != nil {
			return err
		}
		p.Version = readVersion
		if err := s.saveVersioned(tx, "patient", &p, func(v int) { p.Version = v }); err != nil {
			return err
		}
		return s.audit(tx, actor, ActionUpdate, "patient", p.ID, &before, &p, "communication needs")
	})
}
