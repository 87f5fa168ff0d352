package app

import (
	"time"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// endEpisode ends what a referral still holds when it closes, inside the
// closing transaction, each change audited:
//   - the current allocation ends at the closing time, so the allocation
//     history shows when her key worker stopped holding her;
//   - open tasks are cancelled with the closure reason;
//   - appointments not yet held are cancelled by the service, so the diary
//     does not keep women who have left;
//   - joint working still running ends on the closing date, so the copies
//     of her closure letter go to those involved when she closed, and
//     nothing later (see endJointWorking).
func (c *core) endEpisode(tx *gorm.DB, actor *models.StaffMember, r *models.Referral) error {
	why := "referral closed: " + r.ClosureReason
	var current []models.Allocation
	if err := tx.Where("referral_id = ? AND ended_at IS NULL", r.ID).Find(&current).Error; err != nil {
		return err
	}
	for i := range current {
		a := &current[i]
		before := *a
		a.EndedAt = r.ClosedAt
		if err := c.saveVersioned(tx, "allocation", a, func(v int) { a.Version = v }); err != nil {
			return err
		}
		if err := c.auditWith(tx, actor, ActionUpdate, "allocation", a.ID, &before, a, "ended: "+why, allocationDetails(a)); err != nil {
			return err
		}
	}
	if err := c.cancelOpenTasks(tx, actor, r.ID, 0, why); err != nil {
		return err
	}
	var future []models.Appointment
	if err := tx.Where("referral_id = ? AND attendance = ?", r.ID, models.AttendFuture).Where("starts_at > ?", c.clock.Now()).Find(&future).Error; err != nil {
		return err
	}
	for i := range future {
		a := &future[i]
		if err := c.setAttendance(tx, actor, a, a.Version, models.AttendCancelledByService, "Perinatal service", why); err != nil {
			return err
		}
	}
	return c.endJointWorking(tx, actor, r, why)
}

// endJointWorking ends each of a closing referral's joint working that
// runs past the closing date (London), on that date, each change audited.
// Joint working that ended before is left as it was. One planned to start
// after the closing date ends on its start date: it never ran.
func (c *core) endJointWorking(tx *gorm.DB, actor *models.StaffMember, r *models.Referral, why string) error {
	if r.ClosedAt == nil {
		return nil
	}
	day := models.LondonDate(*r.ClosedAt)
	var joint []models.JointWorking
	if err := tx.Where("referral_id = ?", r.ID).Order("id").Find(&joint).Error; err != nil {
		return err
	}
	for i := range joint {
		j := &joint[i]
		if !j.EndDate.IsZero() && !j.EndDate.After(day) {
			continue
		}
		before := *j
		j.EndDate = day
		if !j.StartDate.IsZero() && j.StartDate.After(day) {
			j.EndDate = j.StartDate
		}
		if err := c.saveVersioned(tx, "joint_working", j, func(v int) { j.Version = v }); err != nil {
			return err
		}
		if err := c.auditWith(tx, actor, ActionUpdate, "joint_working", j.ID, &before, j, "ended: "+why, jointWorkingDetails(j)); err != nil {
			return err
		}
	}
	return nil
}

// EpisodeRow is one of a woman's referrals, for the list of her episodes
// with the service.
type EpisodeRow struct {
	ReferralRow
	AcceptedAt    *time.Time
	ClosedAt      *time.Time
	ClosureReason string
}

// Episodes returns every referral of a patient, newest first, closed ones
// included, so a re-referral shows her earlier episodes.
func (s *ReferralService) Episodes(actor *models.StaffMember, patientID uint) ([]EpisodeRow, error) {
	if err := s.authorise(actor, models.PermViewReferrals); err != nil {
		return nil, err
	}
	var out []EpisodeRow
	err := s.referralRows().Select(referralRowColumns+", referrals.accepted_at, referrals.closed_at, referrals.closure_reason").
		Where("referrals.patient_id = ?", patientID).Order("referrals.received_at DESC, referrals.id DESC").Scan(&out).Error
	return out, err
}
