package app

import (
	"cmp"
	"fmt"
	"slices"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// RecordBirth records the birth of her baby on referral b.ReferralID, if
// nobody changed the referral since it was read (readVersion); otherwise
// it returns a *ConflictError and saves nothing. The referral moves to
// after birth with the baby's date of birth the latest birth recorded on
// it, so the stage, the weeks after birth and the end of her perinatal
// period on her record and the caseload come from the real date. The
// birth is checked by models.CheckBirth against her due date.
func (s *PatientService) RecordBirth(actor *models.StaffMember, readVersion int, b *models.Birth) error {
	var r models.Referral
	var p models.Patient
	return s.writeForHer(actor, ofReferral(s.core, b.ReferralID, &r, &p), func(tx *gorm.DB, patientID uint) error {
		if err := s.checkRead(tx, "referral", &r, readVersion); err != nil {
			return err
		}
		if err := models.CheckBirth(b, p.DateOfBirth, r.ExpectedDeliveryDate, models.LondonDate(s.clock.Now())); err != nil {
			return err
		}
		b.ID, b.PatientID, b.RecordedByID, b.Demo, b.Version = 0, patientID, actor.ID, r.Demo, 1
		if err := tx.Create(b).Error; err != nil {
			return fmt.Errorf("cannot save the birth: %w", err)
		}
		if err := s.audit(tx, actor, ActionCreate, "birth", b.ID, nil, b, "birth recorded"); err != nil {
			return err
		}
		var births []models.Birth
		if err := tx.Where("referral_id = ?", r.ID).Find(&births).Error; err != nil {
			return err
		}
		before := r
		r.Stage, r.BabyDateOfBirth = models.StagePostnatal, models.LatestBirth(births)
		if err := s.saveVersioned(tx, "referral", &r, func(v int) { r.Version = v }); err != nil {
			return err
		}
		return s.audit(tx, actor, ActionUpdate, "referral", r.ID, &before, &r, "birth recorded: after birth from the baby's date of birth")
	})
}

// Births returns the births recorded for her, the earliest first.
func (s *PatientService) Births(actor *models.StaffMember, patientID uint) ([]models.Birth, error) {
	return findAll[models.Birth](s.core, actor, models.PermViewReferrals,
		s.db.Where("patient_id = ?", patientID).Order("born_on, id"))
}

// SupportPeople returns the people around her: her partner first, then by name.
func (s *PatientService) SupportPeople(actor *models.StaffMember, patientID uint) ([]models.SupportPerson, error) {
	people, err := findAll[models.SupportPerson](s.core, actor, models.PermViewReferrals,
		s.db.Where("patient_id = ?", patientID).Order("name, id"))
	slices.SortStableFunc(people, func(a, b models.SupportPerson) int {
		return cmp.Compare(partnerRank(a), partnerRank(b))
	})
	return people, err
}

// partnerRank puts her partner first.
func partnerRank(p models.SupportPerson) int {
	if p.Relationship == models.RelPartner {
		return 0
	}
	return 1
}

// SaveSupportPerson adds someone around her (p.ID zero) or changes one,
// checked by models.SupportPerson.Normalised. A change is saved only if
// nobody changed the person since p was read (p.Version); otherwise it
// returns a *ConflictError and saves nothing.
func (s *PatientService) SaveSupportPerson(actor *models.StaffMember, p *models.SupportPerson) error {
	var stored models.SupportPerson
	find := func(tx *gorm.DB) (uint, error) {
		if p.ID == 0 {
			var her models.Patient
			if err := tx.First(&her, p.PatientID).Error; err != nil {
				return 0, notFound(err)
			}
			stored.Demo = her.Demo
			return her.ID, nil
		}
		if err := tx.First(&stored, p.ID).Error; err != nil {
			return 0, notFound(err)
		}
		return stored.PatientID, nil
	}
	return s.writeForHer(actor, find, func(tx *gorm.DB, patientID uint) error {
		if p.ID != 0 {
			if err := s.checkRead(tx, "support_person", &stored, p.Version); err != nil {
				return err
			}
		}
		clean, err := p.Normalised(models.LondonDate(s.clock.Now()))
		if err != nil {
			return err
		}
		clean.PatientID, clean.Demo = patientID, stored.Demo
		if p.ID == 0 {
			clean.Version = 1
			if err := tx.Create(&clean).Error; err != nil {
				return fmt.Errorf("cannot save the person: %w", err)
			}
			*p = clean
			return s.audit(tx, actor, ActionCreate, "support_person", p.ID, nil, p, "added: "+p.Relationship.Label())
		}
		clean.CreatedAt = stored.CreatedAt
		if err := s.saveVersioned(tx, "support_person", &clean, func(v int) { clean.Version = v }); err != nil {
			return err
		}
		*p = clean
		return s.audit(tx, actor, ActionUpdate, "support_person", p.ID, &stored, p, "changed: "+p.Relationship.Label())
	})
}
