package app_test

import (
	"testing"
	"time"

	"gorm.io/gorm/clause"

	"perinatal-caseload/app/apptest"
	"perinatal-caseload/models"
)

// The reports fixture: a dozen women with known referrals, contacts,
// waits and scores, written row by row so that every figure of every
// report can be counted by hand. The hand counts are in reports_test.go,
// next to the assertions.
//
// The range reported is 01/09/2026 to 30/11/2026. British Summer Time
// ends on Sunday 25 October 2026 (and began on 29 March 2026), so an
// instant of 23:30 UTC in September is 00:30 the next day in London,
// while in November it is 23:30 the same day.

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
	referrer map[models.ProfessionalRole]uint
}

// utc returns the instant given in UTC.
func utc(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, time.UTC)
}

// at returns a pointer to utc(...).
func at(y int, m time.Month, d, h, min int) *time.Time { t := utc(y, m, d, h, min); return &t }

// create writes v directly, without its associations.
func (f *fixture) create(v any) {
	f.e.T.Helper()
	if err := f.e.DB.Omit(clause.Associations).Create(v).Error; err != nil {
		f.e.T.Fatalf("fixture: %v", err)
	}
}

// woman describes one fixture woman and her referral.
type woman struct {
	n          int
	nhs        string // "" for none
	gp         string // "" for none
	role       models.ProfessionalRole
	received   time.Time
	priority   models.Priority
	decision   models.Decision // "" when not decided
	accepted   *time.Time
	status     models.Status
	closed     *time.Time
	stage      models.Stage
	due, birth models.Date
	ethnic     models.EthnicCategory // "" for not recorded
}

// newReportsFixture builds the fixture in a fresh database.
func newReportsFixture(t *testing.T) *fixture {
	t.Helper()
	e := apptest.New(t)
	f := &fixture{e: e, ref: map[int]*models.Referral{}, referrer: map[models.ProfessionalRole]uint{}}
	f.manager = e.AddStaff("manager", models.RoleManager)
	f.kw1 = keyWorker(e, "Kay Worker", "kw1", 10)
	f.kw2 = keyWorker(e, "Zoë Nguyễn", "kw2", 5)
	for _, role := range models.ReferrerRoles {
		p := &models.Professional{Name: "Referrer " + string(role), Role: string(role)}
		f.create(p)
		f.referrer[role] = p.ID
	}
	none := models.Date{}
	for _, w := range []woman{
		{1, "9990000001", "Surgery A", models.ProfGP, utc(2026, 9, 1, 9, 0), models.PriorityRoutine, models.DecisionAccept, at(2026, 9, 2, 10, 0), models.StatusCaseload, nil, models.StagePregnant, models.NewDate(2027, 1, 15), none, "A"},
		{2, "9990000002", "Surgery A", models.ProfMidwife, utc(2026, 9, 15, 9, 0), models.PriorityUrgent, models.DecisionAccept, at(2026, 9, 15, 12, 0), models.StatusCaseload, nil, models.StagePostnatal, none, models.NewDate(2026, 8, 1), "A"},
		{3, "9990000003", "Surgery B", models.ProfHealthVisitor, utc(2026, 9, 20, 9, 0), models.PriorityRoutine, models.DecisionSignpost, nil, models.StatusNotAccepted, nil, models.StagePregnant, models.NewDate(2027, 2, 1), none, ""},
		// Received at 00:30 BST on 1 October: an October referral.
		{4, "9990000004", "Surgery B", models.ProfGP, utc(2026, 9, 30, 23, 30), models.PriorityRoutine, models.DecisionDecline, nil, models.StatusNotAccepted, nil, models.StagePregnant, models.NewDate(2027, 3, 1), none, "A"},
		{5, "", "Surgery C", models.ProfPsychiatrist, utc(2026, 10, 10, 9, 0), models.PriorityRoutine, models.DecisionAccept, at(2026, 10, 12, 9, 0), models.StatusCaseload, nil, models.StagePostnatal, none, models.NewDate(2026, 3, 1), "A"},
		{6, "9990000006", "Surgery C", models.ProfCMHT, utc(2026, 10, 15, 9, 0), models.PriorityRoutine, models.DecisionAccept, at(2026, 10, 16, 9, 0), models.StatusCaseload, nil, models.StagePostnatal, none, models.NewDate(2025, 10, 1), "Z"},
		{7, "9990000007", "", models.ProfGP, utc(2026, 11, 2, 9, 0), models.PriorityUrgent, models.DecisionAccept, at(2026, 11, 2, 15, 0), models.StatusCaseload, nil, models.StagePreconception, none, none, "A"},
		{8, "9990000008", "Surgery A", models.ProfMidwife, utc(2026, 11, 10, 9, 0), models.PriorityRoutine, "", nil, models.StatusReceived, nil, models.StagePregnant, models.NewDate(2027, 4, 1), none, ""},
		{9, "9990000009", "Surgery A", models.ProfObstetrician, utc(2026, 11, 20, 9, 0), models.PriorityRoutine, models.DecisionAccept, at(2026, 11, 23, 9, 0), models.StatusAccepted, nil, models.StagePregnant, models.NewDate(2027, 3, 10), none, "A"},
		{10, "9990000010", "Surgery B", models.ProfGP, utc(2025, 9, 1, 9, 0), models.PriorityRoutine, models.DecisionAccept, at(2025, 9, 2, 9, 0), models.StatusClosed, at(2026, 1, 15, 9, 0), models.StagePostnatal, none, models.NewDate(2025, 5, 1), "A"},
		{11, "9990000011", "Surgery B", models.ProfGP, utc(2025, 8, 1, 9, 0), models.PriorityRoutine, models.DecisionAccept, at(2025, 8, 2, 9, 0), models.StatusClosed, at(2025, 12, 1, 9, 0), models.StagePostnatal, none, models.NewDate(2025, 6, 1), "A"},
		{12, "9990000012", "Surgery C", models.ProfGP, utc(2026, 8, 20, 9, 0), models.PriorityRoutine, models.DecisionAccept, at(2026, 8, 21, 9, 0), models.StatusCaseload, nil, models.StagePostnatal, none, models.NewDate(2026, 6, 15), "A"},
	} {
		f.addWoman(w)
	}
	f.addAppointments()
	f.addContacts()
	f.addLetters()
	f.addAllocations()
	f.addMeasures()
	return f
}

