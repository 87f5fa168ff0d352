package app

import (
	"errors"
	"strings"
	"testing"
	"time"

	"perinatal-caseload/models"
)

func TestTimelineTellsTheReferralsStoryInOrder(t *testing.T) {
	team := newWorkflow(t)
	s, clock, admin, doc, manager, kw := team.s, team.clock, team.admin, team.doc, team.manager, team.worker
	r := register(t, s, admin, sampleReferral("9434765919"))
	other := sampleReferral("9000000009") // a second referral's events must not appear
	register(t, s, admin, other)
	clock.Advance(time.Hour)
	// The recommendation is accept, urgent: routine overrides it.
	if err := s.Referrals.Decide(doc, r.ID, r.Version, Decision{Outcome: models.DecisionAccept, Priority: models.PriorityRoutine, Reason: "Stable for years"}); err != nil {
		t.Fatal(err)
	}
	clock.Advance(time.Hour)
	a := &models.Appointment{ReferralID: r.ID, Kind: models.KindInitialAssessment, Mode: models.ModeVideo,
		StartsAt: time.Date(2026, 12, 1, 10, 30, 0, 0, time.UTC), DurationMinutes: 60, ClinicianID: doc.ID}
	if err := s.Appointments.Book(admin, a, true); err != nil {
		t.Fatal(err)
	}
	clock.Advance(time.Hour)
	if _, err := s.Allocations.Allocate(manager, r.ID, kw.ID, "", true); err != nil {
		t.Fatal(err)
	}
	if err := s.JointWorking.Add(kw, &models.JointWorking{ReferralID: r.ID, Service: models.JointCMHT, Team: "City East CMHT"}); err != nil {
		t.Fatal(err)
	}

	got, err := s.Referrals.Timeline(kw, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ who, what string }{
		{"Test admin", "Referral registered"},
		{"Test doc", "Decision: accept (overrides the recommendation: Stable for years). Status: accepted"},
		{"Test admin", "Initial assessment booked for 01/12/2026 10:30 (Attend Anywhere video)"},
		{"Test admin", "Status: assessment booked (initial assessment booked)"},
		{"Test manager", "Key worker allocated: Test worker"},
		{"Test worker", "Joint working recorded with the community mental health team (City East CMHT)"},
	}
	if len(got) != len(want) {
		t.Fatalf("timeline has %d entries, want %d:\n%v", len(got), len(want), got)
	}
	for i, w := range want {
		if got[i].Who != w.who || got[i].What != w.what {
			t.Errorf("entry %d = %q by %q; want %q by %q", i, got[i].What, got[i].Who, w.what, w.who)
		}
		if i > 0 && got[i].At.Before(got[i-1].At) {
			t.Errorf("entry %d is earlier than entry %d", i, i-1)
		}
	}
	for _, e := range got {
		if strings.Contains(e.What, "{") {
			t.Errorf("entry %q shows raw JSON", e.What)
		}
	}
}

func TestTimelineChecksPermissionAndExistence(t *testing.T) {
	s, _, _ := newTestServices(t)
	kw := addStaff(t, s, "kw", models.RoleKeyWorker)
	if _, err := s.Referrals.Timeline(kw, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing referral: %v; want ErrNotFound", err)
	}
	if _, err := s.Referrals.Timeline(nil, 1); !errors.Is(err, ErrNotSignedIn) {
		t.Errorf("nobody signed in: %v; want ErrNotSignedIn", err)
	}
}
