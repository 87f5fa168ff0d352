package app

import (
	"errors"
	"fmt"

	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"

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
		{ID: "2026120202_family_history_as_json", Migrate: migrateFamilyHistoryToJSON},
		{ID: "2026121001_byte_order_search", Migrate: migrateByteOrderSearch},
		{ID: "2026120701_directory_and_communication_needs", Migrate: migrateDirectoryAndNeeds},
		{ID: "2026120601_letter_pathway", Migrate: migrateLetterPathway},
		{ID: "2026120301_forgiving_search_keys", Migrate: migrateSearchKeys},
		{ID: "2026120302_sign_in_throttles", Migrate: migrateSignInThrottles},
		{ID: "2026121101_letter_template_standards", Migrate: migrateTemplateStandards},
		{ID: "2026121101_change_notices", Migrate: migrateChangeNotices},
		{ID: "2026121401_audit_hash_chain", Migrate: migrateAuditChain},
		{ID: "2026121501_record_of_care", Migrate: migrateRecordOfCare},
		{ID: "2026121601_contacts_from_appointments", Migrate: migrateContactsFromAppointments},
		{ID: "2026121601_her_details", Migrate: migrateHerDetails},
		{ID: "2026121601_risk_and_care_plans", Migrate: migrateRiskAndCarePlans},
		{ID: "2026121701_audit_chain_head", Migrate: migrateAuditChainHead},
		{ID: "2026121701_report_indexes", Migrate: migrateReportIndexes},
		{ID: "2026121701_search_speed", Migrate: migrateSearchSpeed},
		{ID: "2026122101_byte_order_search_keys", Migrate: migrateByteOrderSearchKeys},
		{ID: "2026122102_covering_search_indexes", Migrate: migrateCoveringSearchIndexes},
	}
}

// seedLetterTemplates adds the standard template of every kind not yet
// present, recording the standard text it was made from.
func seedLetterTemplates(tx *gorm.DB) error {
	q := tx
	if !tx.Migrator().HasColumn(&models.LetterTemplate{}, "StandardSHA256") {
		q = tx.Omit("StandardSHA256") // a database from before migration 2026121101, which adds it
	}
	for _, kind := range models.LetterKinds {
		body, sum, err := standardText(kind)
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
		t := models.LetterTemplate{Kind: kind, Body: body, StandardSHA256: sum}
		t.Version = 1
		if err := q.Create(&t).Error; err != nil {
			return err
		}
	}
	return nil
}

// ErrNewerDatabase is returned for a database made by a newer version of the program.
var ErrNewerDatabase = errors.New("the database was made by a newer version of Perinatal Caseload; install that version to open it")

// ErrMigrationRole is returned when the database needs a schema change
// that the account connected may not make: on a shared PostgreSQL server
// the desktops sign in with an application role that cannot change tables.
var ErrMigrationRole = errors.New("the database needs upgrading to this version of Perinatal Caseload, and this account may not change its tables; " +
	"ask IT to run \"caseload migrate\" with the migration role (see docs/postgresql.md)")

// ErrNoTableRights is returned when the account connected has not been
// granted its rights on the database's tables.
var ErrNoTableRights = errors.New("this account has not been given its rights on the caseload's tables; " +
	"ask IT to grant them with docs/postgresql-roles.sql (see docs/postgresql.md)")

// Migrate brings the schema up to date if it needs it (see Upgrade).
func Migrate(db *gorm.DB) error {
	_, err := Upgrade(db)
	return err
}

// Upgrade applies the migrations the database lacks, in one transaction,
// so a failed migration leaves the database as it was, and returns their
// IDs. A database that has them all is only read: no lock is taken and
// nothing is written. A database with a migration this program does not
// know was made by a newer version: ErrNewerDatabase, and nothing changes.
func Upgrade(db *gorm.DB) ([]string, error) {
	applied, err := migrateTo(db, migrations())
	if err == nil {
		err = markCaseload(db)
	}
	return applied, err
}

// PendingMigrations returns the IDs of the migrations the database lacks,
// reading only, or ErrNewerDatabase.
func PendingMigrations(db *gorm.DB) ([]string, error) {
	return pendingOf(db, migrations())
}

// pendingOf compares the migrations recorded in db with list.
func pendingOf(db *gorm.DB, list []*gormigrate.Migration) ([]string, error) {
	var applied []string
	if db.Migrator().HasTable(migrationsTable) {
		if err := db.Table(migrationsTable).Pluck("id", &applied).Error; err != nil {
			return nil, fmt.Errorf("cannot read which version the database is at: %w", err)
		}
	}
	done := make(map[string]bool, len(applied))
	for _, id := range applied {
		done[id] = true
	}
	var pending []string
	for _, m := range list {
		if !done[m.ID] {
			pending = append(pending, m.ID)
		}
		delete(done, m.ID)
	}
	if len(done) > 0 {
		return nil, ErrNewerDatabase
	}
	return pending, nil
}

// migrationsTable is where gormigrate records the applied migrations.
const migrationsTable = "migrations"

func migrateTo(db *gorm.DB, list []*gormigrate.Migration) ([]string, error) {
	pending, err := pendingOf(db, list)
	if err != nil || len(pending) == 0 {
		return nil, err
	}
	err = db.Transaction(func(tx *gorm.DB) error {
		if err := lockSchema(tx); err != nil {
			return err
		}
		// Another program may have migrated while this one waited for the lock.
		if pending, err = pendingOf(tx, list); err != nil || len(pending) == 0 {
			return err
		}
		opts := *gormigrate.DefaultOptions
		opts.TableName = migrationsTable
		opts.UseTransaction = false // tx is the transaction
		opts.ValidateUnknownMigrations = true
		return gormigrate.New(tx, &opts, list).Migrate()
	})
	switch {
	case err == nil:
		return pending, nil
	case errors.Is(err, ErrNewerDatabase), errors.Is(err, gormigrate.ErrUnknownPastMigration):
		return nil, ErrNewerDatabase
	case isPermissionDenied(err) && schemaHiddenFromAccount(db):
		return nil, ErrNoTableRights
	case isPermissionDenied(err):
		return nil, ErrMigrationRole
	}
	return nil, fmt.Errorf("cannot bring the database up to date: %w", err)
}

// migrateSearchIndexes lets a search by patient sort her referrals from an
// index (urgent first, then oldest), without reading the referral rows.
func migrateSearchIndexes(tx *gorm.DB) error {
	return tx.Exec("CREATE INDEX IF NOT EXISTS idx_referral_patient_order ON referrals (patient_id, urgent_rank, received_at)").Error
}
