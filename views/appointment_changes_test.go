package views

import (
	"strings"
	"testing"
	"time"

	"perinatal-caseload/models"
)

// TestAttendanceForAFutureAppointmentIsRefusedInTheDialog checks that
// choosing "attended" or "did not attend" for an appointment still to come
// is refused under the choice, with Save off and nothing saved, while a
// cancellation stays possible; once the appointment has started the same
// choice is saved.
//
// Hazard: HAZ-004.
func TestAttendanceForAFutureAppointmentIsRefusedInTheDialog(t *testing.T) {
	e, admin, doc, r := newAcceptedCase(t)
	start := e.clock.Now().In(models.London).AddDate(0, 0, 1)
	a := e.bookAt(admin, doc, r.ID, start.Format("02/01/2006"), "10:00")
	d := showAttendanceDialog(e.session(admin), *a, attendanceCodes, "Record attendance", nil)

	for _, code := range []models.Attendance{models.AttendOnTime, models.AttendDNA} {
		d.Code.SetCode(string(code))
		if !d.Problem.Visible() || !strings.Contains(d.Problem.Text, "cannot have been") || !d.Action.Disabled() {
			t.Errorf("%s for tomorrow: problem %q (shown %v), Save off %v; want refused where chosen",
				code, d.Problem.Text, d.Problem.Visible(), d.Action.Disabled())
		}
	}
	d.Submit() // Ctrl+S does not get round it
	if got := e.appointments(r.ID)[0].Attendance; got != models.AttendFuture {
		t.Fatalf("attendance for a future appointment was saved as %q", got)
	}
	d.Code.SetCode(string(models.AttendCancelledByService))
	if d.Problem.Visible() || d.Action.Disabled() {
		t.Errorf("a cancellation of a future appointment is refused: %q", d.Problem.Text)
	}
	d.Hide()

	e.clock.Set(a.StartsAt.Add(10 * time.Minute))
	d = showAttendanceDialog(e.session(admin), *a, attendanceCodes, "Record attendance", nil)
	d.Code.SetCode(string(models.AttendOnTime))
	if d.Problem.Visible() || d.Action.Disabled() {
		t.Fatalf("attendance once it has started is refused: %q", d.Problem.Text)
	}
	d.Submit()
	if got := e.appointments(r.ID)[0].Attendance; got != models.AttendOnTime {
		t.Fatalf("attendance saved as %q, want attended on time: %s", got, d.Message.Text)
	}
}

// TestAssessmentOutcomeBeforeAttendanceIsRefusedInTheDialog checks that
// the outcome dialog says at once that the assessment has not been
// attended, with Record outcome off, and allows it once attendance is in.
func TestAssessmentOutcomeBeforeAttendanceIsRefusedInTheDialog(t *testing.T) {
	e, admin, doc, r := newAcceptedCase(t)
	start := e.clock.Now().In(models.London).AddDate(0, 0, 1)
	a := e.bookAt(admin, doc, r.ID, start.Format("02/01/2006"), "10:00")
	r, _ = e.svc.Referrals.Get(doc, r.ID)

	d := showAssessmentOutcomeDialog(e.session(doc), r, nil)
	if !d.Action.Disabled() || !strings.Contains(d.Message.Text, "has not been recorded as attended") {
		t.Fatalf("before attendance: message %q, Record outcome off %v; want refused at once", d.Message.Text, d.Action.Disabled())
	}
	d.Hide()

	e.clock.Set(a.StartsAt.Add(time.Hour))
	if err := e.svc.Appointments.RecordAttendance(admin, a.ID, a.Version, models.AttendOnTime, "", ""); err != nil {
		t.Fatal(err)
	}
	r, _ = e.svc.Referrals.Get(doc, r.ID)
	d = showAssessmentOutcomeDialog(e.session(doc), r, nil)
	if d.Action.Disabled() || d.Message.Visible() {
		t.Errorf("after attendance the outcome is refused: %q", d.Message.Text)
	}
}
