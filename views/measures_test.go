package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/models"
)

// TestKeyWorkerRecordsAnEPDSWithItem10PositiveAndSeesTheBannerTaskAndChart
// enters an EPDS item by item on her record, watching the total, band
// and risk warning change as answers are chosen, and then finds the red
// banner, the same-day task and the chart on her record.
// Hazard: HAZ-006.
func TestKeyWorkerRecordsAnEPDSWithItem10PositiveAndSeesTheBannerTaskAndChart(t *testing.T) {
	e := newTestEnv(t, 0)
	r, kate := e.allocatedReferral()
	w := e.showInWindow(nil)
	s := newReferralsScreen(e.sessionIn(kate, w), false)
	s.DetailActions = referralActions(e.sessionIn(kate, w))
	w.SetContent(s.Content())
	s.Open(r.ID)
	if strings.Contains(labelsOnShow(w), "Risk item positive") || len(charts(w)) != 0 {
		t.Fatal("a banner or chart before any measure")
	}

	tapButton(t, w, "Record a measure…")
	chooseOption(t, findSelect(t, w, "Choose the measure"), "EPDS")
	var items []*widget.Select
	for _, o := range objectsOnShow(w) {
		if sel, ok := o.(*widget.Select); ok && sel.PlaceHolder == "Choose a response" {
			items = append(items, sel)
		}
	}
	if len(items) != 10 {
		t.Fatalf("%d EPDS items on show", len(items))
	}
	if !strings.Contains(drawnText(w), "Item 10: thoughts of harming herself") {
		t.Error("item 10 is not labelled")
	}
	// Items 1-9: the first printed response (items 1, 2 and 4 score 0,
	// the six reversed ones 3), so a total of 18 before item 10.
	for i := 0; i < 9; i++ {
		items[i].SetSelectedIndex(0)
	}
	if !strings.Contains(labelsOnShow(w), "Total so far 18 · 1 of 10 items to answer") {
		t.Errorf("the running total is not shown: %q", labelsOnShow(w))
	}
	items[9].SetSelectedIndex(2) // scores 1: positive
	shown := labelsOnShow(w)
	if !strings.Contains(shown, "Total 19 of 30 · Probable depression") || !strings.Contains(shown, "Item 10 (thoughts of harming herself) is positive") {
		t.Fatalf("after item 10: %q", shown)
	}
	tapButton(t, w, "Save")

	shown = labelsOnShow(w)
	for _, want := range []string{
		"Risk item positive: EPDS on 23/11/2026: item 10 positive (thoughts of harming herself). Check her risk today.",
		"EPDS: 19 on 23/11/2026 (Probable depression)",
		"EPDS item 10 positive (thoughts of harming herself): review her risk today",
	} {
		if !strings.Contains(shown+drawnText(w), want) {
			t.Errorf("her record does not show %q", want)
		}
	}
	if c := charts(w); len(c) != 1 || c[0].Image == nil || c[0].MinSize().Width != measureChartWidth {
		t.Errorf("charts on show: %d", len(c))
	}
	tasks, err := e.svc.Tasks.ForAssignee(kate, kate.ID, false)
	if err != nil || len(tasks) != 1 || tasks[0].Kind != models.TaskRiskItem || tasks[0].DueDate != models.LondonDate(e.clock.Now()) {
		t.Errorf("kate's tasks %+v %v", tasks, err)
	}
}

// allocatedReferral accepts Zoë's referral (see acceptedReferral) and
// allocates her to kate, a key worker, whom it returns with her referral.
func (e *testEnv) allocatedReferral() (*models.Referral, *models.StaffMember) {
	e.t.Helper()
	admin := e.addStaff("admin", models.RoleAdministrator)
	doc := e.addStaff("doc", models.RoleClinician)
	manager := e.addStaff("manager", models.RoleManager)
	kate := e.addKeyWorker("kate", 20)
	r := e.acceptedReferral(admin, doc)
	if _, err := e.svc.Allocations.Allocate(manager, r.ID, kate.ID, "", true); err != nil {
		e.t.Fatal(err)
	}
	return r, kate
}

// charts returns the measure charts on show.
func charts(w fyne.Window) []*canvas.Image {
	var out []*canvas.Image
	for _, o := range objectsOnShow(w) {
		if img, ok := o.(*canvas.Image); ok && img.MinSize().Width == measureChartWidth {
			out = append(out, img)
		}
	}
	return out
}
