package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// taskCompleteDialog marks a task done, with a note of what was done.
type taskCompleteDialog struct {
	*formDialog
	Note *widgets.FormEntry
}

// Complete asks for a note and completes task t; the list then reloads.
func (p *tasksPanel) Complete(t app.TaskRow) *taskCompleteDialog {
	d := &taskCompleteDialog{Note: widgets.NewFormTextArea(nil, 3)}
	d.Note.SetPlaceHolder("What was done (optional)")
	form := widget.NewForm(
		widget.NewFormItem("Task", taskLabel(t)),
		widget.NewFormItem("Note", d.Note),
	)
	d.formDialog = newFormDialog("Complete the task", "Complete", 520, form, p.s.Window, func() error {
		return p.s.Services.Tasks.Complete(p.s.Actor, t.ID, t.Version, d.Note.Text)
	}, p.Reload)
	d.Note.OnSave = d.Submit
	d.Show()
	if p.s.Window != nil {
		p.s.Window.Canvas().Focus(d.Note)
	}
	return d
}

// taskReassignDialog gives a task to another member of the team, saying why.
type taskReassignDialog struct {
	*formDialog
	// To chooses the new holder among the active staff.
	To     *widget.Select
	Reason *widgets.FormEntry

	staff []models.StaffMember // in the order of To's options
}

// Reassign asks to whom and why, and reassigns task t; the list then reloads.
func (p *tasksPanel) Reassign(t app.TaskRow) *taskReassignDialog {
	d := &taskReassignDialog{Reason: widgets.NewFormTextArea(nil, 2)}
	d.To = widget.NewSelect(nil, nil)
	d.To.PlaceHolder = "Choose who will do it"
	d.Reason.SetPlaceHolder("For example, covering while her key worker is on leave")
	form := widget.NewForm(
		widget.NewFormItem("Task", taskLabel(t)),
		widget.NewFormItem("Held by", widget.NewLabel(orNobody(t.AssigneeName))),
		required("Reassign to", d.To),
		widget.NewFormItem("Why", d.Reason),
	)
	d.formDialog = newFormDialog("Reassign the task", "Reassign", 520, form, p.s.Window, func() error {
		i := d.To.SelectedIndex()
		if i < 0 {
			return fieldProblem(models.FieldTaskReassignTo, "choose who will do the task")
		}
		return p.s.Services.Tasks.Reassign(p.s.Actor, t.ID, t.Version, d.staff[i].ID, d.Reason.Text)
	}, p.Reload)
	d.Reason.OnSave = d.Submit
	staff, err := p.s.Services.Staff.List(true)
	if err != nil {
		d.Fail(err)
	}
	var names []string
	for _, m := range staff {
		if t.AssigneeID == nil || m.ID != *t.AssigneeID {
			d.staff = append(d.staff, m)
			names = append(names, m.Name+" ("+m.RoleLabels()+")")
		}
	}
	d.To.SetOptions(names)
	d.Show()
	return d
}

// taskLabel names a task and, when due, its date.
func taskLabel(t app.TaskRow) *widget.Label {
	text := t.Title
	if !t.DueDate.IsZero() {
		text += " (due " + t.DueDate.UK() + ")"
	}
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}
