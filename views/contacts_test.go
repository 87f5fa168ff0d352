package views

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

// keyWorkerCase puts Zoë on Kate's caseload, with a key-worker visit that
// Kate held an hour ago, booked by the administrator.
func keyWorkerCase(t *testing.T) (e *testEnv, kate *models.StaffMember, r *models.Referral, visit *models.Appointment) {
	t.Helper()
	e = newTestEnv(t, 0)
	admin := e.addStaff("admin", models.RoleAdministrator)
	doc := e.addStaff("doc", models.RoleClinician)
	manager := e.addStaff("manager", models.RoleManager)
	kate = e.addKeyWorker("kate", 20)
	r = e.acceptedReferral(admin, doc)
	now := e.clock.Now()
	book := func(kind models.AppointmentKind, mode models.Mode, start time.Time, minutes int, clinician *models.StaffMember) *models.Appointment {
		a := &models.Appointment{ReferralID: r.ID, Kind: kind, Mode: mode, StartsAt: start, DurationMinutes: minutes, ClinicianID: clinician.ID}
		if err := e.svc.Appointments.Book(admin, a, true); err != nil {
			t.Fatal(err)
		}
		return a
	}
	first := book(models.KindInitialAssessment, models.ModeVideo, now.Add(-48*time.Hour), 60, doc)
	if err := e.svc.Appointments.RecordAttendance(admin, first.ID, first.Version, models.AttendOnTime, "", ""); err != nil {
		t.Fatal(err)
	}
	got, _ := e.svc.Referrals.Get(e.system, r.ID)
	if err := e.svc.Referrals.RecordOutcome(doc, r.ID, got.Version, models.OutcomeCaseload, "Seen at home."); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.Allocations.Allocate(manager, r.ID, kate.ID, "Test.", true); err != nil {
		t.Fatal(err)
	}
	visit = book(models.KindKeyWorkerContact, models.ModeHomeVisit, now.Add(-time.Hour).Truncate(time.Minute), 45, kate)
	return e, kate, r, visit
}

// Hazard: a signed note altered.
// Hazard: HAZ-032.
func TestAKeyWorkerRecordsAttendanceIsAskedForTheNoteSignsItAndCanThenOnlyAddToIt(t *testing.T) {
	e, kate, r, visit := keyWorkerCase(t)
	m := e.mainWindow()
	e.signIn(m, "kate", testPassword)
	actions := openReferralActions(t, m, r.ID)
	held := -1
	for i, a := range actions.Appointments {
		if a.ID == visit.ID {
			held = i
		}
	}
	if held < 0 {
		t.Fatal("her visit is not listed")
	}
	test.Tap(actions.Details[held])
	panel := actions.Panel
	if panel.RecordAttendance.Disabled() || !panel.Reschedule.Disabled() {
		t.Fatal("the key worker who held the visit cannot record its attendance")
	}
	test.Tap(panel.RecordAttendance)
	panel.Attendance.Code.SetCode(string(models.AttendOnTime))
	test.Tap(panel.Attendance.Action)
	note := panel.Attendance.Note
	if note == nil {
		t.Fatalf("the key worker was not asked for the note (%q)", panel.Attendance.Message.Text)
	}
	start := visit.StartsAt.In(models.London)
	if note.Date.Text != start.Format("02/01/2006") || note.Time.Text != start.Format("15:04") ||
		note.Mode.Code() != string(models.ModeHomeVisit) || note.Duration.Text != "45" ||
		note.Attendance.Code() != string(models.AttendOnTime) || !note.Attendance.Select.Disabled() {
		t.Fatalf("the note is not filled in from the visit: %s %s %s %s %s", note.Date.Text, note.Time.Text, note.Mode.Code(), note.Duration.Text, note.Attendance.Code())
	}
	note.Present[slices.Index(models.ContactParties, models.PartyBaby)].SetChecked(true)
	test.Type(note.Note, "Mood brighter; sleeping better. Plan: visit in two weeks.")
	test.Tap(note.SaveAndSign)
	if note.Message.Visible() {
		t.Fatalf("the note was refused: %s", note.Message.Text)
	}
	c, err := e.svc.Contacts.ForAppointment(kate, visit.ID)
	if err != nil || !c.Signed() || c.AuthorID != kate.ID || c.Present != "woman,baby" || c.Note != "Mood brighter; sleeping better. Plan: visit in two weeks." {
		t.Fatalf("saved %+v, %v", c, err)
	}
	if !drawn(m.window, "Mood brighter; sleeping better.") || !drawn(m.window, "Signed by Test kate") {
		t.Error("her record does not list the signed note")
	}

	// On her record the signed note cannot be edited or signed again, only added to.
	s := e.session(kate)
	sec := newContactsSection(s, r)
	s.Window.SetContent(sec.Content())
	row := sec.Rows[0]
	if sec.Contacts[0].ID != c.ID || !row.Edit.Disabled() || !row.Sign.Disabled() || row.Addendum.Disabled() ||
		!strings.Contains(row.Why.Text, "Signed, so locked: add an addendum") {
		t.Fatalf("signed row: edit %v, sign %v, addendum %v, %q", row.Edit.Disabled(), row.Sign.Disabled(), row.Addendum.Disabled(), row.Why.Text)
	}
	if _, err := e.svc.Contacts.Update(kate, c.ID, c.Version, app.EntryOf(c)); !errors.Is(err, models.ErrNoteSigned) {
		t.Fatalf("the service let a signed note be edited: %v", err)
	}
	test.Tap(row.Addendum)
	test.Type(sec.Adding.Text, "Correction: the health visitor was there too.")
	test.Tap(sec.Adding.Action)
	rows, _, err := e.svc.Contacts.ForReferral(kate, r.ID, 10)
	if err != nil || rows[0].Note != c.Note || len(rows[0].Addenda) != 1 || rows[0].Addenda[0].Text != "Correction: the health visitor was there too." {
		t.Fatalf("after the addendum: %+v, %v", rows[0], err)
	}
	if !strings.Contains(labelsOnShow(s.Window), " · 1 addendum\n") {
		t.Error("the row does not count the addendum")
	}
}

