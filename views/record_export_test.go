package views

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

// TestAdministratorWritesHerRecordCopy writes a demo woman's subject-access
// copy as the button on her record does once a folder is chosen, and
// finds the copy in a new folder named without her name.
func TestAdministratorWritesHerRecordCopy(t *testing.T) {
	e := newTestEnv(t, 3)
	admin := e.addStaff("admin", models.RoleAdministrator)
	rows, err := e.svc.Referrals.Page(admin, app.ReferralFilter{}, 0, 1)
	if err != nil || len(rows) == 0 {
		t.Fatal(err)
	}
	r, err := e.svc.Referrals.Get(admin, rows[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	parent := t.TempDir()
	x := newRecordExport(e.session(admin), &r.Patient)
	x.Write(parent)
	if !strings.Contains(x.Done, "The copy of her record is in") {
		t.Fatalf("after the export: %q", x.Done)
	}
	made, _ := filepath.Glob(filepath.Join(parent, "record-copy-*", "record.pdf"))
	if len(made) != 1 {
		t.Fatalf("record.pdf files: %v", made)
	}
	if strings.Contains(made[0], r.Patient.FamilyName) {
		t.Errorf("the folder %s names her", made[0])
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(made[0]), "record.json")); err != nil {
		t.Error(err)
	}
}

// TestKeyWorkerCannotCopyHerRecord finds the button off, with the reason,
// for a key worker, who does not hold the subject-access permission.
func TestKeyWorkerCannotCopyHerRecord(t *testing.T) {
	e := newTestEnv(t, 3)
	worker := e.addStaff("worker", models.RoleKeyWorker)
	rows, err := e.svc.Referrals.Page(worker, app.ReferralFilter{}, 0, 1)
	if err != nil || len(rows) == 0 {
		t.Fatal(err)
	}
	r, err := e.svc.Referrals.Get(worker, rows[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	s := e.session(worker)
	d := newReferralDetail(r, models.LondonDate(e.clock.Now()), func() {})
	referralActions(s)(d, func() {})
	w := e.showInWindow(d.Content())
	var b *widget.Button
	for _, o := range objectsOnShow(w) {
		if x, ok := o.(*widget.Button); ok && x.Text == "Copy of her record…" {
			b = x
		}
	}
	if b == nil || !b.Disabled() {
		t.Fatalf("the copy button for a key worker: %v", b)
	}
	if !drawn(w, "to export a woman's whole record") {
		t.Error("the reason the button is off is not shown")
	}
}
