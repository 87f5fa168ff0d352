package app

import (
	"strings"
	"testing"
	"time"

	"perinatal-caseload/app/testdb"
	"perinatal-caseload/models"
)

// detailsMigrationID is the migration that gave audit events their details.
const detailsMigrationID = "2026120201_audit_event_details"

// timelineStory takes a referral through every kind of event its timeline
// tells: an imported registration, an overriding decision, bookings, a
// missed and an attended assessment, a move, an outcome, allocations,
// joint working, letters and the closure. It returns the referral's ID and
// someone who may read it.
func timelineStory(t *testing.T, s *Services, clock *ManualClock) (uint, *models.StaffMember) {
	t.Helper()
	admin := addStaff(t, s, "admin", models.RoleAdministrator)
	doc := addStaff(t, s, "doc", models.RoleClinician)
	manager := addStaff(t, s, "manager", models.RoleManager)
	kw := addStaff(t, s, "kw", models.RoleKeyWorker)
	kw2 := addStaff(t, s, "kw2", models.RoleKeyWorker)
	check := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	version := func(id uint) int {
		t.Helper()
		r, err := s.Referrals.Get(admin, id)
		check("read the referral", err)
		return r.Version
	}
	r := sampleReferral("9434765919")
	form := "form-0001"
	r.FormID = &form
	check("register", s.Referrals.Register(admin, r))
	check("register another", s.Referrals.Register(admin, sampleReferral("9000000009")))
	clock.Advance(time.Hour)
	check("decide", s.Referrals.Decide(doc, r.ID, version(r.ID), Decision{Outcome: models.DecisionAccept, Priority: models.PriorityRoutine, Reason: "Stable for years"}))
	clock.Advance(time.Hour)
	missed := &models.Appointment{ReferralID: r.ID, Kind: models.KindInitialAssessment, Mode: models.ModeVideo,
		StartsAt: time.Date(2026, 11, 24, 10, 30, 0, 0, time.UTC), DurationMinutes: 60, ClinicianID: doc.ID}
	check("book", s.Appointments.Book(admin, missed, true))
	clock.Advance(30 * time.Hour)
	check("did not attend", s.Appointments.RecordAttendance(admin, missed.ID, missed.Version, models.AttendDNA, "", ""))
	held, err := s.Appointments.BookForm(admin, AppointmentForm{ReferralID: r.ID, Kind: models.KindInitialAssessment, Mode: models.ModeFaceToFace,
		Date: "30/11/2026", Time: "14:00", DurationMinutes: 60, ClinicianID: doc.ID}, true)
	check("book again", err)
	check("move", s.Appointments.Reschedule(admin, held.ID, held.Version, "01/12/2026", "09:15", true))
	clock.Advance(7 * 24 * time.Hour)
	appointments, err := s.Appointments.ForReferral(admin, r.ID)
	check("read appointments", err)
	check("attended", s.Appointments.RecordAttendance(admin, held.ID, appointments[len(appointments)-1].Version, models.AttendOnTime, "", ""))
	check("outcome", s.Referrals.RecordOutcome(doc, r.ID, version(r.ID), models.OutcomeCaseload, "for the caseload"))
	_, err = s.Allocations.Allocate(manager, r.ID, kw.ID, "", true)
	check("allocate", err)
	clock.Advance(time.Hour)
	_, err = s.Allocations.Allocate(manager, r.ID, kw2.ID, "Nearer her home", true)
	check("reallocate", err)
	check("joint working", s.JointWorking.Add(kw2, &models.JointWorking{ReferralID: r.ID, Service: models.JointCMHT, Team: "City East CMHT", Address: "Neville Centre, Leicester, LE5 4QF"}))
	_, err = s.Letters.IssuePack(admin, r.ID, "")
	check("letters", err)
	future := &models.Appointment{ReferralID: r.ID, Kind: models.KindReview, Mode: models.ModeTelephone,
		StartsAt: time.Date(2026, 12, 20, 11, 0, 0, 0, time.UTC), DurationMinutes: 30, ClinicianID: kw2.ID}
	check("book a follow-up", s.Appointments.Book(admin, future, true))
	clock.Advance(time.Hour)
	check("close", s.Referrals.Discharge(kw2, r.ID, version(r.ID), movedAwayTo))
	return r.ID, kw
}

func TestNewAuditEventsCarryTypedDetails(t *testing.T) {
	s, clock, _ := newTestServices(t)
	id, reader := timelineStory(t, s, clock)
	var events []models.AuditEvent
	if err := s.core.db.Order("id").Find(&events).Error; err != nil {
		t.Fatal(err)
	}
	for _, ev := range events {
		if ev.Details == nil {
			t.Errorf("event %d (%s %s) has no details", ev.ID, ev.Action, ev.Entity)
		}
	}
	got, err := s.Referrals.Timeline(reader, id)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"Referral registered (imported from the online form)",
		"Decision: accept (overrides the recommendation: Stable for years). Status: accepted",
		"Initial assessment booked for 24/11/2026 10:30 (Attend Anywhere video)",
		"Status: assessment booked (initial assessment booked)",
		"Initial assessment: did not attend",
		"Status: accepted (initial assessment did not attend: to book again)",
		"Initial assessment booked for 30/11/2026 14:00 (Face to face)",
		"Status: assessment booked (initial assessment booked)",
		"Initial assessment: not yet held",
		"Initial assessment: attended on time",
		"Status: on caseload (assessment outcome: caseload for the caseload)",
		"Key worker allocated: Test kw",
		"Allocation to Test kw ended (ended by reallocation)",
		"Key worker allocated: Test kw2 (Nearer her home)",
		"Joint working recorded with the community mental health team (City East CMHT)",
	}
	for i, w := range want {
		if i >= len(got) || got[i].What != w {
			t.Fatalf("entry %d is not %q; the timeline is:\n%s", i, w, timelineText(got))
		}
	}
	rest := timelineText(got[len(want):])
	for _, w := range []string{"Letter issued: ", "Review booked for 20/12/2026 11:00", "Status: closed (closed: moved away)",
		"Allocation to Test kw2 ended (ended: referral closed: moved away)", "Review: cancelled by the service"} {
		if !strings.Contains(rest, w) {
			t.Errorf("the timeline does not tell %q; its end is:\n%s", w, rest)
		}
	}
}

