package app

import (
	"time"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// The team manager's lists for allocation: the women waiting for a key
// worker, and each key worker's caseload against capacity.

// UnallocatedRow is an accepted woman with no key worker.
type UnallocatedRow struct {
	ReferralRow
	AcceptedAt *time.Time
}

// waitingForKeyWorker picks accepted women, open to the service, with no
// current allocation to an active member of staff: never allocated, or
// allocated to someone who has since left.
func (s *CaseloadService) waitingForKeyWorker(q *gorm.DB) *gorm.DB {
	return q.Where("referrals.status IN ?", []models.Status{models.StatusAccepted, models.StatusAssessmentBooked, models.StatusMedicalReview, models.StatusCaseload}).
		Where("NOT EXISTS (SELECT 1 FROM allocations JOIN staff_members ON staff_members.id = allocations.key_worker_id "+
			"WHERE allocations.referral_id = referrals.id AND allocations.ended_at IS NULL AND staff_members.active = ?)", true)
}

// Unallocated returns rows offset..offset+limit of the accepted women with
// no key worker (see waitingForKeyWorker): urgent first, then longest
// accepted first.
func (s *CaseloadService) Unallocated(actor *models.StaffMember, offset, limit int) ([]UnallocatedRow, error) {
	if err := s.authorise(actor, models.PermViewReferrals); err != nil {
		return nil, err
	}
	var out []UnallocatedRow
	err := s.waitingForKeyWorker(s.referralRows().Select(referralRowColumns + ", referrals.accepted_at")).
		Order("referrals.urgent_rank, referrals.accepted_at, referrals.received_at, referrals.id").Offset(offset).Limit(limit).Scan(&out).Error
	return out, err
}

// UnallocatedCount returns how many accepted women have no key worker.
func (s *CaseloadService) UnallocatedCount(actor *models.StaffMember) (int64, error) {
	return s.countFor(actor, models.PermViewReferrals, s.waitingForKeyWorker(s.db.Table("referrals")))
}

// CapacityRow is one key worker's caseload against their capacity.
type CapacityRow struct {
	StaffID         uint
	Name            string
	JobTitle        string
	WorkingFraction float64
	Capacity        int // 0 means no capacity is set
	Open            int // open referrals she or he holds now
	Active          bool
}

// Over reports whether the worker holds more women than their capacity.
func (r CapacityRow) Over() bool { return r.Capacity > 0 && r.Open > r.Capacity }

// Percent returns the caseload as a percentage of capacity (0 when none is set).
func (r CapacityRow) Percent() int {
	if r.Capacity <= 0 {
		return 0
	}
	return r.Open * 100 / r.Capacity
}

// TeamCapacity returns every active key worker's open caseload against
// their capacity, and anyone no longer active who still holds women (whose
// women need reallocating), by name. Two queries: the staff, and the
// caseload counts grouped by worker.
func (s *CaseloadService) TeamCapacity(actor *models.StaffMember) ([]CapacityRow, error) {
	if err := s.authorise(actor, models.PermViewReferrals); err != nil {
		return nil, err
	}
	var counts []struct {
		KeyWorkerID uint
		N           int
	}
	err := s.db.Table("allocations").Select("allocations.key_worker_id, COUNT(*) AS n").
		Joins("JOIN referrals ON referrals.id = allocations.referral_id").
		Where("allocations.ended_at IS NULL AND referrals.status NOT IN ?", closedStatuses).
		Group("allocations.key_worker_id").Scan(&counts).Error
	if err != nil {
		return nil, err
	}
	open := map[uint]int{}
	for _, c := range counts {
		open[c.KeyWorkerID] = c.N
	}
	var staff []models.StaffMember
	if err := s.db.Where("system = ?", false).Order("name, id").Find(&staff).Error; err != nil {
		return nil, err
	}
	var out []CapacityRow
	for _, m := range staff {
		if (m.Active && m.HasRole(models.RoleKeyWorker)) || open[m.ID] > 0 {
			out = append(out, CapacityRow{StaffID: m.ID, Name: m.Name, JobTitle: m.JobTitle, WorkingFraction: m.WorkingFraction,
				Capacity: m.CaseloadCapacity, Open: open[m.ID], Active: m.Active})
		}
	}
	return out, nil
}
