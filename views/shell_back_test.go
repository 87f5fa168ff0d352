package views

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"perinatal-caseload/app"

	"perinatal-caseload/models"
)

// TestBackReturnsToWhereTheReferralWasOpened checks that a referral opened
// from the Caseload or the Dashboard goes back there, and one opened from
// the referral list goes back to the list.
func TestBackReturnsToWhereTheReferralWasOpened(t *testing.T) {
	e, m := newSignedInWindow(t, 5, "manager", models.RoleManager)
	sh := m.shell
	rows, err := e.svc.Referrals.Page(e.system, app.ReferralFilter{}, 0, 1)
	if err != nil || len(rows) == 0 {
		t.Fatalf("no referral to open: %v", err)
	}
	id := rows[0].ID
	for _, from := range []struct{ id, back string }{
		{screenCaseload, "Back to Caseload"}, {screenDashboard, "Back to Dashboard"}, {screenReferrals, "Back to referrals"},
	} {
		sh.Show(from.id)
		sh.OpenReferral(id)
		list := sh.built[screenReferrals].(*referralsScreen)
		if list.Detail == nil {
			t.Fatalf("from %s the referral did not open", from.id)
		}
		if list.Detail.Back.Text != from.back {
			t.Errorf("opened from %s, Back says %q; want %q", from.id, list.Detail.Back.Text, from.back)
		}
		test.Tap(list.Detail.Back)
		if got, _ := sh.Current(); got != from.id || list.Detail != nil {
			t.Errorf("Back from a referral opened from %s went to %s (detail still open: %v)", from.id, got, list.Detail != nil)
		}
	}
}
