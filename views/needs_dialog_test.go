package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"perinatal-caseload/models"
)

func TestNeedsDialogAddsTheSafeAddressAHeldLetterWaitsFor(t *testing.T) {
	e := newTestEnv(t, 0)
	admin := e.addStaff("admin", models.RoleAdministrator)
	r := e.registeredReferral(admin)
	d := showNeedsDialog(e.session(admin), r.Patient, nil)
	test.Tap(d.UnsafeHome)
	test.Type(d.SafeAddress, "c/o 4 Park Road\nLoughborough")
	test.Tap(d.Action)
	if !strings.Contains(d.Message.Text, "Safe postcode: enter the postcode of the safe address") {
		t.Fatalf("without the safe postcode: %q", d.Message.Text)
	}
	test.Type(d.SafePostcode, "le11 2hb")
	d.Language.SetCode("so")
	test.Tap(d.InterpreterNeeded)
	test.Tap(d.Action)
	got, err := e.svc.Referrals.Get(admin, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := models.CommunicationNeeds{UnsafeToWriteHome: true, SafeAddressLines: "c/o 4 Park Road\nLoughborough", SafePostcode: "LE11 2HB",
		Language: "so", InterpreterNeeded: true}
	if got.Patient.CommunicationNeeds != want {
		t.Errorf("saved %+v; want %+v", got.Patient.CommunicationNeeds, want)
	}
	if !strings.Contains(languageText(&got.Patient), "Interpreter: Somali") || !strings.Contains(languageText(&got.Patient), "Do not write home") {
		t.Errorf("her needs are not flagged on her referral: %q", languageText(&got.Patient))
	}
}
