package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"perinatal-caseload/app/testdb"
	"perinatal-caseload/models"
)

func TestAutomaticBackupsAreDailyKeepTheSetNumberAndWarnTheManager(t *testing.T) {
	testdb.SkipOnPostgres(t, "SQLite backups (a PostgreSQL server is backed up with its own tools)")
	s, clock, path := newTestServices(t)
	manager := addStaff(t, s, "manager", models.RoleManager)
	admin := addStaff(t, s, "admin", models.RoleAdministrator)
	if w := s.BackupWarning(manager); !strings.Contains(w, "No backup") {
		t.Errorf("warning before any backup = %q", w)
	}
	if s.BackupWarning(admin) != "" {
		t.Error("the warning is for the team manager only")
	}
	folder := filepath.Join(t.TempDir(), "share")
	system, _ := s.Staff.SystemUser()
	if err := s.Settings.Set(system, SetBackupFolder, folder, 0); err != nil {
		t.Fatal(err)
	}
	if err := s.Settings.Set(system, SetBackupKeep, "3", 0); err != nil {
		t.Fatal(err)
	}
	for day := 0; day < 5; day++ {
		if ran, err := s.BackupIfDue(path); !ran || err != nil {
			t.Fatalf("day %d: backup ran %v, %v", day, ran, err)
		}
		clock.Advance(time.Hour)
		if ran, _ := s.BackupIfDue(path); ran {
			t.Fatalf("day %d: a second backup within the day", day)
		}
		clock.Advance(23 * time.Hour)
	}
	files, _ := filepath.Glob(filepath.Join(folder, autoBackupPrefix+"*.db"))
	if len(files) != 3 {
		t.Errorf("%d backups kept, want 3: %v", len(files), files)
	}
	for _, f := range files {
		if info, _ := os.Stat(f); info.Mode().Perm() != 0o600 {
			t.Errorf("%s mode %o, want 600", f, info.Mode().Perm())
		}
	}
	st := s.BackupStatus()
	if st.LastOK.IsZero() || !strings.Contains(st.Text(), "succeeded") {
		t.Errorf("status = %+v, %q", st, st.Text())
	}
	if w := s.BackupWarning(manager); w != "" {
		t.Errorf("warning a day after a good backup = %q", w)
	}
	// The folder becomes unusable: the failure is recorded and, a day on,
	// the manager is warned.
	os.RemoveAll(folder)
	os.WriteFile(folder, []byte("a file where the folder was"), 0o600)
	if ran, err := s.BackupIfDue(path); !ran || err == nil {
		t.Errorf("backup into a broken folder: ran %v, %v", ran, err)
	}
	if st := s.BackupStatus(); !strings.Contains(st.Text(), "failed") {
		t.Errorf("status after a failure = %q", st.Text())
	}
	clock.Advance(26 * time.Hour)
	if w := s.BackupWarning(manager); !strings.Contains(w, "not been backed up since") {
		t.Errorf("warning after a day without a backup = %q", w)
	}
}
