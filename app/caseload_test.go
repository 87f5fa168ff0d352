package app

import (
	"reflect"
	"sync/atomic"
	"testing"
	"time"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

func TestCaseloadRowsShowStageContactsFlagsAndPeriodEnd(t *testing.T) {
	w := newWorkflow(t)
	other := addStaff(t, w.s, "worker2", models.RoleKeyWorker)
	today := models.LondonDate(testNow)
	// Zoë: 28 weeks pregnant, on lithium (urgent), open to a CMHT by the referral.
	zoe := w.onCaseload(func(r *models.Referral) {
		r.ExpectedDeliveryDate = today.AddDays(12 * 7)
		r.CurrentServices = models.CurrentServices{CMHTOpen: true, CMHTTeam: "City East CMHT"}
	}, w.worker)
	// Amira: 4 months after birth, in a mother and baby unit, no mood stabiliser.
	amira := w.onCaseload(func(r *models.Referral) {
		r.Patient.GivenName, r.Patient.FamilyName = "Amira", "Adeyemi"
		r.Stage, r.ExpectedDeliveryDate, r.BabyDateOfBirth = models.StagePostnatal, models.Date{}, models.NewDate(2026, 7, 20)
		r.Medications = nil
		r.Conditions = []models.Condition{{Code: "severe_depression", Status: models.ConditionCurrent, Primary: true}}
		r.CurrentServices = models.CurrentServices{MBUAdmission: true, MBUExpectedDischarge: today.AddDays(10)}
	}, w.worker)
	// Someone else's woman.
	w.onCaseload(func(r *models.Referral) { r.Patient.GivenName, r.Patient.FamilyName = "Ruth", "Byrne" }, other)

	next := w.book(amira.ID, models.KindKeyWorkerContact, testNow.Add(50*time.Hour), w.worker)
	w.book(amira.ID, models.KindReview, testNow.Add(20*24*time.Hour), w.worker)
	// Amira's ward joint working, recorded and still active, raises the inpatient flag.
	if err := w.s.JointWorking.Add(w.worker, &models.JointWorking{ReferralID: amira.ID, Service: models.JointInpatientWard, StartDate: today.AddDays(-3)}); err != nil {
		t.Fatal(err)
	}

	rows, err := w.s.Caseload.Caseload(w.worker, CaseloadFilter{KeyWorkerID: w.worker.ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].ReferralID != amira.ID || rows[1].ReferralID != zoe.ID {
		t.Fatalf("worker's caseload = %+v; want Adeyemi then Nguyễn", rows)
	}
	a, z := rows[0], rows[1]
	if a.StageText != "4 months after birth" || a.PeriodEnds != models.NewDate(2027, 7, 20) ||
		a.NextAppointment == nil || !a.NextAppointment.Equal(next.StartsAt) || a.NextKind != models.KindKeyWorkerContact ||
		a.LastContact == nil || !a.LastContact.Equal(testNow.Add(-time.Hour)) || a.KeyWorkerName != w.worker.Name ||
		!reflect.DeepEqual(a.Flags, []CaseloadFlag{FlagInpatient, FlagMBU}) {
		t.Errorf("Amira's row = %+v", a)
	}
	if z.StageText != "28 weeks pregnant" || z.NHSNumberText() != models.FormatNHSNumber(*zoe.Patient.NHSNumber) ||
		z.DateOfBirth != models.NewDate(1994, 3, 2) || z.NextAppointment != nil ||
		!reflect.DeepEqual(z.Flags, []CaseloadFlag{FlagUrgent, FlagCMHT, FlagMoodStabiliser}) {
		t.Errorf("Zoë's row = %+v", z)
	}

	// Recording the CMHT joint working as ended takes the CMHT flag away.
	// Accepting her made that joint working from the referral form.
	records, _ := w.s.JointWorking.ForReferral(w.worker, zoe.ID)
	if len(records) != 1 || records[0].Service != models.JointCMHT || records[0].Team != "City East CMHT" {
		t.Fatalf("joint working made on acceptance = %+v; want the CMHT on the form", records)
	}
	if err := w.s.JointWorking.End(w.worker, records[0].ID, records[0].Version, today.AddDays(-1)); err != nil {
		t.Fatal(err)
	}
	cmht, _ := w.s.Caseload.Caseload(w.worker, CaseloadFilter{Flag: FlagCMHT})
	if len(cmht) != 0 {
		t.Errorf("after the CMHT joint working ended, %d women are flagged CMHT", len(cmht))
	}
	// Adding current CMHT joint working to Amira flags her.
	if err := w.s.JointWorking.Add(w.worker, &models.JointWorking{ReferralID: amira.ID, Service: models.JointCMHT, StartDate: today}); err != nil {
		t.Fatal(err)
	}
	if cmht, _ := w.s.Caseload.Caseload(w.worker, CaseloadFilter{Flag: FlagCMHT}); len(cmht) != 1 || cmht[0].ReferralID != amira.ID {
		t.Errorf("CMHT-flagged = %+v", cmht)
	}

	team, _ := w.s.Caseload.Caseload(w.manager, CaseloadFilter{Sort: SortByKeyWorker})
	if len(team) != 3 || team[0].KeyWorkerName != w.worker.Name || team[2].KeyWorkerName != other.Name {
		t.Errorf("whole team by key worker = %+v", team)
	}
	byPeriod, _ := w.s.Caseload.Caseload(w.manager, CaseloadFilter{Sort: SortByPeriodEnd})
	if byPeriod[0].ReferralID != amira.ID {
		t.Errorf("soonest period end first = %+v", byPeriod[0])
	}
	byNext, _ := w.s.Caseload.Caseload(w.manager, CaseloadFilter{Sort: SortByNextAppointment})
	if byNext[0].ReferralID != amira.ID {
		t.Errorf("soonest appointment first = %+v", byNext[0])
	}
	if found, _ := w.s.Caseload.Caseload(w.manager, CaseloadFilter{Query: "adey"}); len(found) != 1 || found[0].ReferralID != amira.ID {
		t.Errorf("search by name = %+v", found)
	}
}

// countQueries counts the statements run on db while fn runs (not the
// subqueries GORM builds without running them).
func countQueries(db *gorm.DB, fn func()) int64 {
	var n atomic.Int64
	count := func(tx *gorm.DB) {
		if !tx.DryRun {
			n.Add(1)
		}
	}
	name := "test:count"
	_ = db.Callback().Query().After("gorm:query").Register(name, count)
	_ = db.Callback().Row().After("gorm:row").Register(name, count)
	defer func() {
		_ = db.Callback().Query().Remove(name)
		_ = db.Callback().Row().Remove(name)
	}()
	fn()
	return n.Load()
}

func TestCaseloadMakesTheSameQueriesForTwoWomenAsForTwelve(t *testing.T) {
	w := newWorkflow(t)
	load := func() int64 {
		return countQueries(w.s.core.db, func() {
			if _, err := w.s.Caseload.Caseload(w.manager, CaseloadFilter{}); err != nil {
				t.Fatal(err)
			}
		})
	}
	for i := 0; i < 2; i++ {
		w.onCaseload(nil, w.worker)
	}
	few := load()
	for i := 0; i < 10; i++ {
		r := w.onCaseload(nil, w.worker)
		w.book(r.ID, models.KindReview, testNow.Add(time.Duration(i+1)*24*time.Hour), w.worker)
	}
	if many := load(); many != few || few > 5 {
		t.Errorf("the caseload made %d queries for 2 women and %d for 12; want the same, at most 5", few, many)
	}
}

func TestUnallocatedListsAcceptedWomenWithNoKeyWorkerOldestFirst(t *testing.T) {
	w := newWorkflow(t)
	leaver := addStaff(t, w.s, "leaver", models.RoleKeyWorker)
	older := w.accept(nil)
	w.clock.Advance(24 * time.Hour)
	newer := w.accept(nil)
	w.onCaseload(nil, w.worker) // has a key worker
	hers := w.onCaseload(nil, leaver)
	if err := w.s.Staff.Deactivate(w.manager, leaver.ID, leaver.Version, true); err != nil {
		t.Fatal(err)
	}
	n, _ := w.s.Caseload.UnallocatedCount(w.admin)
	rows, err := w.s.Caseload.Unallocated(w.admin, 0, 10)
	if err != nil || n != 3 || len(rows) != 3 {
		t.Fatalf("unallocated = %d rows (count %d), %v", len(rows), n, err)
	}
	if rows[0].ID != older.ID || rows[1].ID != newer.ID || rows[2].ID != hers.ID || rows[0].AcceptedAt == nil {
		t.Errorf("unallocated order = %d, %d, %d; want %d, %d, then the leaver's %d", rows[0].ID, rows[1].ID, rows[2].ID, older.ID, newer.ID, hers.ID)
	}
}

func TestTeamCapacityCountsOpenCaseloads(t *testing.T) {
	w := newWorkflow(t)
	w.onCaseload(nil, w.worker)
	closed := w.onCaseload(nil, w.worker)
	if err := w.s.Referrals.Close(w.worker, closed.ID, closed.Version, "treatment complete"); err != nil {
		t.Fatal(err)
	}
	part := addStaff(t, w.s, "part", models.RoleKeyWorker, models.RoleClinician)
	part.WorkingFraction, part.CaseloadCapacity = 0.6, 1
	if err := w.s.Staff.Update(w.manager, part); err != nil {
		t.Fatal(err)
	}
	w.onCaseload(nil, part)
	w.onCaseload(nil, part)
	rows, err := w.s.Caseload.TeamCapacity(w.worker)
	if err != nil || len(rows) != 2 {
		t.Fatalf("team capacity = %+v, %v", rows, err)
	}
	if rows[0].StaffID != part.ID || rows[0].Open != 2 || !rows[0].Over() || rows[0].Percent() != 200 || rows[0].WorkingFraction != 0.6 {
		t.Errorf("part-timer = %+v", rows[0])
	}
	if rows[1].StaffID != w.worker.ID || rows[1].Open != 1 || rows[1].Over() || rows[1].Capacity != 20 {
		t.Errorf("worker = %+v", rows[1])
	}
}
