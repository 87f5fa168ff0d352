package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

func TestReferralFormScreensAsItIsFilledAndSaves(t *testing.T) {
	e := newTestEnv(t, 0)
	admin := e.addStaff("admin", models.RoleAdministrator)
	f, _, saved := e.referralForm(admin)
	if f.Received.Text != "23/11/2026 10:00" {
		t.Errorf("Received defaults to %q; want now in London time", f.Received.Text)
	}
	fillAcceptableReferral(t, f, "943 476 5919")
	if got := f.Panel.Shown; got.Decision != models.DecisionAccept || got.Priority != models.PriorityRoutine {
		t.Fatalf("panel shows %s, %s; want accept, routine (reasons %q)", got.Decision, got.Priority, got.Reasons)
	}
	if !strings.Contains(f.Panel.Stage.Text, "pregnant") {
		t.Errorf("stage text %q", f.Panel.Stage.Text)
	}

	// A mood stabiliser makes it urgent.
	test.Tap(f.Medicines.AddButton)
	med := f.Medicines.Rows()[0]
	test.Type(med.Name, "Lithium carbonate")
	med.Class.SetCode("mood_stabiliser")
	test.Type(med.Dose, "400mg")
	if f.Panel.Shown.Priority != models.PriorityUrgent || f.Panel.Priority.Text != "URGENT" || f.Panel.Priority.Importance != widget.DangerImportance {
		t.Errorf("after a mood stabiliser the panel shows %q (%v); want URGENT highlighted", f.Panel.Priority.Text, f.Panel.Priority.Importance)
	}
	if !strings.Contains(f.Panel.Flags.Text, models.FlagLabel(models.FlagMoodStabiliser)) {
		t.Errorf("flags %q lack the mood stabiliser", f.Panel.Flags.Text)
	}
	if !strings.Contains(f.Panel.Reasons.Text, "mood stabiliser") {
		t.Errorf("reasons %q do not explain the priority", f.Panel.Reasons.Text)
	}

	// Without consent the service cannot work with her.
	f.Consent.SetCode("no")
	if f.Panel.Shown.Decision != models.DecisionDecline || f.Panel.Decision.Text != models.DecisionDecline.Label() {
		t.Errorf("without consent the panel shows %q; want decline", f.Panel.Decision.Text)
	}
	f.Consent.SetCode("yes")
	if f.Panel.Shown.Decision != models.DecisionAccept {
		t.Errorf("with consent again the panel shows %s", f.Panel.Shown.Decision)
	}

	test.Tap(f.Professionals.AddButton)
	test.Type(f.Professionals.Rows()[0].Name, "Jo Health Visitor")
	test.Type(f.Professionals.Rows()[0].Role, "Health visitor")

	test.Tap(f.SaveButton)
	if *saved == 0 {
		t.Fatalf("not saved: %s", f.Problems.Text)
	}
	r, err := e.svc.Referrals.Get(admin, *saved)
	if err != nil {
		t.Fatal(err)
	}
	if r.Patient.NHSNumberText() != "943 476 5919" || r.Patient.GivenName != "Zoë" || r.Patient.Postcode != "LE3 0AB" {
		t.Errorf("saved patient %+v", r.Patient)
	}
	if r.Priority != models.PriorityUrgent || len(r.Medications) != 1 || r.Medications[0].Class != "mood_stabiliser" ||
		len(r.Conditions) != 1 || len(r.CopyRecipients) != 1 || !r.ReceivedAt.Equal(e.clock.Now()) {
		t.Errorf("saved referral: priority %s, %d medicines, %d conditions, %d copies, received %s",
			r.Priority, len(r.Medications), len(r.Conditions), len(r.CopyRecipients), r.ReceivedAt)
	}
	if f.NHSNumber.Text != "" || f.GivenName.Text != "" {
		t.Error("the form was not cleared for the next referral")
	}

	// The referral is in the list.
	list, _ := e.referralsScreen(admin)
	if list.List.Length() != 1 {
		t.Errorf("the referral list has %d rows; want 1", list.List.Length())
	}
}

