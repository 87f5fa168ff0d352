package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"perinatal-caseload/models"
)

// TestScreeningPanelNeverDeclinesForWantOfAnAnswer checks that an empty
// form says "Not enough information yet", that an unanswered "lives in
// LLR" is said to be not answered rather than read as "no", and that the
// referral cannot be saved until it is answered.
//
// Hazard: HAZ-013.
func TestScreeningPanelNeverDeclinesForWantOfAnAnswer(t *testing.T) {
	e := newTestEnv(t, 0)
	admin := e.addStaff("admin", models.RoleAdministrator)
	f, _, saved := e.referralForm(admin)

	if got := f.Panel.Decision.Text; got != notEnoughInformation {
		t.Errorf("an empty form shows %q; want %q", got, notEnoughInformation)
	}
	if f.Consent.Code() != "" || f.Consent.Select.PlaceHolder != "Not answered" {
		t.Errorf("consent starts at %q (%q); want not answered", f.Consent.Code(), f.Consent.Select.PlaceHolder)
	}

	fillAcceptableReferral(t, f, "9434765919")
	f.LivesInArea.SetCode("")
	if got := f.Panel.Decision.Text; got != notEnoughInformation {
		t.Errorf("with where she lives unanswered the panel shows %q; want %q", got, notEnoughInformation)
	}
	if !strings.Contains(f.Panel.Reasons.Text, "Not answered yet: whether she lives in Leicester") {
		t.Errorf("reasons %q do not say where she lives is not answered", f.Panel.Reasons.Text)
	}
	if strings.Contains(f.Panel.Reasons.Text, "Does not live") || strings.Contains(f.Panel.Reasons.Text, "does not live") {
		t.Errorf("an unanswered question is read as no: %q", f.Panel.Reasons.Text)
	}

	test.Tap(f.SaveButton)
	if *saved != 0 {
		t.Fatal("a referral with where she lives unanswered was saved")
	}
	if !strings.Contains(f.Problems.Text, "Lives in LLR: answer yes or no") {
		t.Errorf("problems %q do not name the unanswered question", f.Problems.Text)
	}

	f.LivesInArea.SetCode("yes")
	if f.Panel.Shown.Decision != models.DecisionAccept || f.Panel.Decision.Text != models.DecisionAccept.Label() {
		t.Errorf("answered, the panel shows %q; want accept", f.Panel.Decision.Text)
	}
	f.LivesInArea.SetCode("no")
	if f.Panel.Decision.Text == notEnoughInformation {
		t.Error("an answered no still shows not enough information")
	}
	test.Tap(f.SaveButton)
	if *saved == 0 {
		t.Fatalf("answered, the referral was not saved: %s", f.Problems.Text)
	}
}

// TestScreeningPanelFitsItsWidthWhateverItSays checks that nothing the
// panel shows (the longest decision, a warning) makes it wider than the
// width the form gives it, which would push it off a 1024×768 screen.
//
// Hazard: HAZ-027.
func TestScreeningPanelFitsItsWidthWhateverItSays(t *testing.T) {
	e := newTestEnv(t, 0)
	admin := e.addStaff("admin", models.RoleAdministrator)
	f, _, _ := e.referralForm(admin)
	if got := f.Panel.Decision.Text; got != notEnoughInformation {
		t.Fatalf("an empty form shows %q", got)
	}
	f.Panel.Known.SetText("Known to the service: 3 earlier referrals with this NHS number")
	f.Panel.knownBox.Show()
	if w := f.Panel.Content().MinSize().Width; w > panelMinWidth {
		t.Errorf("the screening panel needs %.0f points; the form gives it %d", w, panelMinWidth)
	}
}
