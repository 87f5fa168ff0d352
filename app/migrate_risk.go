package app

import (
	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// migrateRiskAndCarePlans (2026121601) adds the risk summary of each
// referral, the safeguarding flags on each woman, and the versions of each
// referral's care plan.
func migrateRiskAndCarePlans(tx *gorm.DB) error {
	return tx.AutoMigrate(&models.RiskSummary{}, &models.SafeguardingFlag{}, &models.CarePlan{})
}
