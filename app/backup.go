package app

import (
	"errors"
	"fmt"
	"sort"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// ErrBackupPostgres is returned when a backup or restore is asked of a
// PostgreSQL caseload: the server's own tools do that (docs/backup.md).
var ErrBackupPostgres = errors.New("a caseload on a PostgreSQL server is backed up with the server's own tools " +
	"(pg_dump and pg_restore), or copied whole into a SQLite file with \"caseload copy-db --to FILE\"; see docs/backup.md")

// BackupReport describes a backup that was written and checked.
type BackupReport struct {
	Path  string
	Bytes int64
	// Rows counts the rows of each table in the backup.
	Rows map[string]int64
	// AuditHead is the backup's audit trail head record: how many events
	// it holds and the newest one's hash, to be recorded with the backup.
	AuditHead AuditHead
}

// Backup writes a consistent copy of the SQLite caseload db to the new
// private file out (0600, never through a symbolic link, never over an
// existing file unless overwrite; see CreatePrivateFile). Others may keep
// working meanwhile: VACUUM INTO reads one snapshot of the database, as a
// read transaction does, and writers carry on beside it in the WAL. The
// copy is checked before it is put in place: SQLite's quick check, the
// caseload's application identifier, the same tables, migrations as the
// original, and at least the audit events that were there before.
func Backup(db *gorm.DB, out string, overwrite bool) (*BackupReport, error) {
	if onPostgres(db) {
		return nil, ErrBackupPostgres
	}
	var auditBefore int64
	if err := db.Table("audit_events").Count(&auditBefore).Error; err != nil {
		return nil, fmt.Errorf("cannot read the database to back it up: %w", err)
	}
	want, err := tableCounts(db)
	if err != nil {
		return nil, fmt.Errorf("cannot read the database to back it up: %w", err)
	}
	// A missing head record is check's to report; the backup is still taken.
	var headBefore *AuditHead
	if h, err := readAuditHead(db); err == nil {
		headBefore = &h
	}
	f, err := CreatePrivateFile(out, overwrite)
	if err != nil {
		return nil, err
	}
	// SQLite writes the copy into the empty private file, which stays 0600.
	if err := db.Exec("VACUUM INTO ?", f.Name()).Error; err != nil {
		f.Abort()
		return nil, fmt.Errorf("the backup could not be written: %w", err)
	}
	report, err := verifyBackup(f.Name(), want, auditBefore, headBefore)
	if err != nil {
		f.Abort()
		return nil, err
	}
	if err := f.Commit(); err != nil {
		return nil, err
	}
	report.Path = out
	return report, nil
}

// verifyBackup opens the written copy read-only and checks it.
func verifyBackup(path string, want map[string]int64, auditBefore int64, headBefore *AuditHead) (*BackupReport, error) {
	bad := func(why string, args ...any) error {
		return fmt.Errorf("the backup failed its check and was not kept: "+why, args...)
	}
	db, err := openReadOnly(path)
	if err != nil {
		return nil, bad("it cannot be opened (%v)", err)
	}
	defer closeDB(db)
	if id, err := applicationID(db); err != nil || id != ApplicationID {
		return nil, bad("it does not carry the caseload's application identifier")
	}
	if err := quickCheck(db); err != nil {
		return nil, bad("%v", err)
	}
	got, err := tableCounts(db)
	if err != nil {
		return nil, bad("its tables cannot be counted (%v)", err)
	}
	for table := range want {
		if _, ok := got[table]; !ok {
			return nil, bad("the table %s is missing", table)
		}
	}
	if got[migrationsTable] != want[migrationsTable] {
		return nil, bad("it records %d migrations, not %d", got[migrationsTable], want[migrationsTable])
	}
	if got["audit_events"] < auditBefore {
		return nil, bad("it holds %d audit events, fewer than the %d there were before it began", got["audit_events"], auditBefore)
	}
	report := &BackupReport{Rows: got}
	if headBefore != nil {
		if report.AuditHead, err = readAuditHead(db); err != nil {
			return nil, bad("its audit trail's head record cannot be read (%v)", err)
		}
		if report.AuditHead.Events < headBefore.Events {
			return nil, bad("its audit trail's head is at event %d, before the %d there were before it began", report.AuditHead.Events, headBefore.Events)
		}
	}
	if err := db.Raw("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()").Row().Scan(&report.Bytes); err != nil {
		return nil, bad("its size cannot be read (%v)", err)
	}
	return report, nil
}

// tableCounts counts the rows of every table of a SQLite caseload.
func tableCounts(db *gorm.DB) (map[string]int64, error) {
	var tables []string
	if err := db.Raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").Scan(&tables).Error; err != nil {
		return nil, err
	}
	counts := make(map[string]int64, len(tables))
	for _, t := range tables {
		var n int64
		if err := db.Table(t).Count(&n).Error; err != nil {
			return nil, err
		}
		counts[t] = n
	}
	return counts, nil
}

// Summary returns the main tables' row counts as one line.
func (r *BackupReport) Summary() string {
	main := []string{"referrals", "patients", "letters", "appointments", "audit_events"}
	sort.Strings(main)
	s := ""
	for _, t := range main {
		if n, ok := r.Rows[t]; ok {
			if s != "" {
				s += ", "
			}
			s += fmt.Sprintf("%s %d", t, n)
		}
	}
	return s
}

// TakeBackup is Backup of this caseload, by actor, who needs the audit
// permission: a backup holds every record. The backup is audited once it
// has been written and checked.
func (s *Services) TakeBackup(actor *models.StaffMember, out string, overwrite bool) (*BackupReport, error) {
	if err := s.core.authorise(actor, models.PermViewAudit); err != nil {
		return nil, err
	}
	r, err := Backup(s.core.db, out, overwrite)
	if err != nil {
		return nil, err
	}
	err = s.core.db.Transaction(func(tx *gorm.DB) error {
		return s.core.audit(tx, actor, "backup", "database", 0, nil, nil, "a checked backup was written")
	})
	return r, err
}
