package app

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"perinatal-caseload/models"
)

// fieldAtFault returns the message of the error in err for field, or fails.
func fieldAtFault(t *testing.T, err error, field models.FieldID) string {
	t.Helper()
	for _, fe := range models.FieldErrorsIn(err) {
		if fe.Field == field {
			return fe.Message
		}
	}
	t.Fatalf("%v does not name %s", err, field)
	return ""
}

// Hazard: HAZ-015.
func TestRegisterRefusesAnImpossibleDateOfBirthOrDueDate(t *testing.T) {
	s, _, admin := newAdminServices(t)
	received := sampleReferral("").ReceivedAt // 21 November 2026
	day := models.LondonDate(received)
	for _, tc := range []struct {
		name  string
		edit  func(*models.Referral)
		field models.FieldID
		says  string // "" when it is saved
	}{
		{"born tomorrow", func(r *models.Referral) { r.Patient.DateOfBirth = models.LondonDate(testNow).AddDays(1) }, models.FieldDateOfBirth, "in the future"},
		{"aged 9 when referred", func(r *models.Referral) { r.Patient.DateOfBirth = day.AddMonths(-12 * 9) }, models.FieldDateOfBirth, "under 10"},
		{"aged 61 when referred", func(r *models.Referral) { r.Patient.DateOfBirth = day.AddMonths(-12 * 61) }, models.FieldDateOfBirth, "over 60"},
		{"aged 60 when referred", func(r *models.Referral) { r.Patient.DateOfBirth = day.AddMonths(-12 * 61).AddDays(1) }, "", ""},
		{"ten when referred, two years ago", func(r *models.Referral) {
			r.ReceivedAt, r.ExpectedDeliveryDate = received.AddDate(-2, 0, 0), models.Date{}
			r.Patient.DateOfBirth = day.AddMonths(-12 * 12).AddDays(1) // 12 today, 9 then
		}, models.FieldDateOfBirth, "under 10"},
		{"due 11 months after the referral", func(r *models.Referral) { r.ExpectedDeliveryDate = day.AddMonths(11) }, models.FieldDueDate, "more than 10 months"},
		{"due a month before the referral", func(r *models.Referral) { r.ExpectedDeliveryDate = day.AddMonths(-1) }, models.FieldDueDate, "before the date the referral was received"},
		{"due in 9 months", func(r *models.Referral) { r.ExpectedDeliveryDate = day.AddMonths(9) }, "", ""},
		{"a week overdue", func(r *models.Referral) { r.ExpectedDeliveryDate = day.AddDays(-7) }, "", ""},
		{"after birth, due date passed", func(r *models.Referral) {
			r.Stage, r.BabyDateOfBirth, r.ExpectedDeliveryDate = models.StagePostnatal, day.AddDays(-20), day.AddMonths(-1)
		}, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := sampleReferral(testNHSNumber(int(countRows(t, s, "referrals")) + 1))
			tc.edit(r)
			err := s.Referrals.Register(admin, r)
			if tc.says == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if msg := fieldAtFault(t, err, tc.field); !strings.Contains(msg, tc.says) {
				t.Errorf("%s: %q, want it to say %q", tc.field.Label(), msg, tc.says)
			}
			if r.ID != 0 {
				t.Error("the referral was saved")
			}
		})
	}
}

