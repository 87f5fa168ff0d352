package views

import (
	"strings"
	"testing"

	"perinatal-caseload/models"
)

// TestReferralReadsInScreeningOrder checks that an open referral awaiting
// a decision reads first what the referrer said, then the recommendation
// with its reasons, then the decision form with nothing chosen, and only
// then the facts.
func TestReferralReadsInScreeningOrder(t *testing.T) {
	e := newTestEnv(t, 0)
	admin := e.addStaff("admin", models.RoleAdministrator)
	doc := e.addStaff("doc", models.RoleClinician)
	r := e.registeredReferral(admin)
	w := e.showInWindow(nil)
	s := newReferralsScreen(e.sessionIn(doc, w), false)
	s.DetailActions = referralActions(e.sessionIn(doc, w))
	w.SetContent(s.Content())
	s.Open(r.ID)
	if s.Detail == nil {
		t.Fatal("the referral did not open")
	}
	markup := drawnText(w)
	order := []string{"What the referrer said", "Bipolar disorder, 20 weeks pregnant.", "Recommended: Accept",
		"mood stabiliser", "Record decision", "The woman", "Mental health"}
	at := -1
	for _, want := range order {
		i := strings.Index(markup, want)
		if i < 0 {
			t.Fatalf("the referral does not show %q", want)
		}
		if i < at {
			t.Errorf("%q comes before what precedes it in %q", want, order)
		}
		at = i
	}
	if strings.Contains(markup, "Screening recommendation") {
		t.Error("the recommendation is shown twice: on its own and in the decision panel")
	}
}
