package app

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"perinatal-caseload/app/testdb"
	"perinatal-caseload/models"
)

// importedCaseload returns services on a new SQLite caseload holding n
// imported referrals.
func importedCaseload(t *testing.T, n int) (*Services, string) {
	t.Helper()
	s, _, path := newTestServices(t)
	dir := t.TempDir()
	writeSyntheticReferrals(t, dir, n)
	admin := addStaff(t, s, "admin", models.RoleAdministrator)
	for _, r := range s.ImportPaths(admin, []string{dir}, nil) {
		if r.Err != nil {
			t.Fatal(r.Err)
		}
	}
	return s, path
}

// referralsIn counts the referrals in the SQLite file path.
func referralsIn(t *testing.T, path string) int64 {
	t.Helper()
	db, err := openReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer closeDB(db)
	var n int64
	if err := db.Table("referrals").Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

// Hazard: HAZ-010.
func TestBackupIsCheckedPrivateAndNeverOverwritesUnasked(t *testing.T) {
	testdb.SkipOnPostgres(t, "SQLite backups (PostgreSQL uses the server's tools)")
	s, _ := importedCaseload(t, 3)
	out := filepath.Join(t.TempDir(), "backup.db")
	r, err := Backup(s.core.db, out, false)
	if err != nil {
		t.Fatal(err)
	}
	if r.Rows["referrals"] != 3 || r.Bytes == 0 || !strings.Contains(r.Summary(), "referrals 3") {
		t.Errorf("backup report = %+v, %q", r, r.Summary())
	}
	if info, _ := os.Stat(out); info.Mode().Perm() != 0o600 {
		t.Errorf("backup mode = %o, want 600", info.Mode().Perm())
	}
	if n := referralsIn(t, out); n != 3 {
		t.Errorf("the backup holds %d referrals, want 3", n)
	}
	before := fileSHA(t, out)
	if _, err := Backup(s.core.db, out, false); !errors.Is(err, ErrFileExists) {
		t.Errorf("second backup to the same file = %v, want ErrFileExists", err)
	}
	if fileSHA(t, out) != before {
		t.Error("a refused backup changed the existing file")
	}
	if _, err := Backup(s.core.db, out, true); err != nil {
		t.Errorf("backup with overwrite: %v", err)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".*part*")); len(left) > 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}

func TestBackupOfAPostgresCaseloadExplainsTheServerTools(t *testing.T) {
	s, _ := newPostgresServices(t, "about PostgreSQL caseloads")
	if _, err := Backup(s.core.db, filepath.Join(t.TempDir(), "b.db"), false); !errors.Is(err, ErrBackupPostgres) {
		t.Errorf("Backup on PostgreSQL = %v, want ErrBackupPostgres", err)
	}
}

// Hazard: HAZ-010.
func TestBackupDuringAnImportRestoresEveryReferralCommittedBeforeIt(t *testing.T) {
	testdb.SkipOnPostgres(t, "SQLite backups")
	s, _, _ := newTestServices(t)
	admin := addStaff(t, s, "admin", models.RoleAdministrator)
	dir := t.TempDir()
	const n = 120
	writeSyntheticReferrals(t, dir, n)
	done := make(chan []ImportResult)
	go func() { done <- s.ImportPaths(admin, []string{dir}, nil) }()
	var committed int64
	for committed < 20 {
		time.Sleep(5 * time.Millisecond)
		s.core.db.Table("referrals").Count(&committed)
	}
	out := filepath.Join(t.TempDir(), "during.db")
	if _, err := Backup(s.core.db, out, false); err != nil {
		t.Fatalf("backup during an import: %v", err)
	}
	for _, r := range <-done {
		if r.Err != nil {
			t.Fatal(r.Err)
		}
	}
	target := filepath.Join(t.TempDir(), "restored.db")
	if _, err := Restore(target, out, testNow); err != nil {
		t.Fatal(err)
	}
	got := referralsIn(t, target)
	if got < committed || got > n {
		t.Errorf("the restored backup holds %d referrals; %d were committed before it began", got, committed)
	}
	db, err := Open(target)
	if err != nil {
		t.Fatal(err)
	}
	defer Close(db)
	var partial int64
	db.Raw("SELECT count(*) FROM referrals r LEFT JOIN patients p ON p.id = r.patient_id WHERE p.id IS NULL").Row().Scan(&partial)
	if partial != 0 {
		t.Errorf("%d referrals without their patient in the backup", partial)
	}
}
