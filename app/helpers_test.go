package app

import (
	"path/filepath"
	"testing"
	"time"

	"perinatal-caseload/models"
)

// testNow is the fixed "now" of the service tests: Monday 23 November 2026, 10:00 London (GMT).
var testNow = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

// newTestServices opens a fresh SQLite file in a temporary folder.
func newTestServices(t testing.TB) (*Services, *ManualClock, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "caseload.db")
	db, err := Open(path)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { Close(db) })
	clock := NewManualClock(testNow)
	return New(db, clock), clock, path
}

// addStaff creates a signed-in-able staff member holding roles.
func addStaff(t testing.TB, s *Services, username string, roles ...models.Role) *models.StaffMember {
	t.Helper()
	system, err := s.Staff.SystemUser()
	if err != nil {
		t.Fatal(err)
	}
	m := &models.StaffMember{Name: "Test " + username, Username: username, CaseloadCapacity: 20}
	m.SetRoles(roles...)
	if err := s.Staff.Add(system, m, "correct horse battery"); err != nil {
		t.Fatalf("add staff %s: %v", username, err)
	}
	return m
}

// sampleReferral returns a valid referral that screening accepts.
func sampleReferral(nhs string) *models.Referral {
	n := nhs
	no := false
	return &models.Referral{
		ReceivedAt: testNow.Add(-48 * time.Hour),
		Patient: models.Patient{
			NHSNumber: &n, GivenName: "Zoë", FamilyName: "Nguyễn", DateOfBirth: models.NewDate(1994, 3, 2),
			AddressLines: "12 Example Street\nLeicester", Postcode: "le3 0ab",
		},
		Referrer:                models.Professional{Name: "Dr Test GP", Role: "gp", Organisation: "Test Surgery"},
		ConsentObtained:         true,
		RegisteredWithGP:        true,
		LivesInArea:             true,
		Stage:                   models.StagePregnant,
		ExpectedDeliveryDate:    models.NewDate(2027, 3, 15),
		Severity:                models.SeveritySevere,
		ManageableInPrimaryCare: &no,
		Conditions:              []models.Condition{{Code: "bipolar_disorder", Status: models.ConditionCurrent}},
		Medications:             []models.Medication{{Name: "Lithium carbonate", Class: "mood_stabiliser"}},
		ReasonForReferral:       "Bipolar disorder on lithium, 20 weeks pregnant.",
	}
}

// countRows counts the rows of a table.
func countRows(t testing.TB, s *Services, table string) int64 {
	t.Helper()
	var n int64
	if err := s.DB().Table(table).Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}
