package app

import (
	"errors"
	"strings"
	"testing"
	"time"

	"perinatal-caseload/models"
)

// Hazard: HAZ-018.
func TestPasswordsAreStoredOnlyAsBcryptHashes(t *testing.T) {
	s, _, _ := newTestServices(t)
	m := addStaff(t, s, "nurse", models.RoleKeyWorker)
	var hash string
	s.core.db.Table("staff_members").Where("id = ?", m.ID).Pluck("password_hash", &hash)
	if !strings.HasPrefix(hash, "$2a$") || strings.Contains(hash, "correct horse") {
		t.Errorf("stored password %q is not a bcrypt hash", hash)
	}
	var leaks int64
	s.core.db.Table("audit_events").Where("after LIKE ? OR before LIKE ?", "%correct horse%", "%correct horse%").Count(&leaks)
	if leaks != 0 {
		t.Error("the audit trail holds the password")
	}
}

func TestPasswordLengthRules(t *testing.T) {
	for _, tc := range []struct {
		name, password string
		ok             bool
	}{
		{"too short", "short1234", false},
		{"ten characters", "abcdefghij", true},
		{"72 bytes", strings.Repeat("a", 72), true},
		{"73 bytes", strings.Repeat("a", 73), false},
		{"accents count as bytes", strings.Repeat("é", 37), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := HashPassword(tc.password)
			var v *models.FieldError
			if tc.ok && err != nil || !tc.ok && !errors.As(err, &v) {
				t.Errorf("HashPassword = %v, want ok=%v", err, tc.ok)
			}
		})
	}
}

func TestSignInLocksAfterRepeatedFailuresAndAuditsEach(t *testing.T) {
	s, clock, _ := newTestServices(t)
	addStaff(t, s, "nurse", models.RoleKeyWorker)
	for i := 1; i <= 4; i++ {
		if _, err := s.Auth.SignIn("nurse", "wrong password"); !errors.Is(err, ErrBadCredentials) {
			t.Fatalf("attempt %d = %v", i, err)
		}
	}
	var locked *LockedError
	if _, err := s.Auth.SignIn("nurse", "wrong password"); !errors.As(err, &locked) {
		t.Fatalf("fifth failure = %v, want locked", err)
	}
	if _, err := s.Auth.SignIn("nurse", "correct horse battery"); !errors.As(err, &locked) {
		t.Fatalf("right password while locked = %v, want locked", err)
	}
	clock.Advance(15*time.Minute + time.Second)
	m, err := s.Auth.SignIn("NURSE ", "correct horse battery")
	if err != nil || m.Username != "nurse" {
		t.Fatalf("after the lock ends: %v, %v", m, err)
	}
	var failed, ok int64
	s.core.db.Table("audit_events").Where("action = ?", ActionSignInFailed).Count(&failed)
	s.core.db.Table("audit_events").Where("action = ?", ActionSignIn).Count(&ok)
	if failed != 6 || ok != 1 {
		t.Errorf("audited %d failed and %d successful sign-ins, want 6 and 1", failed, ok)
	}
}

func TestFirstUserMustBeATeamManagerAndOnlyOnAnEmptyDatabase(t *testing.T) {
	s, _, _ := newTestServices(t)
	if need, _ := s.Staff.NeedsFirstUser(); !need {
		t.Fatal("an empty database should ask for the first user")
	}
	clerk := &models.StaffMember{Name: "Clerk", Username: "clerk"}
	clerk.SetRoles(models.RoleAdministrator)
	if err := s.Staff.Add(nil, clerk, "a long password"); !errors.Is(err, ErrNotSignedIn) {
		t.Errorf("first user as administrator = %v, want refused", err)
	}
	boss := &models.StaffMember{Name: "Boss", Username: "boss"}
	boss.SetRoles(models.RoleManager)
	if err := s.Staff.Add(nil, boss, "a long password"); err != nil {
		t.Fatal(err)
	}
	second := &models.StaffMember{Name: "Sneaky", Username: "sneaky"}
	second.SetRoles(models.RoleManager)
	if err := s.Staff.Add(nil, second, "a long password"); !errors.Is(err, ErrNotSignedIn) {
		t.Errorf("a second unsigned account = %v, want refused", err)
	}
}
