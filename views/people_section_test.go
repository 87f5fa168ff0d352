package views

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"perinatal-caseload/models"
)

// openAsKeyWorker allocates the registered referral to a new key worker
// and opens it for them on the Referrals screen, with its actions.
func (e *testEnv) openAsKeyWorker(t *testing.T) (*referralsScreen, fyne.Window, *models.Referral) {
	admin := e.addStaff("admin", models.RoleAdministrator)
	manager := e.addStaff("manager", models.RoleManager)
	worker := e.addStaff("worker", models.RoleKeyWorker)
	r := e.registeredReferral(admin)
	if _, err := e.svc.Allocations.Allocate(manager, r.ID, worker.ID, "", true); err != nil {
		t.Fatal(err)
	}
	w := e.showInWindow(nil)
	s := newReferralsScreen(e.sessionIn(worker, w), false)
	s.DetailActions = referralActions(e.sessionIn(worker, w))
	w.SetContent(s.Content())
	s.Open(r.ID)
	if s.Detail == nil {
		t.Fatal("the referral did not open")
	}
	return s, w, r
}

func TestHerKeyWorkerEditsHerTelephoneAndSeesItOnHerRecord(t *testing.T) {
	e := newTestEnv(t, 0)
	s, w, r := e.openAsKeyWorker(t)
	tapButton(t, w, "Edit her details…")
	phone := findEntry(t, w, "Mobile or landline")
	phone.SetText("07700 900456")
	findSelect(t, w, "Not asked").SetSelectedIndex(1) // yes
	tapButton(t, w, "Save")
	if !drawn(w, "07700 900456") {
		t.Fatalf("her new telephone is not on her record:\n%s", labelsOnShow(w))
	}
	if !strings.Contains(labelsOnShow(w), "Yes") {
		t.Error("whether messages may be left is not on her record")
	}
	got, err := e.svc.Referrals.Get(s.actor, r.ID)
	if err != nil || got.Patient.Phone != "07700 900456" || got.Patient.PhoneMessages != models.AnswerYes || got.Patient.Version != r.Patient.Version+1 {
		t.Errorf("saved %q, %q at version %d, %v", got.Patient.Phone, got.Patient.PhoneMessages, got.Patient.Version, err)
	}
}

func TestABirthAndHerPartnerAreRecordedFromHerRecord(t *testing.T) {
	e := newTestEnv(t, 0)
	_, w, _ := e.openAsKeyWorker(t)
	e.clock.Set(time.Date(2027, 3, 22, 10, 0, 0, 0, time.UTC))
	tapButton(t, w, "Record a birth…")
	findEntry(t, w, "DD/MM/YYYY").SetText("08/03/2027")
	findEntry(t, w, "Blank if not yet named").SetText("Amara")
	tapButton(t, w, "Record")
	if text := labelsOnShow(w); !strings.Contains(text, "Born 08/03/2027: Amara") || !strings.Contains(text, "2 weeks after birth") {
		t.Fatalf("the birth and her stage are not on her record:\n%s", text)
	}
	tapButton(t, w, "Add a person…")
	findSelect(t, w, "Choose").SetSelectedIndex(0) // partner
	tapButton(t, w, "Save")
	if !drawn(w, "Name: enter their name") {
		t.Errorf("a person without a name is not refused:\n%s", labelsOnShow(w))
	}
}
