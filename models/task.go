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
	// TaskRiskItem is made when an outcome measure's risk item is
	// positive: for her key worker and the duty clinician, due that day.
	TaskRiskItem TaskKind = "risk_item"
)

// Task is a piece of work for a member of staff about a referral.
type Task struct {
	Record
	ReferralID    uint       `gorm:"not null;index" json:"referral_id"`
	Kind          TaskKind   `gorm:"size:30;not null" json:"kind"`
	Title         string     `gorm:"size:300;not null" json:"title"`
	AssigneeID    *uint      `gorm:"index;index:idx_task_assignee_open,priority:1" json:"assignee_id,omitempty"`
	DueDate       Date       `gorm:"index" json:"due_date"`
	CompletedAt   *time.Time `gorm:"index:idx_task_assignee_open,priority:2" json:"completed_at,omitempty"`
	CompletedByID *uint      `json:"completed_by_id,omitempty"`
	Notes         string     `gorm:"type:text" json:"notes"`
	// AppointmentID is the missed appointment a follow-up task is about.
	AppointmentID *uint `gorm:"index" json:"appointment_id,omitempty"`
	// Cancelled marks a task closed without being done, such as the open
	// tasks of a referral when she is discharged. CompletedAt is still set.
	Cancelled bool `gorm:"not null;default:false" json:"cancelled,omitempty"`
	// CompletionNote says what was done, or why the task was cancelled.
	CompletionNote string `gorm:"size:500" json:"completion_note,omitempty"`
	Demo           bool   `json:"demo,omitempty"`
}

// Open reports whether the task still needs doing.
func (t *Task) Open() bool { return t.CompletedAt == nil }

// Label returns the kind in words.
func (k TaskKind) Label() string { return labelOf(taskKindLabels, k) }

// taskKindLabels holds the words for each TaskKind.
var taskKindLabels = map[TaskKind]string{
	TaskInpatientVisit: "See during the inpatient admission",
	TaskMBUDischarge:   "See on discharge from the mother and baby unit",
	TaskPlanDischarge:  "Plan discharge at the end of the perinatal period",
	TaskMissedFollowUp: "Follow up a missed appointment",
	TaskOutcomeLetter:  "Send the outcome letter",
	TaskOther:          "Other",
	TaskRiskItem:       "Review a positive risk item today",
}
