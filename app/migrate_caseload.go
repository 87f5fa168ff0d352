package app

import (
	"fmt"

	"gorm.io/gorm"
)

// taskColumnsV2 is the part of the tasks table that migration
// 2026120101 adds. A migration keeps its own copy of the columns it
// touches, so a later change to models.Task cannot change what it does.
type taskColumnsV2 struct {
	AppointmentID  *uint
	Cancelled      bool   `gorm:"not null;default:false"`
	CompletionNote string `gorm:"size:500"`
}

func (taskColumnsV2) TableName() string { return "tasks" }

// indexDef is an index a migration creates.
type indexDef struct{ name, table, columns string }

// caseloadIndexes serve the caseload, diary, clocks and task lists. The names
// match the index tags on the models, so a database created fresh (whose
// first migration builds the tables from the models) already has them.
var caseloadIndexes = []indexDef{
	{"idx_tasks_appointment_id", "tasks", "appointment_id"},
	{"idx_task_assignee_open", "tasks", "assignee_id, completed_at"},
	{"idx_referral_accepted", "referrals", "status, accepted_at"},
	{"idx_appointment_diary", "appointments", "clinician_id, starts_at"},
	{"idx_appointment_referral", "appointments", "referral_id, starts_at"},
	{"idx_allocation_worker_current", "allocations", "key_worker_id, ended_at"},
}

// migrateCaseloadSchema adds the task links (missed appointment,
// cancellation, completion note) and the indexes of the caseload work.
func migrateCaseloadSchema(tx *gorm.DB) error {
	m := tx.Migrator()
	for _, col := range []string{"AppointmentID", "Cancelled", "CompletionNote"} {
		if m.HasColumn(&taskColumnsV2{}, col) {
			continue
		}
		if err := m.AddColumn(&taskColumnsV2{}, col); err != nil {
			return fmt.Errorf("cannot add the task column %s: %w", col, err)
		}
	}
	return createIndexes(tx, caseloadIndexes)
}

// dashboardIndexes serve the Dashboard: outcome letters owed by referrals
// closed after discharge with advice, and this week's assessments.
var dashboardIndexes = []indexDef{
	{"idx_referral_closure", "referrals", "status, closure_reason, accepted_at"},
	{"idx_appointment_kind_start", "appointments", "kind, starts_at"},
}

// migrateDashboardIndexes adds dashboardIndexes.
func migrateDashboardIndexes(tx *gorm.DB) error { return createIndexes(tx, dashboardIndexes) }

// createIndexes creates each index unless it exists. CREATE INDEX IF NOT
// EXISTS is understood by SQLite and PostgreSQL alike.
func createIndexes(tx *gorm.DB, list []indexDef) error {
	for _, ix := range list {
		if err := tx.Exec(fmt.Sprintf("CREATE INDEX IF NOT EXISTS %s ON %s (%s)", ix.name, ix.table, ix.columns)).Error; err != nil {
			return fmt.Errorf("cannot create the index %s: %w", ix.name, err)
		}
	}
	return nil
}
