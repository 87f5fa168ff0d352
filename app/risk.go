package app

import (
	"fmt"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// RiskService keeps each referral's risk summary and the safeguarding
// flags on each woman. Reading needs the permission to view referrals;
// every change needs the permission to update a caseload, is checked
// against the version the person read, and is audited with what it said
// before.
type RiskService struct{ *core }

// Summary returns a referral's risk summary, or nil when none is recorded.
func (s *RiskService) Summary(actor *models.StaffMember, referralID uint) (*models.RiskSummary, error) {
	rows, err := findAll[models.RiskSummary](s.core, actor, models.PermViewReferrals, s.db.Where("referral_id = ?", referralID).Limit(1))
	if err != nil || len(rows) == 0 {
		return nil, err
	}
	return &rows[0], nil
}

// SaveSummary records a referral's risk summary, reviewed by actor: the
// first one (readVersion 0), or a change to the one read at readVersion.
// sum.Summary, Level, ReviewedOn and ReviewDue are taken from sum; the
// rest is set here.
func (s *RiskService) SaveSummary(actor *models.StaffMember, referralID uint, readVersion int, sum models.RiskSummary) (*models.RiskSummary, error) {
	if err := sum.Check(models.LondonDate(s.clock.Now())); err != nil {
		return nil, err
	}
	var out models.RiskSummary
	err := s.write(actor, models.PermUpdateCaseload, func(tx *gorm.DB) error {
		r, err := s.loadReferral(tx, referralID)
		if err != nil {
			return err
		}
		var current models.RiskSummary
		if err := tx.Where("referral_id = ?", referralID).Limit(1).Find(&current).Error; err != nil {
			return err
		}
		sum.ReferralID, sum.ReviewedByID, sum.Demo = referralID, actor.ID, r.Demo
		if current.ID == 0 {
			if readVersion != 0 {
				return ErrNotFound
			}
			sum.ID, sum.Version = 0, 1
			if err := tx.Create(&sum).Error; err != nil {
				return fmt.Errorf("cannot save the risk summary: %w", err)
			}
			out = sum
			return s.audit(tx, actor, ActionCreate, "risk_summary", sum.ID, nil, &sum, "referral "+models.ReferralReference(referralID))
		}
		if readVersion == 0 {
			readVersion = -1 // someone else wrote the first summary since this person looked
		}
		if err := s.checkRead(tx, "risk_summary", &current, readVersion); err != nil {
			return err
		}
		before := current
		sum.Record = current.Record
		if err := s.saveVersioned(tx, "risk_summary", &sum, func(v int) { sum.Version = v }); err != nil {
			return err
		}
		out = sum
		return s.audit(tx, actor, ActionUpdate, "risk_summary", sum.ID, &before, &sum, "referral "+models.ReferralReference(referralID))
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// Flags returns every safeguarding flag on the woman whose referral this
// is, raised on any of her referrals, ended ones too: the standing ones
// first, each group newest first.
func (s *RiskService) Flags(actor *models.StaffMember, referralID uint) ([]models.SafeguardingFlag, error) {
	q := s.db.Where("patient_id = (?)", s.db.Table("referrals").Select("patient_id").Where("id = ?", referralID)).
		Order("CASE WHEN ended_on IS NULL THEN 0 ELSE 1 END, raised_on DESC, id DESC")
	return findAll[models.SafeguardingFlag](s.core, actor, models.PermViewReferrals, q)
}

// RaiseFlag raises a safeguarding flag on the woman, from her referral
// referralID, on the date raised (not in the future), by actor. A flag of
// the same kind that already stands is refused.
func (s *RiskService) RaiseFlag(actor *models.StaffMember, referralID uint, kind models.SafeguardingKind, raised models.Date, note string) (*models.SafeguardingFlag, error) {
	today := models.LondonDate(s.clock.Now())
	var v models.FieldErrors
	if !kind.Valid() {
		v.Add(models.FieldSafeguardingKind, "choose the safeguarding concern")
	}
	switch {
	case raised.IsZero():
		v.Add(models.FieldSafeguardRaised, "enter the date it was raised")
	case raised.After(today):
		v.Add(models.FieldSafeguardRaised, "the date is in the future")
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	f := models.SafeguardingFlag{ReferralID: referralID, Kind: kind, RaisedOn: raised, RaisedByID: actor.ID, Note: note}
	f.Version = 1
	err := s.write(actor, models.PermUpdateCaseload, func(tx *gorm.DB) error {
		r, err := s.loadReferral(tx, referralID)
		if err != nil {
			return err
		}
		f.PatientID, f.Demo = r.PatientID, r.Demo
		var standing int64
		if err := tx.Model(&models.SafeguardingFlag{}).Where("patient_id = ? AND kind = ? AND ended_on IS NULL", r.PatientID, kind).Count(&standing).Error; err != nil {
			return err
		}
		if standing > 0 {
			return models.NewFieldError(models.FieldSafeguardingKind, "this flag is already raised; end it before raising it again")
		}
		if err := tx.Create(&f).Error; err != nil {
			return fmt.Errorf("cannot save the safeguarding flag: %w", err)
		}
		return s.audit(tx, actor, ActionCreate, "safeguarding_flag", f.ID, nil, &f, string(kind))
	})
	if err != nil {
		return nil, err
	}
	return &f, nil
}

// EndFlag records that the safeguarding flag id, read at readVersion,
// ended on end (not before it was raised, nor in the future), by actor.
// The flag is kept, ended, so her history shows it.
func (s *RiskService) EndFlag(actor *models.StaffMember, id uint, readVersion int, end models.Date) error {
	today := models.LondonDate(s.clock.Now())
	switch {
	case end.IsZero():
		return models.NewFieldError(models.FieldSafeguardEnded, "enter the date the flag ended")
	case end.After(today):
		return models.NewFieldError(models.FieldSafeguardEnded, "the date is in the future")
	}
	return s.write(actor, models.PermUpdateCaseload, func(tx *gorm.DB) error {
		var f models.SafeguardingFlag
		if err := tx.First(&f, id).Error; err != nil {
			return notFound(err)
		}
		if err := s.checkRead(tx, "safeguarding_flag", &f, readVersion); err != nil {
			return err
		}
		if !f.EndedOn.IsZero() {
			return models.NewFieldError(models.FieldSafeguardEnded, "the flag has already ended")
		}
		if end.Before(f.RaisedOn) {
			return models.NewFieldError(models.FieldSafeguardEnded, "the date is before the flag was raised, %s", f.RaisedOn.UK())
		}
		before := f
		by := actor.ID
		f.EndedOn, f.EndedByID = end, &by
		if err := s.saveVersioned(tx, "safeguarding_flag", &f, func(v int) { f.Version = v }); err != nil {
			return err
		}
		return s.audit(tx, actor, ActionUpdate, "safeguarding_flag", f.ID, &before, &f, "ended "+end.UK())
	})
}

// Alerts lists, in words, the safeguarding concerns standing today for
// the woman whose referral this is: each safeguarding flag, and that it
// is unsafe to write to her home when her communication needs say so. It
// is what the letter dialog warns of before a letter is issued.
func (s *RiskService) Alerts(actor *models.StaffMember, referralID uint) ([]string, error) {
	flags, err := s.Flags(actor, referralID)
	if err != nil {
		return nil, err
	}
	var p models.Patient
	err = s.db.Select("patients.id, patients.needs_unsafe_to_write_home").
		Joins("JOIN referrals ON referrals.patient_id = patients.id").Where("referrals.id = ?", referralID).Limit(1).Find(&p).Error
	if err != nil {
		return nil, err
	}
	var out []string
	for _, f := range StandingFlags(flags, p.UnsafeToWriteHome, models.LondonDate(s.clock.Now())) {
		out = append(out, f.Label())
	}
	return out, nil
}

// StandingFlags returns the caseload flags of the safeguarding flags
// standing on today, in SafeguardingKinds order, and then FlagUnsafeHome
// when unsafeHome (her communication needs say it is not safe to write to
// her home). Lists, her record and the letter dialog all show these.
func StandingFlags(flags []models.SafeguardingFlag, unsafeHome bool, today models.Date) []CaseloadFlag {
	var out []CaseloadFlag
	for _, k := range models.SafeguardingKinds {
		for i := range flags {
			if flags[i].Kind == k && flags[i].Active(today) {
				out = append(out, CaseloadFlag(k))
				break
			}
		}
	}
	if unsafeHome {
		out = append(out, FlagUnsafeHome)
	}
	return out
}
