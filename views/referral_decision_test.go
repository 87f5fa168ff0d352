package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

// registeredReferral saves a referral that screening accepts as urgent (a
// mood stabiliser) through the form, and reads it back.
func (e *testEnv) registeredReferral(admin *models.StaffMember) *models.Referral {
	e.t.Helper()
	f, _, saved := e.referralForm(admin)
	fillAcceptableReferral(e.t, f, "943 476 5919")
	test.Tap(f.Medicines.AddButton)
	test.Type(f.Medicines.Rows()[0].Name, "Lithium carbonate")
	f.Medicines.Rows()[0].Class.SetCode("mood_stabiliser")
	f.Save()
	if *saved == 0 {
		e.t.Fatalf("the referral was not saved: %s", f.Problems.Text)
	}
	r, err := e.svc.Referrals.Get(admin, *saved)
	if err != nil {
		e.t.Fatal(err)
	}
	return r
}

func TestDecisionOverridingTheRecommendationNeedsAReason(t *testing.T) {
	e := newTestEnv(t, 0)
	admin := e.addStaff("admin", models.RoleAdministrator)
	doc := e.addStaff("doc", models.RoleClinician)
	r := e.registeredReferral(admin)
	done := 0
	w := e.showInWindow(nil)
	p := newDecisionPanel(e.sessionIn(doc, w), r, func() { done++ })
	w.SetContent(p.Content())

	if !strings.Contains(p.Recommendation.Text, "Accept") || !strings.Contains(p.Recommendation.Text, "Urgent") ||
		!strings.Contains(p.Reasons.Text, "mood stabiliser") {
		t.Errorf("recommendation %q, reasons %q", p.Recommendation.Text, p.Reasons.Text)
	}
	if p.Outcome.Selected != "" || p.Priority.Selected != "" {
		t.Errorf("the choice starts at %q, %q; want nothing chosen", p.Outcome.Selected, p.Priority.Selected)
	}
	test.Tap(p.Save)
	if done != 0 || !strings.Contains(p.Message.Text, "choose accept, discuss, signpost or decline") {
		t.Fatalf("a decision with nothing chosen was not refused: %q", p.Message.Text)
	}

	// Routine overrides the urgent recommendation: refused without a reason.
	p.Outcome.SetSelected(models.DecisionAccept.Label())
	p.Priority.SetSelected("Routine")
	if !p.OverrideNote.Visible() {
		t.Error("the panel does not say the choice overrides the recommendation")
	}
	test.Tap(p.Save)
	if done != 0 || !p.Message.Visible() || !strings.Contains(p.Message.Text, "Reason: ") {
		t.Fatalf("an override without a reason was not refused with the service's message: %q", p.Message.Text)
	}
	if got, _ := e.svc.Referrals.Get(doc, r.ID); got.Status != models.StatusReceived || got.Decision != "" {
		t.Fatalf("the refused decision was saved: %s", got.Status)
	}
	if p.Priority.Selected != "Routine" {
		t.Error("the choice was lost")
	}

	test.Type(p.Reason, "Stable on lithium for five years; seen in clinic next week.")
	test.Tap(p.Save)
	if done != 1 || p.Message.Visible() {
		t.Fatalf("the decision with a reason was not recorded: %q", p.Message.Text)
	}
	got, err := e.svc.Referrals.Get(doc, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != models.StatusAccepted || got.Priority != models.PriorityRoutine || !strings.HasPrefix(got.DecisionReason, "Stable on lithium") {
		t.Errorf("saved %s, %s, %q", got.Status, got.Priority, got.DecisionReason)
	}
	if !p.Save.Disabled() {
		t.Error("the panel still offers to decide again")
	}

	// The timeline tells the story, for a key worker too.
	kw := e.addStaff("kw", models.RoleKeyWorker)
	tl := newReferralTimeline(e.sessionIn(kw, nil), r.ID)
	e.showInWindow(tl.Content())
	if tl.List.Length() != 2 || tl.Entries[0].What != "Referral registered" ||
		!strings.HasPrefix(tl.Entries[1].What, "Decision: accept (overrides the recommendation: Stable on lithium") {
		t.Errorf("timeline %+v", tl.Entries)
	}
	tl.List.Select(1)
	if !strings.Contains(tl.Detail.Text, "Test doc") || !strings.Contains(tl.Detail.Text, "seen in clinic next week") {
		t.Errorf("the chosen entry shows %q", tl.Detail.Text)
	}
}

// Hazard: HAZ-011.
func TestDecisionShowsAConflictWithSomeoneElsesChange(t *testing.T) {
	e := newTestEnv(t, 0)
	admin := e.addStaff("admin", models.RoleAdministrator)
	doc := e.addStaff("doc", models.RoleClinician)
	other := e.addStaff("other", models.RoleClinician)
	r := e.registeredReferral(admin)
	reloads := 0
	p := newDecisionPanel(e.sessionIn(doc, e.showInWindow(nil)), r, func() { reloads++ })
	p.Outcome.SetSelected(models.DecisionAccept.Label())
	p.Priority.SetSelected("Urgent")
	if err := e.svc.Referrals.Decide(other, r.ID, r.Version, app.Decision{Outcome: models.DecisionDiscuss, Priority: models.PriorityUrgent, Reason: "For the team"}); err != nil {
		t.Fatal(err)
	}
	test.Tap(p.Save)
	if !strings.Contains(p.Message.Text, "changed by Test other") || !strings.Contains(p.Message.Text, "Reload") || !p.ReloadButton.Visible() {
		t.Fatalf("conflict shown as %q", p.Message.Text)
	}
	test.Tap(p.ReloadButton)
	if reloads != 1 {
		t.Error("Reload did not ask the detail view to read the referral again")
	}
}

func TestDecisionPanelOfADecidedReferralIsReadOnly(t *testing.T) {
	e := newTestEnv(t, 0)
	admin := e.addStaff("admin", models.RoleAdministrator)
	doc := e.addStaff("doc", models.RoleClinician)
	r := e.registeredReferral(admin)
	if err := e.svc.Referrals.Decide(doc, r.ID, r.Version, app.Decision{Outcome: models.DecisionAccept, Priority: models.PriorityUrgent}); err != nil {
		t.Fatal(err)
	}
	r, _ = e.svc.Referrals.Get(doc, r.ID)
	p := newDecisionPanel(e.sessionIn(doc, e.showInWindow(nil)), r, nil)
	if !p.Save.Disabled() || !p.Outcome.Disabled() {
		t.Error("an accepted referral's decision can be recorded again")
	}
}
