package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// recordSection shows, in a window for actor, the section that build
// makes for referral r, made again (as the record is) after every change.
func recordSection[T interface{ Content() fyne.CanvasObject }](e *testEnv, actor *models.StaffMember, r *models.Referral, build func(*session, *models.Referral, func()) T) fyne.Window {
	w := e.showInWindow(nil)
	s := e.sessionIn(actor, w)
	var reopen func()
	reopen = func() { w.SetContent(container.NewVScroll(build(s, r, reopen).Content())) }
	reopen()
	return w
}

// Hazard: HAZ-034.
func TestKeyWorkerRecordsRiskAndSafeguardingAndLettersWarnOfThem(t *testing.T) {
	e, admin, _, r := newAcceptedCase(t)
	kate := e.addKeyWorker("kate", 20)
	w := recordSection(e, kate, r, newRiskSection)
	if !textOnShow(w, "No risk summary recorded yet.") {
		t.Fatal("the section does not say no risk summary is recorded")
	}
	// Before any flag, the letter dialog warns of nothing.
	letters := showIssueLettersDialog(e.sessionIn(admin, e.showInWindow(nil)), r.ID, nil)
	if letters.Safeguarding.Visible() {
		t.Fatalf("the letter dialog warns with no flag raised: %q", letters.Safeguarding.Text)
	}

	// Kate reviews the risk: next review in four days, so it falls due.
	tapButton(t, w, "Review the risk…")
	test.Type(findEntry(t, w, "What the risks are, to her and to others, and what is in place"), "Thoughts of self-harm this week; no plans.")
	chooseOption(t, findSelect(t, w, "Not rated"), "High")
	var dates []*widgets.FormEntry
	for _, o := range objectsOnShow(w) {
		if x, ok := o.(*widgets.FormEntry); ok && x.PlaceHolder == "DD/MM/YYYY" {
			dates = append(dates, x)
		}
	}
	if len(dates) != 2 {
		t.Fatalf("%d date boxes in the risk dialog, want 2", len(dates))
	}
	dates[1].SetText("27/11/2026")
	tapButton(t, w, "Save")
	want := "Risk: High · reviewed 23/11/2026 by Test kate · next review 27/11/2026 (due in 4 days)"
	if !textOnShow(w, want) || !textOnShow(w, "Thoughts of self-harm this week; no plans.") {
		t.Fatalf("the section does not show the review %q:\n%s", want, labelsOnShow(w))
	}

	// Kate raises a domestic abuse flag: its badge shows, and its line.
	tapButton(t, w, "Raise a safeguarding flag…")
	chooseOption(t, findSelect(t, w, "Choose the concern"), models.SafeguardDomesticAbuse.Label())
	test.Type(findEntry(t, w, "For example, who leads the plan and how to reach them"), "Speak to her alone.")
	tapButton(t, w, "Raise")
	if !textOnShow(w, "DA") || !strings.Contains(labelsOnShow(w), "Domestic abuse · raised 23/11/2026 by Test kate\n   Speak to her alone.") {
		t.Fatalf("the flag does not show:\n%s", labelsOnShow(w))
	}

	// Her record shows the badge beside her name.
	rw := e.showInWindow(nil)
	d := newReferralDetail(r, e.svc.Today(), func() {})
	referralActions(e.sessionIn(kate, rw))(d, func() {})
	rw.SetContent(d.Content())
	if len(d.badges.Objects) != 1 {
		t.Fatalf("%d badges beside her name, want the domestic abuse one", len(d.badges.Objects))
	}

	// The letter dialog now warns, and so does its question.
	win := e.showInWindow(nil)
	letters = showIssueLettersDialog(e.sessionIn(admin, win), r.ID, nil)
	if !letters.Safeguarding.Visible() || !strings.Contains(letters.Safeguarding.Text, "Safeguarding: Domestic abuse.") {
		t.Fatalf("the letter dialog does not warn of the flag: %q", letters.Safeguarding.Text)
	}
	letters.AskToIssue()
	if letters.Confirm == nil || !strings.Contains(drawnText(win), "Safeguarding: Domestic abuse.") {
		t.Fatal("the question before issuing does not repeat the safeguarding warning")
	}

	// Kate ends the flag: its line says so, and the badge goes.
	tapButton(t, w, "End a flag…")
	tapButton(t, w, "End flag")
	if textOnShow(w, "DA") || !strings.Contains(labelsOnShow(w), "Domestic abuse · raised 23/11/2026 by Test kate · ended 23/11/2026 by Test kate") {
		t.Fatalf("the ended flag shows wrongly:\n%s", labelsOnShow(w))
	}
	if alerts, _ := e.svc.Risk.Alerts(admin, r.ID); len(alerts) != 0 {
		t.Fatalf("alerts after ending the flag: %v", alerts)
	}

	// An administrator reads the section but may not change it.
	wa := recordSection(e, admin, r, newRiskSection)
	for _, o := range objectsOnShow(wa) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Review the risk…" && !b.Disabled() {
			t.Fatal("an administrator is offered the risk review")
		}
	}
}

// Hazard: HAZ-035.
func TestRiskReviewFallingDueShowsOnTheDashboard(t *testing.T) {
	e, _, _, r := newAcceptedCase(t)
	kate := e.addKeyWorker("kate", 20)
	today := e.svc.Today()
	d := newDashboardScreen(e.sessionIn(kate, e.showInWindow(nil)))
	if d.RiskReviews.List.Length() != 0 || d.RiskReviews.Title.Text != "Risk reviews due (0)" {
		t.Fatalf("before any review: %d rows, %q", d.RiskReviews.List.Length(), d.RiskReviews.Title.Text)
	}
	sum := models.RiskSummary{Summary: "Reviewed.", Level: models.RiskMedium, ReviewedOn: today.AddDays(-30), ReviewDue: today.AddDays(-1)}
	if _, err := e.svc.Risk.SaveSummary(kate, r.ID, 0, sum); err != nil {
		t.Fatal(err)
	}
	w := e.showInWindow(nil)
	s := e.sessionIn(kate, w)
	var opened uint
	s.OpenReferral = func(id uint) { opened = id }
	d = newDashboardScreen(s)
	w.SetContent(d.Content())
	if d.RiskReviews.List.Length() != 1 || d.RiskReviews.Title.Text != "Risk reviews due (1)" {
		t.Fatalf("after an overdue review: %d rows, %q", d.RiskReviews.List.Length(), d.RiskReviews.Title.Text)
	}
	if !strings.Contains(drawnText(w), "Nguyễn, Zoë") || !strings.Contains(drawnText(w), "review 22/11/2026") {
		t.Fatal("the Dashboard does not name her review")
	}
	d.RiskReviews.List.Select(0)
	if opened != r.ID {
		t.Fatalf("choosing the review opened referral %d, want %d", opened, r.ID)
	}
}

func TestEveryCaseloadFlagHasABadge(t *testing.T) {
	for _, f := range app.CaseloadFlags {
		if flagShort[f] == "" || flagColour[f] == nil || f.Label() == string(f) {
			t.Errorf("flag %q has no badge word, colour or label", f)
		}
	}
}
