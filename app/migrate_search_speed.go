package app

import (
	"fmt"

	"gorm.io/gorm"
)

// searchSpeedIndexes let a search read its referrals from indexes alone
// (see referral_search_plan.go): the referral list's two order indexes
// with the patient's ID added, so that a search read in list order finds
// whose referral each one is, and each woman's referrals in order with
// their status, so that a search read from the women keeps those of the
// status chosen. They replace the indexes of the same names, whose
// columns they begin with, so every query that used those uses these; the
// index tags on models.Referral name the same columns, for a database
// created fresh.
var searchSpeedIndexes = []indexDef{
	{"idx_referral_order", "referrals", "urgent_rank, received_at, patient_id"},
	{"idx_referral_queue", "referrals", "status, urgent_rank, received_at, patient_id"},
	{"idx_referral_patient_order", "referrals", "patient_id, urgent_rank, received_at, status"},
}

// migrateSearchSpeed (migration 2026121701) rebuilds searchSpeedIndexes.
// DROP INDEX IF EXISTS is understood by SQLite and PostgreSQL alike.
func migrateSearchSpeed(tx *gorm.DB) error {
	for _, ix := range searchSpeedIndexes {
		if err := tx.Exec("DROP INDEX IF EXISTS " + ix.name).Error; err != nil {
			return fmt.Errorf("cannot replace the index %s: %w", ix.name, err)
		}
	}
	return createIndexes(tx, searchSpeedIndexes)
}
