package views

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// needsDialog changes a woman's communication needs and her name for
// letters after intake: an administrator adding the safe address a held
// letter waits for, a key worker recording that she now needs large print.
// The service checks them as intake does, and the permission.
type needsDialog struct {
	*formDialog
	*needsFields
	NameForLetters *widgets.FormEntry

	s *session
	p models.Patient
}

// showNeedsDialog edits the needs of p (as read with her referral); onDone
// runs once they are saved.
func showNeedsDialog(s *session, p models.Patient, onDone func()) *needsDialog {
	d := &needsDialog{s: s, p: p}
	submit := func() { d.Submit() }
	d.needsFields = newDialogNeedsFields(submit)
	d.NameForLetters = widgets.NewFormEntry(submit)
	d.SetNeeds(p.CommunicationNeeds)
	d.NameForLetters.SetText(p.NameForLetters)
	items := append([]*widget.FormItem{hinted("Name for letters", d.NameForLetters,
		"Only if her name is written in another script: her name in English letters, as letters print it")}, d.Items()...)
	body := container.NewVScroll(widget.NewForm(items...))
	body.SetMinSize(fyne.NewSize(600, 440)) // scrolls on a small screen
	d.formDialog = newFormDialog("Communication needs", "Save", 640, body, s.Window, d.save, onDone)
	d.Show()
	return d
}

// save asks the service to record the needs, marking the fields at fault.
func (d *needsDialog) save() error {
	err := d.s.Services.Referrals.UpdateNeeds(d.s.Actor, d.p.ID, d.p.Version, d.NameForLetters.Text, d.Needs())
	for _, fe := range models.FieldErrorsIn(err) {
		e := d.entryFor(fe.Field)
		if fe.Field == models.FieldNameForLetters {
			e = d.NameForLetters
		}
		if e != nil {
			e.SetValidationError(errors.New(fe.Error()))
		}
	}
	return err
}
