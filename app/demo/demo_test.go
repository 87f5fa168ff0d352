package demo_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"perinatal-caseload/app"
	"perinatal-caseload/app/apptest"
	"perinatal-caseload/app/demo"
	"perinatal-caseload/models"

	"gorm.io/gorm"
)

// countRows counts the rows of a table.
func countRows(t testing.TB, db *gorm.DB, table string) int64 {
	t.Helper()
	var n int64
	if err := db.Table(table).Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

func TestDemoCoversEveryStatusKindModeAndCode(t *testing.T) {
	e := apptest.New(t)
	s, db := e.Services, e.DB
	res, err := demo.Generate(s, demo.Options{Referrals: 60, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	if res.Referrals != 60 || len(res.Accounts) < 8 {
		t.Fatalf("result = %+v", res)
	}
	distinct := func(table, column string) map[string]bool {
		var vals []string
		if err := db.Table(table).Distinct(column).Pluck(column, &vals).Error; err != nil {
			t.Fatal(err)
		}
		out := map[string]bool{}
		for _, v := range vals {
			out[v] = true
		}
		return out
	}
	statuses := distinct("referrals", "status")
	for _, st := range models.Statuses {
		if !statuses[string(st)] {
			t.Errorf("no demo referral is %q", st)
		}
	}
	kinds, modes, codes := distinct("appointments", "kind"), distinct("appointments", "mode"), distinct("appointments", "attendance")
	for _, k := range models.AppointmentKinds {
		if !kinds[string(k)] {
			t.Errorf("no demo appointment of kind %q", k)
		}
	}
	for _, m := range models.Modes {
		if !modes[string(m)] {
			t.Errorf("no demo appointment by %q", m)
		}
	}
	for _, c := range models.Attendances {
		if !codes[string(c)] {
			t.Errorf("no demo appointment with attendance code %q", c)
		}
	}
	roles := map[models.Role]bool{}
	staff, _ := s.Staff.List(true)
	for _, m := range staff {
		for _, r := range m.RoleSet() {
			roles[r] = true
		}
	}
	if len(staff) < 8 || len(staff) > 15 || len(roles) != len(models.Roles) {
		t.Errorf("demo team has %d staff with roles %v; want 8 to 15 covering every role", len(staff), roles)
	}
	var testRange, notDemo int64
	db.Table("patients").Where("nhs_number LIKE '999%'").Count(&testRange)
	db.Table("referrals").Where("demo = ?", false).Count(&notDemo)
	if testRange != countRows(t, db, "patients") || notDemo != 0 {
		t.Errorf("%d of %d patients have test-range NHS numbers; %d referrals not marked demo", testRange, countRows(t, db, "patients"), notDemo)
	}
	if countRows(t, db, "allocations") == 0 || countRows(t, db, "joint_workings") == 0 {
		t.Error("no allocations or joint working")
	}
	if kinds := distinct("letters", "kind"); len(kinds) < 3 || countRows(t, db, "letters") == 0 {
		t.Errorf("demo letters cover kinds %v; want real letters of several kinds", kinds)
	}
	services := distinct("joint_workings", "service")
	for _, j := range models.JointServices {
		if !services[string(j)] {
			t.Errorf("no demo joint working with %q", j)
		}
	}
	taskKinds := distinct("tasks", "kind")
	for _, k := range []models.TaskKind{models.TaskInpatientVisit, models.TaskMBUDischarge, models.TaskPlanDischarge, models.TaskMissedFollowUp} {
		if !taskKinds[string(k)] {
			t.Errorf("no demo task of kind %q", k)
		}
	}
	var open, done, cancelled, reassigned int64
	db.Table("tasks").Where("completed_at IS NULL").Count(&open)
	db.Table("tasks").Where("completed_at IS NOT NULL AND cancelled = ?", false).Count(&done)
	db.Table("tasks").Where("cancelled = ?", true).Count(&cancelled)
	db.Table("audit_events").Where("entity = ? AND detail LIKE ?", "task", "reassigned%").Count(&reassigned)
	if open == 0 || done == 0 || cancelled == 0 || reassigned == 0 {
		t.Errorf("demo tasks: %d open, %d done, %d cancelled, %d reassigned; want some of each", open, done, cancelled, reassigned)
	}
	var endedOnClosure int64
	db.Table("audit_events").Where("entity = ? AND detail LIKE ?", "allocation", "ended: referral closed%").Count(&endedOnClosure)
	if endedOnClosure == 0 {
		t.Error("no demo allocation was ended by closing a referral")
	}
	checkRiskAndCarePlans(t, db)
}

func TestDemoWritesAnAuditEventForEveryRecord(t *testing.T) {
	e := apptest.New(t)
	s, db := e.Services, e.DB
	if _, err := demo.Generate(s, demo.Options{Referrals: 50, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	for table, entity := range map[string]string{
		"referrals": "referral", "patients": "patient", "professionals": "professional", "staff_members": "staff",
		"appointments": "appointment", "allocations": "allocation", "joint_workings": "joint_working", "tasks": "task",
		"contacts": "contact", "contact_addendums": "contact_addendum",
	} {
		var missing int64
		db.Table(table).Where("id NOT IN (SELECT entity_id FROM audit_events WHERE entity = ? AND action = ?)", entity, app.ActionCreate).Count(&missing)
		if missing != 0 {
			t.Errorf("%d %s rows have no audit event for their creation", missing, table)
		}
	}
}

// demoFingerprint is what must be equal between two runs with the same seed.
type demoFingerprint struct {
	Referrals    []map[string]any
	Appointments []map[string]any
	Allocations  []map[string]any
	Tasks        []map[string]any
}

func fingerprint(t *testing.T, db *gorm.DB) string {
	t.Helper()
	var fp demoFingerprint
	db.Table("referrals").Select("id, patient_id, referrer_id, received_at, status, priority, stage, decision, recommendation").Order("id").Find(&fp.Referrals)
	db.Table("appointments").Select("id, referral_id, kind, mode, starts_at, clinician_id, attendance").Order("id").Find(&fp.Appointments)
	db.Table("allocations").Select("id, referral_id, key_worker_id, allocated_at, ended_at").Order("id").Find(&fp.Allocations)
	db.Table("tasks").Select("id, referral_id, kind, title, assignee_id, due_date, completed_at, cancelled").Order("id").Find(&fp.Tasks)
	b, _ := json.Marshal(fp)
	return string(b)
}

func TestDemoIsDeterministicForTheSameSeed(t *testing.T) {
	a, b, c := apptest.New(t), apptest.New(t), apptest.New(t)
	for _, e := range []*apptest.Env{a, b} {
		if _, err := demo.Generate(e.Services, demo.Options{Referrals: 40, Seed: 42}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := demo.Generate(c.Services, demo.Options{Referrals: 40, Seed: 43}); err != nil {
		t.Fatal(err)
	}
	if fingerprint(t, a.DB) != fingerprint(t, b.DB) {
		t.Error("two demo runs with seed 42 differ")
	}
	if fingerprint(t, a.DB) == fingerprint(t, c.DB) {
		t.Error("seeds 42 and 43 gave identical data")
	}
}

// errInterrupted stands for the program being stopped part way.
type errInterrupted struct{}

func TestDemoResumesAfterAnInterruptionAsIfNeverStopped(t *testing.T) {
	const n = 260 // one whole batch of 250, then the rest
	wholeEnv := apptest.New(t)
	first, err := demo.Generate(wholeEnv.Services, demo.Options{Referrals: n, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	cutEnv := apptest.New(t)
	cut := cutEnv.Services
	func() {
		defer func() {
			if r := recover(); r != nil && r != (errInterrupted{}) {
				panic(r)
			}
		}()
		demo.Generate(cut, demo.Options{Referrals: n, Seed: 1, Progress: func(done, total int) {
			panic(errInterrupted{}) // stopped after the first batch was saved
		}})
		t.Fatal("the run was not interrupted")
	}()
	if got := countRows(t, cutEnv.DB, "referrals"); got != 250 {
		t.Fatalf("%d referrals after the interruption, want the first batch of 250", got)
	}
	res, err := demo.Generate(cut, demo.Options{Referrals: n, Seed: 1})
	if err != nil {
		t.Fatalf("resuming: %v", err)
	}
	if res.Resumed != 250 || res.Referrals != n || len(res.Accounts) != 0 {
		t.Errorf("resumed run = %+v; want 250 kept, %d in all, no new accounts", res, n)
	}
	if fingerprint(t, wholeEnv.DB) != fingerprint(t, cutEnv.DB) {
		t.Error("the resumed demo differs from one run without a stop")
	}
	if _, err := demo.Generate(cut, demo.Options{Referrals: n - 1, Seed: 1}); err == nil {
		t.Error("a demo smaller than the one already made was accepted")
	}
	// Passwords are random: another run's differ.
	other, err := demo.Generate(apptest.New(t).Services, demo.Options{Referrals: 0, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if other.Accounts[0].Password == first.Accounts[0].Password || len(first.Accounts[0].Password) < 16 {
		t.Errorf("demo passwords %q and %q; want long random ones, different each run", first.Accounts[0].Password, other.Accounts[0].Password)
	}
}

// Hazard: HAZ-024.
func TestDemoRefusesADatabaseWithRealReferrals(t *testing.T) {
	env := apptest.New(t)
	s := env.Services
	if _, err := demo.Generate(s, demo.Options{Referrals: 3, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	env.DB.Exec("UPDATE referrals SET demo = ? WHERE id = 1", false)
	before := countRows(t, env.DB, "audit_events")
	if _, err := demo.Generate(s, demo.Options{Referrals: 5, Seed: 1}); !errors.Is(err, app.ErrRealReferrals) {
		t.Errorf("demo on real data = %v, want ErrRealReferrals", err)
	}
	if countRows(t, env.DB, "audit_events") != before {
		t.Error("the refused demo wrote something")
	}
}

func TestDemoLettersHaveAWholeReturnAddress(t *testing.T) {
	env := apptest.New(t)
	if _, err := demo.Generate(env.Services, demo.Options{Referrals: 3, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	all, err := env.Services.Settings.All()
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range all {
		if v.Key == app.SetServiceAddress && (v.Problem != "" || !strings.HasSuffix(v.Value, "LE1 1AA")) {
			t.Errorf("the demo's return address is %q (%s)", v.Value, v.Problem)
		}
	}
}

// TestDemoIssuesEveryLetterBeforeTheAppointmentItOffers makes demos with
// the seeds and sizes that once issued an appointment letter dated after
// the appointment (urgent assessments booked within days), which the
// letters refuse and which stopped the demo part way.
func TestDemoIssuesEveryLetterBeforeTheAppointmentItOffers(t *testing.T) {
	for _, seed := range []uint64{3, 7} {
		e := apptest.New(t)
		if _, err := demo.Generate(e.Services, demo.Options{Referrals: 120, Seed: seed}); err != nil {
			t.Errorf("seed %d: %v", seed, err)
		}
	}
}
