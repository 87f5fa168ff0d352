package app_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"gorm.io/gorm/clause"

	"perinatal-caseload/app/apptest"
	"perinatal-caseload/models"
)

// The reports fixture: a dozen synthetic women with known referrals,
// contacts, waits and scores, written by hand in
// testdata/reports/fixture.json so that every figure of every report can
// be counted by hand. The hand counts are in reports_test.go and
// mhsds_test.go, next to the assertions; testdata/reports/README.md
// explains the file.

// reportFrom and reportTo are the fixture's report range.
var (
	reportFrom = models.NewDate(2026, 9, 1)
	reportTo   = models.NewDate(2026, 11, 30)
)

// fixture is the reports fixture: the database, the manager who reads the
// reports, the two key workers, and the referrals by woman (1 to 12).
type fixture struct {
	e        *apptest.Env
	manager  *models.StaffMember
	kw1, kw2 *models.StaffMember
	ref      map[int]*models.Referral
	contact  map[string]*models.Contact // by label, C1 to C19
	referrer map[models.ProfessionalRole]uint
}

// fixtureFile is the form of testdata/reports/fixture.json.
type fixtureFile struct {
	Range struct {
		From, To models.Date
	}
	KeyWorkers []struct {
		Key, Name, Username string
		Capacity            int
	} `json:"key_workers"`
	Women []struct {
		N                int
		NHS, GP          string
		Referrer         models.ProfessionalRole
		Received         time.Time
		Priority         models.Priority
		Decision         models.Decision
		Accepted, Closed *time.Time
		Status           models.Status
		Stage            models.Stage
		Due, Birth       models.Date
		Ethnic           models.EthnicCategory
	}
	Appointments []struct {
		Woman      int
		Kind       models.AppointmentKind
		At         time.Time
		Mode       models.Mode
		Attendance models.Attendance
	}
	Contacts []struct {
		Label      string
		Woman      int
		At         time.Time
		Mode       models.Mode
		Attendance models.Attendance
	}
	Letters []struct {
		Woman  int
		Kind   models.LetterKind
		Issued time.Time
	}
	Allocations []struct {
		Woman  int
		Worker string
		From   time.Time
		Ended  *time.Time
	}
	Measures []struct {
		Woman   int
		Measure string
		On      models.Date
		Total   int
	}
}

// create writes v directly, without its associations.
func (f *fixture) create(v any) {
	f.e.T.Helper()
	if err := f.e.DB.Omit(clause.Associations).Create(v).Error; err != nil {
		f.e.T.Fatalf("fixture: %v", err)
	}
}

// newReportsFixture builds the fixture of testdata/reports/fixture.json in
// a fresh database.
func newReportsFixture(t *testing.T) *fixture {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "reports", "fixture.json"))
	if err != nil {
		t.Fatal(err)
	}
	var file fixtureFile
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatalf("testdata/reports/fixture.json: %v", err)
	}
	if file.Range.From != reportFrom || file.Range.To != reportTo {
		t.Fatalf("the fixture's range is %v to %v, the tests' %v to %v", file.Range.From, file.Range.To, reportFrom, reportTo)
	}
	e := apptest.New(t)
	f := &fixture{e: e, ref: map[int]*models.Referral{}, contact: map[string]*models.Contact{}, referrer: map[models.ProfessionalRole]uint{}}
	f.manager = e.AddStaff("manager", models.RoleManager)
	workers := map[string]*models.StaffMember{}
	for _, w := range file.KeyWorkers {
		m := &models.StaffMember{Name: w.Name, Username: w.Username, JobTitle: "Key worker", CaseloadCapacity: w.Capacity}
		m.SetRoles(models.RoleKeyWorker)
		workers[w.Key] = e.AddMember(m)
	}
	f.kw1, f.kw2 = workers["kw1"], workers["kw2"]
	for _, role := range models.ReferrerRoles {
		p := &models.Professional{Name: "Referrer " + string(role), Role: string(role)}
		f.create(p)
		f.referrer[role] = p.ID
	}
	for _, w := range file.Women {
		p := &models.Patient{GivenName: "Woman", FamilyName: "Fixture", DateOfBirth: models.NewDate(1994, 1, 1), GPPractice: w.GP,
			EthnicCategory: w.Ethnic}
		if w.NHS != "" {
			nhs := w.NHS
			p.NHSNumber = &nhs
		}
		p.UpdateSearchKeys()
		f.create(p)
		r := &models.Referral{PatientID: p.ID, ReferrerID: f.referrer[w.Referrer], ReceivedAt: w.Received, Status: w.Status,
			Decision: string(w.Decision), AcceptedAt: w.Accepted, ClosedAt: w.Closed, Stage: w.Stage,
			ExpectedDeliveryDate: w.Due, BabyDateOfBirth: w.Birth, ReasonForReferral: "Fixture", ConsentObtained: true,
			RegisteredWithGP: true, LivesInArea: true}
		r.SetPriority(w.Priority)
		if w.Closed != nil {
			r.ClosureReason = string(models.ClosureTreatmentComplete)
		}
		f.create(r)
		f.ref[w.N] = r
	}
	for _, a := range file.Appointments {
		f.create(&models.Appointment{ReferralID: f.ref[a.Woman].ID, Kind: a.Kind, Mode: a.Mode,
			StartsAt: a.At, DurationMinutes: 60, ClinicianID: f.kw1.ID, Attendance: a.Attendance})
	}
	for _, c := range file.Contacts {
		contact := &models.Contact{ReferralID: f.ref[c.Woman].ID, At: c.At, Mode: c.Mode, Attendance: c.Attendance,
			DurationMinutes: 45, AuthorID: f.kw1.ID, Present: string(models.PartyWoman), Note: "Fixture"}
		f.create(contact)
		f.contact[c.Label] = contact
	}
	for _, l := range file.Letters {
		f.create(&models.Letter{ReferralID: f.ref[l.Woman].ID, Kind: l.Kind, RecipientName: "Fixture", RecipientRole: "patient",
			AuthorID: f.kw1.ID, IssuedAt: l.Issued, TemplateVersion: 1, SHA256: "fixture"})
	}
	for _, a := range file.Allocations {
		f.create(&models.Allocation{ReferralID: f.ref[a.Woman].ID, KeyWorkerID: workers[a.Worker].ID, AllocatedByID: f.manager.ID,
			AllocatedAt: a.From, EndedAt: a.Ended})
	}
	for _, m := range file.Measures {
		f.create(&models.MeasureResult{ReferralID: f.ref[m.Woman].ID, Measure: m.Measure, TakenOn: m.On, Answers: "[]",
			Total: m.Total, RecordedByID: f.kw1.ID})
	}
	return f
}
