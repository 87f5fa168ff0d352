package app

import (
	"errors"
	"strings"
	"testing"
	"time"

	"perinatal-caseload/models"
)

// Hazard: HAZ-011.
func TestStaleDecisionIsAConflictAndNothingIsOverwritten(t *testing.T) {
	s, clock, admin := newAdminServices(t)
	alice := addStaff(t, s, "alice", models.RoleClinician)
	bob := addStaff(t, s, "bob", models.RoleClinician)
	r := register(t, s, admin, sampleReferral("9434765919"))
	read := r.Version
	clock.Advance(time.Hour)
	if err := s.Referrals.Decide(alice, r.ID, read, Decision{Outcome: models.DecisionDiscuss, Priority: models.PriorityUrgent, Reason: "Team to discuss"}); err != nil {
		t.Fatal(err)
	}
	err := s.Referrals.Decide(bob, r.ID, read, Decision{Outcome: models.DecisionAccept, Priority: models.PriorityUrgent})
	var c *ConflictError
	if !errors.As(err, &c) {
		t.Fatalf("stale decision = %v, want a *ConflictError", err)
	}
	if c.ChangedBy != alice.Name || !strings.Contains(err.Error(), "Reload") {
		t.Errorf("conflict message %q should name %s and say to reload", err, alice.Name)
	}
	got, _ := s.Referrals.Get(admin, r.ID)
	if got.Status != models.StatusDiscuss || *got.DecidedByID != alice.ID {
		t.Errorf("after the conflict the referral is %s decided by %v; alice's decision must stand", got.Status, *got.DecidedByID)
	}
}

// Hazard: HAZ-011.
func TestStaleSettingIsAConflict(t *testing.T) {
	s, _, admin := newAdminServices(t)
	if err := s.Settings.Set(admin, SetDutyPhone, "0116 000 0000", 0); err != nil {
		t.Fatal(err)
	}
	err := s.Settings.Set(admin, SetDutyPhone, "0116 111 1111", 0)
	var c *ConflictError
	if !errors.As(err, &c) {
		t.Fatalf("stale setting = %v, want a conflict", err)
	}
	if got := s.Settings.Get(SetDutyPhone); got != "0116 000 0000" {
		t.Errorf("duty phone = %q; the first change must stand", got)
	}
}

// Hazard: HAZ-013.
func TestDecisionThatOverridesTheRecommendationNeedsAReason(t *testing.T) {
	s, _, admin, doc := newTeamServices(t)
	r := register(t, s, admin, sampleReferral("9434765919"))
	rec, _ := StoredRecommendation(r)
	if rec.Decision != models.DecisionAccept || rec.Priority != models.PriorityUrgent {
		t.Fatalf("sample referral screens as %s/%s; the test expects accept/urgent", rec.Decision, rec.Priority)
	}
	override := Decision{Outcome: models.DecisionSignpost, Priority: models.PriorityRoutine}
	var v *models.FieldError
	if err := s.Referrals.Decide(doc, r.ID, r.Version, override); !errors.As(err, &v) || v.Field != models.FieldDecisionReason {
		t.Fatalf("override without a reason = %v, want a Reason field error", err)
	}
	override.Reason = "Already well supported by her CMHT"
	if err := s.Referrals.Decide(doc, r.ID, r.Version, override); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Referrals.Get(admin, r.ID)
	if got.Status != models.StatusNotAccepted || got.DecisionReason != override.Reason {
		t.Errorf("after override: %s, reason %q", got.Status, got.DecisionReason)
	}
	stored, _ := StoredRecommendation(got)
	if stored.Decision != models.DecisionAccept {
		t.Errorf("the stored recommendation became %s; it must stay as it stood", stored.Decision)
	}
}

func TestIllegalStatusMoveIsRefused(t *testing.T) {
	s, _, admin, doc := newTeamServices(t)
	r := register(t, s, admin, sampleReferral("9434765919"))
	err := s.Referrals.RecordOutcome(doc, r.ID, r.Version, models.OutcomeCaseload, "")
	var te *models.TransitionError
	if !errors.As(err, &te) {
		t.Fatalf("outcome before screening = %v, want a *models.TransitionError", err)
	}
}

func TestSettingsAreListedInTheirOrderEachOnce(t *testing.T) {
	s, _, _ := newTestServices(t)
	all, err := s.Settings.All()
	if err != nil || len(all) != len(settingOrder) || all[0].Key != SetServiceName {
		t.Fatalf("settings = %d listed (first %q), %v; want all %d, the service's name first", len(all), all[0].Key, err, len(settingOrder))
	}
}