// keyWorker adds a key worker with a caseload capacity.
func keyWorker(e *apptest.Env, name, username string, capacity int) *models.StaffMember {
	m := &models.StaffMember{Name: name, Username: username, JobTitle: "Key worker", CaseloadCapacity: capacity}
	m.SetRoles(models.RoleKeyWorker)
	return e.AddMember(m)
}

// addWoman writes her patient record and her referral.
func (f *fixture) addWoman(w woman) {
	p := &models.Patient{GivenName: "Woman", FamilyName: "Fixture", DateOfBirth: models.NewDate(1994, 1, 1), GPPractice: w.gp,
		EthnicCategory: w.ethnic}
	if w.nhs != "" {
		nhs := w.nhs
		p.NHSNumber = &nhs
	}
	p.UpdateSearchKeys()
	f.create(p)
	r := &models.Referral{PatientID: p.ID, ReferrerID: f.referrer[w.role], ReceivedAt: w.received, Status: w.status,
		Decision: string(w.decision), AcceptedAt: w.accepted, ClosedAt: w.closed, Stage: w.stage,
		ExpectedDeliveryDate: w.due, BabyDateOfBirth: w.birth, ReasonForReferral: "Fixture", ConsentObtained: true,
		RegisteredWithGP: true, LivesInArea: true}
	r.SetPriority(w.priority)
	if w.closed != nil {
		r.ClosureReason = string(models.ClosureTreatmentComplete)
	}
	f.create(r)
	f.ref[w.n] = r
}

