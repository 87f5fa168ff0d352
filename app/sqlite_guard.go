package app

import (
	"errors"
	"fmt"

	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
)

// ApplicationID is the number every Perinatal Caseload SQLite file carries
// in its header (PRAGMA application_id, bytes 68 to 71): "PCCL" in ASCII,
// 0x5043434C. SQLite keeps a register of the identifiers programs have
// chosen (magic.txt in its sources); this one is not among them. The
// program opens only files carrying it, or an older caseload without it,
// recognised by its migrations table, which it then marks.
const ApplicationID = 0x5043434C

// firstMigrationID is the first migration of every caseload: a database
// whose migrations table records it is a caseload made before files
// carried ApplicationID.
const firstMigrationID = "2026112501_initial_schema"

// Refusals of a SQLite file that is not a healthy caseload. Each leaves the
// file exactly as it was.
var (
	ErrNotCaseload = errors.New("it is a database of another program, not of Perinatal Caseload; it has been left untouched")
	ErrDamaged     = errors.New("the database file is damaged (its quick check failed); it has been left untouched: restore the latest backup (caseload restore, see docs/backup.md)")
)

// readOnlyDSN opens a SQLite file for reading only: no journal mode is set
// and nothing is written to the file, whatever it holds.
func readOnlyDSN(path string) string {
	return "file:" + path + "?mode=ro&_busy_timeout=10000"
}

// openReadOnly opens the SQLite file path for reading only.
func openReadOnly(path string) (*gorm.DB, error) {
	return gorm.Open(sqlite.New(sqlite.Config{DriverName: sqliteDriverName, DSN: readOnlyDSN(path)}), gormConfig())
}

// inspectSQLite checks, reading only, that the existing SQLite file path
// is a healthy caseload this version can use, before anything may write
// to it: it carries ApplicationID (or is an older caseload, or is empty),
// it was not made by a newer version, and it passes SQLite's quick check.
func inspectSQLite(path string) error {
	db, err := openReadOnly(path)
	if err != nil {
		return err
	}
	defer closeDB(db)
	return inspectCaseload(db)
}

// inspectCaseload is inspectSQLite on an open connection.
func inspectCaseload(db *gorm.DB) error {
	id, err := applicationID(db)
	if err != nil {
		return fmt.Errorf("%w (%v)", ErrNotCaseload, err)
	}
	if id != ApplicationID && id != 0 {
		return ErrNotCaseload
	}
	if err := quickCheck(db); err != nil {
		return err
	}
	if id == 0 {
		if err := recogniseUnmarked(db); err != nil {
			return err
		}
	}
	_, err = pendingOf(db, migrations())
	return err
}

// applicationID reads the file's application identifier.
func applicationID(db *gorm.DB) (int64, error) {
	var id int64
	err := db.Raw("PRAGMA application_id").Row().Scan(&id)
	return id, err
}

// recogniseUnmarked accepts a file without an application identifier if
// it holds no tables (a new database) or is a caseload made before the
// identifier: its migrations table records the first migration.
func recogniseUnmarked(db *gorm.DB) error {
	var tables int64
	if err := db.Raw("SELECT count(*) FROM sqlite_master").Row().Scan(&tables); err != nil {
		return fmt.Errorf("%w (%v)", ErrNotCaseload, err)
	}
	if tables == 0 {
		return nil
	}
	var n int64
	if !db.Migrator().HasTable(migrationsTable) ||
		db.Table(migrationsTable).Where("id = ?", firstMigrationID).Count(&n).Error != nil || n == 0 {
		return ErrNotCaseload
	}
	return nil
}

// quickCheck runs SQLite's quick check of the file's structure.
func quickCheck(db *gorm.DB) error {
	var rows []string
	if err := db.Raw("PRAGMA quick_check").Scan(&rows).Error; err != nil {
		return fmt.Errorf("%w (%v)", ErrDamaged, err)
	}
	if len(rows) != 1 || rows[0] != "ok" {
		return ErrDamaged
	}
	return nil
}

// markCaseload gives a SQLite caseload its application identifier if it
// lacks it: a new database, or one made before the identifier. A marked
// file is only read.
func markCaseload(db *gorm.DB) error {
	if onPostgres(db) {
		return nil
	}
	id, err := applicationID(db)
	if err != nil || id == ApplicationID {
		return err
	}
	if err := db.Exec(fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)).Error; err != nil {
		return fmt.Errorf("cannot mark the database as a caseload: %w", err)
	}
	return nil
}
