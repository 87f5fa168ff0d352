package main

import (
	"path/filepath"
	"strings"
	"testing"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

func TestCommandsThatTouchTheCaseloadNeedASignIn(t *testing.T) {
	db := signedInTarget(t)
	good := filepath.Join(validDir, "accept-bipolar-lithium.json")
	for _, args := range [][]string{
		{"import", good},
		{"letters", "--referral", "1", "--out", t.TempDir()},
		{"users", "reset-password", cliManager},
		{"users", "add", "--name", "Second Manager", "--username", "second", "--role", "team_manager"},
	} {
		code, stdout, stderr := runWithInput(t, "new password here\n", append([]string{"--db", db}, args...)...)
		if code != 1 || stdout != "" || !strings.Contains(stderr, "--user") {
			t.Errorf("%v without a sign-in: exit %d, stdout %q, stderr %q; want a refusal asking for --user", args, code, stdout, stderr)
		}
	}
	code, stdout, stderr := runWithInput(t, "not the password\n", "--db", db, "--user", cliManager, "import", good)
	if code != 1 || stdout != "" || !strings.Contains(stderr, "sign-in failed") {
		t.Errorf("a wrong password: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if code, _, stderr := runAs(t, db, "import", good); code != 0 {
		t.Fatalf("import signed in: %s", stderr)
	}
	if code, _, stderr := runCLI(t, db, "demo", "--referrals", "2"); code != 1 || !strings.Contains(stderr, "--user") {
		t.Errorf("demo without a sign-in on a database with referrals: exit %d, %s", code, stderr)
	}
}

func TestUsersAddSignedInReadsTheNewPasswordAfterTheSignIn(t *testing.T) {
	db := signedInTarget(t)
	code, stdout, stderr := runWithInput(t, cliPassword+"\nsecond's long password\n", "--db", db, "--user", cliManager,
		"users", "add", "--name", "Second Manager", "--username", "second", "--role", "team_manager")
	if code != 0 || strings.TrimSpace(stdout) != "second" {
		t.Fatalf("users add signed in: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	code, _, stderr = runWithInput(t, "second's long password\n", "--db", db, "--user", "second", "triage", filepath.Join(validDir, "accept-bipolar-lithium.json"))
	if code != 0 {
		t.Errorf("the new account cannot sign in with the password given: %s", stderr)
	}
}

func TestEachCommandIsAuditedAsThePersonAndTheSystemAccount(t *testing.T) {
	db := signedInTarget(t)
	if code, _, stderr := runAs(t, db, "import", filepath.Join(validDir, "accept-bipolar-lithium.json")); code != 0 {
		t.Fatalf("import: %s", stderr)
	}
	store, err := app.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close(store)
	var ev models.AuditEvent
	if err := store.Where("entity = ? AND action = ?", "referral", app.ActionCreate).First(&ev).Error; err != nil {
		t.Fatal(err)
	}
	if ev.ActorName != "Test Manager" || ev.Details == nil || ev.Details.Session == nil ||
		ev.Details.Session.OSUser != osUser() || ev.Details.Session.Command != "import" {
		t.Errorf("the import was audited as %q with details %+v; want the manager, the command and the system account", ev.ActorName, ev.Details)
	}
}
