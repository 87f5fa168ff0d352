package app

import (
	"fmt"
	"strings"

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
	return findAll[models.JointWorking](s.core, actor, models.PermViewReferrals, s.db.Where("referral_id = ?", referralID).Order("start_date, id"))
}

// End records that joint working ended on end (a date not before it
// started), as when the CMHT closes her case. The record is kept, so her
// history shows it; the flag it raised goes once end has passed.
func (s *JointWorkingService) End(actor *models.StaffMember, id uint, readVersion int, end models.Date) error {
	if end.IsZero() {
		return models.NewFieldError(models.FieldJointEnd, "enter the date the joint working ended")
	}
	return s.write(actor, models.PermUpdateCaseload, func(tx *gorm.DB) error {
		read, err := loadAt[models.JointWorking](s.core, tx, "joint_working", id, readVersion)
		if err != nil {
			return err
		}
		j := *read
		if !j.StartDate.IsZero() && end.Before(j.StartDate) {
			return models.NewFieldError(models.FieldJointEnd, "the end date is before the start date, %s", j.StartDate.UK())
		}
		before := j
		j.EndDate, j.Version = end, readVersion
		if err := s.saveVersioned(tx, "joint_working", &j, func(v int) { j.Version = v }); err != nil {
			return err
		}
		return s.auditWith(tx, actor, ActionUpdate, "joint_working", j.ID, &before, &j, "ended "+end.UK(), jointWorkingDetails(&j))
	})
}

// cmhtJointWorking, inside tx, makes the CMHT named on the referral form
// the team's joint-working contact when the referral is accepted: a
// current CMHT joint-working record with the team and care coordinator the
// referrer gave, from the day of the referral, when the CMHT already held
// her. A current CMHT record already there is filled
// in where it lacks them instead. Letters are then copied to the care
// coordinator (see LetterService.professionals). A form that names no CMHT
// and does not say she is open to one makes nothing.
func (c *core) cmhtJointWorking(tx *gorm.DB, actor *models.StaffMember, r *models.Referral) error {
	cs := r.CurrentServices
	team, coordinator := strings.TrimSpace(cs.CMHTTeam), strings.TrimSpace(cs.CareCoordinator)
	if !cs.CMHTOpen && team == "" && coordinator == "" {
		return nil
	}
	today := models.LondonDate(c.clock.Now())
	var existing []models.JointWorking
	if err := tx.Where("referral_id = ? AND service = ?", r.ID, models.JointCMHT).Order("id").Find(&existing).Error; err != nil {
		return err
	}
	for i := range existing {
		j := &existing[i]
		if !j.Active(today) {
			continue
		}
		if (j.Team != "" || team == "") && (j.ContactName != "" || coordinator == "") {
			return nil // already says all the form does
		}
		before := *j
		if j.Team == "" {
			j.Team = team
		}
		if j.ContactName == "" {
			j.ContactName = coordinator
		}
		if err := c.saveVersioned(tx, "joint_working", j, func(v int) { j.Version = v }); err != nil {
			return err
		}
		return c.auditWith(tx, actor, ActionUpdate, "joint_working", j.ID, &before, j, "care coordinator from the referral form", jointWorkingDetails(j))
	}
	j := &models.JointWorking{
		ReferralID: r.ID, Service: models.JointCMHT, Team: team, ContactName: coordinator,
		StartDate: models.LondonDate(r.ReceivedAt), Notes: "From the referral form.", Demo: r.Demo,
	}
	j.Version = 1
	if err := tx.Create(j).Error; err != nil {
		return fmt.Errorf("cannot save the joint working: %w", err)
	}
	return c.auditWith(tx, actor, ActionCreate, "joint_working", j.ID, nil, j, string(j.Service), jointWorkingDetails(j))
}