func TestReferralFormKnowsAnEarlierReferralAndSavesWithCtrlS(t *testing.T) {
	e := newTestEnv(t, 0)
	admin := e.addStaff("admin", models.RoleAdministrator)
	f, _, saved := e.referralForm(admin)
	fillAcceptableReferral(t, f, "9434765919")
	test.Tap(f.SaveButton)
	first := *saved
	if first == 0 {
		t.Fatalf("first referral not saved: %s", f.Problems.Text)
	}

	test.Type(f.NHSNumber, "943 476 5919")
	if !strings.Contains(f.Panel.Known.Text, "Known to the service: 1 earlier referral") {
		t.Errorf("known text %q", f.Panel.Known.Text)
	}
	if f.GivenName.Text != "Zoë" || f.FamilyName.Text != "Nguyễn" || f.DateOfBirth.Text != "02/03/1994" || f.Postcode.Text != "LE3 0AB" {
		t.Errorf("her details were not filled in: %q %q %q %q", f.GivenName.Text, f.FamilyName.Text, f.DateOfBirth.Text, f.Postcode.Text)
	}
	test.Type(f.ReferrerName, "Sam Midwife")
	f.ReferrerRole.SetCode(string(models.ProfMidwife))
	answerYes(f)
	f.Stage.SetSelected(models.StagePregnant.Label())
	test.Type(f.Reason, "Re-referral: low mood.")
	f.Reason.TypedShortcut(widgets.SaveShortcut)
	if *saved == 0 || *saved == first {
		t.Fatalf("Ctrl+S did not save a second referral: %s", f.Problems.Text)
	}
	second, err := e.svc.Referrals.Get(admin, *saved)
	if err != nil {
		t.Fatal(err)
	}
	one, _ := e.svc.Referrals.Get(admin, first)
	if second.PatientID != one.PatientID {
		t.Errorf("the re-referral has patient %d; want the same woman, %d", second.PatientID, one.PatientID)
	}
}

// Hazard: HAZ-012.
func TestReferralFormRefusesABadNHSNumberAndSavesNothing(t *testing.T) {
	e := newTestEnv(t, 0)
	admin := e.addStaff("admin", models.RoleAdministrator)
	f, w, saved := e.referralForm(admin)
	fillAcceptableReferral(t, f, "999 123 4560")
	// Tab out of the NHS number: leaving the field checks it.
	w.Canvas().Focus(f.NHSNumber)
	w.Canvas().FocusNext()
	if w.Canvas().Focused() != f.GivenName {
		t.Errorf("Tab from the NHS number goes to %T; want the given name", w.Canvas().Focused())
	}
	err := f.NHSNumber.Validate()
	if err == nil || !strings.HasPrefix(err.Error(), "NHS number: ") {
		t.Fatalf("the NHS number's check gives %v; want a message naming the field", err)
	}
	if !drawn(w, "NHS number: the check digit does not match") {
		t.Error("the message is not shown under the NHS number")
	}
	test.Tap(f.SaveButton)
	if *saved != 0 || e.referralCount() != 0 {
		t.Fatalf("a referral with a bad NHS number was saved")
	}
	if !f.Problems.Visible() || !strings.Contains(f.Problems.Text, "NHS number: the check digit") {
		t.Errorf("problems %q should name the NHS number", f.Problems.Text)
	}
	if f.NHSNumber.Text != "999 123 4560" || f.GivenName.Text != "Zoë" || f.Reason.Text == "" {
		t.Error("typed text was lost")
	}
}

