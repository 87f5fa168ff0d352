package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"perinatal-caseload/app/testdb"
)

func TestBackupRestoreAndCheckFromTheCommandLine(t *testing.T) {
	testdb.SkipOnPostgres(t, "SQLite backups; PostgreSQL's are the server's (see the test below)")
	db := signedInTarget(t)
	if code, _, stderr := runAs(t, db, "import", validDir); code != 0 {
		t.Fatalf("import: %s", stderr)
	}
	out := filepath.Join(t.TempDir(), "backup.db")
	code, stdout, stderr := runAs(t, db, "backup", "--out", out)
	if code != 0 || !strings.HasPrefix(stdout, out+"\n") || !strings.Contains(stdout, "checked") || !strings.Contains(stdout, "Audit head: the audit trail's head record says it holds ") {
		t.Fatalf("backup: exit %d, %q, %q", code, stdout, stderr)
	}
	if info, err := os.Stat(out); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("backup file: %v, %v", info, err)
	}
	if code, _, stderr := runAs(t, db, "backup", "--out", out); code != 1 || !strings.Contains(stderr, "already exists") {
		t.Errorf("backup over an existing file: exit %d, %q", code, stderr)
	}
	if code, _, _ := runAs(t, db, "backup", "--out", out, "--force"); code != 0 {
		t.Errorf("backup --force: exit %d", code)
	}
	if code, _, stderr := runAs(t, db, "backup"); code != 2 || !strings.Contains(stderr, "--out") {
		t.Errorf("backup without --out: exit %d, %q", code, stderr)
	}

	code, stdout, stderr = runCLI(t, db, "check")
	if code != 0 || !strings.Contains(stdout, "ok     integrity") || !strings.Contains(stdout, "passed every check") ||
		!strings.Contains(stdout, "Audit head: the audit trail's head record says it holds ") {
		t.Errorf("check: exit %d, %q, %q", code, stdout, stderr)
	}
	if code, _, stderr := runCLI(t, db, "restore", out); code != 1 || !strings.Contains(stderr, "sign in first") {
		t.Errorf("restore without --user: exit %d, %q", code, stderr)
	}
	if code, _, stderr := runWithInput(t, "wrong password\n", "--db", db, "--user", cliManager, "restore", out); code != 1 || !strings.Contains(stderr, "username or password") {
		t.Errorf("restore with a wrong password: exit %d, %q", code, stderr)
	}
	code, stdout, stderr = runAs(t, db, "restore", out)
	if code != 0 || !strings.Contains(stdout, "kept as "+db+".replaced-") {
		t.Errorf("restore: exit %d, %q, %q", code, stdout, stderr)
	}
	restored := testdb.CountSQLite(t, db, "SELECT COUNT(*) FROM audit_events WHERE action = 'restore' AND actor_name = 'Test Manager'")
	if restored != 1 {
		t.Errorf("%d restore events in the restored trail, want 1", restored)
	}
	if code, _, stderr := runAs(t, db, "restore"); code != 2 || !strings.Contains(stderr, "one backup file") {
		t.Errorf("restore without a file: exit %d, %q", code, stderr)
	}
	// A fault: a row pointing at nothing.
	testdb.ExecSQLite(t, db, "PRAGMA foreign_keys = OFF", "INSERT INTO copy_recipients (referral_id, professional_id) VALUES (4242, 4343)")
	code, stdout, _ = runCLI(t, db, "check")
	if code != 1 || !strings.Contains(stdout, "FAULT  The table copy_recipients") || !strings.Contains(stdout, "has faults") {
		t.Errorf("check of a faulty database: exit %d, %q", code, stdout)
	}
	// Another: the newest audit event removed, as someone holding the file could.
	testdb.ExecSQLite(t, db, "DROP TRIGGER audit_events_no_delete", "DELETE FROM audit_events WHERE chain_seq = (SELECT MAX(chain_seq) FROM audit_events)")
	code, stdout, _ = runCLI(t, db, "check")
	if code != 1 || !strings.Contains(stdout, "FAULT  the audit trail has been tampered with: it ends at event ") || !strings.Contains(stdout, "the last, has been removed") {
		t.Errorf("check of a trail short of its newest event: exit %d, %q", code, stdout)
	}
}

func TestBackupAndRestoreOfAPostgresCaseloadPointToTheServerTools(t *testing.T) {
	if !testdb.OnPostgres() {
		t.Skip("about PostgreSQL caseloads")
	}
	db := signedInTarget(t)
	for _, args := range [][]string{{"backup", "--out", filepath.Join(t.TempDir(), "b.db")}, {"restore", "b.db"}} {
		code, _, stderr := runAs(t, db, args...)
		if code != 1 || !strings.Contains(stderr, "pg_dump") {
			t.Errorf("%v on PostgreSQL: exit %d, %q", args, code, stderr)
		}
	}
	if code, stdout, _ := runCLI(t, db, "check"); code != 0 || !strings.Contains(stdout, "passed every check") {
		t.Errorf("check on PostgreSQL: exit %d, %q", code, stdout)
	}
}
