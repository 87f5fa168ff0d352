package views

import (
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// menuAction returns what the window's menu item labelled label does, as
// its keyboard shortcut would.
func menuAction(t *testing.T, m *MainWindow, label string) func() {
	t.Helper()
	for _, mn := range m.window.MainMenu().Items {
		for _, it := range mn.Items {
			if it.Label == label {
				return it.Action
			}
		}
	}
	t.Fatalf("no menu item %q", label)
	return nil
}

// pressEscape types Escape where nothing has the keyboard.
func pressEscape(m *MainWindow) {
	m.window.Canvas().Unfocus()
	m.window.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
}

// topDialog returns the dialog on show, or nil.
func topDialog(m *MainWindow) fyne.CanvasObject { return m.window.Canvas().Overlays().Top() }

// Hazard: HAZ-026.
func TestEscapeClosesADialogAndAsksFirstIfSomethingWasTyped(t *testing.T) {
	_, m := newSignedInWindow(t, 0, "alice", models.RoleAdministrator)
	menuAction(t, m, "My signature…")()
	if topDialog(m) == nil {
		t.Fatal("My signature… opened no dialog")
	}
	pressEscape(m)
	if topDialog(m) != nil {
		t.Fatal("Escape did not close the dialog")
	}

	name := widgets.NewFormEntry(nil)
	saved := false
	d := newFormDialog("Test", "Save", 400, name, m.window, func() error { saved = true; return nil }, nil)
	d.Show()
	test.Type(name, "Zoë")
	name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) // typed in the text box
	ask := topDialog(m)
	if ask == nil || !drawn(m.window, "Discard what you typed?") {
		t.Fatal("Escape after typing did not ask before discarding")
	}
	pressEscape(m) // Escape on the question keeps the form
	if topDialog(m) == nil || drawn(m.window, "Discard what you typed?") || name.Text != "Zoë" {
		t.Fatal("Escape on the question did not go back to the form as it was")
	}
	pressEscape(m)
	tapButton(t, m.window, "Discard")
	if topDialog(m) != nil || saved {
		t.Fatal("Discard did not close the form without saving")
	}
}

func TestAShortcutBehindADialogDoesNothing(t *testing.T) {
	_, m := newSignedInWindow(t, 3, "alice", models.RoleAdministrator)
	newReferral := menuAction(t, m, "New referral…")
	menuAction(t, m, "My signature…")()
	newReferral()
	if id, _ := m.shell.Current(); id != screenDashboard || drawn(m.window, "New referral") {
		t.Fatalf("Ctrl+N behind a dialog opened %s", id)
	}
	pressEscape(m)
	newReferral()
	if !drawn(m.window, "New referral") {
		t.Fatal("Ctrl+N without a dialog did not open the form")
	}
}

// Hazard: HAZ-026.
func TestCtrlNSignOutAndCloseAskBeforeDiscardingAStartedReferral(t *testing.T) {
	_, m := newSignedInWindow(t, 3, "alice", models.RoleAdministrator)
	newReferral := menuAction(t, m, "New referral…")
	newReferral()
	list := m.shell.Show(screenReferrals).(*referralsScreen)
	f := list.draft
	test.Type(f.GivenName, "Zoë")
	list.CloseDetail() // Back keeps it

	newReferral()
	if topDialog(m) == nil || !drawn(m.window, "A referral has been started") {
		t.Fatal("Ctrl+N on a started referral did not ask")
	}
	tapButton(t, m.window, "Carry on with it")
	if list.draft != f || f.GivenName.Text != "Zoë" || !drawn(m.window, "New referral") {
		t.Fatal("carrying on did not show the referral as it was typed")
	}

	menuAction(t, m, "Sign out")()
	if m.shell == nil || !drawn(m.window, "Signing out discards it") {
		t.Fatal("Sign out with a started referral did not ask")
	}
	tapButton(t, m.window, "Stay signed in")
	if m.shell == nil || f.GivenName.Text != "Zoë" {
		t.Fatal("staying signed in lost the referral")
	}
	closed := false
	m.shell.Quit(func() { closed = true }) // what closing the window does
	if closed || !drawn(m.window, "Closing the program discards it") {
		t.Fatal("closing the window with a started referral did not ask")
	}
	tapButton(t, m.window, "Keep it open")
	if closed {
		t.Fatal("Keep it open closed the window")
	}

	newReferral()
	tapButton(t, m.window, "Discard it and start afresh")
	if f.GivenName.Text != "" || f.Started() {
		t.Fatal("discarding did not clear the form")
	}
	test.Tap(m.shell.SignOutButton)
	if m.shell != nil {
		t.Fatal("Sign out with an empty form asked, or did not sign out")
	}
}

func TestIdleLockMinutesTakeEffectAtOnce(t *testing.T) {
	e, m := newSignedInWindow(t, 0, "alice", models.RoleAdministrator)
	s := m.shell.Show(screenSettings).(*settingsScreen)
	row := s.Row(app.SetIdleLockMinutes)
	row.Entry.SetText("2")
	test.Tap(row.Save)
	if row.Status.Text != "Saved." {
		t.Fatalf("the setting was not saved: %s", row.Status.Text)
	}
	e.clock.Advance(2*time.Minute + time.Second)
	m.tick()
	if !m.locked {
		t.Fatal("the screen did not lock after the 2 minutes just set")
	}
}

func TestTheReferralListIsReadAgainOnComingBack(t *testing.T) {
	e, m := newSignedInWindow(t, 3, "alice", models.RoleAdministrator)
	list := m.shell.Show(screenReferrals).(*referralsScreen)
	list.OpenOnly.SetChecked(false)
	before := list.Count.Text
	f, _, saved := e.referralForm(m.shell.Session.Actor) // as another screen would
	fillAcceptableReferral(t, f, "943 476 5919")
	f.Save()
	if *saved == 0 {
		t.Fatalf("the referral was not saved: %s", f.Problems.Text)
	}
	m.shell.Show(screenDashboard)
	m.shell.Show(screenReferrals)
	if list.Count.Text == before {
		t.Fatalf("the list still says %q after a referral was added", before)
	}
}

func TestLetterOpenSaysWhenNoViewerOpenedAndOffersACopy(t *testing.T) {
	e, admin, _, r := newAcceptedCase(t)
	if _, err := e.svc.Letters.IssuePack(admin, r.ID, ""); err != nil {
		t.Fatal(err)
	}
	s, w, _ := e.lettersScreen(admin)
	s.Files.Opener = func(*url.URL) error { return errors.New("this computer has no program set up to open PDF files") }
	s.List.Select(0)
	test.Tap(s.Open)
	if strings.Contains(s.Message.Text, "is open in your PDF viewer") || !strings.Contains(s.Message.Text, "could not be opened") {
		t.Fatalf("the message after a failed open is %q", s.Message.Text)
	}
	if !drawn(w, "The PDF viewer did not open") || !drawn(w, "Save a copy…") {
		t.Fatal("no copy was offered when the viewer did not open")
	}
}
