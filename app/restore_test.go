package app

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"perinatal-caseload/app/testdb"
)

// backupOf writes a backup of s's database into a new folder.
func backupOf(t *testing.T, s *Services) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "backup.db")
	if _, err := Backup(s.core.db, out, false); err != nil {
		t.Fatal(err)
	}
	return out
}

// copyFile copies from to to, as a person copying files would.
func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// Hazard: HAZ-010.
func TestRestoreBesideStaleWALAndSHMGivesAHealthyDatabase(t *testing.T) {
	testdb.SkipOnPostgres(t, "SQLite files")
	s, live := importedCaseload(t, 2)
	backup := backupOf(t, s)
	// The live database carries on, with later commits in its -wal file.
	s.core.db.Exec("UPDATE patients SET given_name = 'Changed' WHERE id = 1")
	for _, own := range []bool{true, false} {
		// The target is left as a killed program leaves it, with its own
		// -wal and -shm files; or a file copied by hand over a caseload
		// whose -wal and -shm files were left beside it.
		target := filepath.Join(t.TempDir(), "caseload.db")
		if own {
			copyFile(t, live, target)
		} else {
			copyFile(t, closedCaseload(t), target)
		}
		for _, suffix := range []string{"-wal", "-shm"} {
			copyFile(t, live+suffix, target+suffix)
		}
		r, err := Restore(target, backup, testNow)
		if err != nil {
			t.Fatal(err)
		}
		if r.Kept == "" || !strings.HasSuffix(r.Kept, ".replaced-20261123T100000Z") {
			t.Errorf("kept file = %q", r.Kept)
		}
		if _, err := os.Stat(r.Kept); err != nil {
			t.Errorf("the replaced database was not kept: %v", err)
		}
		report, err := CheckDatabase(target)
		if err != nil || !report.OK() {
			t.Fatalf("the restored database: %+v, %v", report, err)
		}
		if n := referralsIn(t, target); n != 2 {
			t.Errorf("the restored database holds %d referrals, want the backup's 2", n)
		}
		if info, _ := os.Stat(target); info.Mode().Perm() != 0o600 {
			t.Errorf("restored file mode = %o, want 600", info.Mode().Perm())
		}
	}
}

func TestRestoreRefusesAndLeavesTheDatabaseAsItWas(t *testing.T) {
	testdb.SkipOnPostgres(t, "SQLite files")
	s, _ := importedCaseload(t, 1)
	good := backupOf(t, s)
	cases := []struct {
		name   string
		backup func(t *testing.T) string
		inUse  bool
		want   string
	}{
		{"the database is in use", func(*testing.T) string { return good }, true, "in use"},
		{"another program's file", func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), "other.db")
			testdb.ExecSQLite(t, p, "CREATE TABLE recipes (name TEXT)")
			return p
		}, false, "another program"},
		{"not a database", func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), "notes.txt")
			os.WriteFile(p, []byte("not a database at all"), 0o600)
			return p
		}, false, "not a SQLite database"},
		{"a damaged backup", func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), "damaged.db")
			copyFile(t, good, p)
			corruptPage(t, p)
			return p
		}, false, "damaged"},
		{"a backup from a newer version", func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), "newer.db")
			copyFile(t, good, p)
			testdb.ExecSQLite(t, p, "INSERT INTO migrations (id) VALUES ('2099010101_from_the_future')")
			return p
		}, false, "newer version"},
		{"a missing file", func(t *testing.T) string { return filepath.Join(t.TempDir(), "none.db") }, false, "cannot be read"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			target := closedCaseload(t)
			if c.inUse {
				db, err := Open(target)
				if err != nil {
					t.Fatal(err)
				}
				defer Close(db)
				db.Exec("SELECT count(*) FROM referrals")
			}
			before := fileSHA(t, target)
			_, err := Restore(target, c.backup(t), testNow)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("Restore = %v, want a refusal mentioning %q", err, c.want)
			}
			if c.inUse && !errors.Is(err, ErrInUse) {
				t.Errorf("Restore of a database in use = %v, want ErrInUse", err)
			}
			if fileSHA(t, target) != before {
				t.Error("a refused restore changed the database")
			}
			if kept, _ := filepath.Glob(target + ".replaced-*"); len(kept) > 0 {
				t.Errorf("a refused restore moved files: %v", kept)
			}
		})
	}
}

// Hazard: HAZ-028.
func TestCheckReportsForeignKeyIntegrityAndForeignFileFaults(t *testing.T) {
	testdb.SkipOnPostgres(t, "SQLite files")
	healthy := closedCaseload(t)
	if r, err := CheckDatabase(healthy); err != nil || !r.OK() || len(r.Passed) != len(healthChecks) {
		t.Errorf("check of a healthy caseload = %+v, %v", r, err)
	}
	orphan := closedCaseload(t)
	testdb.ExecSQLite(t, orphan, "PRAGMA foreign_keys = OFF", "INSERT INTO copy_recipients (referral_id, professional_id) VALUES (4242, 4343)")
	r, err := CheckDatabase(orphan)
	if err != nil || r.OK() || !strings.Contains(strings.Join(r.Faults, "\n"), "The table copy_recipients, row 1, refers to a row of") {
		t.Errorf("check of a caseload with a missing parent row = %+v, %v", r, err)
	}
	damaged := closedCaseload(t)
	corruptPage(t, damaged)
	before := fileSHA(t, damaged)
	if r, err := CheckDatabase(damaged); err == nil && r.OK() {
		t.Error("check passed a damaged file")
	}
	if fileSHA(t, damaged) != before {
		t.Error("check changed a damaged file")
	}
	other := filepath.Join(t.TempDir(), "other.db")
	testdb.ExecSQLite(t, other, "CREATE TABLE recipes (name TEXT)")
	if r, err := CheckDatabase(other); err == nil && (r.OK() || !strings.Contains(r.Faults[0], "not a Perinatal Caseload")) {
		t.Errorf("check of another program's file = %+v", r)
	}
	if _, err := CheckDatabase(filepath.Join(t.TempDir(), "none.db")); err == nil {
		t.Error("check of a missing file passed")
	}
}
