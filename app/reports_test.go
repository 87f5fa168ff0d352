package app_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

// buildFixtureReports builds the fixture and its reports for the range.
func buildFixtureReports(t *testing.T) (*fixture, *app.Reports) {
	t.Helper()
	f := newReportsFixture(t)
	r, err := f.e.Services.Reports.Build(f.manager, reportFrom, reportTo, nil)
	if err != nil {
		t.Fatal(err)
	}
	return f, r
}

// TestAccessReportMHS91 checks MHS91 by month against the hand count.
//
// Sep 2026 (window 01/10/2025–30/09/2026): women 1 (C1 video), 2 (C4
// video), 10 (C11 video on the window's first day), 11 (C12, 00:30 BST on
// 1 October 2025: in the window, though 30 September in UTC) and 12 (C19,
// 31 August face to face) = 5. Woman 6 has telephone contacts only.
// Oct 2026 (01/11/2025–31/10/2026): 1, 2, 5 (C6), 12 = 4; 10 and 11 have
// left the window.
// Nov 2026 (01/12/2025–30/11/2026): 1, 2, 5, 7 (C10), 12 = 5.
// Hazard: HAZ-038.
func TestAccessReportMHS91(t *testing.T) {
	f, r := buildFixtureReports(t)
	got := map[string]int{}
	for _, m := range r.Access.Months {
		got[m.Month.ISO()] = m.Women
	}
	want := map[string]int{"2026-09": 5, "2026-10": 4, "2026-11": 5}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("MHS91 by month = %v, want %v", got, want)
	}
	if r.Access.Target != 0 {
		t.Errorf("no target set, got %d", r.Access.Target)
	}
	// A target set in Settings is drawn against.
	if err := f.e.Services.Settings.Set(f.e.System, app.SetTargetAccess, "6", 0); err != nil {
		t.Fatal(err)
	}
	r2, err := f.e.Services.Reports.Build(f.manager, reportFrom, reportTo, nil)
	if err != nil {
		t.Fatal(err)
	}
	table := r2.Tables()[0]
	if r2.Access.Target != 6 || table.Rows[0][2] != "6" || table.Rows[0][3] != "83.3%" || table.Chart.Target == nil {
		t.Errorf("access against target 6: %v", table.Rows[0])
	}
}

// TestReferralReport checks referrals by month and by source.
//
// Sep: 1 (accepted), 2 (accepted), 3 (signposted) = 3 received, 2 accepted.
// Oct: 4 (declined; received 00:30 BST on 1 October), 5, 6 (accepted) = 3, 2, 1 not accepted.
// Nov: 7, 9 (accepted), 8 (awaiting) = 3, 2.
func TestReferralReport(t *testing.T) {
	_, r := buildFixtureReports(t)
	type row struct{ received, accepted, notAccepted, signposted int }
	got := map[string]row{}
	for _, m := range r.Referrals.Months {
		got[m.Month.ISO()] = row{m.Received, m.Accepted, m.NotAccepted, m.Signposted}
	}
	want := map[string]row{"2026-09": {3, 2, 0, 1}, "2026-10": {3, 2, 1, 0}, "2026-11": {3, 2, 0, 0}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("referrals by month = %v, want %v", got, want)
	}
	if tot := r.Referrals.Total; tot.Received != 9 || tot.Accepted != 6 || tot.NotAccepted != 1 || tot.Signposted != 1 {
		t.Errorf("total = %+v", tot)
	}
	sources := map[models.ProfessionalRole]row{}
	for _, s := range r.Referrals.Sources {
		sources[s.Source] = row{s.Received, s.Accepted, s.NotAccepted, s.Signposted}
	}
	wantSources := map[models.ProfessionalRole]row{
		models.ProfGP: {3, 2, 1, 0}, models.ProfMidwife: {2, 1, 0, 0}, models.ProfHealthVisitor: {1, 0, 0, 1},
		models.ProfObstetrician: {1, 1, 0, 0}, models.ProfPsychiatrist: {1, 1, 0, 0}, models.ProfCMHT: {1, 1, 0, 0},
		models.ProfOther: {}, models.ProfSelf: {},
	}
	if !reflect.DeepEqual(sources, wantSources) {
		t.Errorf("by source = %v, want %v", sources, wantSources)
	}
	table := r.Tables()[1]
	if last := table.Rows[len(table.Rows)-1]; !reflect.DeepEqual(last, []string{"All months", "9", "6", "1", "1", "1", "66.7%"}) {
		t.Errorf("total row = %v", last)
	}
}