func TestReferralFormListsEveryMissingFieldFromTheService(t *testing.T) {
	e := newTestEnv(t, 0)
	admin := e.addStaff("admin", models.RoleAdministrator)
	f, _, saved := e.referralForm(admin)
	test.Type(f.GivenName, "Aisha")
	test.Tap(f.SaveButton)
	if *saved != 0 || e.referralCount() != 0 {
		t.Fatal("an incomplete referral was saved")
	}
	for _, field := range []string{"Family name", "Date of birth", "Postcode", "Referrer name", "Referrer role", "Stage", "Reason for referral"} {
		if !strings.Contains(f.Problems.Text, field+": ") {
			t.Errorf("problems do not name %s:\n%s", field, f.Problems.Text)
		}
	}
	if f.GivenName.Text != "Aisha" {
		t.Error("typed text was lost")
	}
}

func TestReferralFormRefusesAHalfFilledMedicine(t *testing.T) {
	e := newTestEnv(t, 0)
	admin := e.addStaff("admin", models.RoleAdministrator)
	f, _, saved := e.referralForm(admin)
	fillAcceptableReferral(t, f, "9434765919")
	test.Tap(f.Medicines.AddButton)
	test.Type(f.Medicines.Rows()[0].Name, "Sertraline")
	test.Tap(f.SaveButton)
	if *saved != 0 || !strings.Contains(f.Problems.Text, "Medicine 1: choose its class") {
		t.Errorf("saved %d; problems %q", *saved, f.Problems.Text)
	}
}

func TestReferralFormTabGoesThroughTheSectionsInOrder(t *testing.T) {
	e := newTestEnv(t, 0)
	admin := e.addStaff("admin", models.RoleAdministrator)
	f, w, _ := e.referralForm(admin)
	want := []fyne.Focusable{
		f.NHSNumber, f.GivenName, f.FamilyName, f.NameForLetters, f.DateOfBirth, f.Address, f.Postcode, f.Phone, f.Email, f.GPPractice,
		f.Language.Select, f.LanguageOther, f.InterpreterNeeded, f.BSL, f.LargePrint, f.EasyRead, f.Braille,
		f.PreferredContact.Select, f.UnsafeHome, f.SafeAddress, f.SafePostcode, f.NeedsNotes,
		f.ReferrerName, f.ReferrerRole.Select, f.ReferrerOrganisation, f.ReferrerPhone, f.ReferrerEmail, f.ReferrerAddress,
		f.Received, f.Consent.Select, f.RegisteredWithGP.Select, f.LivesInArea.Select, f.FormID,
		f.DueDate, f.BabyBorn, f.Breastfeeding,
		f.Severity.Select, f.Manageable.Select, f.Conditions.AddButton, f.FamilyPP, f.FamilyBipolar, f.PreviousPerinatalTreated, f.SevereImpact,
		f.Medicines.AddButton, f.MedicationAdvice,
		f.CMHTOpen, f.CMHTTeam, f.CareCoordinator, f.Inpatient, f.Ward, f.MBU, f.MBUDischarge, f.SubstanceService, f.EatingService,
		f.Professionals.AddButton, f.Reason, f.Risk, f.SaveButton,
	}
	if f.FirstField() != f.NHSNumber {
		t.Error("the keyboard does not start at the NHS number")
	}
	w.Canvas().Focus(f.NHSNumber)
	next := 1
	for i := 0; i < 200 && next < len(want); i++ {
		w.Canvas().FocusNext()
		if w.Canvas().Focused() == want[next] {
			next++
		}
	}
	if next < len(want) {
		t.Errorf("Tab did not reach item %d (%T) in order", next, want[next])
	}
	if f.Address.AcceptsTab() || f.Reason.AcceptsTab() {
		t.Error("a multi-line box keeps the Tab key, trapping the keyboard")
	}
}

