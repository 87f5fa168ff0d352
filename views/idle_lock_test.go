package views

import (
	"perinatal-caseload/views/widgets"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// signedInAtReferrals signs username in and opens the Referrals list.
func signedInAtReferrals(t *testing.T, e *testEnv, m *MainWindow, username string) *referralsScreen {
	t.Helper()
	e.signIn(m, username, testPassword)
	if m.shell == nil {
		t.Fatalf("%s could not sign in: %s", username, m.signIn.Message.Text)
	}
	s, ok := m.shell.Show(screenReferrals).(*referralsScreen)
	if !ok {
		t.Fatal("the Referrals screen did not open")
	}
	return s
}

// Hazard: HAZ-018.
func TestIdleLockRestoresTheSamePersonsWork(t *testing.T) {
	e := newTestEnv(t, 30)
	e.addStaff("alice", "administrator")
	m := e.mainWindow()
	s := signedInAtReferrals(t, e, m, "alice")
	before := m.shell
	test.Type(s.Search, "Smi")

	e.clock.Advance(9 * time.Minute)
	m.tick()
	if m.locked {
		t.Fatal("locked after 9 minutes; the setting is 10")
	}
	e.clock.Advance(61 * time.Second)
	m.tick()
	if !m.locked || m.signIn == nil || m.actor() != nil {
		t.Fatal("not locked after 10 minutes without input")
	}
	if m.window.MainMenu() != nil {
		t.Fatal("the menus still work while locked")
	}
	e.assertNoPatientData(m.window)
	if m.signIn.Username.Text != "alice" {
		t.Fatal("the lock screen does not offer the locked person's username")
	}

	test.Type(m.signIn.Password, testPassword)
	test.Tap(m.signIn.SignIn)

	if m.locked || m.shell != before {
		t.Fatal("signing back in did not return to the same screens")
	}
	if s.Search.Text != "Smi" || !drawn(m.window, "Smi") {
		t.Fatalf("the unsaved search text is %q, want Smi", s.Search.Text)
	}
	if id, _ := m.shell.Current(); id != screenReferrals {
		t.Fatalf("back on %s, not Referrals", id)
	}
}

func TestIdleLockWaitsWhileThePersonIsActive(t *testing.T) {
	e := newTestEnv(t, 5)
	e.addStaff("alice", "administrator")
	m := e.mainWindow()
	s := signedInAtReferrals(t, e, m, "alice")

	e.clock.Advance(8 * time.Minute)
	m.layer.Cursor() // the driver asks this on every pointer move
	e.clock.Advance(8 * time.Minute)
	m.tick()
	if m.locked {
		t.Fatal("locked although the pointer moved 8 minutes ago")
	}

	m.window.Canvas().Focus(s.Search)
	e.clock.Advance(8 * time.Minute)
	test.Type(s.Search, "Pat")
	m.tick() // notices the typing
	e.clock.Advance(8 * time.Minute)
	m.tick()
	if m.locked {
		t.Fatal("locked although the person typed 8 minutes ago")
	}
	e.clock.Advance(3 * time.Minute)
	m.tick()
	if !m.locked {
		t.Fatal("not locked 11 minutes after the last input")
	}
}

// Hazard: HAZ-018.
func TestAnotherPersonAfterTheLockStartsAfresh(t *testing.T) {
	e := newTestEnv(t, 5)
	e.addStaff("alice", "administrator")
	e.addStaff("bob", "clinician")
	m := e.mainWindow()
	s := signedInAtReferrals(t, e, m, "alice")
	old := m.shell
	test.Type(s.Search, "Smi")

	m.lock()
	s2 := signedInAtReferrals(t, e, m, "bob")

	if m.shell == old || m.actor().Username != "bob" {
		t.Fatal("bob was given alice's screens")
	}
	if s2 == s || s2.Search.Text != "" {
		t.Fatalf("bob sees alice's search %q", s2.Search.Text)
	}
}

func TestLockKeepsAnOpenDialogForTheSamePerson(t *testing.T) {
	e, m := newSignedInWindow(t, 0, "alice", "administrator")
	m.shell.ImportReferrals()
	if m.window.Canvas().Overlays().Top() == nil {
		t.Fatal("Import referral files showed no dialog")
	}
	m.lock()
	if m.window.Canvas().Overlays().Top() != nil {
		t.Fatal("the dialog shows over the lock screen")
	}
	e.signIn(m, "alice", testPassword)
	if m.window.Canvas().Overlays().Top() == nil {
		t.Fatal("the dialog did not come back")
	}
}

func TestSignOutForgetsTheShell(t *testing.T) {
	e, m := newSignedInWindow(t, 0, "alice", "administrator")
	old := m.shell
	test.Tap(old.SignOutButton)
	if m.shell != nil || m.signIn == nil || m.locked {
		t.Fatal("Sign out did not return to the sign-in screen")
	}
	e.signIn(m, "alice", testPassword)
	if m.shell == old {
		t.Fatal("signing in after signing out reused the old screens")
	}
}

// customEntry is an entry with something added, as forms use.
type customEntry struct {
	widget.Entry
}

func TestTypingSampleSeesCustomEntries(t *testing.T) {
	e := newTestEnv(t, 0)
	c := &customEntry{}
	c.ExtendBaseWidget(c)
	w := e.showInWindow(c)
	w.Canvas().Focus(c)
	before := widgets.TypingSample(w.Canvas())
	test.Type(c, "a")
	if widgets.TypingSample(w.Canvas()) == before {
		t.Fatal("typing in a custom entry does not count as input")
	}
}

func TestNewReferralOpensTheFormAndBackReturnsToTheList(t *testing.T) {
	_, m := newSignedInWindow(t, 3, "alice", "administrator")
	m.shell.NewReferral()
	list := m.shell.Show(screenReferrals).(*referralsScreen)
	if !drawn(m.window, "New referral") || !drawn(m.window, "NHS number") {
		t.Fatal("Ctrl+N did not open the referral form")
	}
	list.CloseDetail()
	if drawn(m.window, "New referral") {
		t.Fatal("Back did not return to the list")
	}
}

func TestAnOpenReferralOffersTheDecisionLettersAndTimeline(t *testing.T) {
	_, m := newSignedInWindow(t, 5, "carol", "clinician")
	list := m.shell.Show(screenReferrals).(*referralsScreen)
	list.List.Select(0)
	if list.Detail == nil {
		t.Fatal("selecting a referral did not open it")
	}
	for _, want := range []string{"Decision", "Issue letters…", "Timeline"} {
		if !drawn(m.window, want) {
			t.Errorf("the open referral does not offer %q", want)
		}
	}
}
