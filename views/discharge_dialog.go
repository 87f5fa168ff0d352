package views

import (
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// dischargeReasons are the reasons the dialog offers: every closure reason
// but "discharged with advice", which is recorded with the assessment
// outcome.
var dischargeReasons = func() []models.ClosureReason {
	var out []models.ClosureReason
	for _, r := range models.ClosureReasons {
		if r != models.ClosureDischargedWithAdvice {
			out = append(out, r)
		}
	}
	return out
}()

// dischargeDialog closes a referral with one of the MHSDS-style reasons,
// after asking "Close this referral?", and captures what the closure
// letter for that reason needs: the team now caring for her when she moved
// away or was transferred, and, when treatment is complete, what helped
// and her early warning signs. Closing ends her allocation and her joint
// working, cancels her open tasks and appointments not yet held; the
// referral stays readable, and a re-referral later opens a new one.
type dischargeDialog struct {
	*formDialog
	Reason *widget.Select
	// TransferredTo is the team now caring for her, shown for moved away
	// and transferred.
	TransferredTo *widgets.FormEntry
	// WhatHelped and WarningSigns are shown for treatment complete.
	WhatHelped   *widgets.FormEntry
	WarningSigns *widgets.FormEntry
	// Confirm is the "Close this referral?" question while it is on show.
	Confirm *dialog.ConfirmDialog

	s        *session
	referral *models.Referral
	// transfer and recovery hold the fields of some reasons only.
	transfer, recovery *widget.Form
}

// showDischargeDialog shows the dialog for r, as read from the service.
// onDone runs after the referral is closed.
func showDischargeDialog(s *session, r *models.Referral, onDone func()) *dischargeDialog {
	d := &dischargeDialog{s: s, referral: r}
	d.Reason = widget.NewSelect(labelsOf(dischargeReasons, models.ClosureReason.Label), func(string) { d.reasonChanged() })
	d.Reason.PlaceHolder = "Choose the reason"
	area := func(hint string) *widgets.FormEntry { return widgets.NewHintedFormTextArea(hint, d.submit, 3) }
	d.TransferredTo = area("The team's name, then its address or telephone, one line each")
	d.WhatHelped = area("What helped her, in words she will recognise")
	d.WarningSigns = area("Her early signs of becoming unwell again")
	note := paragraph("Closing ends her key worker's allocation and any joint working, cancels her open tasks and any appointments not yet held. " +
		"The referral stays readable; if she is referred again, a new referral is opened. Her closure letter uses what you write here.")
	form := widget.NewForm(
		widget.NewFormItem("Woman", widget.NewLabel(r.Patient.FullName())),
		required("Reason", d.Reason),
	)
	d.transfer = widget.NewForm(required(models.FieldTransferredTo.Label(), d.TransferredTo))
	d.recovery = widget.NewForm(
		widget.NewFormItem(models.FieldWhatHelped.Label(), d.WhatHelped),
		widget.NewFormItem(models.FieldWarningSigns.Label(), d.WarningSigns),
	)
	d.formDialog = newFormDialog("Discharge and close", "Close referral…", 560, container.NewVBox(form, d.transfer, d.recovery, note), s.Window, d.ask, onDone)
	d.reasonChanged()
	d.Show()
	return d
}

// submit closes from the keyboard (Ctrl+S), as the button does.
func (d *dischargeDialog) submit() { d.Submit() }

// reason returns the reason chosen, or "".
func (d *dischargeDialog) reason() models.ClosureReason {
	if i := d.Reason.SelectedIndex(); i >= 0 {
		return dischargeReasons[i]
	}
	return ""
}

// reasonChanged shows the fields the closure letter for the reason needs.
func (d *dischargeDialog) reasonChanged() {
	if d.recovery == nil {
		return // still being built
	}
	r := d.reason()
	for _, part := range []struct {
		form *widget.Form
		on   bool
	}{{d.transfer, r.NeedsTransferTeam()}, {d.recovery, r == models.ClosureTreatmentComplete}} {
		if part.on {
			part.form.Show()
		} else {
			part.form.Hide()
		}
	}
}

// closure returns the closure as entered.
func (d *dischargeDialog) closure() app.Closure {
	return app.Closure{Reason: d.reason(), ClosureDetails: models.ClosureDetails{
		TransferredTo: d.TransferredTo.Text, WhatHelped: d.WhatHelped.Text, WarningSigns: d.WarningSigns.Text,
	}}
}

// ask checks the closure is complete and asks "Close this referral?".
func (d *dischargeDialog) ask() error {
	c := d.closure()
	if c.Reason == "" {
		return fieldProblem(models.FieldClosureReason, "choose why the referral is closing")
	}
	if err := c.ClosureDetails.Normalised(c.Reason).Check(c.Reason); err != nil {
		return err
	}
	question := "Close this referral?\n\n" + d.referral.Patient.FullName() + " will be discharged: " + string(c.Reason) + ".\n" +
		"Her allocation and joint working end, and her open tasks and future appointments are cancelled."
	d.Confirm = dialog.NewConfirm("Discharge and close", question, func(yes bool) {
		d.Confirm = nil
		if !yes {
			return
		}
		if err := d.s.Services.Referrals.Discharge(d.s.Actor, d.referral.ID, d.referral.Version, c); err != nil {
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
