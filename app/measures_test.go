package app

import (
	"errors"
	"strings"
	"testing"

	"perinatal-caseload/models"
)

// epdsAnswers returns EPDS answers scoring 0 on every item but item 10,
// which scores item10 (positions follow the reversed scoring of item 10).
func epdsAnswers(item10 int) []int {
	d := models.MeasureByCode("EPDS")
	out := make([]int, len(d.Items))
	for i, it := range d.Items {
		for pos, s := range it.Scores {
			want := 0
			if i == 9 {
				want = item10
			}
			if s == want {
				out[i] = pos
			}
		}
	}
	return out
}

// Hazard: HAZ-006.
func TestAPositiveRiskItemMakesSameDayTasksAndTheBanner(t *testing.T) {
	w := newWorkflow(t)
	duty := addStaff(t, w.s, "duty", models.RoleClinician)
	if err := w.s.Settings.Set(w.admin, SetDutyClinician, "duty", 0); err != nil {
		t.Fatal(err)
	}
	r := w.onCaseload(nil, w.worker)
	today := models.LondonDate(testNow)
	m, err := w.s.Measures.Record(w.worker, MeasureEntry{ReferralID: r.ID, Measure: "EPDS", TakenOn: today, Answers: epdsAnswers(2)})
	if err != nil {
		t.Fatal(err)
	}
	if m.Total != 2 || m.Band != "Below the cut-off" || !m.RiskItemPositive || m.RecordedByID != w.worker.ID {
		t.Errorf("saved %+v", m)
	}
	var risk []TaskRow
	for _, task := range w.tasks(r.ID) {
		if task.Kind == models.TaskRiskItem {
			risk = append(risk, task)
		}
	}
	if len(risk) != 2 {
		t.Fatalf("risk tasks %+v", risk)
	}
	holders := map[uint]bool{}
	for _, task := range risk {
		if task.DueDate != today || task.AssigneeID == nil || !strings.Contains(task.Title, "EPDS item 10 positive") {
			t.Errorf("task %+v", task.Task)
		}
		if task.AssigneeID != nil {
			holders[*task.AssigneeID] = true
		}
	}
	if !holders[w.worker.ID] || !holders[duty.ID] {
		t.Errorf("tasks went to %v; want key worker %d and duty clinician %d", holders, w.worker.ID, duty.ID)
	}
	o, err := w.s.Measures.Overview(w.worker, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(o.RiskAlerts) != 1 || !strings.Contains(o.RiskAlerts[0], "EPDS on 23/11/2026: item 10 positive") {
		t.Errorf("alerts %q", o.RiskAlerts)
	}
	if n := countAudit(t, w.s, "measure_result", ActionCreate); n != 1 {
		t.Errorf("%d measure audit events", n)
	}

	// A later EPDS with item 10 at 0 takes the banner down.
	if _, err := w.s.Measures.Record(w.worker, MeasureEntry{ReferralID: r.ID, Measure: "EPDS", TakenOn: today, Answers: epdsAnswers(0)}); err != nil {
		t.Fatal(err)
	}
	if o, _ := w.s.Measures.Overview(w.worker, r.ID); len(o.RiskAlerts) != 0 {
		t.Errorf("alerts after a negative result %q", o.RiskAlerts)
	}
}

// Hazard: HAZ-006.
func TestRiskItemTaskWithoutADutyClinicianGoesToTheKeyWorkerAndSaysSo(t *testing.T) {
	w := newWorkflow(t)
	r := w.onCaseload(nil, w.worker)
	unallocated := w.accept(nil)
	today := models.LondonDate(testNow)
	core := []int{0, 4, 4, 0, 0, 1, 0, 0, 0, 0} // CORE-10 item 6 scores 1
	for _, id := range []uint{r.ID, unallocated.ID} {
		if _, err := w.s.Measures.Record(w.doc, MeasureEntry{ReferralID: id, Measure: "CORE-10", TakenOn: today, Answers: core}); err != nil {
			t.Fatal(err)
		}
	}
	got := w.tasks(r.ID)
	if len(got) != 1 || got[0].Kind != models.TaskRiskItem || got[0].AssigneeID == nil || *got[0].AssigneeID != w.worker.ID ||
		!strings.Contains(got[0].Notes, "No duty clinician is set") || !strings.Contains(got[0].Title, "CORE-10 item 6") {
		t.Errorf("tasks %+v", got)
	}
	var open []TaskRow
	for _, task := range w.tasks(unallocated.ID) {
		if task.Kind == models.TaskRiskItem {
			open = append(open, task)
		}
	}
	if len(open) != 1 || open[0].AssigneeID != nil {
		t.Errorf("a woman with no key worker and no duty clinician: %+v", open)
	}
}

func TestRecordingAMeasureIsValidatedByItsDefinition(t *testing.T) {
	w := newWorkflow(t)
	r := w.onCaseload(nil, w.worker)
	today := models.LondonDate(testNow)
	cases := []struct {
		e     MeasureEntry
		field string
	}{
		{MeasureEntry{Measure: "HADS", TakenOn: today}, "Measure"},
		{MeasureEntry{Measure: "GAD-7", Answers: []int{0, 0, 0, 0, 0, 0, 0}}, "Date taken"},
		{MeasureEntry{Measure: "GAD-7", TakenOn: today.AddDays(1), Answers: []int{0, 0, 0, 0, 0, 0, 0}}, "Date taken"},
		{MeasureEntry{Measure: "GAD-7", TakenOn: today, Answers: []int{0, 0, 0, 0, -1, 0, 0}}, "Item 5"},
		{MeasureEntry{Measure: "PHQ-9", TakenOn: today, Answers: []int{0, 0, 0, 0, 0, 0, 0, 0, 4}}, "Item 9"},
		{MeasureEntry{Measure: "GBO", TakenOn: today, Answers: []int{5, 6}, Goals: []string{"Sleep better", " "}}, "Goal 2"},
	}
	for _, c := range cases {
		c.e.ReferralID = r.ID
		_, err := w.s.Measures.Record(w.worker, c.e)
		if !hasField(err, c.field) {
			t.Errorf("%s %v: %v; want a problem with %s", c.e.Measure, c.e.Answers, err, c.field)
		}
	}
	if countRows(t, w.s, "measure_results") != 0 {
		t.Error("a refused measure was saved")
	}
	var pe *PermissionError
	_, err := w.s.Measures.Record(w.admin, MeasureEntry{ReferralID: r.ID, Measure: "GAD-7", TakenOn: today, Answers: make([]int, 7)})
	if !errors.As(err, &pe) {
		t.Errorf("an administrator recorded a measure: %v", err)
	}
	g, err := w.s.Measures.Record(w.worker, MeasureEntry{ReferralID: r.ID, Measure: "GBO", TakenOn: today, Answers: []int{5, 6}, Goals: []string{" Sleep better ", "Go out with the baby", ""}})
	if err != nil || g.Goals != "Sleep better\nGo out with the baby" || g.Total != 11 || g.Band != "" {
		t.Errorf("GBO %+v %v", g, err)
	}
}

func TestOverviewShowsChangeAndWhenEachMeasureIsDue(t *testing.T) {
	w := newWorkflow(t)
	r := w.onCaseload(nil, w.worker)
	today := models.LondonDate(testNow)
	first, second := today.AddMonths(-4), today.AddMonths(-1)
	core := func(total int) []int { // items 1, 4 and 5 carry the total
		a := []int{0, 4, 4, 0, 0, 0, 0, 0, 0, 0}
		for i := 0; total > 0; i++ {
			n := min(total, 4)
			a[[]int{0, 3, 4, 6, 7}[i]] = n
			total -= n
		}
		return a
	}
	for _, e := range []MeasureEntry{
		{Measure: "CORE-10", TakenOn: first, Answers: core(18)},
		{Measure: "CORE-10", TakenOn: second, Answers: core(9)},
		{Measure: "GAD-7", TakenOn: first, Answers: []int{1, 1, 1, 1, 1, 1, 1}},
	} {
		e.ReferralID = r.ID
		if _, err := w.s.Measures.Record(w.worker, e); err != nil {
			t.Fatal(err)
		}
	}
	o, err := w.s.Measures.Overview(w.worker, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	by := map[string]MeasureSummary{}
	for _, m := range o.Measures {
		by[m.Def.Code] = m
	}
	c := by["CORE-10"]
	if len(c.Results) != 2 || !c.HasChange || c.Change.Change != -9 || !c.Change.Improved || c.Latest().Band != "Low" {
		t.Errorf("CORE-10 %+v", c)
	}
	if !c.HasDue || c.Due.Due || c.Due.Reason != models.DueReview || c.Due.On != second.AddMonths(3) {
		t.Errorf("CORE-10 due %+v", c.Due)
	}
	if g := by["GAD-7"]; !g.HasDue || !g.Due.Due || g.Due.On != first.AddMonths(3) {
		t.Errorf("GAD-7 due %+v", g.Due)
	}
	if e := by["EPDS"]; !e.HasDue || !e.Due.Due || e.Due.Reason != models.DueAtAssessment || e.Due.On != today {
		t.Errorf("EPDS due %+v", e.Due)
	}
	if p := by["PHQ-9"]; p.HasDue || p.HasChange {
		t.Errorf("PHQ-9, never done and not routine: %+v", p)
	}
}

// countAudit counts the audit events of entity with action.
func countAudit(t *testing.T, s *Services, entity, action string) int64 {
	t.Helper()
	var n int64
	if err := s.core.db.Model(&models.AuditEvent{}).Where("entity = ? AND action = ?", entity, action).Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

func TestCaseloadShowsTheLatestEPDSOrCORE10WithItsTrend(t *testing.T) {
	w := newWorkflow(t)
	today := models.LondonDate(testNow)
	epds, core, both, none := w.onCaseload(nil, w.worker), w.onCaseload(nil, w.worker), w.onCaseload(nil, w.worker), w.onCaseload(nil, w.worker)
	record := func(id uint, code string, on models.Date, answers []int) {
		t.Helper()
		if _, err := w.s.Measures.Record(w.worker, MeasureEntry{ReferralID: id, Measure: code, TakenOn: on, Answers: answers}); err != nil {
			t.Fatal(err)
		}
	}
	record(epds.ID, "EPDS", today.AddDays(-60), []int{3, 3, 0, 3, 0, 0, 3, 3, 3, 3}) // 18: items 1-6 score 3 each
	record(epds.ID, "EPDS", today.AddDays(-30), []int{1, 1, 3, 1, 3, 3, 3, 3, 3, 3})
	record(epds.ID, "EPDS", today, []int{0, 0, 3, 0, 3, 3, 3, 3, 3, 3})
	record(core.ID, "CORE-10", today, []int{3, 4, 4, 0, 0, 0, 0, 0, 0, 0})
	record(both.ID, "CORE-10", today, []int{3, 4, 4, 0, 0, 0, 0, 0, 0, 0})
	record(both.ID, "EPDS", today.AddDays(-9), []int{1, 1, 3, 1, 3, 3, 3, 3, 3, 3})
	record(both.ID, "EPDS", today.AddDays(-2), []int{1, 1, 3, 1, 3, 3, 3, 3, 3, 3})
	rows, err := w.s.Caseload.Caseload(w.manager, CaseloadFilter{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[uint]string{epds.ID: "EPDS 0 ↓", core.ID: "CORE-10 3", both.ID: "EPDS 3 →", none.ID: ""}
	for _, row := range rows {
		if got := row.MeasureText(); got != want[row.ReferralID] {
			t.Errorf("referral %d shows %q, want %q", row.ReferralID, got, want[row.ReferralID])
		}
	}
}
