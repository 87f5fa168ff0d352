package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestNothingBeforeSignIn(t *testing.T) {
	e := newTestEnv(t, 30)
	e.addStaff("alice", "administrator")
	m := e.mainWindow()

	if m.signIn == nil || m.shell != nil || m.actor() != nil {
		t.Fatal("the window does not start on the sign-in screen")
	}
	if m.window.MainMenu() != nil {
		t.Fatal("menus (and their shortcuts to screens) are available before sign-in")
	}
	e.assertNoPatientData(m.window)

	e.signIn(m, "alice", "not the password")

	if m.shell != nil || m.signIn == nil {
		t.Fatal("a wrong password got past the sign-in screen")
	}
	if msg := m.signIn.Message.Text; !strings.HasPrefix(msg, "The username or password is not right") {
		t.Fatalf("a wrong password says %q", msg)
	}
	if m.signIn.Password.Text != "" {
		t.Fatal("the wrong password is left in the box")
	}
	e.assertNoPatientData(m.window)

	e.signIn(m, "alice", testPassword)
	if m.shell == nil || m.actor() == nil || m.actor().Username != "alice" {
		t.Fatal("the right password did not sign in")
	}
	if m.window.MainMenu() == nil {
		t.Fatal("no menus after sign-in")
	}
}

func TestSignInAsksForMissingFields(t *testing.T) {
	e := newTestEnv(t, 0)
	e.addStaff("alice", "administrator")
	m := e.mainWindow()
	test.Tap(m.signIn.SignIn)
	if got := m.signIn.Message.Text; got != "Enter your username." {
		t.Fatalf("empty sign-in says %q", got)
	}
	test.Type(m.signIn.Username, "alice")
	test.Tap(m.signIn.SignIn)
	if got := m.signIn.Message.Text; got != "Enter your password." {
		t.Fatalf("sign-in without a password says %q", got)
	}
}

func TestSignInReportsALockedAccount(t *testing.T) {
	e := newTestEnv(t, 0)
	e.addStaff("alice", "administrator")
	m := e.mainWindow()
	for range 5 {
		e.signIn(m, "alice", "wrong password!")
	}
	if msg := m.signIn.Message.Text; !strings.HasPrefix(msg, "This account is locked") {
		t.Fatalf("after five wrong passwords the screen says %q", msg)
	}
	e.signIn(m, "alice", testPassword)
	if m.shell != nil {
		t.Fatal("a locked account signed in")
	}
}
