package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"perinatal-caseload/models"
)

func TestFirstRunCreatesTheTeamManager(t *testing.T) {
	e := newTestEnv(t, 0)
	m := e.mainWindow()
	f := m.firstRun
	if f == nil || m.signIn != nil {
		t.Fatal("an empty database does not start on the first-run screen")
	}

	test.Type(f.Name, "Sarah Jones")
	test.Type(f.Username, "sjones")
	test.Type(f.Password, "short")
	test.Type(f.Confirm, "short")
	test.Tap(f.Create)
	if !strings.HasPrefix(f.Message.Text, "Password: use at least 10 characters") {
		t.Fatalf("a short password says %q", f.Message.Text)
	}

	test.Type(f.Password, "a long enough password")
	test.Type(f.Confirm, "a different password")
	test.Tap(f.Create)
	if !strings.HasPrefix(f.Message.Text, "Password again: it does not match") {
		t.Fatalf("mismatched passwords say %q", f.Message.Text)
	}
	if first, _ := e.svc.Staff.NeedsFirstUser(); !first {
		t.Fatal("an account was made from a refused form")
	}

	test.Type(f.Password, "a long enough password")
	test.Type(f.Confirm, "a long enough password")
	test.Tap(f.Create)

	if m.shell == nil || m.actor().Username != "sjones" {
		t.Fatalf("the new team manager was not signed in: %s", f.Message.Text)
	}
	saved, err := e.svc.Staff.ByUsername("sjones")
	if err != nil || !saved.HasRole(models.RoleManager) || saved.Name != "Sarah Jones" {
		t.Fatalf("the account saved is %+v (%v)", saved, err)
	}
	if first, _ := e.svc.Staff.NeedsFirstUser(); first {
		t.Fatal("the database still asks for a first user")
	}
	if m.shell.Show(screenAudit) == nil {
		t.Fatal("the team manager has no Audit screen")
	}
}