func TestAContactIsAddedUnsignedThenSignedAfterAsking(t *testing.T) {
	e, kate, r, _ := keyWorkerCase(t)
	s := e.session(kate)
	sec := newContactsSection(s, r)
	s.Window.SetContent(sec.Content())
	before := len(sec.Rows)
	test.Tap(sec.Add)
	d := sec.Open
	d.Time.SetText(e.clock.Now().Add(2 * time.Hour).In(models.London).Format("15:04"))
	test.Tap(d.Action)
	if !strings.Contains(d.Message.Text, "is in the future") {
		t.Fatalf("a contact later today was not refused: %q", d.Message.Text)
	}
	d.Time.SetText(e.clock.Now().Add(-10 * time.Minute).In(models.London).Format("15:04"))
	test.Type(d.Note, "Rang her: baby unwell, visit moved.")
	test.Tap(d.Action)
	if d.Message.Visible() || len(sec.Rows) != before+1 {
		t.Fatalf("not added: %q", d.Message.Text)
	}
	row := sec.Rows[0]
	if row.Sign.Disabled() || row.Edit.Disabled() || !row.Addendum.Disabled() || !strings.Contains(row.Summary.Text, "Telephone · 30 min · Her · Attended on time · Unsigned") {
		t.Fatalf("unsigned row: %q", row.Summary.Text)
	}
	test.Tap(row.Sign)
	tapButton(t, s.Window, "Sign the note")
	if !sec.Contacts[0].Signed() || !strings.Contains(sec.Rows[0].Summary.Text, "Signed by Test kate") {
		t.Fatalf("not signed: %q (%q)", sec.Rows[0].Summary.Text, sec.Message.Text)
	}
	// Someone else sees why they cannot sign the one Kate has not.
	unsigned := sec.Contacts[len(sec.Contacts)-1]
	if unsigned.Signed() {
		t.Fatal("the assessment's note, by the clinician, should still be unsigned")
	}
	other := e.addKeyWorker("lee", 20)
	lee := newContactsSection(e.session(other), r)
	last := lee.Rows[len(lee.Rows)-1]
	if !last.Sign.Disabled() || !last.Edit.Disabled() || !strings.Contains(last.Why.Text, "who wrote it, can edit or sign it") {
		t.Errorf("another's unsigned note: %q", last.Why.Text)
	}
}
