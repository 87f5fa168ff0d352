package main

import (
	"strings"
	"testing"

	"perinatal-caseload/app"
	"perinatal-caseload/app/testdb"
)

func TestMigrateAppliesWhatIsDueOnceAndThenHasNothingToDo(t *testing.T) {
	db := testdb.Target(t)
	code, stdout, stderr := runCLI(t, db, "migrate", "--check")
	if code != 0 || stderr != "" || !strings.HasPrefix(stdout, "due ") || !strings.Contains(stdout, "migrations are due") {
		t.Fatalf("migrate --check on a new database: exit %d, %q, stderr %q; want the migrations due", code, stdout, stderr)
	}
	due := strings.Count(stdout, "\ndue ") + 1
	code, stdout, stderr = runCLI(t, db, "migrate")
	if code != 0 || stderr != "" {
		t.Fatalf("migrate: exit %d, stderr %q", code, stderr)
	}
	if !strings.HasPrefix(stdout, "applied ") || !strings.Contains(stdout, "after ") || strings.Count(stdout, "applied ") != due {
		t.Errorf("migrate printed %q; want the %d migrations --check said were due", stdout, due)
	}
	if code, stdout, _ := runCLI(t, db, "migrate", "--check"); code != 0 || !strings.Contains(stdout, "up to date") {
		t.Errorf("migrate --check after migrate: exit %d, %q; want nothing due", code, stdout)
	}
	code, stdout, _ = runCLI(t, db, "migrate")
	if code != 0 || strings.Contains(stdout, "applied") || !strings.Contains(stdout, "up to date") {
		t.Errorf("second migrate: exit %d, %q; want nothing to do", code, stdout)
	}
	if code, _, stderr := runCLI(t, db, "migrate", "now"); code != 2 || !strings.Contains(stderr, "no arguments") {
		t.Errorf("migrate with an argument: exit %d, %q", code, stderr)
	}
}

// Hazard: HAZ-021.
func TestMigrateAndEveryCommandRefuseADatabaseFromANewerVersion(t *testing.T) {
	target := testTarget(t)
	db, err := app.Open(target)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Exec("INSERT INTO migrations (id) VALUES ('2099010101_from_the_future')").Error
	app.Close(db)
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"migrate"}, {"import", validDir}} {
		code, stdout, stderr := runAs(t, target, args...)
		if code != 1 || stdout != "" || !strings.Contains(stderr, "newer version of Perinatal Caseload") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want a refusal naming the newer version", args, code, stdout, stderr)
		}
	}
}

func TestTheCommandLineTakesTheDatabaseFromTheEnvironment(t *testing.T) {
	target := signedInTarget(t)
	t.Setenv(app.EnvDB, target)
	var out, errOut strings.Builder
	if code := run([]string{"--user", cliManager, "import", validDir}, strings.NewReader(cliPassword+"\n"), &out, &errOut); code != 0 {
		t.Fatalf("import with %s set: exit %d, %s", app.EnvDB, code, errOut.String())
	}
	db, err := app.Open(target)
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close(db)
	var n int64
	db.Table("referrals").Count(&n)
	if n == 0 || int(n) != len(strings.Fields(out.String())) {
		t.Errorf("%d referrals in the database from %s; the import printed %q", n, app.EnvDB, out.String())
	}
}

func TestAPasswordOnTheCommandLineIsRefusedAndNeverRepeated(t *testing.T) {
	code, stdout, stderr := runCLI(t, "postgres://caseload:Sup3rSecret@db.example.nhs.uk/caseload", "migrate")
	if code != 1 || stdout != "" || strings.Contains(stderr, "Sup3rSecret") || !strings.Contains(stderr, "password file") {
		t.Errorf("exit %d, stdout %q, stderr %q; want a refusal pointing to the password file", code, stdout, stderr)
	}
}
