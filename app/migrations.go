package app

import (
	"errors"
	"fmt"

	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"

	"perinatal-caseload/letters"
	"perinatal-caseload/models"
)

// migrations lists every schema change in order. A released migration is
// never edited: a change to the schema is a new migration at the end.
func migrations() []*gormigrate.Migration {
	return []*gormigrate.Migration{
		{
			ID: "2026112501_initial_schema",
			Migrate: func(tx *gorm.DB) error {
				return tx.AutoMigrate(
					&models.Patient{}, &models.Professional{}, &models.StaffMember{},
					&models.Referral{}, &models.Condition{}, &models.Medication{}, &models.CopyRecipient{},
					&models.Appointment{}, &models.Allocation{}, &models.JointWorking{}, &models.Task{},
					&models.Letter{}, &models.LetterTemplate{}, &models.Setting{}, &models.AuditEvent{},
				)
			},
		},
		{
			// Letters keep their content beside the PDF for batch printing,
			// and every kind of letter gets its standard template as version 1.
			ID: "2026112502_letter_content_and_templates",
			Migrate: func(tx *gorm.DB) error {
				if !tx.Migrator().HasColumn(&models.Letter{}, "Input") {
					if err := tx.Migrator().AddColumn(&models.Letter{}, "Input"); err != nil {
						return err
					}
				}
				return seedLetterTemplates(tx)
			},
		},
		{ID: "2026120101_tasks_and_caseload_indexes", Migrate: migrateCaseloadSchema},
		{ID: "2026120102_dashboard_indexes", Migrate: migrateDashboardIndexes},
		{ID: "2026120103_referral_search_indexes", Migrate: migrateSearchIndexes},
		{ID: "2026120201_audit_event_details", Migrate: migrateAuditDetails},
		{ID: "2026120301_forgiving_search_keys", Migrate: migrateSearchKeys},
		{ID: "2026120302_sign_in_throttles", Migrate: migrateSignInThrottles},
	}
}

// seedLetterTemplates adds the standard template of every kind not yet present.
func seedLetterTemplates(tx *gorm.DB) error {
	for _, kind := range models.LetterKinds {
		body, err := letters.DefaultTemplate(kind)
		if err != nil {
			return err
		}
		var n int64
		if err := tx.Model(&models.LetterTemplate{}).Where("kind = ?", kind).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			continue
		}
		t := models.LetterTemplate{Kind: kind, Body: body}
		t.Version = 1
		if err := tx.Create(&t).Error; err != nil {
			return err
		}
	}
	return nil
}

// ErrNewerDatabase is returned for a database made by a newer version of the program.
var ErrNewerDatabase = errors.New("the database was made by a newer version of Perinatal Caseload; install that version to open it")

// Migrate brings the schema up to date in one transaction, so a failed
// migration leaves the database as it was.
func Migrate(db *gorm.DB) error {
	return migrateTo(db, migrations())
}

func migrateTo(db *gorm.DB, list []*gormigrate.Migration) error {
	opts := *gormigrate.DefaultOptions
	opts.UseTransaction = true
	opts.ValidateUnknownMigrations = true
	m := gormigrate.New(db, &opts, list)
	if err := m.Migrate(); err != nil {
		if errors.Is(err, gormigrate.ErrUnknownPastMigration) {
			return ErrNewerDatabase
		}
		return fmt.Errorf("cannot bring the database up to date: %w", err)
	}
	return nil
}

// migrateSearchIndexes lets a search by patient sort her referrals from an
// index (urgent first, then oldest), without reading the referral rows.
func migrateSearchIndexes(tx *gorm.DB) error {
	return tx.Exec("CREATE INDEX IF NOT EXISTS idx_referral_patient_order ON referrals (patient_id, urgent_rank, received_at)").Error
}
