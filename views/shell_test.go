package views

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

// menuItem finds a menu item by its label.
func menuItem(t *testing.T, m *fyne.MainMenu, label string) *fyne.MenuItem {
	t.Helper()
	for _, mn := range m.Items {
		for _, it := range mn.Items {
			if it.Label == label {
				return it
			}
		}
	}
	t.Fatalf("no menu item %q", label)
	return nil
}

func TestShellNavigatesAndShortcuts(t *testing.T) {
	_, m := newSignedInWindow(t, 5, "kate", "key_worker")
	menu := m.window.MainMenu()

	for _, title := range []string{"Dashboard", "Referrals", "Caseload", "Appointments", "Letters", "Team", "Settings"} {
		item := menuItem(t, menu, title)
		item.Action()
		if id, scr := m.shell.Current(); scr == nil || m.shell.defs[m.shell.current].Title != title {
			t.Fatalf("%s (%s) opened %s", title, item.Shortcut.ShortcutName(), id)
		}
	}
	for _, d := range m.shell.defs {
		if d.ID == screenAudit {
			t.Fatal("a key worker is offered the audit trail")
		}
	}

	find := menuItem(t, menu, "Find a referral")
	find.Action()
	s, _ := m.shell.Current()
	scr := m.shell.built[screenReferrals].(*referralsScreen)
	if s != screenReferrals || m.window.Canvas().Focused() != scr.Search {
		t.Fatal("Ctrl+F did not put the keyboard in the referral search")
	}
	if sc := find.Shortcut.ShortcutName(); sc != "CustomDesktop:Control+F" {
		t.Fatalf("Find has shortcut %s", sc)
	}

	menuItem(t, menu, "Lock screen").Action()
	if !m.locked {
		t.Fatal("Ctrl+L did not lock")
	}
}

func TestReferralsOpenOnTheOpenReferrals(t *testing.T) {
	e, m := newSignedInWindow(t, 30, "alice", models.RoleAdministrator)
	s := m.shell.Show(screenReferrals).(*referralsScreen)
	open, _ := e.svc.Referrals.Count(e.system, app.ReferralFilter{OpenOnly: true})
	if !s.OpenOnly.Checked || int64(s.List.Length()) != open {
		t.Fatalf("the Referrals screen opens on %d referrals (open only %v); want the %d open ones", s.List.Length(), s.OpenOnly.Checked, open)
	}
}

// At 1024×768 every pixel the navigation does not need belongs to the
// screen beside it.
func TestTheNavigationIsAsWideAsItsLongestTitleAndNoWider(t *testing.T) {
	_, m := newSignedInWindow(t, 0, "mia", models.RoleManager)
	widest := float32(0)
	for _, d := range m.shell.defs {
		widest = max(widest, container.NewHBox(widget.NewIcon(d.Icon), widget.NewLabel(d.Title)).MinSize().Width)
	}
	nav := m.shell.Nav.Size().Width
	if nav < widest {
		t.Errorf("the navigation is %.0f wide; its longest title needs %.0f", nav, widest)
	}
	if spare := nav - widest; spare > theme.ScrollBarSize()+4*theme.Padding() {
		t.Errorf("the navigation is %.0f wide, %.0f more than its longest title needs", nav, spare)
	}
}
