package app

import (
	"testing"

	"perinatal-caseload/models"
)

// TestTheTrailAnswersWhoLookedAtHerRecord opens a woman's record and her
// letters, then asks the trail who looked, by her NHS number and by name.
//
// Hazard: HAZ-023.
func TestTheTrailAnswersWhoLookedAtHerRecord(t *testing.T) {
	s, _, _ := newTestServices(t)
	admin := addStaff(t, s, "admin", models.RoleAdministrator)
	manager := addStaff(t, s, "manager", models.RoleManager)
	doc := addStaff(t, s, "doc", models.RoleClinician)
	her, other := sampleReferral("9434765919"), sampleReferral("9434765870")
	other.Patient.GivenName, other.Patient.FamilyName = "Siobhán", "Murphy"
	for _, r := range []*models.Referral{her, other} {
		if err := s.Referrals.Register(admin, r); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Referrals.Get(doc, her.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Letters.Register(doc, LetterFilter{ReferralID: her.ID}, 0, 20); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Referrals.Get(admin, other.ID); err != nil {
		t.Fatal(err)
	}
	for _, query := range []string{"943 476 5919", "Nguyen", "zoë nguyễn"} {
		views, err := s.Audit.Page(manager, AuditFilter{Patient: query, Action: ActionView}, 0, 50)
		if err != nil {
			t.Fatal(err)
		}
		if len(views) != 2 || views[0].ActorID != doc.ID || views[1].ActorID != doc.ID ||
			views[0].Detail != "her letters" || views[1].Detail != "her record" {
			t.Errorf("views of her record found by %q: %+v; want the clinician's look at her letters, then at her record", query, views)
		}
	}
	timeline, err := s.Referrals.Timeline(doc, her.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range timeline {
		if e.What == "" || e.What == ActionView {
			t.Errorf("a view is in her history: %+v", e)
		}
	}
	if err := s.Audit.VerifyChain(manager); err != nil {
		t.Errorf("views break the chain: %v", err)
	}
}