func TestReferralFormRecordsHerCommunicationNeeds(t *testing.T) {
	e := newTestEnv(t, 0)
	admin := e.addStaff("admin", models.RoleAdministrator)
	f, _, saved := e.referralForm(admin)
	fillAcceptableReferral(t, f, "943 476 5919")
	f.Language.SetCode("pl")
	test.Tap(f.InterpreterNeeded)
	test.Tap(f.LargePrint)
	f.PreferredContact.SetCode(string(models.ContactTelephone))
	test.Tap(f.UnsafeHome)
	test.Type(f.SafeAddress, "c/o 4 Park Road\nLoughborough")
	test.Type(f.SafePostcode, "le11 2hb")
	test.Tap(f.SaveButton)
	if *saved == 0 {
		t.Fatalf("not saved: %s", f.Problems.Text)
	}
	r, err := e.svc.Referrals.Get(admin, *saved)
	if err != nil {
		t.Fatal(err)
	}
	want := models.CommunicationNeeds{InterpreterNeeded: true, Language: "pl", LargePrint: true, PreferredContact: models.ContactTelephone,
		UnsafeToWriteHome: true, SafeAddressLines: "c/o 4 Park Road\nLoughborough", SafePostcode: "LE11 2HB"}
	if r.Patient.CommunicationNeeds != want {
		t.Errorf("saved needs %+v; want %+v", r.Patient.CommunicationNeeds, want)
	}

	// A known woman's needs come back with her NHS number.
	test.Type(f.NHSNumber, "943 476 5919")
	if f.Language.Code() != "pl" || !f.InterpreterNeeded.Checked || !f.UnsafeHome.Checked || f.SafePostcode.Text != "LE11 2HB" {
		t.Errorf("her needs were not filled in: %q %v %v %q", f.Language.Code(), f.InterpreterNeeded.Checked, f.UnsafeHome.Checked, f.SafePostcode.Text)
	}
}

// Hazard: HAZ-016.
func TestReferralFormAsksForHerNameInLatinScriptForLetters(t *testing.T) {
	e := newTestEnv(t, 0)
	admin := e.addStaff("admin", models.RoleAdministrator)
	f, w, saved := e.referralForm(admin)
	fillAcceptableReferral(t, f, "943 476 5919")
	f.GivenName.SetText("પ્રિયા")
	f.FamilyName.SetText("પટેલ")
	test.Tap(f.SaveButton)
	if *saved != 0 || e.referralCount() != 0 {
		t.Fatal("a name the letters cannot print was saved without a name for letters")
	}
	if !strings.Contains(f.Problems.Text, "Name for letters: her name is written in Gujarati script") || strings.Contains(f.Problems.Text, "પટેલ") {
		t.Errorf("problems %q; want the name for letters asked for, without her name", f.Problems.Text)
	}
	if w.Canvas().Focused() != f.NameForLetters {
		t.Errorf("the keyboard is in %T; want the name for letters", w.Canvas().Focused())
	}

	// A safe postcode that is not one, a safe address without a postcode and
	// an address too long for the envelope are refused together.
	test.Type(f.NameForLetters, "Priya Patel")
	test.Tap(f.UnsafeHome)
	test.Type(f.SafeAddress, "4 Park Road")
	f.Address.SetText("1\n2\n3\n4\n5\n6")
	test.Tap(f.SaveButton)
	for _, want := range []string{"Safe postcode: enter the postcode of the safe address", "Address: use at most 5 lines"} {
		if !strings.Contains(f.Problems.Text, want) {
			t.Errorf("problems do not say %q:\n%s", want, f.Problems.Text)
		}
	}
	if *saved != 0 {
		t.Fatal("saved with problems")
	}
	f.Address.SetText("12 Example Street\nLeicester")
	test.Type(f.SafePostcode, "LE11 2HB")
	test.Tap(f.SaveButton)
	if *saved == 0 {
		t.Fatalf("not saved: %s", f.Problems.Text)
	}
	r, _ := e.svc.Referrals.Get(admin, *saved)
	if r.Patient.GivenName != "પ્રિયા" || r.Patient.NameForLetters != "Priya Patel" || r.Patient.LetterName() != "Priya Patel" {
		t.Errorf("saved %q %q, for letters %q", r.Patient.GivenName, r.Patient.NameForLetters, r.Patient.LetterName())
	}
}