// addAppointments writes the initial assessments: attended for women 1,
// 2, 5, 6 (by telephone) and 7; one she did not attend for woman 5 first.
func (f *fixture) addAppointments() {
	for _, a := range []struct {
		woman int
		at    time.Time
		mode  models.Mode
		att   models.Attendance
	}{
		{1, utc(2026, 9, 10, 9, 0), models.ModeVideo, models.AttendOnTime},
		{2, utc(2026, 9, 17, 9, 0), models.ModeVideo, models.AttendOnTime},
		{5, utc(2026, 10, 20, 9, 0), models.ModeVideo, models.AttendDNA},
		{5, utc(2026, 10, 30, 10, 0), models.ModeVideo, models.AttendOnTime},
		{6, utc(2026, 10, 22, 9, 0), models.ModeTelephone, models.AttendLateSeen},
		{7, utc(2026, 11, 9, 10, 0), models.ModeVideo, models.AttendOnTime},
	} {
		f.create(&models.Appointment{ReferralID: f.ref[a.woman].ID, Kind: models.KindInitialAssessment, Mode: a.mode,
			StartsAt: a.at, DurationMinutes: 60, ClinicianID: f.kw1.ID, Attendance: a.att})
	}
}

// fixtureContacts are the contacts, in order C1 to C19 (see reports_test.go).
var fixtureContacts = []struct {
	woman int
	at    time.Time
	mode  models.Mode
	att   models.Attendance
}{
	{1, utc(2026, 9, 10, 9, 0), models.ModeVideo, models.AttendOnTime},                // C1
	{1, utc(2026, 10, 5, 9, 0), models.ModeFaceToFace, models.AttendDNA},              // C2
	{1, utc(2026, 10, 31, 23, 30), models.ModeFaceToFace, models.AttendOnTime},        // C3: 31 Oct, GMT
	{2, utc(2026, 9, 17, 9, 0), models.ModeVideo, models.AttendOnTime},                // C4
	{2, utc(2026, 10, 20, 9, 0), models.ModeHomeVisit, models.AttendOnTime},           // C5
	{5, utc(2026, 10, 30, 10, 0), models.ModeVideo, models.AttendOnTime},              // C6
	{6, utc(2026, 10, 22, 9, 0), models.ModeTelephone, models.AttendOnTime},           // C7: telephone only
	{6, utc(2026, 11, 5, 10, 0), models.ModeTelephone, models.AttendOnTime},           // C8
	{6, utc(2026, 11, 12, 10, 0), models.ModeTelephone, models.AttendDNA},             // C9
	{7, utc(2026, 11, 9, 10, 0), models.ModeVideo, models.AttendOnTime},               // C10
	{10, utc(2025, 10, 1, 9, 0), models.ModeVideo, models.AttendOnTime},               // C11: 1 Oct 2025, the window's first day
	{11, utc(2025, 9, 30, 23, 30), models.ModeFaceToFace, models.AttendOnTime},        // C12: 00:30 BST on 1 Oct 2025
	{12, utc(2026, 8, 31, 23, 30), models.ModeTelephone, models.AttendOnTime},         // C13: 00:30 BST on 1 Sep: in range
	{12, utc(2026, 11, 15, 10, 0), models.ModeFaceToFace, models.AttendOnTime},        // C14
	{12, utc(2026, 11, 18, 10, 0), models.ModeVideo, models.AttendCancelledByPatient}, // C15
	{12, utc(2026, 11, 25, 10, 0), models.ModeVideo, models.AttendLateNotSeen},        // C16
	{12, utc(2026, 11, 30, 23, 30), models.ModeFaceToFace, models.AttendLateSeen},     // C17: 23:30 GMT on 30 Nov: in range
	{12, utc(2026, 12, 1, 0, 30), models.ModeFaceToFace, models.AttendOnTime},         // C18: December: out of range
	{12, utc(2026, 8, 31, 22, 30), models.ModeFaceToFace, models.AttendOnTime},        // C19: 23:30 BST on 31 Aug: out of range
}

// addContacts writes fixtureContacts.
func (f *fixture) addContacts() {
	for _, c := range fixtureContacts {
		f.create(&models.Contact{ReferralID: f.ref[c.woman].ID, At: c.at, Mode: c.mode, Attendance: c.att,
			DurationMinutes: 45, AuthorID: f.kw1.ID, Present: string(models.PartyWoman), Note: "Fixture"})
	}
}

