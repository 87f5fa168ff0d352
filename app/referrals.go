package app

import (
	"errors"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// ReferralService registers, finds and moves referrals along the pathway.
type ReferralService struct{ *core }

// DuplicateFormError is returned when a referral form was imported before.
type DuplicateFormError struct {
	FormID     string
	ReferralID uint
}

func (e *DuplicateFormError) Error() string {
	return fmt.Sprintf("form %s was already imported as referral %s; it was not imported again", e.FormID, models.ReferralReference(e.ReferralID))
}

// ScreeningOptions returns the screening settings in force.
func (s *ReferralService) ScreeningOptions() models.ScreeningOptions {
	return models.ScreeningOptions{
		AreaPrefixes:          s.settingList(SetAreaPrefixes),
		PartlyInAreaDistricts: s.settingList(SetPartlyInArea),
	}
}

// Screen returns the recommendation for a referral without saving anything.
func (s *ReferralService) Screen(r *models.Referral) models.Recommendation {
	return models.Screen(r, r.ReceivedAt, s.ScreeningOptions())
}

// Register validates and saves a new referral, screens it, and links it to
// the existing patient when the NHS number matches one (a re-referral). The
// referral, its patient and referrer, and their audit events are saved in
// one transaction: all of it or none.
func (s *ReferralService) Register(actor *models.StaffMember, r *models.Referral) error {
	if err := s.authorise(actor, models.PermRegisterReferrals); err != nil {
		return err
	}
	if err := validateReferral(r, s.clock.Now()); err != nil {
		return err
	}
	if r.Status == "" {
		r.Status = models.StatusReceived
	}
	rec := s.Screen(r)
	r.Recommendation = &rec
	r.SetPriority(rec.Priority)
	r.Version = 1
	return s.transaction(func(tx *gorm.DB) error {
		if r.FormID != nil {
			var existing models.Referral
			if err := tx.Select("id").Where("form_id = ?", *r.FormID).Limit(1).Find(&existing).Error; err != nil {
				return err
			}
			if existing.ID != 0 {
				return &DuplicateFormError{FormID: *r.FormID, ReferralID: existing.ID}
			}
		}
		if err := linkToDirectory(tx, r); err != nil {
			return err
		}
		if err := s.savePatient(tx, actor, &r.Patient); err != nil {
			return err
		}
		r.PatientID = r.Patient.ID
		if err := s.findOrCreateProfessional(tx, actor, &r.Referrer); err != nil {
			return err
		}
		r.ReferrerID = r.Referrer.ID
		for i := range r.CopyRecipients {
			if err := s.findOrCreateProfessional(tx, actor, &r.CopyRecipients[i].Professional); err != nil {
				return err
			}
			r.CopyRecipients[i].ProfessionalID = r.CopyRecipients[i].Professional.ID
		}
		if err := tx.Omit("Patient", "Referrer", "CopyRecipients.Professional").Create(r).Error; err != nil {
			return fmt.Errorf("cannot save the referral: %w", err)
		}
		return s.auditWith(tx, actor, ActionCreate, "referral", r.ID, nil, r, "", registeredDetails(r))
	})
}

// savePatient links to the existing patient with the same NHS number, or
// creates one. A re-referral brings her details up to date (names, address
// and contacts can change), but a different date of birth means the NHS
// number is probably wrong, so the referral is refused.
func (s *ReferralService) savePatient(tx *gorm.DB, actor *models.StaffMember, p *models.Patient) error {
	p.UpdateSearchKeys()
	if p.NHSNumber != nil {
		var existing models.Patient
		if err := tx.Where("nhs_number = ?", *p.NHSNumber).Limit(1).Find(&existing).Error; err != nil {
			return err
		}
		if existing.ID != 0 {
			return s.updateKnownPatient(tx, actor, &existing, p)
		}
	}
	p.Version = 1
	if err := tx.Create(p).Error; err != nil {
		return fmt.Errorf("cannot save the patient: %w", err)
	}
	return s.audit(tx, actor, ActionCreate, "patient", p.ID, nil, p, "")
}

func (s *ReferralService) updateKnownPatient(tx *gorm.DB, actor *models.StaffMember, existing, incoming *models.Patient) error {
	if existing.DateOfBirth != incoming.DateOfBirth {
		// The message quotes neither the number nor either date: error text
		// reaches import reports and logs.
		return models.NewFieldError(models.FieldDateOfBirth,
			"the NHS number belongs to a woman known to the service with a different date of birth; check the NHS number and the date of birth")
	}
	before := *existing
	updated := *incoming
	updated.Record, updated.Demo = existing.Record, existing.Demo
	updated.UpdateSearchKeys()
	if updated == before {
		*incoming = before
		return nil
	}
	if err := s.saveVersioned(tx, "patient", &updated, func(v int) { updated.Version = v }); err != nil {
		return err
	}
	*incoming = updated
	return s.audit(tx, actor, ActionUpdate, "patient", updated.ID, &before, &updated, "details updated by a re-referral")
}

// findOrCreateProfessional reuses a professional with the same name, role and
// organisation, so a referrer who refers often is one record.
func (s *ReferralService) findOrCreateProfessional(tx *gorm.DB, actor *models.StaffMember, p *models.Professional) error {
	p.Name = strings.TrimSpace(p.Name)
	var existing models.Professional
	err := tx.Where("name = ? AND role = ? AND organisation = ?", p.Name, p.Role, p.Organisation).Limit(1).Find(&existing).Error
	if err != nil {
		return err
	}
	if existing.ID != 0 {
		*p = existing
		return nil
	}
	p.Version = 1
	if err := tx.Create(p).Error; err != nil {
		return fmt.Errorf("cannot save the professional: %w", err)
	}
	return s.audit(tx, actor, ActionCreate, "professional", p.ID, nil, p, "")
}

// Get returns a referral with its patient, referrer, history and copy
// list, for the person to read: the look is audited as a view.
func (s *ReferralService) Get(actor *models.StaffMember, id uint) (*models.Referral, error) {
	if err := s.authorise(actor, models.PermViewReferrals); err != nil {
		return nil, err
	}
	r, err := s.loadReferralFull(s.db, id)
	if err != nil {
		return nil, err
	}
	return r, s.auditView(actor, id, "her record")
}

// auditView records that actor looked at what of referral id.
func (c *core) auditView(actor *models.StaffMember, id uint, what string) error {
	return c.transaction(func(tx *gorm.DB) error {
		return c.audit(tx, actor, ActionView, "referral", id, nil, nil, what)
	})
}

// StoredRecommendation returns the recommendation saved with the referral.
func StoredRecommendation(r *models.Referral) (models.Recommendation, error) {
	if r.Recommendation == nil {
		return models.Recommendation{}, errors.New("this referral has not been screened")
	}
	return *r.Recommendation, nil
}

// PatientByNHSNumber returns the patient with that NHS number and her
// referrals, newest first, or nil if she is not known.
func (s *ReferralService) PatientByNHSNumber(actor *models.StaffMember, nhs string) (*models.Patient, []ReferralRow, error) {
	if err := s.authorise(actor, models.PermViewReferrals); err != nil {
		return nil, nil, err
	}
	n, err := models.NormaliseNHSNumber(nhs)
	if err != nil {
		return nil, nil, nil
	}
	var p models.Patient
	if err := s.db.Where("nhs_number = ?", n).Limit(1).Find(&p).Error; err != nil || p.ID == 0 {
		return nil, nil, err
	}
	var rows []ReferralRow
	err = s.referralRows().Where("referrals.patient_id = ?", p.ID).Order("referrals.received_at DESC").Scan(&rows).Error
	return &p, rows, err
}
