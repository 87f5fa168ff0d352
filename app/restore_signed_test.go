package app

import (
	"errors"
	"path/filepath"
	"testing"

	"perinatal-caseload/app/testdb"
	"perinatal-caseload/models"
)

// TestOnlyATeamManagerOfTheBackupMayRestore refuses a restore by anyone
// but a team manager whose account and password are in the backup, and
// leaves the database as it was; the manager's restore is in the restored
// trail.
func TestOnlyATeamManagerOfTheBackupMayRestore(t *testing.T) {
	testdb.SkipOnPostgres(t, "SQLite files")
	s, _ := importedCaseload(t, 1)
	addStaff(t, s, "worker", models.RoleKeyWorker)
	addStaff(t, s, "boss", models.RoleManager)
	backup := backupOf(t, s)
	cases := []struct {
		name, user, password string
		want                 error
	}{
		{"a key worker", "worker", "correct horse battery", ErrRestoreNeedsManager},
		{"a wrong password", "boss", "wrong horse battery", ErrBadCredentials},
		{"nobody of that name", "nobody", "correct horse battery", ErrBadCredentials},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			target := closedCaseload(t)
			before := fileSHA(t, target)
			if _, err := RestoreSigned(target, backup, testNow, c.user, c.password, "tester"); !errors.Is(err, c.want) {
				t.Fatalf("RestoreSigned = %v, want %v", err, c.want)
			}
			if fileSHA(t, target) != before {
				t.Error("a refused restore changed the database")
			}
			if kept, _ := filepath.Glob(target + ".replaced-*"); len(kept) > 0 {
				t.Errorf("a refused restore moved files: %v", kept)
			}
		})
	}
	target := closedCaseload(t)
	if _, err := RestoreSigned(target, backup, testNow, "Boss", "correct horse battery", "tester"); err != nil {
		t.Fatal(err)
	}
	if n := testdb.CountSQLite(t, target, "SELECT COUNT(*) FROM audit_events WHERE action = 'restore' AND actor_name = 'Test boss' AND details LIKE '%tester%'"); n != 1 {
		t.Errorf("%d restore events by the manager from the command line, want 1", n)
	}
	if r, err := CheckDatabase(target); err != nil || !r.OK() {
		t.Errorf("the restored database with its restore event fails its check: %v %+v", err, r)
	}
}
