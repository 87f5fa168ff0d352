package app

import (
	"errors"
	"strings"
	"testing"
	"time"

	"perinatal-caseload/models"
)

// visit is a home visit an hour before now, with her and the baby there.
func visit(note string) ContactEntry {
	return ContactEntry{
		At: testNow.Add(-time.Hour), Mode: models.ModeHomeVisit, DurationMinutes: 45, Attendance: models.AttendOnTime,
		Present: []models.ContactParty{models.PartyBaby, models.PartyWoman}, Note: note,
	}
}

// auditCount counts the audit events of action on entity id.
func auditCount(t *testing.T, w *workflow, entity string, id uint, action string) int64 {
	t.Helper()
	var n int64
	if err := w.s.core.db.Table("audit_events").Where("entity = ? AND entity_id = ? AND action = ?", entity, id, action).Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

// Hazard: a signed note altered.
// Hazard: HAZ-032.
func TestASignedNoteCannotBeEditedOnlyAddedTo(t *testing.T) {
	w := newWorkflow(t)
	r := w.onCaseload(nil, w.worker)
	c, err := w.s.Contacts.Record(w.worker, r.ID, visit("Mood low; sleeping 3 hours."))
	if err != nil {
		t.Fatal(err)
	}
	if c.AuthorID != w.worker.ID || c.Present != "woman,baby" || c.Signed() || auditCount(t, w, "contact", c.ID, ActionCreate) != 1 {
		t.Fatalf("recorded %+v", c)
	}
	// Another member of the team can neither edit nor sign it.
	if _, err := w.s.Contacts.Update(w.doc, c.ID, c.Version, visit("Changed by someone else.")); !errors.Is(err, models.ErrNotNoteAuthor) {
		t.Errorf("another's edit: %v", err)
	}
	if _, err := w.s.Contacts.Sign(w.doc, c.ID, c.Version); !errors.Is(err, models.ErrNotNoteAuthor) {
		t.Errorf("another's signature: %v", err)
	}
	// Its author edits it, then signs it from a stale read: a conflict.
	c, err = w.s.Contacts.Update(w.worker, c.ID, c.Version, visit("Mood low; sleeping 3 hours. Partner supportive."))
	if err != nil {
		t.Fatal(err)
	}
	var conflict *ConflictError
	if _, err := w.s.Contacts.Sign(w.worker, c.ID, c.Version-1); !errors.As(err, &conflict) || conflict.ChangedBy != w.worker.Name {
		t.Errorf("stale signature: %v", err)
	}
	// An addendum to an unsigned note is refused: it can still be edited.
	if _, err := w.s.Contacts.AddAddendum(w.worker, c.ID, "More."); !hasField(err, "Addendum") {
		t.Errorf("addendum to an unsigned note: %v", err)
	}
	w.clock.Advance(10 * time.Minute)
	signed, err := w.s.Contacts.Sign(w.worker, c.ID, c.Version)
	if err != nil {
		t.Fatal(err)
	}
	if !signed.Signed() || *signed.SignedByID != w.worker.ID || !signed.SignedAt.Equal(w.clock.Now()) {
		t.Fatalf("signed %+v", signed)
	}
	// Locked: neither its author nor anyone else can change it, or sign it again.
	for _, by := range []*models.StaffMember{w.worker, w.manager} {
		if _, err := w.s.Contacts.Update(by, c.ID, signed.Version, visit("Rewritten.")); !errors.Is(err, models.ErrNoteSigned) {
			t.Errorf("edit of a signed note by %s: %v", by.Name, err)
		}
	}
	if _, err := w.s.Contacts.Sign(w.worker, c.ID, signed.Version); err == nil || !strings.Contains(err.Error(), "add an addendum") {
		t.Errorf("second signature: %v", err)
	}
	// Added to by a dated addendum, by anyone who updates caseloads.
	w.clock.Advance(24 * time.Hour)
	if _, err := w.s.Contacts.AddAddendum(w.doc, c.ID, "  "); !hasField(err, "Addendum") {
		t.Errorf("blank addendum: %v", err)
	}
	add, err := w.s.Contacts.AddAddendum(w.doc, c.ID, "Correction: sleeping 4 hours, not 3.")
	if err != nil {
		t.Fatal(err)
	}
	if auditCount(t, w, "contact_addendum", add.ID, ActionCreate) != 1 {
		t.Error("the addendum was not audited")
	}
	rows, total, err := w.s.Contacts.ForReferral(w.worker, r.ID, 10)
	if err != nil {
		t.Fatal(err)
	}
	var got *ContactRow
	for i := range rows {
		if rows[i].ID == c.ID {
			got = &rows[i]
		}
	}
	if got == nil || total != int64(len(rows)) || got.Note != "Mood low; sleeping 3 hours. Partner supportive." ||
		got.AuthorName != w.worker.Name || got.SignedByName != w.worker.Name || len(got.Addenda) != 1 ||
		got.Addenda[0].AuthorName != w.doc.Name || !got.Addenda[0].At.Equal(w.clock.Now()) || got.Addenda[0].Text != "Correction: sleeping 4 hours, not 3." {
		t.Fatalf("listed %+v of %d", got, total)
	}
	if auditCount(t, w, "contact", c.ID, ActionUpdate) != 2 {
		t.Error("the edit and the signature were not both audited")
	}
}

func TestContactsAreValidatedAndPermissionChecked(t *testing.T) {
	w := newWorkflow(t)
	r := w.onCaseload(nil, w.worker)
	future := visit("")
	future.At = testNow.Add(time.Hour)
	if _, err := w.s.Contacts.Record(w.worker, r.ID, future); !hasField(err, "Date and time") {
		t.Errorf("future contact: %v", err)
	}
	long := visit("")
	long.DurationMinutes = 601
	if _, err := w.s.Contacts.Record(w.worker, r.ID, long); !hasField(err, "Duration") {
		t.Errorf("601 minutes: %v", err)
	}
	signEmpty := visit(" ")
	signEmpty.Sign = true
	if _, err := w.s.Contacts.Record(w.worker, r.ID, signEmpty); !hasField(err, "Note") {
		t.Errorf("signing no note: %v", err)
	}
	if _, err := w.s.Contacts.Record(w.worker, 999999, visit("x")); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown referral: %v", err)
	}
	var refused *PermissionError
	if _, err := w.s.Contacts.Record(w.admin, r.ID, visit("x")); !errors.As(err, &refused) {
		t.Errorf("an administrator recorded a contact: %v", err)
	}
	if _, _, err := w.s.Contacts.ForReferral(w.admin, r.ID, 10); err != nil {
		t.Errorf("an administrator cannot read her contacts: %v", err)
	}
	// Recorded and signed at once, by a telephone call with nobody but her.
	call := ContactEntry{At: testNow.Add(-10 * time.Minute), Mode: models.ModeTelephone, DurationMinutes: 10,
		Attendance: models.AttendOnTime, Present: []models.ContactParty{models.PartyWoman}, Note: "Rang to check on her.", Sign: true}
	c, err := w.s.Contacts.Record(w.worker, r.ID, call)
	if err != nil || !c.Signed() || c.Mode.MHSDSConsultationCode() != "02" {
		t.Fatalf("signed call: %+v, %v", c, err)
	}
	got, err := w.s.Contacts.Get(w.doc, c.ID)
	if err != nil || got.Note != call.Note || got.AuthorName != w.worker.Name {
		t.Errorf("Get = %+v, %v", got, err)
	}
	var views int64
	w.s.core.db.Table("audit_events").Where("entity = ? AND entity_id = ? AND action = ? AND detail LIKE ?", "referral", r.ID, ActionView, "%contact note%").Count(&views)
	if views < 2 {
		t.Errorf("views of her notes audited %d times", views)
	}
}

