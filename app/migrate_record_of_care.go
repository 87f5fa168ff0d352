package app

import (
	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// migrateRecordOfCare adds the key worker's record of care: contacts with
// their locked notes and addenda, and completed outcome measures.
func migrateRecordOfCare(tx *gorm.DB) error {
	return tx.AutoMigrate(&models.Contact{}, &models.ContactAddendum{}, &models.MeasureResult{})
}
