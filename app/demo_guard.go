package app

import (
	"errors"
	"fmt"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// ErrRealReferrals is returned when the demo is asked to run on a database
// that holds real referrals: the demo would mix synthetic women into a
// real caseload.
var ErrRealReferrals = errors.New("the database holds referrals that are not demo data; the demo runs only on a database of its own, " +
	"for example: caseload --db demo.db demo")

// DemoState says what demo data a database already holds, for the demo
// generator: it refuses a database with real referrals (ErrRealReferrals),
// and resumes an interrupted run from the referrals already made.
type DemoState struct {
	// Referrals counts the demo referrals.
	Referrals int
	// Patients are the demo patients, oldest first.
	Patients []models.Patient
	// Checkpoint is the generator's state saved with its last batch.
	Checkpoint string
}

// demoCheckpointKey keeps the demo generator's state in the settings table
// (not a setting anyone edits: the Settings screen lists only settingDefs).
const demoCheckpointKey = "demo.checkpoint"

// SaveDemoCheckpoint keeps the demo generator's state, state, beside the
// referrals it has made; in a Batch it is saved with them.
func (s *Services) SaveDemoCheckpoint(state string) error {
	return saveInternalSetting(s.core.db, demoCheckpointKey, state)
}

// saveInternalSetting stores a value the program keeps for itself in the
// settings table, under key.
func saveInternalSetting(db *gorm.DB, key, value string) error {
	var row models.Setting
	if err := db.Where("key = ?", key).Limit(1).Find(&row).Error; err != nil {
		return err
	}
	if row.ID == 0 {
		row = models.Setting{Key: key, Value: value}
		row.Version = 1
		return db.Create(&row).Error
	}
	return db.Model(&row).Updates(map[string]any{"value": value, "version": row.Version + 1}).Error
}

// DemoProgress returns the database's demo state, or ErrRealReferrals.
func (s *Services) DemoProgress() (*DemoState, error) {
	db := s.core.db
	var real, demo int64
	if err := db.Model(&models.Referral{}).Where("demo = ?", false).Count(&real).Error; err != nil {
		return nil, fmt.Errorf("cannot read the referrals: %w", err)
	}
	if real > 0 {
		return nil, ErrRealReferrals
	}
	if err := db.Model(&models.Referral{}).Count(&demo).Error; err != nil {
		return nil, fmt.Errorf("cannot read the referrals: %w", err)
	}
	st := &DemoState{Referrals: int(demo)}
	if demo == 0 {
		return st, nil
	}
	if err := db.Where("demo = ?", true).Order("id").Find(&st.Patients).Error; err != nil {
		return nil, fmt.Errorf("cannot read the demo patients: %w", err)
	}
	st.Checkpoint = s.core.storedSetting(demoCheckpointKey)
	return st, nil
}
