package app

import (
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"perinatal-caseload/app/testdb"
	"perinatal-caseload/models"

	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"
)

// testNow is the fixed "now" of the service tests: Monday 23 November 2026,
// 10:00 London (GMT). The tests outside package app set up with apptest,
// which it cannot import (apptest imports app); keep the two alike.
var testNow = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

// newTestServices opens a fresh database of the test's own, on the engine
// the environment chooses (see package testdb), and returns its target: a
// SQLite file path or a PostgreSQL URL.
func newTestServices(t testing.TB) (*Services, *ManualClock, string) {
	t.Helper()
	path := testdb.Prepared(t, "app", prepareTestDB)
	db, err := Open(path)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { Close(db) })
	clock := NewManualClock(testNow)
	return New(db, clock), clock, path
}

// newPostgresServices is newTestServices for a test about PostgreSQL
// alone: when the tests run on SQLite it skips, saying why the test has
// nothing to check there.
func newPostgresServices(t *testing.T, whyNotSQLite string) (*Services, string) {
	t.Helper()
	if !testdb.OnPostgres() {
		t.Skip(whyNotSQLite)
	}
	s, _, target := newTestServices(t)
	return s, target
}

// newAdminServices is newTestServices with an administrator, "admin",
// already added, as most service tests begin.
func newAdminServices(t testing.TB) (*Services, *ManualClock, *models.StaffMember) {
	t.Helper()
	s, clock, _ := newTestServices(t)
	return s, clock, addStaff(t, s, "admin", models.RoleAdministrator)
}

// newTeamServices is newAdminServices with a clinician, "doc", too: the
// administrator registers and books, the clinician decides.
func newTeamServices(t testing.TB) (*Services, *ManualClock, *models.StaffMember, *models.StaffMember) {
	t.Helper()
	s, clock, admin := newAdminServices(t)
	return s, clock, admin, addStaff(t, s, "doc", models.RoleClinician)
}

// register registers r as by, failing the test if it is refused, and
// returns r with its IDs filled in.
func register(t testing.TB, s *Services, by *models.StaffMember, r *models.Referral) *models.Referral {
	t.Helper()
	if err := s.Referrals.Register(by, r); err != nil {
		t.Fatalf("register: %v", err)
	}
	return r
}

// prepareTestDB brings a new test database to the current schema.
func prepareTestDB(target string) error {
	db, err := Open(target)
	if err != nil {
		return err
	}
	Close(db)
	return nil
}

// addStaff creates a signed-in-able staff member holding roles.
func addStaff(t testing.TB, s *Services, username string, roles ...models.Role) *models.StaffMember {
	t.Helper()
	system, err := s.Staff.SystemUser()
	if err != nil {
		t.Fatal(err)
	}
	m := &models.StaffMember{Name: "Test " + username, Username: username, CaseloadCapacity: 20}
	m.SetRoles(roles...)
	if err := s.Staff.Add(system, m, "correct horse battery"); err != nil {
		t.Fatalf("add staff %s: %v", username, err)
	}
	return m
}

// sampleReferral returns a valid referral that screening accepts.
func sampleReferral(nhs string) *models.Referral {
	n := nhs
	no := false
	return &models.Referral{
		ReceivedAt: testNow.Add(-48 * time.Hour),
		Patient: models.Patient{
			NHSNumber: &n, GivenName: "Zoë", FamilyName: "Nguyễn", DateOfBirth: models.NewDate(1994, 3, 2),
			AddressLines: "12 Example Street\nLeicester", Postcode: "le3 0ab",
		},
		Referrer:                models.Professional{Name: "Dr Test GP", Role: "gp", Organisation: "Test Surgery", Address: "1 Surgery Lane, Leicester, LE1 1AA"},
		ConsentObtained:         true,
		RegisteredWithGP:        true,
		LivesInArea:             true,
		Stage:                   models.StagePregnant,
		ExpectedDeliveryDate:    models.NewDate(2027, 3, 15),
		Severity:                models.SeveritySevere,
		ManageableInPrimaryCare: &no,
		Conditions:              []models.Condition{{Code: "bipolar_disorder", Status: models.ConditionCurrent}},
		Medications:             []models.Medication{{Name: "Lithium carbonate", Class: "mood_stabiliser"}},
		ReasonForReferral:       "Bipolar disorder on lithium, 20 weeks pregnant.",
	}
}