// TestWaitsReport checks the waits.
//
// Routine, assessed: 1 (9 days), 5 (20; the DNA on 20 Oct does not stop
// the clock), 6 (7, by telephone, arrived late and seen) → median 9, 90th
// percentile 20 (nearest rank 3 of 3), 2 within 14 days; 9 accepted and
// waiting.
// Urgent: 2 (Tue 15 to Thu 17 Sep: 2 days, 2 working days, within), 7 (Mon 2
// to Mon 9 Nov: 7 days, 5 working days, missed) → median 4.5, 90th 7, 1 within.
// All: 9, 20, 7, 2, 7 → median 7, 90th 20, 3 within.
// Outcome letter, accepted in range 1, 2, 5, 6, 7, 9: letters after 10
// (1), 20 (2) and 4 (6) days → median 10, 90th 20, 2 within 14; 5, 7 and 9
// owe theirs (5's acceptance letter is not an outcome letter).
// Hazard: HAZ-038.
func TestWaitsReport(t *testing.T) {
	_, r := buildFixtureReports(t)
	type row struct {
		measured    int
		median, p90 float64
		within      int
		waiting     int
	}
	pick := func(w app.WaitRow) row { return row{w.Measured, w.Median, w.P90, w.WithinTarget, w.Waiting} }
	checks := []struct {
		name string
		got  app.WaitRow
		want row
	}{
		{"routine", r.Waits.Routine, row{3, 9, 20, 2, 1}},
		{"urgent", r.Waits.Urgent, row{2, 4.5, 7, 1, 0}},
		{"all", r.Waits.All, row{5, 7, 20, 3, 1}},
		{"outcome letter", r.Waits.OutcomeLetter, row{3, 10, 20, 2, 3}},
	}
	for _, c := range checks {
		if got := pick(c.got); got != c.want {
			t.Errorf("%s: %+v, want %+v", c.name, got, c.want)
		}
	}
	if row := r.Tables()[3].Rows[1]; !reflect.DeepEqual(row[1:], []string{"2", "4.5", "7.0", "1", "50.0%", "0"}) {
		t.Errorf("urgent row = %v", row)
	}
}

// TestAttendanceReport checks contacts by mode in the range: C1–C10 and
// C13–C17 (C13 at 00:30 BST on 1 September and C17 at 23:30 GMT on 30
// November are in; C11, C12, C18 and C19 are out).
//
// Video C1 C4 C6 C10 (5), C15 (2), C16 (7): 6 contacts, 4 attended, 1 late
// not seen, 1 cancelled: rate 1/5 = 20%. Telephone C7 C8 C13 (5), C9 (3):
// 4, 3 attended, 1 DNA: 25%. Face to face C3 C14 (5), C17 (6), C2 (3): 4,
// 3, 1: 25%. Home visit C5: 1, 1: 0%. All: 15, 11, 2 DNA, 1 late not
// seen, 1 cancelled: 3/14 = 21.4%.
func TestAttendanceReport(t *testing.T) {
	_, r := buildFixtureReports(t)
	type row struct{ contacts, attended, dna, lateNotSeen, cancelled int }
	got := map[models.Mode]row{}
	for _, m := range r.Attendance.Modes {
		got[m.Mode] = row{m.Contacts, m.Attended, m.DNA, m.LateNotSeen, m.Cancelled}
	}
	want := map[models.Mode]row{
		models.ModeVideo: {6, 4, 0, 1, 1}, models.ModeTelephone: {4, 3, 1, 0, 0},
		models.ModeFaceToFace: {4, 3, 1, 0, 0}, models.ModeHomeVisit: {1, 1, 0, 0, 0},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("by mode = %v, want %v", got, want)
	}
	tot := r.Attendance.Total
	if rate, _ := tot.DNARate(); tot.Contacts != 15 || tot.Attended != 11 || rate != 21.4 {
		t.Errorf("total = %+v, rate %v", tot, rate)
	}
	rates := []string{}
	for _, row := range r.Tables()[4].Rows {
		rates = append(rates, row[6])
	}
	if want := []string{"20.0%", "25.0%", "25.0%", "0.0%", "21.4%"}; !reflect.DeepEqual(rates, want) {
		t.Errorf("rates = %v, want %v", rates, want)
	}
}

