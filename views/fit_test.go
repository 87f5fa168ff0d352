package views

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// fits fails unless what is on show fits the room the shell gives a
// screen in the smallest window, without scrolling.
func fits(t *testing.T, sh *shell, what string) {
	t.Helper()
	_, scr := sh.Current()
	need, room := scr.Content().MinSize(), sh.scroll.Size()
	if need.Width > room.Width || need.Height > room.Height {
		t.Errorf("%s needs %v but a %v window gives it %v", what, need, widgets.SmallestWindowSize, room)
	}
}

// Hazard: HAZ-027.
func TestEveryScreenFitsTheSmallestWindow(t *testing.T) {
	e := newTestEnv(t, 30)
	e.addStaff("everyone", models.RoleManager, models.RoleAdministrator, models.RoleClinician, models.RoleKeyWorker)
	e.addStaff("admin", models.RoleAdministrator) // sees the whole team's caseloads
	for _, who := range []string{"everyone", "admin"} {
		screensFit(t, e, who)
	}
}

// screensFit signs who in on a window of the smallest size and checks
// that every screen they can open fits it.
func screensFit(t *testing.T, e *testEnv, who string) {
	t.Helper()
	m := e.mainWindow()
	m.window.Resize(widgets.SmallestWindowSize)
	if need := m.window.Content().MinSize(); need.Width > widgets.SmallestWindowSize.Width || need.Height > widgets.SmallestWindowSize.Height {
		t.Errorf("the sign-in screen needs %v", need)
	}
	e.signIn(m, who, testPassword)
	sh := m.shell
	if need := m.window.Content().MinSize(); need.Width > widgets.SmallestWindowSize.Width || need.Height > widgets.SmallestWindowSize.Height {
		t.Errorf("the shell needs %v, more than the smallest window %v", need, widgets.SmallestWindowSize)
	}
	for _, d := range sh.defs {
		sh.Show(d.ID)
		fits(t, sh, who+": "+d.Title)
	}
	sh.NewReferral()
	fits(t, sh, "The new-referral form")
	sh.OpenReferral(1)
	fits(t, sh, "A referral")
}

func TestFormDialogScrollsInAShortWindow(t *testing.T) {
	e := newTestEnv(t, 0)
	w := e.showInWindow(nil)
	w.Resize(fyne.NewSize(1016, 500))
	tall := make([]*widgets.FormEntry, 30)
	items := make([]fyne.CanvasObject, len(tall))
	for i := range tall {
		tall[i] = widgets.NewFormEntry(nil)
		items[i] = tall[i]
	}
	d := newFormDialog("Tall", "Save", 400, container.NewVBox(items...), w, func() error { return nil }, nil)
	d.Show()
	if got := w.Canvas().Overlays().Top().MinSize(); got.Height > 500 {
		t.Errorf("the dialog is %v high in a window 500 high", got.Height)
	}
}
