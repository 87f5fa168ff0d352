package views

import (
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

// showEditJointWorkingDialog edits one of records, a referral's joint
// working: a new care coordinator, corrected details, or an end date to end
// it. The first record still going on is chosen to start with. A record
// changed by someone else since it was read is refused by the service,
// naming who changed it. onDone runs once it is saved.
func showEditJointWorkingDialog(s *session, referralID uint, records []models.JointWorking, onDone func()) *jointWorkingDialog {
	d := newJointWorkingDialog(s, referralID)
	d.records = records
	today := models.LondonDate(s.Services.Clock().Now())
	labels := make([]string, len(records))
	for i := range records {
		labels[i] = jointWorkingLabel(&records[i], today)
	}
	d.Record = widget.NewSelect(labels, func(string) { d.fill() })
	d.Record.PlaceHolder = "Choose the record"
	items := append([]*widget.FormItem{required("Record", d.Record)}, d.items()...)
	d.formDialog = newFormDialog("Edit or end joint working", "Save", 560, widget.NewForm(items...), s.Window, d.update, onDone)
	chosen := 0
	for i := range records {
		if records[i].Active(today) {
			chosen = i
			break
		}
	}
	if len(records) > 0 {
		d.Record.SetSelectedIndex(chosen)
	}
	d.ShowFocused(d.Contact)
	return d
}

// jointWorkingLabel names a record in the chooser.
func jointWorkingLabel(j *models.JointWorking, today models.Date) string {
	s := j.Service.Label()
	if j.Team != "" {
		s += ", " + j.Team
	}
	if !j.Active(today) {
		s += " (ended)"
	}
	return s
}

// chosen returns the record being edited, or nil.
func (d *jointWorkingDialog) chosen() *models.JointWorking {
	if i := d.Record.SelectedIndex(); i >= 0 && i < len(d.records) {
		return &d.records[i]
	}
	return nil
}

// fill shows the chosen record in the form.
func (d *jointWorkingDialog) fill() {
	j := d.chosen()
	if j == nil {
		return
	}
	e := app.EditOf(j)
	d.Service.SetCode(string(e.Service))
	d.Team.SetText(e.Team)
	d.Contact.SetText(e.ContactName)
	d.Phone.SetText(e.Phone)
	d.Email.SetText(e.Email)
	d.Address.SetText(e.Address)
	d.Start.SetText(e.StartDate.UK())
	d.End.SetText(e.EndDate.UK())
	d.Notes.SetText(e.Notes)
}

// update saves the form over the chosen record.
func (d *jointWorkingDialog) update() error {
	j := d.chosen()
	if j == nil {
		return fieldProblem(models.FieldJointService, "choose the record to edit")
	}
	e, err := d.edit()
	if err != nil {
		return err
	}
	return d.s.Services.JointWorking.Update(d.s.Actor, j.ID, j.Version, e)
}