// TestCaseloadReport checks the caseload at the end of 30 November.
//
// kw1 "Kay Worker": 1, 5, 7, 12 (reallocated from kw2 on 10 Nov) = 4 of 10.
// kw2 "Zoë Nguyễn": 2, 6 = 2 of 5 (9 is allocated only on 2 December; 10's
// allocation ended). Stages on 30 Nov: 1 pregnant; 2 (born 01/08/2026) and
// 12 (15/06/2026) 0–6 months; 5 (01/03/2026) 6–12; 6 (01/10/2025) over
// 12; 7 planning.
func TestCaseloadReport(t *testing.T) {
	_, r := buildFixtureReports(t)
	want := []app.WorkerLoad{{Name: "Kay Worker", Open: 4, Capacity: 10}, {Name: "Zoë Nguyễn", Open: 2, Capacity: 5}}
	if !reflect.DeepEqual(r.Caseload.Workers, want) {
		t.Errorf("workers = %+v, want %+v", r.Caseload.Workers, want)
	}
	stages := map[models.ReportStage]int{}
	for _, s := range r.Caseload.Stages {
		stages[s.Stage] = s.Cases
	}
	wantStages := map[models.ReportStage]int{
		models.ReportStagePlanning: 1, models.ReportStagePregnant: 1, models.ReportStageUpTo6: 2,
		models.ReportStage6To12: 1, models.ReportStageOver12: 1, models.ReportStageNotKnown: 0,
	}
	if !reflect.DeepEqual(stages, wantStages) || r.Caseload.Open != 6 {
		t.Errorf("stages = %v (open %d), want %v (6)", stages, r.Caseload.Open, wantStages)
	}
	if row := r.Tables()[5].Rows[1]; !reflect.DeepEqual(row, []string{"Zoë Nguyễn", "2", "5", "40.0%"}) {
		t.Errorf("kw2 row = %v", row)
	}
}

// TestOutcomesReport checks the paired scores.
//
// EPDS: 1 (18 → 9, improved; the 14 of 5 October is between), 12 (15 → 15; the 5 of 5 December is after
// the range) → 2 pairs, means 16.5 and 12.0, change -4.5, 1 improved.
// PHQ-9: 2 (12 → 14) → worse. GAD-7: 5 has one score; 10's latest is
// before the range → no pairs. CORE-10: 6 (20 → 16 → 10) → improved.
// GBO: 7 (3 → 7) → improved (higher is better).
func TestOutcomesReport(t *testing.T) {
	_, r := buildFixtureReports(t)
	type row struct {
		pairs, improved       int
		first, latest, change float64
	}
	got := map[string]row{}
	for _, m := range r.Outcomes.Measures {
		got[m.Measure] = row{m.Pairs, m.Improved, m.MeanFirst, m.MeanLatest, m.MeanChange}
	}
	want := map[string]row{
		"EPDS": {2, 1, 16.5, 12, -4.5}, "PHQ-9": {1, 0, 12, 14, 2}, "GAD-7": {},
		"CORE-10": {1, 1, 20, 10, -10}, "GBO": {1, 1, 3, 7, 4},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("outcomes = %v, want %v", got, want)
	}
	rows := r.Tables()[7].Rows
	if !reflect.DeepEqual(rows[0], []string{"EPDS", "2", "16.5", "12.0", "-4.5", "1", "50.0%"}) ||
		!reflect.DeepEqual(rows[2], []string{"GAD-7", "0", "–", "–", "–", "0", "–"}) ||
		!reflect.DeepEqual(rows[4], []string{"GBO", "1", "3.0", "7.0", "+4.0", "1", "100.0%"}) {
		t.Errorf("outcome rows = %v", rows)
	}
}

