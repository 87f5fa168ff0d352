package views

import (
	"strings"

	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// taskAddDialog adds a task by hand, such as "ring the health visitor":
// what needs doing, by when, for whom (any active member of the team; the
// person adding it unless they choose another) and notes. From a person's
// own task list it first asks which woman on their caseload it is about.
type taskAddDialog struct {
	*formDialog
	// Woman chooses the woman, from a person's list; nil on her record.
	Woman  *widget.Select
	Title  *widgets.FormEntry
	Due    *widgets.FormEntry
	Assign *widget.Select
	Notes  *widgets.FormEntry

	women []app.CaseloadRow    // in the order of Woman's options
	staff []models.StaffMember // in the order of Assign's options
}

// AddTask asks for a new task and adds it; the list then reloads.
func (p *tasksPanel) AddTask() *taskAddDialog {
	d := &taskAddDialog{}
	submit := func() { d.Submit() }
	d.Title = widgets.NewHintedFormEntry("For example, ring the health visitor", submit)
	d.Due = widgets.NewHintedFormEntry("DD/MM/YYYY, or blank", submit)
	d.Assign = widget.NewSelect(nil, nil)
	d.Notes = widgets.NewFormTextArea(submit, 3)
	items := []*widget.FormItem{required("Task", d.Title), widget.NewFormItem("Due", d.Due), required("For", d.Assign), widget.NewFormItem("Notes", d.Notes)}
	if p.referralID == 0 {
		d.Woman = widget.NewSelect(nil, nil)
		d.Woman.PlaceHolder = "Choose a woman on your caseload"
		items = append([]*widget.FormItem{required("About", d.Woman)}, items...)
	}
	d.formDialog = newFormDialog("Add a task", "Add", 560, widget.NewForm(items...), p.s.Window, func() error { return d.add(p) }, p.Reload)
	staff, err := p.s.Services.Staff.List(true)
	if err != nil {
		d.Fail(err)
	}
	d.staff = staff
	d.Assign.SetOptions(labelsOf(staff, func(m models.StaffMember) string { return m.Name + " (" + m.RoleLabels() + ")" }))
	for i, m := range staff {
		if p.s.Actor != nil && m.ID == p.s.Actor.ID {
			d.Assign.SetSelectedIndex(i) // their own, unless they choose another
		}
	}
	if d.Woman != nil && p.s.Actor != nil {
		rows, err := p.s.Services.Caseload.Caseload(p.s.Actor, app.CaseloadFilter{KeyWorkerID: p.s.Actor.ID})
		if err != nil {
			d.Fail(err)
		}
		d.women = rows
		d.Woman.SetOptions(labelsOf(rows, func(r app.CaseloadRow) string { return r.PatientName() + " · " + r.NHSNumberText() }))
	}
	d.ShowFocused(d.Title)
	return d
}

// add reads the form and asks the service to add the task.
func (d *taskAddDialog) add(p *tasksPanel) error {
	referralID := p.referralID
	if d.Woman != nil {
		i := d.Woman.SelectedIndex()
		if i < 0 || i >= len(d.women) {
			return fieldProblem(models.FieldTaskReferral, "choose the woman the task is about")
		}
		referralID = d.women[i].ReferralID
	}
	due, err := dateField(models.FieldTaskDue, d.Due.Text)
	if err != nil {
		return err
	}
	t := &models.Task{ReferralID: referralID, Kind: models.TaskOther, Title: d.Title.Text, DueDate: due, Notes: strings.TrimSpace(d.Notes.Text)}
	if i := d.Assign.SelectedIndex(); i >= 0 && i < len(d.staff) {
		t.AssigneeID = &d.staff[i].ID
	} else {
		return fieldProblem(models.FieldTaskAssignee, "choose who will do the task")
	}
	return p.s.Services.Tasks.Add(p.s.Actor, t)
}