// addLetters writes the outcome letters of women 1, 2 and 6, and an
// acceptance letter (not an outcome letter) for woman 5.
func (f *fixture) addLetters() {
	for _, l := range []struct {
		woman int
		kind  models.LetterKind
		at    time.Time
	}{
		{1, models.LetterOutcomeCaseload, utc(2026, 9, 12, 10, 0)},
		{2, models.LetterOutcomeCaseload, utc(2026, 10, 5, 10, 0)},
		{6, models.LetterOutcomeCaseload, utc(2026, 10, 20, 10, 0)},
		{5, models.LetterAcceptance, utc(2026, 10, 13, 10, 0)},
	} {
		f.create(&models.Letter{ReferralID: f.ref[l.woman].ID, Kind: l.kind, RecipientName: "Fixture", RecipientRole: "patient",
			AuthorID: f.kw1.ID, IssuedAt: l.at, TemplateVersion: 1, SHA256: "fixture"})
	}
}

// addAllocations gives women their key workers; woman 12 moves from kw2 to
// kw1 on 10 November, woman 9 is allocated only after the range, and
// woman 10's allocation ended when she was discharged.
func (f *fixture) addAllocations() {
	for _, a := range []struct {
		woman  int
		worker *models.StaffMember
		from   time.Time
		ended  *time.Time
	}{
		{1, f.kw1, utc(2026, 9, 12, 10, 0), nil},
		{2, f.kw2, utc(2026, 9, 20, 10, 0), nil},
		{5, f.kw1, utc(2026, 11, 1, 10, 0), nil},
		{6, f.kw2, utc(2026, 10, 20, 10, 0), nil},
		{7, f.kw1, utc(2026, 11, 10, 10, 0), nil},
		{12, f.kw2, utc(2026, 8, 25, 10, 0), at(2026, 11, 10, 10, 0)},
		{12, f.kw1, utc(2026, 11, 10, 10, 0), nil},
		{9, f.kw2, utc(2026, 12, 2, 10, 0), nil},
		{10, f.kw2, utc(2025, 9, 10, 10, 0), at(2026, 1, 15, 9, 0)},
	} {
		f.create(&models.Allocation{ReferralID: f.ref[a.woman].ID, KeyWorkerID: a.worker.ID, AllocatedByID: f.manager.ID,
			AllocatedAt: a.from, EndedAt: a.ended})
	}
}

// addMeasures writes the outcome measures.
func (f *fixture) addMeasures() {
	for _, m := range []struct {
		woman   int
		measure string
		on      models.Date
		total   int
	}{
		{1, "EPDS", models.NewDate(2026, 9, 10), 18},
		{1, "EPDS", models.NewDate(2026, 11, 20), 9},
		{12, "EPDS", models.NewDate(2026, 8, 25), 15},
		{12, "EPDS", models.NewDate(2026, 11, 15), 15},
		{12, "EPDS", models.NewDate(2026, 12, 5), 5}, // after the range
		{2, "PHQ-9", models.NewDate(2026, 9, 17), 12},
		{2, "PHQ-9", models.NewDate(2026, 11, 1), 14},
		{5, "GAD-7", models.NewDate(2026, 10, 30), 11}, // one score: no pair
		{10, "GAD-7", models.NewDate(2025, 10, 1), 15},
		{10, "GAD-7", models.NewDate(2026, 1, 10), 8}, // latest before the range
		{6, "CORE-10", models.NewDate(2026, 10, 22), 20},
		{6, "CORE-10", models.NewDate(2026, 11, 5), 16},
		{6, "CORE-10", models.NewDate(2026, 11, 19), 10},
		{7, "GBO", models.NewDate(2026, 11, 9), 3},
		{7, "GBO", models.NewDate(2026, 11, 25), 7},
	} {
		f.create(&models.MeasureResult{ReferralID: f.ref[m.woman].ID, Measure: m.measure, TakenOn: m.on, Answers: "[]",
			Total: m.total, RecordedByID: f.kw1.ID})
	}
}
