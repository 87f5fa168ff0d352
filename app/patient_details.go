package app

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// PatientService keeps what the team learns about a woman after intake:
// her details (corrected with version checks, and her previous addresses
// kept), the births of her babies, and the people around her. Her key
// worker (a current allocation on one of her referrals) and the
// administrators may change them; everyone who sees referrals may read
// them. Every change is audited naming the fields changed.
type PatientService struct{ *core }

// ErrNotHerKeyWorker refuses a change to a woman's details by a key worker
// or clinician who is not her key worker.
var ErrNotHerKeyWorker = errors.New("only her key worker or an administrator can change her details; " +
	"ask her key worker, or ask the team manager to allocate her to you")

// writeForHer runs fn in one transaction once patientID (found by fn's
// caller on tx, see herPatientID) may be changed by actor: an
// administrator or team manager, or her key worker. A refusal is audited
// in its own transaction, since the refused change never happens.
func (s *PatientService) writeForHer(actor *models.StaffMember, patientID func(tx *gorm.DB) (uint, error), fn func(tx *gorm.DB, patientID uint) error) error {
	if actor == nil || actor.ID == 0 {
		return ErrNotSignedIn
	}
	var refusedFor uint
	err := s.transaction(func(tx *gorm.DB) error {
		id, err := patientID(tx)
		if err != nil {
			return err
		}
		if err := mayChangeHer(tx, actor, id); err != nil {
			refusedFor = id
			return err
		}
		return fn(tx, id)
	})
	if errors.Is(err, ErrNotHerKeyWorker) && s.batch == nil {
		_ = s.transaction(func(tx *gorm.DB) error {
			return s.audit(tx, actor, ActionRefused, "patient", refusedFor, nil, nil, "change her details")
		})
	}
	return err
}

// mayChangeHer returns nil when actor may change the details of patient
// patientID: an administrator or team manager, or a key worker or
// clinician currently allocated to one of her referrals.
func mayChangeHer(tx *gorm.DB, actor *models.StaffMember, patientID uint) error {
	roles := actor.RoleSet()
	if models.Allows(roles, models.PermRegisterReferrals) {
		return nil
	}
	if !models.Allows(roles, models.PermUpdateCaseload) {
		return ErrNotHerKeyWorker
	}
	var n int64
	err := tx.Table("allocations").Joins("JOIN referrals ON referrals.id = allocations.referral_id").
		Where("referrals.patient_id = ? AND allocations.key_worker_id = ? AND allocations.ended_at IS NULL", patientID, actor.ID).
		Count(&n).Error
	if err != nil {
		return err
	}
	if n == 0 {
		return ErrNotHerKeyWorker
	}
	return nil
}

// ofReferral returns a function that finds the woman of referral id on tx
// and keeps the referral and her record in r and p.
func ofReferral(c *core, id uint, r *models.Referral, p *models.Patient) func(tx *gorm.DB) (uint, error) {
	return func(tx *gorm.DB) (uint, error) {
		got, err := c.loadReferral(tx, id)
		if err != nil {
			return 0, err
		}
		*r = *got
		if err := tx.First(p, r.PatientID).Error; err != nil {
			return 0, notFound(err)
		}
		return p.ID, nil
	}
}

// DetailsUpdate is a change to her details made from one of her
// referrals: the details, and the versions of her record and of the
// referral (which holds the due date) as they were read.
type DetailsUpdate struct {
	ReferralID      uint
	PatientVersion  int
	ReferralVersion int
	Details         models.PatientDetails
}

// UpdateDetails corrects her details, checked as intake checks them (see
// models.PatientDetails.Normalised), if nobody changed her record or the
// referral since they were read; otherwise it returns a *ConflictError and
// saves nothing. A changed address keeps the old one in her address
// history (see AddressHistory). The audit trail records which fields
// changed. Nothing changed saves nothing.
func (s *PatientService) UpdateDetails(actor *models.StaffMember, u DetailsUpdate) error {
	var r models.Referral
	var p models.Patient
	return s.writeForHer(actor, ofReferral(s.core, u.ReferralID, &r, &p), func(tx *gorm.DB, _ uint) error {
		if err := s.checkRead(tx, "patient", &p, u.PatientVersion); err != nil {
			return err
		}
		if err := s.checkRead(tx, "referral", &r, u.ReferralVersion); err != nil {
			return err
		}
		today := models.LondonDate(s.clock.Now())
		d, err := s.checkDetails(tx, &p, &r, u.Details, today)
		if err != nil {
			return err
		}
		changed := models.ChangedFields(models.DetailsOf(&p, &r), d)
		if len(changed) == 0 {
			return nil
		}
		if slices.Contains(changed, models.FieldAddress) {
			if err := s.keepOldAddress(tx, actor, &p, d.MovedOn, today); err != nil {
				return err
			}
		}
		return s.saveDetails(tx, actor, &p, &r, d, changed)
	})
}

