package app

import (
	"errors"
	"strings"
	"testing"
	"time"

	"perinatal-caseload/letters"
	"perinatal-caseload/models"
)

// registerCounts is what issuing writes: letters and their audit events.
func registerCounts(t *testing.T, s *Services) (letters, issues int64) {
	t.Helper()
	s.core.db.Table("letters").Count(&letters)
	s.core.db.Table("audit_events").Where("action = ?", ActionIssueLetter).Count(&issues)
	return letters, issues
}

// A kind that does not fit the referral's state is refused with a sentence
// saying why, and the register is unchanged; so is a referral that no
// letter fits yet.
//
// Hazard: HAZ-001.
func TestIssuePackRefusesAKindThatDoesNotFitAndWritesNothing(t *testing.T) {
	w := newWorkflow(t)
	r := w.accept(nil)
	cases := []struct {
		kind models.LetterKind
		want string
	}{
		{models.LetterNotAccepted, "A not-accepted letter cannot be sent: the referral has been accepted and no assessment outcome is recorded yet."},
		{models.LetterOutcomeCaseload, "A caseload outcome letter cannot be sent: the referral has been accepted and no assessment outcome is recorded yet."},
		{models.LetterClosureMovedAway, "A moved-away letter cannot be sent: the referral has been accepted and no assessment outcome is recorded yet."},
		{"thank-you", `"thank-you" is not a kind of letter.`},
	}
	for _, c := range cases {
		_, err := w.s.Letters.IssuePack(w.admin, r.ID, c.kind)
		var fit *models.LetterFitError
		if !errors.As(err, &fit) || err.Error() != c.want {
			t.Errorf("IssuePack(%s) = %v; want %q", c.kind, err, c.want)
		}
		if _, _, err := w.s.Letters.RenderPack(w.admin, nil, r.ID, c.kind); err == nil {
			t.Errorf("RenderPack(%s) drew letters that do not fit", c.kind)
		}
	}
	waiting := register(t, w.s, w.admin, sampleReferral(testNHSNumber(90)))
	_, err := w.s.Letters.IssuePack(w.admin, waiting.ID, "")
	if err == nil || err.Error() != "No letter fits this referral yet: the referral is still awaiting screening." {
		t.Errorf("IssuePack of a referral awaiting screening = %v", err)
	}
	if n, events := registerCounts(t, w.s); n != 0 || events != 0 {
		t.Errorf("refused packs wrote %d letters and %d audit events", n, events)
	}
	if kinds, err := w.s.Letters.FittingKinds(w.admin, r.ID); err != nil || len(kinds) != 1 || kinds[0] != models.LetterAcceptance {
		t.Errorf("FittingKinds(accepted) = %v, %v", kinds, err)
	}
	if kinds, err := w.s.Letters.FittingKinds(w.admin, waiting.ID); err != nil || len(kinds) != 0 {
		t.Errorf("FittingKinds(awaiting screening) = %v, %v", kinds, err)
	}
}

// A letter never offers an appointment that is past or cancelled: issuing
// is refused, naming the appointment by its date and time, until a new one
// is booked.
//
// Hazard: HAZ-002.
func TestIssuePackRefusesAPastOrCancelledAppointment(t *testing.T) {
	w := newWorkflow(t)
	r := w.accept(nil)
	a := w.book(r.ID, models.KindInitialAssessment, time.Date(2026, 11, 30, 14, 30, 0, 0, models.London), w.doc)
	w.clock.Set(time.Date(2026, 12, 1, 9, 0, 0, 0, models.London))
	_, err := w.s.Letters.IssuePack(w.admin, r.ID, models.LetterAcceptance)
	if err == nil || err.Error() != "This letter cannot be issued: the appointment on Monday 30 November 2026 at 14:30 is in the past; book a new one before issuing this letter." {
		t.Fatalf("a letter offering a past appointment = %v", err)
	}
	if err := w.s.Appointments.RecordAttendance(w.admin, a.ID, a.Version, models.AttendCancelledByPatient, "Patient", "Baby unwell."); err != nil {
		t.Fatal(err)
	}
	_, err = w.s.Letters.IssuePack(w.admin, r.ID, "")
	if err == nil || !strings.Contains(err.Error(), "the appointment on Monday 30 November 2026 at 14:30 was cancelled; book a new one") {
		t.Fatalf("a letter offering a cancelled appointment = %v", err)
	}
	if n, events := registerCounts(t, w.s); n != 0 || events != 0 {
		t.Fatalf("refused packs wrote %d letters and %d audit events", n, events)
	}
	w.book(r.ID, models.KindInitialAssessment, time.Date(2026, 12, 7, 11, 0, 0, 0, models.London), w.doc)
	issued, err := w.s.Letters.IssuePack(w.admin, r.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, issued[0].PDF)
	if !strings.Contains(text, "Monday 7 December 2026") || strings.Contains(text, "30 November") {
		t.Errorf("the letter does not offer the new appointment alone:\n%s", text)
	}
}

