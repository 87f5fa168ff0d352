package views

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/views/widgets"
)

// Hazard: HAZ-025.
func TestAnOpenReferralChangedElsewhereSaysWhoAndWhenWithReload(t *testing.T) {
	e := newTestEnv(t, 3)
	s, w := e.referralsScreen(e.system)
	first := rowsShown(t, s)[0]
	s.List.Select(0)
	if s.Detail == nil {
		t.Fatal("the referral did not open")
	}
	at := time.Date(2026, 11, 23, 14, 5, 0, 0, time.UTC)
	s.ChangedElsewhere([]app.Change{
		{Entity: "referral", ID: first.ID + 1000, By: "Test other", At: at}, // another referral: nothing to say
		{Entity: "referral", ID: first.ID, By: "Test colleague", At: at},
	})
	if !drawn(w, "Test colleague changed this referral at 14:05 on 23/11/2026") || s.Detail.Reload == nil {
		t.Fatal("the open referral does not say who changed it and when, with Reload")
	}
	if drawn(w, "Test other") {
		t.Error("a change to another referral was reported on this one")
	}
	s.Detail.Reload.OnTapped()
	if s.Detail == nil || s.Detail.Reload != nil {
		t.Error("Reload did not read the referral again")
	}
}

func TestTheStatusBarSaysWhenTheServerIsLostAndBack(t *testing.T) {
	e := newTestEnv(t, 1)
	_, w := e.referralsScreen(e.system)
	sh := newShell(&session{Actor: e.system, Services: e.svc, Window: w, Background: &widgets.Background{Inline: true}}, "Database: test", func() {}, func() {})
	sh.showConnection(app.ErrUnreachable)
	if !strings.Contains(sh.dbLabel.Text, "cannot be reached") || sh.dbLabel.Importance != widget.DangerImportance {
		t.Errorf("status bar %q; want it to say the server cannot be reached", sh.dbLabel.Text)
	}
	sh.showConnection(nil)
	if sh.dbLabel.Text != "Database: test" {
		t.Errorf("status bar %q once the server is back; want the database named again", sh.dbLabel.Text)
	}
}
