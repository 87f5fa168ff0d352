package views

import (
	"testing"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/models"
)

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

// The whole team's caseload is where the team manager reads who holds
// each woman: her key worker's column there is half as wide as her own
// name's (the widest of the columns that share the spare width), rather
// than as narrow as the flags'.
func TestTheWholeTeamsCaseloadGivesHerKeyWorkerHalfHerNamesWidth(t *testing.T) {
	e, m := newSignedInWindow(t, 0, "mia", models.RoleManager)
	e.addKeyWorker("kate", 20)
	scr := m.shell.Show(screenCaseload).(*caseloadScreen)
	scr.Worker.SetSelected(wholeTeam)
	name, keyWorker, flags := scr.table.Width(colName), scr.table.Width(colKeyWorker), scr.table.Width(colFlags)
	if keyWorker < 0.45*name || keyWorker <= flags || name <= keyWorker {
		t.Errorf("at 1024×768 her name's column is %.0f wide, her key worker's %.0f and the flags' %.0f; want the key worker's about half her name's and wider than the flags'", name, keyWorker, flags)
	}
}