// TestTimelineOfADatabaseMadeBeforeAuditDetails builds the same story twice:
// once as this release writes it, and once into a database at the schema
// before audit events carried details, holding exactly the rows the older
// release wrote (every column but the details). After the upgrade, the
// older events still have no details, and the timeline reads the same.
func TestTimelineOfADatabaseMadeBeforeAuditDetails(t *testing.T) {
	s, clock, current := newTestServices(t)
	s.core.wholeImages = true // the older release stored whole records
	id, reader := timelineStory(t, s, clock)
	want, err := s.Referrals.Timeline(reader, id)
	if err != nil {
		t.Fatal(err)
	}

	path := testdb.Target(t)
	db, err := Connect(path)
	if err != nil {
		t.Fatal(err)
	}
	all := migrations()
	before := -1
	for i, m := range all {
		if m.ID == detailsMigrationID {
			before = i
		}
	}
	if before < 0 {
		t.Fatalf("no migration %s", detailsMigrationID)
	}
	if _, err := migrateTo(db, all[:before]); err != nil {
		t.Fatal(err)
	}
	// The first migration creates the tables from today's models, so the
	// column the older release never had is taken out again.
	if err := db.Migrator().DropColumn(&models.AuditEvent{}, "Details"); err != nil {
		t.Fatal(err)
	}
	copyRows(t, db, current)
	db, _ = upgraded(t, db, path)
	var withDetails int64
	if err := db.Model(&models.AuditEvent{}).Where("details IS NOT NULL").Count(&withDetails).Error; err != nil {
		t.Fatal(err)
	}
	if withDetails != 0 {
		t.Errorf("the upgrade wrote details into %d older events; the trail is never edited", withDetails)
	}
	got, err := New(db, clock).Referrals.Timeline(reader, id)
	if err != nil {
		t.Fatal(err)
	}
	if timelineText(got) != timelineText(want) {
		t.Errorf("timeline from older events:\n%s\nwant:\n%s", timelineText(got), timelineText(want))
	}
}

// TestTimelineTellsAnUnreadableOlderEventPlainly checks the one fallback
// for an older event: when what it recorded cannot be read, the timeline
// still lists it, by its action and detail text, and the rest reads normally.
func TestTimelineTellsAnUnreadableOlderEventPlainly(t *testing.T) {
	s, clock, admin, doc := newTeamServices(t)
	r := register(t, s, admin, sampleReferral("9434765919"))
	a := &models.Appointment{ReferralID: r.ID, Kind: models.KindInitialAssessment, Mode: models.ModeVideo,
		StartsAt: time.Date(2026, 12, 1, 10, 30, 0, 0, time.UTC), DurationMinutes: 60, ClinicianID: doc.ID}
	if err := s.Referrals.Decide(doc, r.ID, r.Version, Decision{Outcome: models.DecisionAccept, Priority: models.PriorityUrgent}); err != nil {
		t.Fatal(err)
	}
	clock.Advance(time.Hour)
	if err := s.Appointments.Book(admin, a, true); err != nil {
		t.Fatal(err)
	}
	// Events as the older release wrote them (no details): one readable
	// decision, and one booking whose after-image is damaged.
	older := []models.AuditEvent{
		{At: testNow.Add(2 * time.Hour), ActorName: "Test doc", Action: ActionStatus, Entity: "referral", EntityID: r.ID,
			After: `{"status":"discuss","decision_reason":""}`, Detail: "decision: discuss"},
		{At: testNow.Add(3 * time.Hour), ActorName: "Test admin", Action: ActionCreate, Entity: "appointment", EntityID: a.ID,
			After: `{"kind":"initial_assessment",`, Detail: "initial_assessment"},
	}
	rows := make([]auditRow, len(older))
	for i, ev := range older {
		rows[i], _ = newAuditRow(ev) // no details, as the older release wrote
	}
	if err := appendAudit(s.core.db, rows); err != nil {
		t.Fatal(err)
	}
	got, err := s.Referrals.Timeline(admin, r.ID)
	if err != nil {
		t.Fatalf("an unreadable older event stopped the timeline: %v", err)
	}
	want := strings.Join([]string{
		"Referral registered",
		"Decision: accept. Status: accepted",
		"Initial assessment booked for 01/12/2026 10:30 (Attend Anywhere video)",
		"Status: assessment booked (initial assessment booked)",
		"Decision: discuss. Status: for team discussion",
		"Appointment: create (initial_assessment)",
	}, "\n")
	if timelineText(got) != want {
		t.Errorf("timeline:\n%s\nwant:\n%s", timelineText(got), want)
	}
	if _, err := legacyDetails(older[1]); err == nil {
		t.Error("a damaged after-image was read without an error")
	}
}

// timelineText is a timeline as lines of what happened, by whom and when.
func timelineText(entries []TimelineEntry) string {
	lines := make([]string, len(entries))
	for i, e := range entries {
		lines[i] = e.What
	}
	return strings.Join(lines, "\n")
}
