package app

import (
	"fmt"
	"strings"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// CarePlanService keeps each referral's care plan. Every save is a new
// version, numbered from 1; the earlier versions are kept unchanged and
// audited, so her record can show what her plan said at any time. Reading
// needs the permission to view referrals; saving and printing need the
// permission to update a caseload.
type CarePlanService struct{ *core }

// Current returns a referral's care plan as it stands (its latest
// version), or nil when none has been written.
func (s *CarePlanService) Current(actor *models.StaffMember, referralID uint) (*models.CarePlan, error) {
	rows, err := findAll[models.CarePlan](s.core, actor, models.PermViewReferrals, s.db.Where("referral_id = ?", referralID).Order("number DESC").Limit(1))
	if err != nil || len(rows) == 0 {
		return nil, err
	}
	return &rows[0], nil
}

// Versions returns every version of a referral's care plan, the latest first.
func (s *CarePlanService) Versions(actor *models.StaffMember, referralID uint) ([]models.CarePlan, error) {
	return findAll[models.CarePlan](s.core, actor, models.PermViewReferrals, s.db.Where("referral_id = ?", referralID).Order("number DESC"))
}

// Save saves plan (its goals, crisis plan, signs of relapse, contingency
// plan and review date) as the next version of the referral's care plan,
// written by actor. readNumber is the number of the version the person
// read and changed (0 for the first plan): if someone saved another
// version since, nothing is saved and a *ConflictError names them.
func (s *CarePlanService) Save(actor *models.StaffMember, referralID uint, readNumber int, plan models.CarePlan) (*models.CarePlan, error) {
	if err := plan.Check(models.LondonDate(s.clock.Now())); err != nil {
		return nil, err
	}
	err := s.write(actor, models.PermUpdateCaseload, func(tx *gorm.DB) error {
		r, err := s.loadReferral(tx, referralID)
		if err != nil {
			return err
		}
		var latest models.CarePlan
		if err := tx.Where("referral_id = ?", referralID).Order("number DESC").Limit(1).Find(&latest).Error; err != nil {
			return err
		}
		if latest.Number != readNumber {
			return s.conflict(tx, "care_plan", latest.ID)
		}
		plan.Record = models.Record{Version: 1}
		plan.ReferralID, plan.Number, plan.AuthorID, plan.Demo = referralID, latest.Number+1, actor.ID, r.Demo
		plan.SavedAt = s.clock.Now().UTC()
		// Two people saving at once both read the same latest version: the
		// unique index on (referral, number) lets only the first in.
		if err := tx.Create(&plan).Error; err != nil {
			return s.conflictOr(tx, "care_plan", latest.ID, fmt.Errorf("cannot save the care plan: %w", err))
		}
		var before any
		if latest.ID != 0 {
			before = &latest
		}
		return s.audit(tx, actor, ActionCreate, "care_plan", plan.ID, before, &plan,
			fmt.Sprintf("version %d, referral %s", plan.Number, models.ReferralReference(referralID)))
	})
	if err != nil {
		return nil, err
	}
	return &plan, nil
}

// conflictOr returns the conflict error for entity id when the database
// refused a write because someone else's write came first (a unique key
// taken), or err otherwise.
func (c *core) conflictOr(tx *gorm.DB, entity string, id uint, err error) error {
	if isUniqueViolation(err) {
		return c.conflict(tx, entity, id)
	}
	return err
}

// isUniqueViolation reports whether err is SQLite's or PostgreSQL's
// refusal of a row whose unique key is taken.
func isUniqueViolation(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "UNIQUE constraint failed") || strings.Contains(msg, "SQLSTATE 23505")
}