// TestQualityReport checks data quality: of the 9 referrals received, 5
// has no NHS number, 7 no GP, and 3 and 8 no ethnic category (6 has "not
// stated", which is recorded);
// of the 6 accepted, 5, 7 and 9 owe an outcome letter.
func TestQualityReport(t *testing.T) {
	f, r := buildFixtureReports(t)
	ref := func(n int) uint { return f.ref[n].ID }
	checks := r.Quality.Checks
	if len(checks) != 4 {
		t.Fatalf("checks = %+v", checks)
	}
	if checks[0].Checked != 9 || !reflect.DeepEqual(checks[0].Missing, []uint{ref(5)}) {
		t.Errorf("NHS number: %+v", checks[0])
	}
	if !reflect.DeepEqual(checks[1].Missing, []uint{ref(7)}) {
		t.Errorf("GP: %+v", checks[1])
	}
	if checks[2].Checked != 9 || !reflect.DeepEqual(checks[2].Missing, []uint{ref(3), ref(8)}) {
		t.Errorf("ethnicity: %+v", checks[2])
	}
	if checks[3].Checked != 6 || !reflect.DeepEqual(checks[3].Missing, []uint{ref(5), ref(7), ref(9)}) {
		t.Errorf("letters: %+v", checks[3])
	}
	rows := r.Tables()[8].Rows
	if rows[0][4] != models.ReferralReference(ref(5)) || rows[2][4] != models.ReferralReference(ref(3))+", "+models.ReferralReference(ref(8)) {
		t.Errorf("quality rows = %v", rows)
	}
	for _, row := range rows {
		if strings.Contains(strings.Join(row, " "), "Woman") {
			t.Errorf("a quality row names her: %v", row)
		}
	}
}

// TestReportsPermissionAndAudit checks that reports need the view-reports
// permission, refuse a backwards range, and audit each look and export.
func TestReportsPermissionAndAudit(t *testing.T) {
	f, r := buildFixtureReports(t)
	var perr *app.PermissionError
	if _, err := f.e.Services.Reports.Build(f.kw1, reportFrom, reportTo, nil); !errors.As(err, &perr) {
		t.Errorf("a key worker got the reports: %v", err)
	}
	var fe *models.FieldError
	if _, err := f.e.Services.Reports.Build(f.manager, reportTo, reportFrom, nil); !errors.As(err, &fe) || fe.Field != app.FieldReportTo {
		t.Errorf("a backwards range: %v", err)
	}
	files, err := f.e.Services.Reports.ExportCSV(f.manager, r)
	if err != nil || len(files) != 9 || !strings.HasPrefix(string(files["access.csv"]), "\ufeffMonth,") {
		t.Errorf("CSV export: %d files, %v", len(files), err)
	}
	if _, err := f.e.Services.Reports.ExportPDF(f.manager, r); err != nil {
		t.Error(err)
	}
	var steps []int
	if _, err := f.e.Services.Reports.Build(f.manager, reportFrom, reportTo, func(done, total int) { steps = append(steps, done*10+total) }); err != nil || len(steps) == 0 || steps[len(steps)-1]%10 != len(steps) {
		t.Errorf("progress: %v %v", steps, err)
	}
	var events []models.AuditEvent
	f.e.DB.Where("entity = ?", "reports").Order("id").Find(&events)
	var actions []string
	for _, ev := range events {
		actions = append(actions, ev.Action+" "+ev.Detail)
	}
	want := []string{
		"viewed reports 01/09/2026 to 30/11/2026",
		"export reports CSV 01/09/2026 to 30/11/2026",
		"export reports PDF 01/09/2026 to 30/11/2026",
		"viewed reports 01/09/2026 to 30/11/2026",
	}
	if !reflect.DeepEqual(actions, want) {
		t.Errorf("audit = %q, want %q", actions, want)
	}
}
