package app

import (
	"fmt"
	"strings"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// AllocationService allocates key workers and keeps the allocation history.
type AllocationService struct{ *core }

// OverCapacityError is returned when an allocation would take a key worker
// beyond their caseload capacity. Allocating again with confirm set saves it.
type OverCapacityError struct {
	Worker   string
	Caseload int
	Capacity int
}

func (e *OverCapacityError) Error() string {
	return fmt.Sprintf("%s has %d women on their caseload and a capacity of %d; this would make %d. Allocate anyway?", e.Worker, e.Caseload, e.Capacity, e.Caseload+1)
}

// Allocate makes keyWorkerID the referral's key worker, ending any current
// allocation so the history is kept. Going over capacity needs confirmation.
// Her open tasks that nobody holds, or that the previous key worker held,
// go to the new key worker.
func (s *AllocationService) Allocate(actor *models.StaffMember, referralID, keyWorkerID uint, reason string, confirmOverCapacity bool) (*models.Allocation, error) {
	var out *models.Allocation
	err := s.write(actor, models.PermAllocate, func(tx *gorm.DB) error {
		var worker models.StaffMember
		if err := tx.First(&worker, keyWorkerID).Error; err != nil || !worker.Active {
			return models.NewFieldError(models.FieldKeyWorker, "choose an active member of the team")
		}
		r, err := s.loadReferral(tx, referralID)
		if err != nil {
			return err
		}
		if !r.Status.Open() {
			return fmt.Errorf("this referral is %s and cannot be allocated", strings.ToLower(r.Status.Label()))
		}
		var current models.Allocation
		if err := tx.Where("referral_id = ? AND ended_at IS NULL", referralID).Limit(1).Find(&current).Error; err != nil {
			return err
		}
		if current.ID != 0 && current.KeyWorkerID == keyWorkerID {
			return models.NewFieldError(models.FieldKeyWorker, "%s is already her key worker", worker.Name)
		}
		if !confirmOverCapacity && worker.CaseloadCapacity > 0 {
			n, err := caseloadSize(tx, keyWorkerID)
			if err != nil {
				return err
			}
			if int(n) >= worker.CaseloadCapacity {
				return &OverCapacityError{Worker: worker.Name, Caseload: int(n), Capacity: worker.CaseloadCapacity}
			}
		}
		now := s.clock.Now()
		if current.ID != 0 {
			before := current
			current.EndedAt = &now
			if err := s.saveVersioned(tx, "allocation", &current, func(v int) { current.Version = v }); err != nil {
				return err
			}
			if err := s.auditWith(tx, actor, ActionUpdate, "allocation", current.ID, &before, &current, "ended by reallocation", allocationDetails(&current)); err != nil {
				return err
			}
		}
		a := &models.Allocation{ReferralID: referralID, KeyWorkerID: keyWorkerID, AllocatedByID: actor.ID, AllocatedAt: now, Reason: strings.TrimSpace(reason), Demo: r.Demo}
		a.Version = 1
		if err := tx.Omit("KeyWorker").Create(a).Error; err != nil {
			return fmt.Errorf("cannot save the allocation: %w", err)
		}
		out = a
		if err := s.auditWith(tx, actor, ActionCreate, "allocation", a.ID, nil, a, "", allocationDetails(a)); err != nil {
			return err
		}
		return s.tasksFollowKeyWorker(tx, actor, referralID, current.KeyWorkerID, &worker)
	})
	return out, err
}

// caseloadSize counts the open referrals a key worker currently holds.
func caseloadSize(tx *gorm.DB, workerID uint) (int64, error) {
	var n int64
	err := tx.Table("allocations").
		Joins("JOIN referrals ON referrals.id = allocations.referral_id").
		Where("allocations.key_worker_id = ? AND allocations.ended_at IS NULL", workerID).
		Where("referrals.status NOT IN ?", closedStatuses).
		Count(&n).Error
	return n, err
}

// History returns every allocation of a referral, oldest first.
func (s *AllocationService) History(actor *models.StaffMember, referralID uint) ([]models.Allocation, error) {
	return findAll[models.Allocation](s.core, actor, models.PermViewReferrals, s.db.Preload("KeyWorker").Where("referral_id = ?", referralID).Order("allocated_at, id"))
}
