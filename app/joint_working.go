package app

import (
	"fmt"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// JointWorkingService records the other services working with a woman.
type JointWorkingService struct{ *core }

// Add records joint working with another service.
func (s *JointWorkingService) Add(actor *models.StaffMember, j *models.JointWorking) error {
	var v models.FieldErrors
	found := false
	for _, x := range models.JointServices {
		found = found || x == j.Service
	}
	if !found {
		v.Add(models.FieldJointService, "choose the service the team works jointly with")
	}
	if !j.StartDate.IsZero() && !j.EndDate.IsZero() && j.EndDate.Before(j.StartDate) {
		v.Add(models.FieldJointEnd, "the end date is before the start date")
	}
	if err := v.Err(); err != nil {
		return err
	}
	j.Version = 1
	return s.write(actor, models.PermUpdateCaseload, func(tx *gorm.DB) error {
		if _, err := s.loadReferral(tx, j.ReferralID); err != nil {
			return err
		}
		if err := tx.Create(j).Error; err != nil {
			return fmt.Errorf("cannot save the joint working: %w", err)
		}
		return s.auditWith(tx, actor, ActionCreate, "joint_working", j.ID, nil, j, string(j.Service), jointWorkingDetails(j))
	})
}

// ForReferral returns a referral's joint-working records.
func (s *JointWorkingService) ForReferral(actor *models.StaffMember, referralID uint) ([]models.JointWorking, error) {
	if err := s.authorise(actor, models.PermViewReferrals); err != nil {
		return nil, err
	}
	var out []models.JointWorking
	err := s.db.Where("referral_id = ?", referralID).Order("start_date, id").Find(&out).Error
	return out, err
}
