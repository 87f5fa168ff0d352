package views

import (
	"errors"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// teamScreen lists the team: name, username, job title, roles,
// working-time fraction, caseload capacity and whether they are active.
// A team manager adds people, edits them, deactivates (asking first, and
// again if they still hold women or tasks) or reactivates them, and
// resets passwords. The service allows these to team managers only and
// says so to anyone else.
type teamScreen struct {
	List *widget.List
	// Staff are the people listed, active first, by name.
	Staff []models.StaffMember
	Add   *widget.Button
	Edit  *widget.Button
	// Deactivate reads "Reactivate…" when the person chosen is inactive.
	Deactivate    *widget.Button
	ResetPassword *widget.Button
	// Message says what happened, or why not.
	Message *widget.Label
	// Confirm is the question on show, if any.
	Confirm *dialog.ConfirmDialog
	// Dialog is the add or edit dialog last opened; Reset the reset-password one.
	Dialog *staffDialog
	Reset  *resetPasswordDialog

	s       *session
	chosen  int // index in Staff, or -1
	table   *widgets.Table
	content fyne.CanvasObject
}

// newTeamScreen builds the screen and reads the team.
func newTeamScreen(s *session) *teamScreen {
	t := &teamScreen{s: s, chosen: -1, Message: messageLabel("")}
	t.table = widgets.NewTable([]widgets.Column{
		{Title: "Name", Weight: 1.4}, {Title: "Username", Weight: 1.2}, {Title: "Job title", Weight: 1.5},
		{Title: "Roles", Weight: 1.5}, {Title: "Working time", Sample: "Working time"},
		{Title: "Capacity", Sample: "Capacity"}, {Title: "Active", Sample: "Inactive"},
	})
	t.List = widgets.NewList(func() int { return len(t.Staff) }, t.table.Row, t.updateRow)
	t.List.OnSelected = t.choose
	t.List.OnUnselected = func(widget.ListItemID) { t.choose(-1) }
	t.Add = widget.NewButtonWithIcon("Add person…", theme.ContentAddIcon(), func() { t.Dialog = showAddStaffDialog(s, t.done("Added.")) })
	t.Edit = widget.NewButtonWithIcon("Edit…", theme.DocumentCreateIcon(), func() {
		if m, ok := t.Chosen(); ok {
			t.Dialog = showEditStaffDialog(s, m, t.done("Saved."))
		}
	})
	t.Deactivate = widget.NewButtonWithIcon("Deactivate…", theme.CancelIcon(), t.toggleActive)
	t.ResetPassword = widget.NewButtonWithIcon("Reset password…", theme.LoginIcon(), func() {
		if m, ok := t.Chosen(); ok {
			t.Reset = showResetPasswordDialog(s, m, t.done("The password of "+m.Name+" is reset, and the account unlocked."))
		}
	})
	t.Add.Importance = widget.HighImportance
	bar := container.NewHBox(t.Add, t.Edit, t.Deactivate, t.ResetPassword)
	hint := widget.NewLabel("Choose a person, then Edit, Deactivate or Reset password. Only team managers can change accounts.")
	hint.Importance = widget.LowImportance
	top := container.NewVBox(bar, hint, t.Message, t.table.Header(), widget.NewSeparator())
	t.content = container.NewPadded(container.NewBorder(top, nil, nil, nil, t.List))
	t.choose(-1)
	t.Reload()
	return t
}

// Content returns the screen's widget tree.
func (t *teamScreen) Content() fyne.CanvasObject { return t.content }

// Shown reads the team again when the screen is opened again.
func (t *teamScreen) Shown() { t.Reload() }

// Reload reads the team, off the UI goroutine, keeping the person chosen.
func (t *teamScreen) Reload() {
	keep := uint(0)
	if m, ok := t.Chosen(); ok {
		keep = m.ID
	}
	staff := t.s.Services.Staff
	t.s.Background.Go(func() func() {
		list, err := staff.List(false)
		return func() {
			if err != nil {
				showMessage(t.Message, "The team could not be read: "+sentence(err), true)
				return
			}
			t.Staff = list
			t.List.UnselectAll()
			t.List.Refresh()
			for i, m := range list {
				if m.ID == keep && keep != 0 {
					t.List.Select(i)
				}
			}
		}
	})
}

// Chosen returns the person chosen in the list.
func (t *teamScreen) Chosen() (models.StaffMember, bool) {
	if t.chosen < 0 || t.chosen >= len(t.Staff) {
		return models.StaffMember{}, false
	}
	return t.Staff[t.chosen], true
}

// choose notes the person chosen (-1 for none) and offers what can be done.
func (t *teamScreen) choose(i int) {
	t.chosen = i
	m, ok := t.Chosen()
	for _, b := range []*widget.Button{t.Edit, t.Deactivate, t.ResetPassword} {
		if ok {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	t.Deactivate.SetText("Deactivate…")
	if ok && !m.Active {
		t.Deactivate.SetText("Reactivate")
	}
}

func (t *teamScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id < 0 || id >= len(t.Staff) {
		return
	}
	m := t.Staff[id]
	capacity := "None set"
	if m.CaseloadCapacity > 0 {
		capacity = strconv.Itoa(m.CaseloadCapacity)
	}
	active := "Active"
	if !m.Active {
		active = "Inactive"
	}
	widgets.SetRowText(o, m.Name, m.Username, m.JobTitle, m.RoleLabels(), strconv.FormatFloat(m.WorkingFraction, 'f', -1, 64)+" WTE", capacity, active)
	widgets.RowCell(o, 6).Importance = widget.MediumImportance
	if !m.Active {
		widgets.RowCell(o, 6).Importance = widget.LowImportance
	}
}

// done returns what runs after a dialog saves: say so and read the team again.
func (t *teamScreen) done(message string) func() {
	return func() {
		showMessage(t.Message, message, false)
		t.Reload()
	}
}

// toggleActive deactivates the chosen person, asking first, or reactivates them.
func (t *teamScreen) toggleActive() {
	m, ok := t.Chosen()
	if !ok {
		return
	}
	if !m.Active {
		t.result(t.s.Services.Staff.Reactivate(t.s.Actor, m.ID, m.Version), m.Name+" is active again and can sign in.")
		return
	}
	t.ask("Deactivate "+m.Name+"?",
		m.Name+" will no longer be able to sign in, be allocated women or be given tasks. Their records and history stay.",
		"Deactivate", func() { t.deactivate(m, false) })
}

// deactivate asks the service; if they still hold work it asks again.
func (t *teamScreen) deactivate(m models.StaffMember, confirm bool) {
	err := t.s.Services.Staff.Deactivate(t.s.Actor, m.ID, m.Version, confirm)
	var holds *app.StillHoldsWorkError
	if errors.As(err, &holds) {
		t.ask("Deactivate anyway?", holds.Error(), "Deactivate anyway", func() { t.deactivate(m, true) })
		return
	}
	t.result(err, m.Name+" is deactivated.")
}

// ask shows a question; yes runs on the confirm button.
func (t *teamScreen) ask(title, question, confirm string, yes func()) {
	t.Confirm = dialog.NewConfirm(title, question, func(ok bool) {
		t.Confirm = nil
		if ok {
			yes()
		}
	}, t.s.Window)
	t.Confirm.SetConfirmText(confirm)
	t.Confirm.SetConfirmImportance(widget.DangerImportance)
	t.Confirm.Show()
}

// result shows what an action did, or why it did not, and reloads.
func (t *teamScreen) result(err error, success string) {
	if err != nil {
		showMessage(t.Message, sentence(err), true)
		return
	}
	t.done(success)()
}
