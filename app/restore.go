package app

import (
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"
)

// ErrInUse is returned when a restore finds the database open elsewhere.
var ErrInUse = errors.New("the database is in use: close Perinatal Caseload on every desktop that has it open (and stop any import), then restore again")

// sideFiles are the files SQLite keeps beside a database: the WAL, its
// index and the rollback journal. A restored file must not meet the old
// ones: SQLite would read the old database's pages into the new.
var sideFiles = []string{"-wal", "-shm", "-journal"}

// RestoreReport says what a restore did.
type RestoreReport struct {
	// Kept is the name the replaced database now has ("" if there was none).
	Kept string
	// MovedAside are the old side files, renamed beside Kept.
	MovedAside []string
	Rows       map[string]int64
}

// Restore replaces the SQLite caseload target with a copy of the backup
// file. It first checks the backup (a caseload, healthy by SQLite's
// integrity check, not made by a newer version) and that nobody has
// target open; then it renames target and its -wal and -shm files to
// target.replaced-TIME (and -wal, -shm beside it, so the kept copy still
// opens whole), puts the copy in place as a private file, and checks that
// the result opens healthy. now names the kept file.
func Restore(target, backup string, now time.Time) (*RestoreReport, error) {
	if IsPostgresURL(target) {
		return nil, ErrBackupPostgres
	}
	rows, err := checkBackupFile(backup)
	if err != nil {
		return nil, err
	}
	if err := refuseIfInUse(target); err != nil {
		return nil, err
	}
	report := &RestoreReport{Rows: rows}
	kept := target + ".replaced-" + now.UTC().Format("20060102T150405Z")
	if err := moveAside(target, kept, report); err != nil {
		return nil, err
	}
	if err := copyPrivate(backup, target); err != nil {
		return nil, fmt.Errorf("the backup could not be copied into place (%w); the replaced database is kept as %s", err, report.Kept)
	}
	db, err := Open(target)
	if err != nil {
		return nil, fmt.Errorf("the restored database does not open (%w); the replaced database is kept as %s", err, report.Kept)
	}
	defer closeDB(db)
	check, err := Check(db)
	if err == nil && !check.OK() {
		err = errors.New(check.Faults[0])
	}
	if err != nil {
		return nil, fmt.Errorf("the restored database failed its check (%w); the replaced database is kept as %s", err, report.Kept)
	}
	return report, nil
}

// checkBackupFile checks, reading only, that path is a healthy caseload
// backup this version can restore, and counts its rows.
func checkBackupFile(path string) (map[string]int64, error) {
	info, err := os.Stat(path)
	if err != nil || !info.Mode().IsRegular() || info.Size() == 0 {
		return nil, errors.New("the backup file cannot be read, or is not a file; name a backup made by caseload backup")
	}
	if err := ensureCheckedFile(path); err != nil {
		return nil, fmt.Errorf("the backup is refused: %w", err)
	}
	db, err := openReadOnly(path)
	if err != nil {
		return nil, fmt.Errorf("the backup cannot be opened: %w", err)
	}
	defer closeDB(db)
	if err := inspectCaseload(db); err != nil {
		return nil, fmt.Errorf("the backup is refused: %w", err)
	}
	faults, err := integrityFaults(db)
	if err == nil && len(faults) > 0 {
		err = errors.New(faults[0])
	}
	if err != nil {
		return nil, fmt.Errorf("the backup is refused: it failed SQLite's integrity check (%w)", err)
	}
	return tableCounts(db)
}

// refuseIfInUse returns ErrInUse if another connection has target open.
// Every connection of the program keeps a shared lock on a WAL database
// while it is open, so a connection in exclusive locking mode cannot begin
// an exclusive transaction until they have all closed. Between this check
// and the renames there is a moment in which a desktop could open the old
// file; it would then be working on the kept copy, which the person
// restoring is told about.
func refuseIfInUse(target string) error {
	if _, err := os.Stat(target); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	db, err := sql.Open("sqlite3", "file:"+target+"?_busy_timeout=2000&_locking_mode=EXCLUSIVE")
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.Exec("BEGIN EXCLUSIVE; COMMIT")
	if isBusy(err) {
		return ErrInUse
	}
	// Any other fault (a damaged file) is what the restore is for.
	return nil
}

// moveAside renames target and its side files to kept.
func moveAside(target, kept string, report *RestoreReport) error {
	if _, err := os.Lstat(target); err == nil {
		if err := os.Rename(target, kept); err != nil {
			return fmt.Errorf("cannot move the database aside: %w", err)
		}
		report.Kept = kept
	}
	for _, suffix := range sideFiles {
		if _, err := os.Lstat(target + suffix); err != nil {
			continue
		}
		if err := os.Rename(target+suffix, kept+suffix); err != nil {
			return fmt.Errorf("cannot move the old %s file aside: %w", suffix, err)
		}
		report.MovedAside = append(report.MovedAside, kept+suffix)
	}
	return nil
}

// copyPrivate copies the file from into the new private file to.
func copyPrivate(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := CreatePrivateFile(to, false)
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Abort()
		return err
	}
	return dst.Commit()
}
