package app

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"time"

	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// ActionRestore is a restore of the whole database from a backup.
const ActionRestore = "restore"

// ErrRestoreNeedsManager refuses a restore by anyone but a team manager.
var ErrRestoreNeedsManager = errors.New("only a team manager may restore the database; sign in as one with --user")

// RestoreSigned is Restore by a team manager, who signs in with an account
// of the backup being restored: the database it replaces may be too
// damaged to read, and the accounts that will hold after the restore are
// the backup's. The password is checked before anything changes (against
// the backup, read only, so a wrong password there is not counted towards
// a lock-out); the restored database's audit trail then records the
// restore as that person, from the command line.
func RestoreSigned(target, backup string, now time.Time, username, password, osUser string) (*RestoreReport, error) {
	if IsPostgresURL(target) {
		return nil, ErrBackupPostgres
	}
	if err := checkRestorer(backup, username, password); err != nil {
		return nil, err
	}
	report, err := Restore(target, backup, now)
	if err != nil {
		return nil, err
	}
	if err := recordRestore(target, backup, username, osUser, report); err != nil {
		return report, fmt.Errorf("the database was restored, but the restore could not be written to its audit trail: %w", err)
	}
	return report, nil
}

// checkRestorer checks that username is an active team manager in the
// backup with that password.
func checkRestorer(backup, username, password string) error {
	if _, err := checkBackupFile(backup); err != nil {
		return err
	}
	db, err := openReadOnly(backup)
	if err != nil {
		return fmt.Errorf("the backup cannot be opened: %w", err)
	}
	defer closeDB(db)
	var m models.StaffMember
	if err := db.Where("username = ? AND system = ?", normaliseUsername(username), false).Limit(1).Find(&m).Error; err != nil {
		return fmt.Errorf("the backup's accounts cannot be read: %w", err)
	}
	if m.ID == 0 || !m.Active || m.PasswordHash == "" {
		_ = bcrypt.CompareHashAndPassword(noAccountHash, []byte(password)) // for the time it takes
		return ErrBadCredentials
	}
	if bcrypt.CompareHashAndPassword([]byte(m.PasswordHash), []byte(password)) != nil {
		return ErrBadCredentials
	}
	if !slices.Contains(m.RoleSet(), models.RoleManager) {
		return ErrRestoreNeedsManager
	}
	return nil
}

// recordRestore writes the restore into the restored database's trail.
func recordRestore(target, backup, username, osUser string, report *RestoreReport) error {
	db, err := Open(target)
	if err != nil {
		return err
	}
	defer closeDB(db)
	s := New(db, nil).ForCommandLine("restore", osUser)
	var m models.StaffMember
	if err := db.Where("username = ? AND system = ?", normaliseUsername(username), false).First(&m).Error; err != nil {
		return err
	}
	detail := "restored from the backup " + filepath.Base(backup)
	if report.Kept != "" {
		detail += "; the replaced database is kept as " + filepath.Base(report.Kept)
	}
	return s.core.transaction(func(tx *gorm.DB) error {
		return s.core.audit(tx, &m, ActionRestore, "database", 0, nil, nil, detail)
	})
}
