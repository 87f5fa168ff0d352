package views

import (
	"testing"

	"perinatal-caseload/models"
)

// TestTheReferralsListShowsHerSafeguardingBadges raises a domestic-abuse
// flag on one woman and finds its badge on her row of the Referrals list,
// and on no other.
//
// Hazard: HAZ-034.
func TestTheReferralsListShowsHerSafeguardingBadges(t *testing.T) {
	e, _, doc, r := newAcceptedCase(t)
	if _, err := e.svc.Risk.RaiseFlag(doc, r.ID, models.SafeguardDomesticAbuse, models.LondonDate(e.clock.Now()), "Disclosed at assessment."); err != nil {
		t.Fatal(err)
	}
	s, w := e.referralsScreen(e.system)
	rows := rowsShown(t, s)
	flagged := 0
	for _, row := range rows {
		flags := row.SafeguardingFlags()
		if row.ID == r.ID && len(flags) != 1 {
			t.Errorf("her row's flags: %v", flags)
		}
		flagged += len(flags)
	}
	if flagged != 1 {
		t.Errorf("%d flags across the list, want 1", flagged)
	}
	if !drawn(w, "DA") {
		t.Error("the DA badge is not drawn on the Referrals list")
	}
}
