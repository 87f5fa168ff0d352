package models

import "time"

// Allocation records a key worker allocated to a referral. Reallocation ends
// the current allocation and starts a new one, so the history is kept.
type Allocation struct {
	Record
	ReferralID    uint        `gorm:"not null;index" json:"referral_id"`
	KeyWorkerID   uint        `gorm:"not null;index;index:idx_allocation_worker_current,priority:1" json:"key_worker_id"`
	KeyWorker     StaffMember `json:"-"`
	AllocatedByID uint        `gorm:"not null" json:"allocated_by_id"`
	AllocatedAt   time.Time   `gorm:"not null" json:"allocated_at"`
	Reason        string      `gorm:"size:500" json:"reason"`
	EndedAt       *time.Time  `gorm:"index;index:idx_allocation_worker_current,priority:2" json:"ended_at,omitempty"`
	Demo          bool        `json:"demo,omitempty"`
}

// Current reports whether the allocation has not ended.
func (a *Allocation) Current() bool { return a.EndedAt == nil }
