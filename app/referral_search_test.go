package app

import (
	"testing"

	"perinatal-caseload/models"
)

func TestReferralListPutsNewUrgentReferralsFirstAndSearches(t *testing.T) {
	s, _, _ := newTestServices(t)
	admin := addStaff(t, s, "admin", models.RoleAdministrator)
	routine := sampleReferral("9000000009")
	routine.Medications = nil // no mood stabiliser: routine
	routine.Patient.GivenName, routine.Patient.FamilyName, routine.Patient.Postcode = "Siobhán", "Byrne", "LE11 3TU"
	routine.ReceivedAt = routine.ReceivedAt.AddDate(0, 0, -3) // older
	urgent := sampleReferral("9434765919")                    // lithium: urgent
	for _, r := range []*models.Referral{routine, urgent} {
		if err := s.Referrals.Register(admin, r); err != nil {
			t.Fatal(err)
		}
	}
	if urgent.Priority != models.PriorityUrgent || routine.Priority != models.PriorityRoutine {
		t.Fatalf("priorities %s and %s", urgent.Priority, routine.Priority)
	}
	rows, err := s.Referrals.Page(admin, ReferralFilter{}, 0, 10)
	if err != nil || len(rows) != 2 || rows[0].ID != urgent.ID {
		t.Fatalf("list = %+v, %v; want the new urgent referral first although it is newer", rows, err)
	}
	for _, tc := range []struct {
		query string
		want  uint
	}{
		{"byrne", routine.ID}, {"Siob", routine.ID}, {"Zoë Nguyễn", urgent.ID}, {"nguyễn zoë", urgent.ID},
		{"943 476 5919", urgent.ID}, {"9000000009", routine.ID}, {"le11 3tu", routine.ID}, {"LE3", urgent.ID},
	} {
		rows, err := s.Referrals.Page(admin, ReferralFilter{Query: tc.query}, 0, 10)
		n, _ := s.Referrals.Count(admin, ReferralFilter{Query: tc.query})
		if err != nil || len(rows) != 1 || rows[0].ID != tc.want || n != 1 {
			t.Errorf("search %q = %d rows (count %d), %v; want referral %d", tc.query, len(rows), n, err, tc.want)
		}
	}
	n, _ := s.Referrals.Count(admin, ReferralFilter{Status: models.StatusReceived, Priority: models.PriorityUrgent})
	if n != 1 {
		t.Errorf("%d urgent referrals awaiting screening, want 1", n)
	}
}