// withRegistration gives m a profession and registration number.
func withRegistration(t *testing.T, s *Services, manager, m *models.StaffMember, p models.Profession, number, title string) {
	t.Helper()
	m.ProfessionalRegistration = models.ProfessionalRegistration{Profession: p, Number: number}
	m.JobTitle = title
	if err := s.Staff.Update(manager, m); err != nil {
		t.Fatal(err)
	}
}

// The clinician who made the decision signs, with their registration;
// an administrator issuing says so; the register's author is who issued.
//
// Hazard: HAZ-030.
func TestLettersAreSignedByTheResponsibleClinician(t *testing.T) {
	w := newWorkflow(t)
	withRegistration(t, w.s, w.manager, w.doc, models.ProfessionDoctor, "gmc 1234567", "Consultant Perinatal Psychiatrist")
	w.admin.JobTitle = "Team Administrator"
	if err := w.s.Staff.Update(w.manager, w.admin); err != nil {
		t.Fatal(err)
	}
	r := w.accept(nil)
	pack, err := w.s.Letters.BuildPack(w.admin, r.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pack {
		l := p.Letter
		if l.Author.Name != "Test doc" || l.Author.Role != "Consultant Perinatal Psychiatrist" || l.Author.Registration != "GMC 1234567" {
			t.Errorf("letter to %s is signed %+v; want the deciding clinician with her GMC number", l.Recipient.Name, l.Author)
		}
		if l.OnBehalfOf != "Issued by Test admin, Team Administrator, on behalf of Test doc." || l.Draft {
			t.Errorf("letter to %s: on behalf %q, draft %v", l.Recipient.Name, l.OnBehalfOf, l.Draft)
		}
	}
	issued, err := w.s.Letters.IssuePack(w.admin, r.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	if issued[0].AuthorID != w.admin.ID {
		t.Errorf("the register's author is %d; want the administrator who issued it", issued[0].AuthorID)
	}
	text := flatText(pdfText(t, issued[0].PDF))
	if !strings.Contains(text, "Test doc") || strings.Contains(text, "Yours sincerely Test admin") {
		t.Errorf("the issued letter is not signed by the clinician:\n%s", text)
	}

	// The outcome letter is signed by whoever recorded the outcome, and
	// a team manager who issues their own letter needs no line.
	other := addStaff(t, w.s, "doc2", models.RoleClinician)
	withRegistration(t, w.s, w.manager, other, models.ProfessionNurse, "12a3456e", "Perinatal Nurse Prescriber")
	a := w.book(r.ID, models.KindInitialAssessment, w.clock.Now().Add(-time.Hour), other)
	if err := w.s.Appointments.RecordAttendance(w.admin, a.ID, a.Version, models.AttendOnTime, "", ""); err != nil {
		t.Fatal(err)
	}
	if err := w.s.Referrals.RecordOutcome(w.manager, r.ID, w.referral(r.ID).Version, models.OutcomeMedicalReview, ""); err != nil {
		t.Fatal(err)
	}
	pack, err = w.s.Letters.BuildPack(w.manager, r.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	if l := pack[0].Letter; l.Kind != models.LetterOutcomeMedical || l.Author.Name != "Test manager" || l.OnBehalfOf != "" {
		t.Errorf("the outcome letter is %s signed %q on behalf %q; want the medical-review letter signed by who recorded the outcome", l.Kind, l.Author.Name, l.OnBehalfOf)
	}
	got := w.referral(r.ID)
	if got.AssessmentOutcome != models.OutcomeMedicalReview || got.OutcomeByID == nil || *got.OutcomeByID != w.manager.ID || got.OutcomeAt == nil {
		t.Errorf("the referral keeps outcome %q by %v at %v", got.AssessmentOutcome, got.OutcomeByID, got.OutcomeAt)
	}

	// A preview is a draft, signed by the clinician; the command line's
	// system user is never named as the issuer.
	system, _ := w.s.Staff.SystemUser()
	drafts, _, err := w.s.Letters.RenderPack(system, nil, r.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range drafts {
		if !p.Letter.Draft || p.Letter.Author.Name != "Test manager" || p.Letter.OnBehalfOf != "" {
			t.Errorf("preview: draft %v, signed %q, on behalf %q", p.Letter.Draft, p.Letter.Author.Name, p.Letter.OnBehalfOf)
		}
	}
}

// flatText joins text into one line with single spaces.
func flatText(s string) string { return strings.Join(strings.Fields(s), " ") }

// The outcome letter carries what the clinician wrote: under plain
// headings in hers, under the PRSB outpatient-letter headings in the
// professionals' copies.
func TestOutcomeLettersCarryTheClinicalContent(t *testing.T) {
	w := newWorkflow(t)
	r := w.accept(func(r *models.Referral) {
		r.CopyRecipients = []models.CopyRecipient{{Professional: models.Professional{Name: "Siobhán Byrne", Role: "Community midwife", Organisation: "Leicester Royal Infirmary", Address: "Infirmary Square\nLeicester LE1 5WW"}}}
	})
	a := w.book(r.ID, models.KindInitialAssessment, w.clock.Now().Add(-time.Hour), w.doc)
	if err := w.s.Appointments.RecordAttendance(w.admin, a.ID, a.Version, models.AttendOnTime, "", ""); err != nil {
		t.Fatal(err)
	}
	rec := AssessmentRecord{Outcome: models.OutcomeCaseload, Clinical: models.ClinicalContent{
		Summary: "  We talked about your low mood and poor sleep.  ", Plan: "Weekly visits from your key worker.",
		MedicationAdvice: "Continue lithium; level in two weeks.", GPActions: "Please check a lithium level on 7 December.",
	}}
	if err := w.s.Referrals.RecordAssessment(w.doc, r.ID, w.referral(r.ID).Version, AssessmentRecord{Outcome: "cured"}); !hasField(err, "Outcome") {
		t.Errorf("an unknown outcome = %v", err)
	}
	if err := w.s.Referrals.RecordAssessment(w.doc, r.ID, w.referral(r.ID).Version, rec); err != nil {
		t.Fatal(err)
	}
	if got := w.referral(r.ID); got.Summary != "We talked about your low mood and poor sleep." || got.GPActions != rec.Clinical.GPActions {
		t.Errorf("stored clinical content = %+v", got.ClinicalContent)
	}
	if _, err := w.s.Allocations.Allocate(w.manager, r.ID, w.worker.ID, "", true); err != nil {
		t.Fatal(err)
	}
	pack, err := w.s.Letters.BuildPack(w.admin, r.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(pack) < 2 || pack[0].Letter.Kind != models.LetterOutcomeCaseload {
		t.Fatalf("pack of %d letters of %s", len(pack), pack[0].Letter.Kind)
	}
	hers, theirs := pack[0].Letter.Body, pack[1].Letter.Body
	for _, want := range []string{"# Your assessment", "**What we talked about:** We talked about your low mood", "**What we agreed:**", "**Your medicines:**", "**We have asked your GP:** Please check a lithium level"} {
		if !strings.Contains(hers, want) {
			t.Errorf("her letter lacks %q:\n%s", want, hers)
		}
	}
	if strings.Contains(hers, "Clinical summary") {
		t.Errorf("her letter uses the professionals' headings:\n%s", hers)
	}
	for _, want := range []string{"# Clinical summary", "Outcome: open to the perinatal team's caseload", "# Medications and medical devices",
		"# Plan and requested actions", "**Actions for healthcare professionals:** Please check a lithium level", "**Actions for patient or their carer:**"} {
		if !strings.Contains(theirs, want) {
			t.Errorf("the professionals' copy lacks %q:\n%s", want, theirs)
		}
	}
	for _, p := range pack[1:] {
		if p.Letter.Body != theirs {
			t.Errorf("the copy to %s differs from the other professionals'", p.Letter.Recipient.Name)
		}
	}
	if _, err := letters.Render(pack[1].Letter); err != nil {
		t.Errorf("the professionals' copy does not render: %v", err)
	}
}