// Hazard: HAZ-015.
func TestImportRefusesAnImpossibleDateOfBirthOrDueDate(t *testing.T) {
	s, _, admin := newAdminServices(t)
	data, err := os.ReadFile(filepath.Join(validFixtures, "accept-bipolar-lithium.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	doc["patient"].(map[string]any)["date_of_birth"] = "1960-01-01"            // 66 in November 2026
	doc["perinatal"].(map[string]any)["expected_delivery_date"] = "2027-11-01" // a year after the referral
	data, _ = json.Marshal(doc)
	path := filepath.Join(t.TempDir(), "impossible.json")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	id, err := s.ImportFile(admin, path)
	var ie *ImportError
	if id != 0 || !errors.As(err, &ie) {
		t.Fatalf("ImportFile = %d, %v; want a refusal", id, err)
	}
	for _, want := range []string{"patient.date_of_birth: the woman would be over 60", "perinatal.expected_delivery_date: it is more than 10 months"} {
		if !strings.Contains(ie.Problem(), want) {
			t.Errorf("import problem %q lacks %q", ie.Problem(), want)
		}
	}
	if countRows(t, s, "referrals") != 0 {
		t.Error("the referral was saved")
	}
}

// Hazard: HAZ-004.
func TestAttendanceCannotBeRecordedBeforeTheAppointmentStarts(t *testing.T) {
	w := newWorkflow(t)
	r := w.accept(nil)
	start := testNow.Add(26 * time.Hour) // 12:00 tomorrow
	a := w.book(r.ID, models.KindInitialAssessment, start, w.doc)
	for _, code := range []models.Attendance{models.AttendOnTime, models.AttendLateSeen, models.AttendDNA, models.AttendLateNotSeen} {
		err := w.s.Appointments.RecordAttendance(w.admin, a.ID, a.Version, code, "", "")
		if msg := fieldAtFault(t, err, models.FieldAttendance); !strings.Contains(msg, "12:00 on 24/11/2026") {
			t.Errorf("%s for tomorrow's appointment: %q; want it refused naming the start", code.Label(), msg)
		}
	}
	appts, _ := w.s.Appointments.ForReferral(w.admin, r.ID)
	if appts[0].Attendance != models.AttendFuture || appts[0].Version != a.Version {
		t.Fatalf("the refused attendance was saved: %+v", appts[0])
	}
	clocks, _ := w.s.Clocks.ForReferral(w.doc, r.ID)
	if clocks.Assessment.State == models.ClockMet {
		t.Error("the assessment clock stopped for an assessment not yet held")
	}

	// Once it has started it can be recorded; a cancellation any time before.
	w.clock.Set(start.Add(5 * time.Minute))
	if err := w.s.Appointments.RecordAttendance(w.admin, a.ID, a.Version, models.AttendOnTime, "", ""); err != nil {
		t.Fatalf("attendance at 12:05: %v", err)
	}
	w.clock.Set(testNow)
	later := w.book(r.ID, models.KindReview, testNow.Add(7*24*time.Hour), w.doc)
	if err := w.s.Appointments.Cancel(w.admin, later.ID, later.Version, true, "Her partner", "Moving house"); err != nil {
		t.Errorf("cancelling next week's appointment: %v", err)
	}
}

// Hazard: HAZ-004.
func TestAnAssessmentOutcomeWaitsForTheAssessment(t *testing.T) {
	w := newWorkflow(t)
	r := w.accept(nil)
	// Accepted, nothing booked.
	err := w.s.Referrals.RecordOutcome(w.doc, r.ID, r.Version, models.OutcomeCaseload, "")
	if msg := fieldAtFault(t, err, models.FieldAssessmentOutcome); !strings.Contains(msg, "not been recorded as attended") {
		t.Errorf("outcome with no assessment: %q", msg)
	}
	// Booked for tomorrow.
	a := w.book(r.ID, models.KindInitialAssessment, testNow.Add(24*time.Hour), w.doc)
	err = w.s.Referrals.RecordOutcome(w.doc, r.ID, w.referral(r.ID).Version, models.OutcomeCaseload, "")
	if msg := fieldAtFault(t, err, models.FieldAssessmentOutcome); !strings.Contains(msg, "10:00 on 24/11/2026") {
		t.Errorf("outcome before tomorrow's assessment: %q", msg)
	}
	if got := w.referral(r.ID).Status; got != models.StatusAssessmentBooked {
		t.Fatalf("status %s after a refused outcome", got)
	}
	// She did not attend: still no outcome.
	w.clock.Set(testNow.Add(25 * time.Hour))
	if err := w.s.Appointments.RecordAttendance(w.admin, a.ID, a.Version, models.AttendDNA, "", ""); err != nil {
		t.Fatal(err)
	}
	err = w.s.Referrals.RecordOutcome(w.doc, r.ID, w.referral(r.ID).Version, models.OutcomeDischarged, "")
	fieldAtFault(t, err, models.FieldAssessmentOutcome)

	// Held at a second booking: now the outcome is recorded, and a later
	// one (caseload after a medical review) needs no new assessment.
	b := w.book(r.ID, models.KindInitialAssessment, w.clock.Now().Add(-time.Minute), w.doc)
	if err := w.s.Appointments.RecordAttendance(w.admin, b.ID, b.Version, models.AttendLateSeen, "", ""); err != nil {
		t.Fatal(err)
	}
	if err := w.s.Referrals.RecordOutcome(w.doc, r.ID, w.referral(r.ID).Version, models.OutcomeMedicalReview, ""); err != nil {
		t.Fatalf("outcome after the assessment: %v", err)
	}
	if err := w.s.Referrals.RecordOutcome(w.doc, r.ID, w.referral(r.ID).Version, models.OutcomeCaseload, "after the review"); err != nil {
		t.Fatalf("caseload after the medical review: %v", err)
	}
}
