package app

import (
	"errors"
	"testing"
	"time"

	"perinatal-caseload/models"
)

// TestSignInTellsNoOneWhichUsernamesExist signs in five times with a
// wrong password as a real user and as a made-up one, and checks that
// both get the same answers, locked after the same number of tries.
func TestSignInTellsNoOneWhichUsernamesExist(t *testing.T) {
	s, clock, _ := newTestServices(t)
	addStaff(t, s, "nurse", models.RoleKeyWorker)
	gone := addStaff(t, s, "leaver", models.RoleKeyWorker)
	boss := addStaff(t, s, "boss", models.RoleManager)
	if err := s.Staff.Deactivate(boss, gone.ID, gone.Version, true); err != nil {
		t.Fatal(err)
	}
	answers := func(username, password string) []string {
		var out []string
		for i := 0; i < 6; i++ {
			_, err := s.Auth.SignIn(username, password)
			out = append(out, err.Error())
		}
		return out
	}
	known := answers("nurse", "wrong password")
	for _, who := range []struct{ username, password string }{
		{"no.such.person", "wrong password"},
		{"leaver", "correct horse battery"}, // inactive, with the right password
	} {
		got := answers(who.username, who.password)
		for i := range known {
			if got[i] != known[i] {
				t.Errorf("try %d as %s: %q; a real account gets %q", i+1, who.username, got[i], known[i])
			}
		}
	}
	var locked *LockedError
	if _, err := s.Auth.SignIn("NO.SUCH.PERSON ", "anything at all"); !errors.As(err, &locked) {
		t.Errorf("a made-up username, typed differently, is not locked: %v", err)
	}
	// The lock ends for a made-up name as for a real one.
	clock.Advance(15*time.Minute + time.Second)
	if _, err := s.Auth.SignIn("no.such.person", "wrong password"); !errors.Is(err, ErrBadCredentials) {
		t.Errorf("after the lock: %v", err)
	}
	var kept int64
	s.core.db.Table("sign_in_throttles").Where("username_hash = ?", "no.such.person").Count(&kept)
	if kept != 0 {
		t.Error("the throttle table holds a username as typed; it keeps only its hash")
	}
	// Failures long past are forgotten.
	clock.Advance(25 * time.Hour)
	if _, err := s.Auth.SignIn("someone.else", "wrong password"); !errors.Is(err, ErrBadCredentials) {
		t.Fatal(err)
	}
	if n := countRows(t, s, "sign_in_throttles"); n != 1 {
		t.Errorf("%d usernames remembered a day later, want only the new one", n)
	}
}

func TestTheTeamManagerSeesAndUnlocksLockedAccounts(t *testing.T) {
	s, clock, _ := newTestServices(t)
	nurse := addStaff(t, s, "nurse", models.RoleKeyWorker)
	addStaff(t, s, "doc", models.RoleClinician)
	boss := addStaff(t, s, "boss", models.RoleManager)
	admin := addStaff(t, s, "admin", models.RoleAdministrator)
	for i := 0; i < 5; i++ {
		_, _ = s.Auth.SignIn("nurse", "wrong password")
	}
	_, _ = s.Auth.SignIn("doc", "wrong password") // one failure: not locked
	list, err := s.Auth.LockedAccounts(boss)
	if err != nil || len(list) != 1 || list[0].ID != nurse.ID || list[0].Username != "nurse" || !list[0].LockedUntil.Equal(clock.Now().Add(15*time.Minute)) {
		t.Fatalf("locked accounts = %+v, %v; want the nurse until 15 minutes from now", list, err)
	}
	var denied *PermissionError
	if _, err := s.Auth.LockedAccounts(admin); !errors.As(err, &denied) {
		t.Errorf("an administrator listed locked accounts: %v", err)
	}
	if err := s.Auth.Unlock(admin, nurse.ID); !errors.As(err, &denied) {
		t.Errorf("an administrator unlocked an account: %v", err)
	}
	if err := s.Auth.Unlock(boss, nurse.ID); err != nil {
		t.Fatal(err)
	}
	if m, err := s.Auth.SignIn("nurse", "correct horse battery"); err != nil || m.ID != nurse.ID {
		t.Fatalf("after the unlock: %v", err)
	}
	if list, _ := s.Auth.LockedAccounts(boss); len(list) != 0 {
		t.Errorf("still listed as locked: %+v", list)
	}
	if err := s.Auth.Unlock(boss, nurse.ID); !errors.Is(err, ErrNotLocked) {
		t.Errorf("unlocking an unlocked account = %v", err)
	}
	var events []string
	s.core.db.Table("audit_events").Where("entity = ? AND entity_id = ? AND action = ? AND actor_id = ?", "staff", nurse.ID, ActionUpdate, boss.ID).Pluck("detail", &events)
	if len(events) != 1 || events[0] != "account unlocked" {
		t.Errorf("audited %q, want the one unlock", events)
	}
}
