package views

import (
	"bytes"
	"image"
	"image/png"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

// attendedCase is Zoë Nguyễn's accepted referral with her initial
// assessment held an hour ago, as read now.
func attendedCase(t *testing.T) (e *testEnv, admin, doc *models.StaffMember, r *models.Referral) {
	t.Helper()
	e, admin, doc, r = newAcceptedCase(t)
	a := &models.Appointment{ReferralID: r.ID, Kind: models.KindInitialAssessment, Mode: models.ModeVideo,
		StartsAt: e.clock.Now().Add(-time.Hour), DurationMinutes: 60, ClinicianID: doc.ID}
	if err := e.svc.Appointments.Book(admin, a, true); err != nil {
		t.Fatal(err)
	}
	if err := e.svc.Appointments.RecordAttendance(admin, a.ID, a.Version, models.AttendOnTime, "", ""); err != nil {
		t.Fatal(err)
	}
	r, err := e.svc.Referrals.Get(doc, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	return e, admin, doc, r
}

// The clinician writes what was discussed, the plan, medication advice and
// actions for the GP with the outcome; the referral keeps them for the
// outcome letter.
func TestOutcomeDialogRecordsTheClinicalContent(t *testing.T) {
	e, _, doc, r := attendedCase(t)
	done := 0
	d := showAssessmentOutcomeDialog(e.session(doc), r, func() { done++ })
	if len(d.Outcome.Options) != 3 || d.Outcome.Options[0] != models.OutcomeCaseload.Label() {
		t.Fatalf("outcomes offered: %q", d.Outcome.Options)
	}
	d.Choose(models.OutcomeCaseload)
	test.Type(d.Summary, "We talked about your sleep and low mood.")
	test.Type(d.Plan, "Weekly visits from your key worker.")
	test.Type(d.Medication, "Continue sertraline 50mg.")
	test.Type(d.GPActions, "Please continue to prescribe sertraline.")
	test.Tap(d.Action)
	if d.Message.Visible() || done != 1 {
		t.Fatalf("the outcome was not recorded: %q", d.Message.Text)
	}
	got, _ := e.svc.Referrals.Get(doc, r.ID)
	want := models.ClinicalContent{Summary: "We talked about your sleep and low mood.", Plan: "Weekly visits from your key worker.",
		MedicationAdvice: "Continue sertraline 50mg.", GPActions: "Please continue to prescribe sertraline."}
	if got.Status != models.StatusCaseload || got.AssessmentOutcome != models.OutcomeCaseload || got.ClinicalContent != want || *got.OutcomeByID != doc.ID {
		t.Errorf("after recording: %s, %q, %+v", got.Status, got.AssessmentOutcome, got.ClinicalContent)
	}
}

// The issue dialog offers only the kinds of letter that fit the referral,
// and none, saying why, when none does.
//
// Hazard: HAZ-001.
func TestIssueDialogOffersOnlyTheKindsThatFit(t *testing.T) {
	e, admin, _, r := newAcceptedCase(t)
	w := e.showInWindow(nil)
	d := showIssueLettersDialog(e.sessionIn(admin, w), r.ID, nil)
	if len(d.Kind.Options) != 1 || d.Kind.Options[0] != models.LetterAcceptance.Label() || d.Kind.Disabled() {
		t.Errorf("an accepted referral is offered %q", d.Kind.Options)
	}
	d.dialog.Hide()

	nhs, no := "9000000009", false
	waiting := &models.Referral{
		ReceivedAt: e.clock.Now().Add(-time.Hour),
		Patient: models.Patient{NHSNumber: &nhs, GivenName: "Łucja", FamilyName: "Kowalczyk", DateOfBirth: models.NewDate(1990, 1, 1),
			AddressLines: "1 Sample Street\nLeicester", Postcode: "LE1 1AA"},
		Referrer:        models.Professional{Name: "Dr Amira Patel", Role: string(models.ProfGP), Organisation: "Westcotes Medical Centre"},
		ConsentObtained: true, RegisteredWithGP: true, LivesInArea: true,
		Stage: models.StagePregnant, ExpectedDeliveryDate: models.NewDate(2027, 3, 15),
		Severity: models.SeveritySevere, ManageableInPrimaryCare: &no,
		Conditions:        []models.Condition{{Code: "bipolar_disorder", Status: models.ConditionCurrent}},
		ReasonForReferral: "Bipolar disorder, 20 weeks pregnant.",
	}
	if err := e.svc.Referrals.Register(admin, waiting); err != nil {
		t.Fatal(err)
	}
	d = showIssueLettersDialog(e.sessionIn(admin, w), waiting.ID, nil)
	if len(d.Kind.Options) != 0 || !d.Kind.Disabled() || !d.Issue.Disabled() {
		t.Errorf("a referral awaiting screening is offered %q (issue enabled %v)", d.Kind.Options, !d.Issue.Disabled())
	}
	if d.Message.Text != "No letter fits this referral yet: the referral is still awaiting screening." {
		t.Errorf("the dialog says %q", d.Message.Text)
	}
	d.dialog.Hide()

	// After the outcome, only the outcome letter is offered.
	e2, admin2, doc2, attended := attendedCase(t)
	if err := e2.svc.Referrals.RecordOutcome(doc2, attended.ID, attended.Version, models.OutcomeMedicalReview, ""); err != nil {
		t.Fatal(err)
	}
	w2 := e2.showInWindow(nil)
	d = showIssueLettersDialog(e2.sessionIn(admin2, w2), attended.ID, nil)
	if len(d.Kind.Options) != 1 || d.Kind.Options[0] != models.LetterOutcomeMedical.Label() || d.Kind.Selected != models.LetterOutcomeMedical.Label() {
		t.Errorf("after a medical-review outcome the dialog offers %q, chose %q", d.Kind.Options, d.Kind.Selected)
	}
}

// Closing because she moved away asks for the team now caring for her,
// and the referral keeps it for her closure letter.
func TestDischargeDialogAsksWhatTheClosureLetterNeeds(t *testing.T) {
	e := newTestEnv(t, 0)
	admin := e.addStaff("admin", models.RoleAdministrator)
	doc := e.addStaff("doc", models.RoleClinician)
	kate := e.addKeyWorker("kate", 20)
	r := e.acceptedReferral(admin, doc)
	r, _ = e.svc.Referrals.Get(kate, r.ID)
	done := 0
	d := showDischargeDialog(e.session(kate), r, func() { done++ })
	for _, o := range d.Reason.Options {
		if o == models.ClosureDischargedWithAdvice.Label() {
			t.Error("the dialog offers discharge with advice, which is an assessment outcome")
		}
	}
	if d.transfer.Visible() || d.recovery.Visible() {
		t.Error("the letter's fields show before a reason is chosen")
	}
	chooseOption(t, d.Reason, "Treatment complete")
	if d.transfer.Visible() || !d.recovery.Visible() {
		t.Error("treatment complete does not ask what helped, or asks for a new team")
	}
	chooseOption(t, d.Reason, "Moved away")
	if !d.transfer.Visible() || d.recovery.Visible() {
		t.Fatal("moved away does not ask for the team now caring for her")
	}
	test.Tap(d.Action)
	if d.Confirm != nil || !strings.HasPrefix(d.Message.Text, "Transferred to: ") {
		t.Fatalf("closing without the new team: %q", d.Message.Text)
	}
	test.Type(d.TransferredTo, "Nottingham Perinatal Team\n0115 000 0000")
	test.Tap(d.Action)
	if d.Confirm == nil {
		t.Fatalf("closing did not ask first: %q", d.Message.Text)
	}
	d.Confirm.Confirm()
	got, _ := e.svc.Referrals.Get(kate, r.ID)
	if done != 1 || got.Status != models.StatusClosed || got.TransferredTo != "Nottingham Perinatal Team\n0115 000 0000" {
		t.Errorf("after closing: done %d, %s, transferred to %q", done, got.Status, got.TransferredTo)
	}
}

// testPNG returns a small PNG image.
func testPNG(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 160, 50))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// The staff dialog keeps a profession, a registration number checked
// against the register's shape, and a signature image.
func TestStaffDialogKeepsRegistrationAndSignature(t *testing.T) {
	e := newTestEnv(t, 0)
	manager := e.addStaff("manager", models.RoleManager)
	doc := e.addStaff("doc", models.RoleClinician)
	m, _ := e.svc.Staff.Get(doc.ID)
	saved := 0
	d := showEditStaffDialog(e.session(manager), *m, func() { saved++ })
	chooseOption(t, d.Profession, "Doctor")
	test.Type(d.Registration, "12345")
	test.Tap(d.Action)
	if !strings.Contains(d.Message.Text, "Registration number: a GMC reference number has 7 digits") {
		t.Fatalf("a short GMC number shows %q", d.Message.Text)
	}
	d.Registration.SetText("GMC 1234567")
	if err := d.Signature.Use([]byte("not an image")); err == nil {
		t.Error("the picker took something that is not an image")
	}
	img := testPNG(t)
	if err := d.Signature.Use(img); err != nil {
		t.Fatal(err)
	}
	test.Tap(d.Action)
	if saved != 1 {
		t.Fatalf("saving shows %q", d.Message.Text)
	}
	got, _ := e.svc.Staff.Get(doc.ID)
	if got.Profession != models.ProfessionDoctor || got.Number != "1234567" || !bytes.Equal(got.Signature, img) {
		t.Errorf("saved %s %q, signature %d bytes", got.Profession, got.Number, len(got.Signature))
	}
	again := showEditStaffDialog(e.session(manager), *got, nil)
	if again.Profession.Selected != "Doctor" || again.Registration.Text != "1234567" || again.Signature.Remove.Disabled() {
		t.Errorf("the dialog reopens with %q %q", again.Profession.Selected, again.Registration.Text)
	}
}

// Each person may add their own signature image.
func TestMySignatureSetsTheSignedInPersonsSignature(t *testing.T) {
	e := newTestEnv(t, 0)
	doc := e.addStaff("doc", models.RoleClinician)
	d := showMySignatureDialog(e.session(doc))
	if !d.Picker.Remove.Disabled() {
		t.Error("Remove is offered with no signature set")
	}
	img := testPNG(t)
	if err := d.Picker.Use(img); err != nil {
		t.Fatal(err)
	}
	test.Tap(d.Action)
	if d.Message.Visible() {
		t.Fatalf("saving shows %q", d.Message.Text)
	}
	if got, _ := e.svc.Staff.Get(doc.ID); !bytes.Equal(got.Signature, img) {
		t.Error("the signature was not saved")
	}
}

// A face-to-face appointment is booked at one of the team's bases.
func TestBookingChoosesABaseForFaceToFace(t *testing.T) {
	e, admin, doc, r := newAcceptedCase(t)
	bases := "Brandon Unit\nGwendolen Road\nLeicester LE5 4PW\n\nMarket Harborough clinic\n1 Sample Street\nMarket Harborough LE16 0AA"
	if err := e.svc.Settings.Set(admin, app.SetBases, bases, 0); err != nil {
		t.Fatal(err)
	}
	d := showBookAppointmentDialog(e.session(admin), r, models.KindInitialAssessment, nil)
	if d.place.Visible() {
		t.Error("the base shows for a video appointment")
	}
	d.Mode.SetCode(string(models.ModeFaceToFace))
	if !d.place.Visible() || len(d.Base.Options) != 2 || d.Base.Selected != "Brandon Unit" {
		t.Fatalf("face to face offers %q, chosen %q", d.Base.Options, d.Base.Selected)
	}
	chooseOption(t, d.Base, "Market Harborough")
	chooseOption(t, d.Clinician, doc.Name)
	test.Type(d.Date, "30/11/2026")
	test.Type(d.Time, "10:00")
	test.Tap(d.Action)
	if d.Message.Visible() {
		t.Fatalf("booking shows %q", d.Message.Text)
	}
	if got := e.appointments(r.ID); len(got) != 1 || got[0].Venue != "Market Harborough clinic\n1 Sample Street\nMarket Harborough LE16 0AA" {
		t.Errorf("booked %+v", got)
	}
}
