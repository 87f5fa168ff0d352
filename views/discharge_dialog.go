package views

import (
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

// dischargeDialog closes a referral with one of the MHSDS-style reasons,
// after asking "Close this referral?". Closing ends her allocation,
// cancels her open tasks and appointments not yet held; the referral stays
// readable, and a re-referral later opens a new one.
type dischargeDialog struct {
	*formDialog
	Reason *widget.Select
	// Confirm is the "Close this referral?" question while it is on show.
	Confirm *dialog.ConfirmDialog

	s        *session
	referral *models.Referral
}

// showDischargeDialog shows the dialog for r, as read from the service.
// onDone runs after the referral is closed.
func showDischargeDialog(s *session, r *models.Referral, onDone func()) *dischargeDialog {
	d := &dischargeDialog{s: s, referral: r}
	labels := make([]string, len(app.ClosureReasons))
	for i, reason := range app.ClosureReasons {
		labels[i] = capitalised(reason)
	}
	d.Reason = widget.NewSelect(labels, nil)
	d.Reason.PlaceHolder = "Choose the reason"
	note := paragraph("Closing ends her key worker's allocation, cancels her open tasks and any appointments not yet held. " +
		"The referral stays readable; if she is referred again, a new referral is opened.")
	form := widget.NewForm(
		widget.NewFormItem("Woman", widget.NewLabel(r.Patient.FullName())),
		required("Reason", d.Reason),
	)
	d.formDialog = newFormDialog("Discharge and close", "Close referral…", 520, container.NewVBox(form, note), s.Window, d.ask, onDone)
	d.Show()
	return d
}

// ask checks a reason is chosen and asks "Close this referral?".
func (d *dischargeDialog) ask() error {
	i := d.Reason.SelectedIndex()
	if i < 0 {
		return fieldProblem(models.FieldClosureReason, "choose why the referral is closing")
	}
	reason := app.ClosureReasons[i]
	question := "Close this referral?\n\n" + d.referral.Patient.FullName() + " will be discharged: " + reason + ".\n" +
		"Her allocation ends and her open tasks and future appointments are cancelled."
	d.Confirm = dialog.NewConfirm("Discharge and close", question, func(yes bool) {
		d.Confirm = nil
		if !yes {
			return
		}
		if err := d.s.Services.Referrals.Close(d.s.Actor, d.referral.ID, d.referral.Version, reason); err != nil {
			d.Fail(err)
			return
		}
		d.Finish()
	}, d.s.Window)
	d.Confirm.SetConfirmText("Close referral")
	d.Confirm.SetConfirmImportance(widget.DangerImportance)
	d.Confirm.SetDismissText("Cancel")
	d.Confirm.Show()
	return errAsking
}