func TestContactsAreListedNewestFirstAPageAtATime(t *testing.T) {
	w := newWorkflow(t)
	r := w.onCaseload(nil, w.worker)
	for i := range 5 {
		e := visit("Visit " + string(rune('A'+i)))
		e.At = testNow.Add(-time.Duration(10-i) * 24 * time.Hour)
		if _, err := w.s.Contacts.Record(w.worker, r.ID, e); err != nil {
			t.Fatal(err)
		}
	}
	rows, total, err := w.s.Contacts.ForReferral(w.worker, r.ID, 3)
	if err != nil {
		t.Fatal(err)
	}
	// Five visits and, newest, the initial assessment's contact.
	if total != 6 || len(rows) != 3 || rows[0].AppointmentID == nil || rows[1].Note != "Visit E" || rows[2].Note != "Visit D" {
		t.Fatalf("%d of %d: %+v", len(rows), total, rows)
	}
}

func TestAttendanceMakesTheAppointmentsContact(t *testing.T) {
	w := newWorkflow(t)
	r := w.onCaseload(nil, w.worker)
	contactOf := func(a *models.Appointment) *models.Contact {
		t.Helper()
		c, err := w.s.Contacts.ForAppointment(w.worker, a.ID)
		if errors.Is(err, ErrNotFound) {
			return nil
		}
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	// The initial assessment, recorded by the administrator: the clinician writes its note.
	first, _ := w.s.Appointments.ForReferral(w.worker, r.ID)
	if c := contactOf(&first[0]); c == nil || c.AuthorID != w.doc.ID || c.Attendance != models.AttendOnTime || c.Present != "woman" || c.Note != "" || c.Signed() {
		t.Fatalf("assessment's contact %+v", c)
	}
	// The key worker's own appointment: she may record that it was held, and writes the note.
	a := w.book(r.ID, models.KindKeyWorkerContact, testNow.Add(-2*time.Hour), w.worker)
	if contactOf(a) != nil {
		t.Fatal("a contact before the attendance")
	}
	if err := w.s.Appointments.RecordAttendance(w.worker, a.ID, a.Version, models.AttendLateSeen, "", ""); err != nil {
		t.Fatalf("the key worker recording her own appointment: %v", err)
	}
	c := contactOf(a)
	if c == nil || c.AuthorID != w.worker.ID || c.Attendance != models.AttendLateSeen || !c.At.Equal(a.StartsAt) || c.Mode != a.Mode || c.DurationMinutes != 60 || *c.AppointmentID != a.ID {
		t.Fatalf("key-worker contact %+v", c)
	}
	// Its attendance follows the appointment, not an edit of the note.
	e := EntryOf(c)
	e.Note, e.Attendance = "Seen late; well.", models.AttendOnTime
	if _, err := w.s.Contacts.Update(w.worker, c.ID, c.Version, e); !hasField(err, "Attendance") {
		t.Errorf("attendance changed on the contact: %v", err)
	}
	e.Attendance, e.Sign = models.AttendLateSeen, true
	if _, err := w.s.Contacts.Update(w.worker, c.ID, c.Version, e); err != nil {
		t.Fatal(err)
	}
	// Corrected on the appointment after signing: the code follows, the note stays.
	held := appointmentByID(t, w, r.ID, a.ID)
	if err := w.s.Appointments.RecordAttendance(w.admin, held.ID, held.Version, models.AttendOnTime, "", ""); err != nil {
		t.Fatal(err)
	}
	if c := contactOf(a); c.Attendance != models.AttendOnTime || c.Note != "Seen late; well." || !c.Signed() {
		t.Errorf("corrected contact %+v", c)
	}
	// Another clinician's appointment: the key worker may not record it.
	other := w.book(r.ID, models.KindMedicalReview, testNow.Add(-3*time.Hour), w.doc)
	var refused *PermissionError
	if err := w.s.Appointments.RecordAttendance(w.worker, other.ID, other.Version, models.AttendOnTime, "", ""); !errors.As(err, &refused) {
		t.Errorf("the key worker recorded another's appointment: %v", err)
	}
	// A missed one makes its contact (with nobody there), and its follow-up task.
	if err := w.s.Appointments.RecordAttendance(w.doc, other.ID, other.Version, models.AttendDNA, "", ""); err != nil {
		t.Fatal(err)
	}
	if c := contactOf(other); c == nil || c.Attendance != models.AttendDNA || c.Present != "" || c.AuthorID != w.doc.ID {
		t.Errorf("missed contact %+v", c)
	}
	// Set back to not yet held: a contact with nothing written goes.
	x := appointmentByID(t, w, r.ID, other.ID)
	if err := w.s.Appointments.RecordAttendance(w.doc, x.ID, x.Version, models.AttendFuture, "", ""); err != nil {
		t.Fatal(err)
	}
	if c := contactOf(other); c != nil {
		t.Errorf("contact kept for an appointment not yet held: %+v", c)
	}
}

// appointmentByID reads appointment id of referral referralID as it is now.
func appointmentByID(t *testing.T, w *workflow, referralID, id uint) models.Appointment {
	t.Helper()
	list, err := w.s.Appointments.ForReferral(w.worker, referralID)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range list {
		if a.ID == id {
			return a
		}
	}
	t.Fatalf("appointment %d not found", id)
	return models.Appointment{}
}

func TestTheCaseloadsLastContactIsTheLastContactSeen(t *testing.T) {
	w := newWorkflow(t)
	r := w.onCaseload(nil, w.worker)
	lastOf := func() *time.Time {
		t.Helper()
		rows, err := w.s.Caseload.Caseload(w.worker, CaseloadFilter{KeyWorkerID: w.worker.ID})
		if err != nil || len(rows) != 1 {
			t.Fatalf("caseload %+v, %v", rows, err)
		}
		return rows[0].LastContact
	}
	first, _ := w.s.Appointments.ForReferral(w.worker, r.ID)
	if got := lastOf(); got == nil || !got.Equal(first[0].StartsAt) {
		t.Fatalf("last contact %v, want the assessment at %v", got, first[0].StartsAt)
	}
	// A telephone call, not booked, is a real contact.
	call := visit("Rang her.")
	call.Mode, call.At = models.ModeTelephone, testNow.Add(-20*time.Minute)
	if _, err := w.s.Contacts.Record(w.worker, r.ID, call); err != nil {
		t.Fatal(err)
	}
	// A missed visit later still is not.
	missed := visit("")
	missed.At, missed.Attendance, missed.Present = testNow.Add(-5*time.Minute), models.AttendDNA, nil
	if _, err := w.s.Contacts.Record(w.worker, r.ID, missed); err != nil {
		t.Fatal(err)
	}
	if got := lastOf(); got == nil || !got.Equal(call.At) {
		t.Fatalf("last contact %v, want the call at %v", got, call.At)
	}
}

// TestContactsAreBackFilledFromAppointments upgrades a database whose
// appointments were recorded before contacts existed: each with a final
// attendance code gets its contact, by its clinician, with no note; one
// not yet held gets none; and running it again makes no more.
func TestContactsAreBackFilledFromAppointments(t *testing.T) {
	old, _, target := newTestServices(t) // on either engine
	db := old.core.db
	admin := addStaff(t, old, "admin", models.RoleAdministrator)
	doc := addStaff(t, old, "doc", models.RoleClinician)
	r := register(t, old, admin, sampleReferral(testNHSNumber(1)))
	if err := old.Referrals.Decide(doc, r.ID, r.Version, Decision{Outcome: models.DecisionAccept, Priority: models.PriorityUrgent}); err != nil {
		t.Fatal(err)
	}
	codes := []models.Attendance{models.AttendOnTime, models.AttendDNA, models.AttendCancelledByService, models.AttendFuture}
	for i, code := range codes {
		a := &models.Appointment{ReferralID: r.ID, Kind: models.KindReview, Mode: models.ModeTelephone,
			StartsAt: testNow.Add(-time.Duration(i+1) * 24 * time.Hour), DurationMinutes: 30, ClinicianID: doc.ID}
		if err := old.Appointments.Book(admin, a, true); err != nil {
			t.Fatal(err)
		}
		if err := db.Model(a).Updates(map[string]any{"attendance": code, "demo": i == 0}).Error; err != nil {
			t.Fatal(err)
		}
	}
	// As an older release left it: no contacts, and the migration not run.
	for _, q := range []string{"DELETE FROM contacts", "DELETE FROM migrations WHERE id = '2026121601_contacts_from_appointments'"} {
		if err := db.Exec(q).Error; err != nil {
			t.Fatal(err)
		}
	}
	db, _ = upgraded(t, db, target)
	var contacts []models.Contact
	if err := db.Order("at DESC").Find(&contacts).Error; err != nil {
		t.Fatal(err)
	}
	if len(contacts) != 3 {
		t.Fatalf("%d contacts, want 3: %+v", len(contacts), contacts)
	}
	for i, c := range contacts {
		want := codes[i]
		if c.Attendance != want || c.AuthorID != doc.ID || c.Note != "" || c.Signed() || c.Version != 1 ||
			c.Mode != models.ModeTelephone || c.DurationMinutes != 30 || c.Demo != (i == 0) || (c.Present == "woman") != want.Held() {
			t.Errorf("contact %d: %+v", i, c)
		}
	}
	if err := migrateContactsFromAppointments(db); err != nil {
		t.Fatal(err)
	}
	var n int64
	db.Model(&models.Contact{}).Count(&n)
	if n != 3 {
		t.Errorf("run twice: %d contacts", n)
	}
}

func TestJointWorkingIsEditedWithAVersionCheckAndAudited(t *testing.T) {
	w := newWorkflow(t)
	r := w.onCaseload(nil, w.worker)
	j := &models.JointWorking{ReferralID: r.ID, Service: models.JointCMHT, Team: "City East CMHT", ContactName: "Paul Newman", StartDate: models.LondonDate(testNow).AddDays(-30)}
	if err := w.s.JointWorking.Add(w.worker, j); err != nil {
		t.Fatal(err)
	}
	e := EditOf(j)
	e.ContactName, e.Notes = " Ruth Ellis ", "New care coordinator from December."
	if err := w.s.JointWorking.Update(w.worker, j.ID, j.Version, e); err != nil {
		t.Fatal(err)
	}
	var conflict *ConflictError
	if err := w.s.JointWorking.Update(w.doc, j.ID, j.Version, e); !errors.As(err, &conflict) || conflict.ChangedBy != w.worker.Name {
		t.Errorf("stale edit: %v", err)
	}
	e.EndDate = e.StartDate.AddDays(-1)
	if err := w.s.JointWorking.Update(w.worker, j.ID, j.Version+1, e); !hasField(err, "End date") {
		t.Errorf("end before start: %v", err)
	}
	var refused *PermissionError
	if err := w.s.JointWorking.Update(w.admin, j.ID, j.Version+1, EditOf(j)); !errors.As(err, &refused) {
		t.Errorf("an administrator edited joint working: %v", err)
	}
	records, _ := w.s.JointWorking.ForReferral(w.worker, r.ID)
	got := records[len(records)-1]
	if got.ContactName != "Ruth Ellis" || got.Notes != e.Notes || got.Version != 2 || got.Team != "City East CMHT" {
		t.Errorf("after the edit %+v", got)
	}
	if auditCount(t, w, "joint_working", j.ID, ActionUpdate) != 1 {
		t.Error("the edit was not audited once")
	}
	// Ended with a date, as before.
	if err := w.s.JointWorking.End(w.worker, j.ID, got.Version, models.LondonDate(testNow)); err != nil {
		t.Fatal(err)
	}
}