// countRows counts the rows of a table.
func countRows(t testing.TB, s *Services, table string) int64 {
	t.Helper()
	var n int64
	if err := s.core.db.Table(table).Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

// testNHSNumber returns the i-th valid NHS number in the never-issued 999 range.
func testNHSNumber(i int) string {
	for seq := i * 11; ; seq++ {
		if n, ok := models.NHSNumberWithCheckDigit(fmt.Sprintf("999%06d", seq)); ok {
			return n
		}
	}
}

// workflow is a team with one member per role and steps that walk referrals
// along the pathway, for the workflow tests. Each step fails the test if
// the service refuses it.
type workflow struct {
	t                           testing.TB
	s                           *Services
	clock                       *ManualClock
	admin, doc, worker, manager *models.StaffMember
	n                           int
}

func newWorkflow(t testing.TB) *workflow {
	s, clock, _ := newTestServices(t)
	w := &workflow{t: t, s: s, clock: clock}
	w.admin = addStaff(t, s, "admin", models.RoleAdministrator)
	w.doc = addStaff(t, s, "doc", models.RoleClinician)
	w.worker = addStaff(t, s, "worker", models.RoleKeyWorker)
	w.manager = addStaff(t, s, "manager", models.RoleManager)
	return w
}

// referral reads a referral as it is now.
func (w *workflow) referral(id uint) *models.Referral {
	w.t.Helper()
	r, err := w.s.Referrals.Get(w.manager, id)
	if err != nil {
		w.t.Fatal(err)
	}
	return r
}

// accept registers sampleReferral (changed by edit, if given) and accepts it
// at the recommended priority.
func (w *workflow) accept(edit func(*models.Referral)) *models.Referral {
	w.t.Helper()
	w.n++
	r := sampleReferral(testNHSNumber(w.n))
	if edit != nil {
		edit(r)
	}
	register(w.t, w.s, w.admin, r)
	rec, _ := StoredRecommendation(r)
	d := Decision{Outcome: models.DecisionAccept, Priority: rec.Priority, Reason: "Accepted in a test."}
	if err := w.s.Referrals.Decide(w.doc, r.ID, r.Version, d); err != nil {
		w.t.Fatalf("decide: %v", err)
	}
	return w.referral(r.ID)
}

// book books an appointment of kind at start with clinician, confirming any double booking.
func (w *workflow) book(referralID uint, kind models.AppointmentKind, start time.Time, clinician *models.StaffMember) *models.Appointment {
	w.t.Helper()
	a := &models.Appointment{ReferralID: referralID, Kind: kind, Mode: models.ModeVideo, StartsAt: start, DurationMinutes: 60, ClinicianID: clinician.ID}
	if err := w.s.Appointments.Book(w.admin, a, true); err != nil {
		w.t.Fatalf("book: %v", err)
	}
	return a
}

// onCaseload accepts a referral, holds its initial assessment an hour
// before now, records the caseload outcome and allocates worker.
func (w *workflow) onCaseload(edit func(*models.Referral), worker *models.StaffMember) *models.Referral {
	w.t.Helper()
	r := w.accept(edit)
	a := w.book(r.ID, models.KindInitialAssessment, w.clock.Now().Add(-time.Hour), w.doc)
	if err := w.s.Appointments.RecordAttendance(w.admin, a.ID, a.Version, models.AttendOnTime, "", ""); err != nil {
		w.t.Fatal(err)
	}
	if err := w.s.Referrals.RecordOutcome(w.doc, r.ID, w.referral(r.ID).Version, models.OutcomeCaseload, ""); err != nil {
		w.t.Fatal(err)
	}
	if _, err := w.s.Allocations.Allocate(w.manager, r.ID, worker.ID, "Test allocation.", true); err != nil {
		w.t.Fatal(err)
	}
	return w.referral(r.ID)
}

// tasks returns a referral's tasks.
func (w *workflow) tasks(referralID uint) []TaskRow {
	w.t.Helper()
	out, err := w.s.Tasks.ForReferral(w.manager, referralID)
	if err != nil {
		w.t.Fatal(err)
	}
	return out
}

// movedAwayTo closes a referral because she moved away, naming the team
// now caring for her, as her closure letter needs.
var movedAwayTo = Closure{Reason: models.ClosureMovedAway, ClosureDetails: models.ClosureDetails{
	TransferredTo: "Nottingham Perinatal Mental Health Team\nSample House, Sample Road\nNottingham NG1 1AA",
}}

// upgraded closes db and opens the database at path again, which applies
// the migrations it lacks, and returns it, closed when the test ends, with
// services over it.
func upgraded(t testing.TB, db *gorm.DB, path string) (*gorm.DB, *Services) {
	t.Helper()
	Close(db)
	db, err := Open(path)
	if err != nil {
		t.Fatalf("upgrade: %v", err)
	}
	t.Cleanup(func() { Close(db) })
	return db, New(db, NewManualClock(testNow))
}

// databaseBefore makes a SQLite database in a temporary folder at the
// schema as it stood just before migration id, for upgrade tests, and
// returns it with its path.
func databaseBefore(t testing.TB, id string) (*gorm.DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := openSQLite(path)
	if err != nil {
		t.Fatal(err)
	}
	all := migrations()
	at := slices.IndexFunc(all, func(m *gormigrate.Migration) bool { return m.ID == id })
	if at < 0 {
		t.Fatalf("migration %s is not in the list", id)
	}
	if _, err := migrateTo(db, all[:at]); err != nil {
		t.Fatal(err)
	}
	return db, path
}
