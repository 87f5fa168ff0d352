package models

import "time"

// TaskKind is why a task was created.
type TaskKind string

// Task kinds.
const (
	TaskInpatientVisit TaskKind = "inpatient_visit"
	TaskMBUDischarge   TaskKind = "mbu_discharge"
	TaskPlanDischarge  TaskKind = "plan_discharge"
	TaskMissedFollowUp TaskKind = "missed_appointment"
	TaskOutcomeLetter  TaskKind = "outcome_letter"
	TaskOther          TaskKind = "other"
)

// Task is a piece of work for a member of staff about a referral.
type Task struct {
	Record
	ReferralID    uint       `gorm:"not null;index" json:"referral_id"`
	Kind          TaskKind   `gorm:"size:30;not null" json:"kind"`
	Title         string     `gorm:"size:300;not null" json:"title"`
	AssigneeID    *uint      `gorm:"index" json:"assignee_id,omitempty"`
	DueDate       Date       `gorm:"index" json:"due_date"`
	CompletedAt   *time.Time `json:"completed_at,omitempty"`
	CompletedByID *uint      `json:"completed_by_id,omitempty"`
	Notes         string     `gorm:"type:text" json:"notes"`
	Demo          bool       `json:"demo,omitempty"`
}
