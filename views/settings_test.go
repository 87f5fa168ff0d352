package views

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
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

// Hazard: HAZ-011.
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

// logoPNG draws a small PNG logo.
func logoPNG(t *testing.T) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 400, 100))
	for y := 30; y < 70; y++ {
		for x := range 400 {
			img.Set(x, y, color.NRGBA{0, 94, 184, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestSettingsLetterheadLogo chooses a logo, sees its preview, refuses a
// file that is not an image, and removes the logo.
func TestSettingsLetterheadLogo(t *testing.T) {
	e := newTestEnv(t, 0)
	admin := e.addStaff("alice", models.RoleAdministrator)
	s := newSettingsScreen(e.sessionIn(admin, nil))
	w := e.showInWindow(s.Content())
	if s.Logo == nil || s.Row(app.SetLetterheadLogo) != nil {
		t.Fatal("the logo has no chooser of its own")
	}
	if s.Logo.Preview.Visible() || !s.Logo.Empty.Visible() || !s.Logo.Remove.Disabled() {
		t.Error("a new database shows a logo")
	}
	if !drawn(w, "NHS trust, as the letterhead names it") || s.Row(app.SetTrustName).Entry.Text != "Leicestershire Partnership NHS Trust" {
		t.Error("the trust's name is not among the settings")
	}

	s.Logo.ChooseLogo([]byte("GIF89a"))
	if !strings.Contains(s.Logo.Status.Text, "not a PNG or JPEG image") || e.svc.Settings.Logo() != nil {
		t.Fatalf("a GIF says %q", s.Logo.Status.Text)
	}

	s.Logo.ChooseLogo(logoPNG(t))
	if !strings.HasPrefix(s.Logo.Status.Text, "Saved.") || e.svc.Settings.Logo() == nil {
		t.Fatalf("choosing a logo says %q", s.Logo.Status.Text)
	}
	if !s.Logo.Preview.Visible() || s.Logo.Preview.Resource == nil || s.Logo.Empty.Visible() || s.Logo.Remove.Disabled() {
		t.Error("the chosen logo is not previewed")
	}
	// A second choice, with the version now current, is not a conflict.
	s.Logo.ChooseLogo(logoPNG(t))
	if !strings.HasPrefix(s.Logo.Status.Text, "Saved.") {
		t.Fatalf("choosing again says %q", s.Logo.Status.Text)
	}

	test.Tap(s.Logo.Remove)
	if !strings.HasPrefix(s.Logo.Status.Text, "Removed.") || e.svc.Settings.Logo() != nil || s.Logo.Preview.Visible() {
		t.Fatalf("removing says %q", s.Logo.Status.Text)
	}
}

func TestSettingsLogoRefusedForAKeyWorker(t *testing.T) {
	e := newTestEnv(t, 0)
	worker := e.addStaff("kate", models.RoleKeyWorker)
	s := newSettingsScreen(e.sessionIn(worker, nil))
	s.Logo.ChooseLogo(logoPNG(t))
	if s.Logo.Status.Text != "You need the Administrator role to change service settings." || e.svc.Settings.Logo() != nil {
		t.Fatalf("a key worker choosing a logo is told %q", s.Logo.Status.Text)
	}
}

// TestSettingsReturnAddressNeedsItsPostcode shows the problem with the
// default return address and clears it once a whole address is saved.
func TestSettingsReturnAddressNeedsItsPostcode(t *testing.T) {
	e := newTestEnv(t, 0)
	admin := e.addStaff("alice", models.RoleAdministrator)
	s := newSettingsScreen(e.sessionIn(admin, nil))
	row := s.Row(app.SetServiceAddress)
	if !strings.Contains(row.Status.Text, "Put the postcode") {
		t.Fatalf("the default address shows %q", row.Status.Text)
	}
	row.Entry.SetText("Perinatal Mental Health Service\nLeicester")
	test.Tap(row.Save)
	if !strings.Contains(row.Status.Text, "postcode") {
		t.Fatalf("saving an address without a postcode says %q", row.Status.Text)
	}
	row.Entry.SetText("Perinatal Mental Health Service\n1 Sample Road\nLeicester\nle1 1aa")
	test.Tap(row.Save)
	if row.Status.Text != "Saved." || row.Entry.Text != "Perinatal Mental Health Service\n1 Sample Road\nLeicester\nLE1 1AA" {
		t.Fatalf("saving a whole address says %q and shows %q", row.Status.Text, row.Entry.Text)
	}
}