// checkDetails normalises d for her record p and referral r, with the
// checks that need the database: the GP practice from the directory, and
// an NHS number no other record holds; and with her names and needs
// checked for letters as intake checks them.
func (s *PatientService) checkDetails(tx *gorm.DB, p *models.Patient, r *models.Referral, d models.PatientDetails, today models.Date) (models.PatientDetails, error) {
	d, err := d.Normalised(r.Stage, today)
	v := models.FieldErrorsIn(err)
	if d.GPPracticeID != nil {
		var o models.Organisation
		if err := tx.Limit(1).Find(&o, *d.GPPracticeID).Error; err != nil {
			return d, err
		}
		if o.ID == 0 || o.Kind != models.OrgGPPractice || o.Retired {
			v.Add(models.FieldGPPracticeName, "choose a GP practice that is in the directory and still open")
		} else {
			d.GPPractice = o.Name
		}
	}
	if d.NHSNumber != "" {
		var n int64
		if err := tx.Model(&models.Patient{}).Where("nhs_number = ? AND id <> ?", d.NHSNumber, p.ID).Count(&n).Error; err != nil {
			return d, err
		}
		if n > 0 {
			v.Add(models.FieldNHSNumber, "another woman's record already has this NHS number; check it, and ask the team manager if two records belong to her")
		}
	}
	trial := *p
	d.Apply(&trial, nil)
	for _, fe := range lettersCanPrint(&trial) {
		if !containsField(v, fe.Field) {
			v = append(v, fe)
		}
	}
	d.NameForLetters, d.AddressLines, d.Needs = trial.NameForLetters, trial.AddressLines, trial.CommunicationNeeds
	return d, v.Err()
}

// keepOldAddress records her address before a change as a previous
// address, current until movedOn (today when not given).
func (s *PatientService) keepOldAddress(tx *gorm.DB, actor *models.StaffMember, p *models.Patient, movedOn, today models.Date) error {
	if movedOn.IsZero() {
		movedOn = today
	}
	var last models.PatientAddress
	if err := tx.Where("patient_id = ?", p.ID).Order("current_until DESC, id DESC").Limit(1).Find(&last).Error; err != nil {
		return err
	}
	old, err := models.PreviousAddress(p, last.CurrentUntil, movedOn)
	if err != nil {
		return err
	}
	old.RecordedByID, old.Demo, old.Version = actor.ID, p.Demo, 1
	if err := tx.Create(&old).Error; err != nil {
		return fmt.Errorf("cannot keep her previous address: %w", err)
	}
	return s.audit(tx, actor, ActionCreate, "patient_address", old.ID, nil, &old, "previous address kept")
}

// saveDetails writes d into her record and, for the due date, the
// referral, each under its version, auditing the fields changed.
func (s *PatientService) saveDetails(tx *gorm.DB, actor *models.StaffMember, p *models.Patient, r *models.Referral, d models.PatientDetails, changed []models.FieldID) error {
	var onPatient, onReferral []string
	for _, f := range changed {
		if f == models.FieldDueDate {
			onReferral = append(onReferral, f.Label())
		} else {
			onPatient = append(onPatient, f.Label())
		}
	}
	if len(onPatient) > 0 {
		before := *p
		d.Apply(p, nil)
		p.UpdateSearchKeys()
		if err := s.saveVersioned(tx, "patient", p, func(v int) { p.Version = v }); err != nil {
			return err
		}
		if err := s.audit(tx, actor, ActionUpdate, "patient", p.ID, &before, p, "changed: "+strings.Join(onPatient, ", ")); err != nil {
			return err
		}
	}
	if len(onReferral) > 0 {
		before := *r
		r.ExpectedDeliveryDate = d.DueDate
		if err := s.saveVersioned(tx, "referral", r, func(v int) { r.Version = v }); err != nil {
			return err
		}
		return s.audit(tx, actor, ActionUpdate, "referral", r.ID, &before, r, "changed: "+strings.Join(onReferral, ", "))
	}
	return nil
}

// AddressHistory returns her previous addresses, the latest first.
func (s *PatientService) AddressHistory(actor *models.StaffMember, patientID uint) ([]models.PatientAddress, error) {
	return findAll[models.PatientAddress](s.core, actor, models.PermViewReferrals,
		s.db.Where("patient_id = ?", patientID).Order("current_until DESC, id DESC"))
}

func containsField(v models.FieldErrors, f models.FieldID) bool {
	for _, fe := range v {
		if fe.Field == f {
			return true
		}
	}
	return false
}
