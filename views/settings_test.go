package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

func TestSettingsSaveForAnAdministrator(t *testing.T) {
	e := newTestEnv(t, 0)
	admin := e.addStaff("alice", models.RoleAdministrator)
	s := newSettingsScreen(e.sessionIn(admin, nil))
	e.showInWindow(s.Content())
	row := s.Row(app.SetDutyPhone)
	row.Entry.SetText("0116 000 0000")
	test.Tap(row.Save)
	if row.Status.Text != "Saved." || e.svc.Settings.Get(app.SetDutyPhone) != "0116 000 0000" {
		t.Fatalf("saving says %q and stored %q", row.Status.Text, e.svc.Settings.Get(app.SetDutyPhone))
	}
	row.Entry.SetText("0116 111 1111")
	test.Tap(row.Save)
	if row.Status.Text != "Saved." {
		t.Fatalf("saving a second time says %q", row.Status.Text)
	}

	number := s.Row(app.SetIdleLockMinutes)
	number.Entry.SetText("ten")
	test.Tap(number.Save)
	if number.Status.Text != "Minutes of inactivity before the screen locks: enter a whole number greater than 0." {
		t.Fatalf("a bad number says %q", number.Status.Text)
	}
}

func TestSettingsRefuseAKeyWorker(t *testing.T) {
	e := newTestEnv(t, 0)
	worker := e.addStaff("kate", models.RoleKeyWorker)
	s := newSettingsScreen(e.sessionIn(worker, nil))
	row := s.Row(app.SetDutyPhone)
	row.Entry.SetText("0116 000 0000")
	test.Tap(row.Save)
	if row.Status.Text != "You need the Administrator role to change service settings." {
		t.Fatalf("a key worker saving is told %q", row.Status.Text)
	}
	if e.svc.Settings.Get(app.SetDutyPhone) == "0116 000 0000" {
		t.Fatal("a key worker changed a setting")
	}
}

func TestSettingsShowAConflict(t *testing.T) {
	e := newTestEnv(t, 0)
	admin := e.addStaff("alice", models.RoleAdministrator)
	s := newSettingsScreen(e.sessionIn(admin, nil))
	if err := e.svc.Settings.Set(admin, app.SetDutyPhone, "0116 222 2222", 0); err != nil {
		t.Fatal(err)
	}
	row := s.Row(app.SetDutyPhone)
	row.Entry.SetText("0116 333 3333")
	test.Tap(row.Save)
	if e.svc.Settings.Get(app.SetDutyPhone) != "0116 222 2222" {
		t.Fatal("a stale save overwrote the newer value")
	}
	if !strings.HasPrefix(row.Status.Text, "This setting was changed by Test alice") || row.Entry.Text != "0116 222 2222" {
		t.Fatalf("a conflict shows %q with %q in the box", row.Status.Text, row.Entry.Text)
	}
	row.Entry.SetText("0116 333 3333")
	test.Tap(row.Save)
	if row.Status.Text != "Saved." || e.svc.Settings.Get(app.SetDutyPhone) != "0116 333 3333" {
		t.Fatalf("saving after the conflict says %q", row.Status.Text)
	}
}
