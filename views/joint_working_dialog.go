package views

import (
	"strings"

	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// jointWorkingDialog records another service working with a woman: the
// CMHT (with its care coordinator), the substance misuse or eating
// disorder service, a psychiatric ward, a mother and baby unit or another
// service, with its contact details, start and end dates and notes. The
// contacts are offered as copy recipients for her letters.
type jointWorkingDialog struct {
	*formDialog
	Service *widgets.Choice
	Team    *widgets.FormEntry
	// Contact is the named contact: for a CMHT, her care coordinator.
	Contact *widgets.FormEntry
	Phone   *widgets.FormEntry
	Email   *widgets.FormEntry
	Address *widgets.FormEntry
	// Start and End are dates typed as DD/MM/YYYY; End may be blank.
	Start *widgets.FormEntry
	End   *widgets.FormEntry
	Notes *widgets.FormEntry

	// Record chooses the record to edit; nil when adding one.
	Record *widget.Select

	s          *session
	referralID uint
	records    []models.JointWorking // in the order of Record's options
}

// showJointWorkingDialog shows the dialog for referral referralID. onDone
// runs after the joint working is saved.
func showJointWorkingDialog(s *session, referralID uint, onDone func()) *jointWorkingDialog {
	d := newJointWorkingDialog(s, referralID)
	d.Start.SetText(models.LondonDate(s.Services.Clock().Now()).UK())
	d.formDialog = newFormDialog("Add joint working", "Save", 560, widget.NewForm(d.items()...), s.Window, d.save, onDone)
	d.ShowFocused(d.Service.Select)
	return d
}

// newJointWorkingDialog builds the dialog's fields, empty.
func newJointWorkingDialog(s *session, referralID uint) *jointWorkingDialog {
	d := &jointWorkingDialog{s: s, referralID: referralID}
	codes := make([]string, len(models.JointServices))
	for i, svc := range models.JointServices {
		codes[i] = string(svc)
	}
	d.Service = widgets.NewChoice(codes, func(c string) string { return models.JointService(c).Label() }, "Choose the service", nil)
	submit := func() { d.Submit() } // d.formDialog is made by the caller
	d.Team = widgets.NewHintedFormEntry("For example, City East CMHT", submit)
	d.Contact = widgets.NewHintedFormEntry("For a CMHT, her care coordinator", submit)
	d.Phone = widgets.NewHintedFormEntry("", submit)
	d.Email = widgets.NewHintedFormEntry("", submit)
	d.Address = widgets.NewFormTextArea(submit, 2)
	d.Start = widgets.NewHintedFormEntry("DD/MM/YYYY", submit)
	d.End = widgets.NewHintedFormEntry("DD/MM/YYYY, blank while it goes on", submit)
	d.Notes = widgets.NewFormTextArea(submit, 2)
	return d
}

// items lays out the fields as form rows.
func (d *jointWorkingDialog) items() []*widget.FormItem {
	return []*widget.FormItem{
		required("Service", d.Service.Select),
		widget.NewFormItem("Team", d.Team),
		widget.NewFormItem("Contact name", d.Contact),
		widget.NewFormItem("Telephone", d.Phone),
		widget.NewFormItem("Email", d.Email),
		widget.NewFormItem("Address", d.Address),
		widget.NewFormItem("Start date", d.Start),
		widget.NewFormItem("End date", d.End),
		widget.NewFormItem("Notes", d.Notes),
	}
}

// save reads the form and asks the service to record the joint working.
func (d *jointWorkingDialog) save() error {
	e, err := d.edit()
	if err != nil {
		return err
	}
	j := &models.JointWorking{
		ReferralID: d.referralID, Service: e.Service, Team: e.Team, ContactName: e.ContactName, Phone: e.Phone,
		Email: e.Email, Address: e.Address, StartDate: e.StartDate, EndDate: e.EndDate, Notes: e.Notes,
	}
	return d.s.Services.JointWorking.Add(d.s.Actor, j)
}

// edit reads the form.
func (d *jointWorkingDialog) edit() (app.JointWorkingEdit, error) {
	start, err := dateField(models.FieldJointStart, d.Start.Text)
	if err != nil {
		return app.JointWorkingEdit{}, err
	}
	end, err := dateField(models.FieldJointEnd, d.End.Text)
	if err != nil {
		return app.JointWorkingEdit{}, err
	}
	return app.JointWorkingEdit{
		Service: models.JointService(d.Service.Code()), Team: trimmed(d.Team), ContactName: trimmed(d.Contact),
		Phone: trimmed(d.Phone), Email: trimmed(d.Email), Address: strings.TrimSpace(d.Address.Text),
		StartDate: start, EndDate: end, Notes: strings.TrimSpace(d.Notes.Text),
	}, nil
}
