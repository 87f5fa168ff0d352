package views

import (
	"testing"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

// TestActionsARoleCannotTakeAreOffWithTheReason checks that the decision
// is offered, switched off with the role it needs, to an administrator,
// and open to a clinician; and that booking is off for a clinician, saying
// why, before any form is filled.
func TestActionsARoleCannotTakeAreOffWithTheReason(t *testing.T) {
	e := newTestEnv(t, 0)
	admin := e.addStaff("admin", models.RoleAdministrator)
	doc := e.addStaff("doc", models.RoleClinician)
	r := e.registeredReferral(admin)

	p := newDecisionPanel(e.session(admin), r, nil)
	if !p.Save.Disabled() || !p.Outcome.Disabled() || !p.NotAllowed.Visible() ||
		p.NotAllowed.Text != "You need the Clinician role to record screening decisions." {
		t.Errorf("for an administrator: Save off %v, choice off %v, note %q (shown %v)",
			p.Save.Disabled(), p.Outcome.Disabled(), p.NotAllowed.Text, p.NotAllowed.Visible())
	}
	p = newDecisionPanel(e.session(doc), r, nil)
	if p.Save.Disabled() || p.Outcome.Disabled() || p.NotAllowed.Visible() {
		t.Errorf("for a clinician the decision is off: %q", p.NotAllowed.Text)
	}

	if err := e.svc.Referrals.Decide(doc, r.ID, r.Version, app.Decision{Outcome: models.DecisionAccept, Priority: models.PriorityUrgent}); err != nil {
		t.Fatal(err)
	}
	r, _ = e.svc.Referrals.Get(doc, r.ID)
	for _, c := range []struct {
		who    *models.StaffMember
		off    bool
		reason string
	}{
		{doc, true, "You need the Administrator role to book and change appointments."},
		{admin, false, ""},
	} {
		w := e.showInWindow(nil)
		a := newReferralAppointments(e.sessionIn(c.who, w), r, nil)
		w.SetContent(a)
		if a.BookAssessment.Disabled() != c.off || drawn(w, "You need the") != c.off ||
			(c.off && !drawn(w, c.reason)) {
			t.Errorf("for %s: Book assessment off %v; want %v with %q", c.who.Username, a.BookAssessment.Disabled(), c.off, c.reason)
		}
	}
}
