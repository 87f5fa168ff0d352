package views

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// assessmentOutcomeDialog is where a clinician records the outcome of the
// initial assessment, with what the outcome letters carry: what was
// discussed, the plan agreed with her, medication advice and actions for
// her GP. The outcome moves the referral on, and the outcome letter stays
// due by its date (see app.ClockService). After "medical review needed"
// it offers to book the review.
type assessmentOutcomeDialog struct {
	*formDialog
	Outcome *widget.RadioGroup
	// Summary is what was discussed; Plan the plan agreed with her;
	// Medication the advice on her medicines; GPActions what her GP is
	// asked to do.
	Summary    *widgets.FormEntry
	Plan       *widgets.FormEntry
	Medication *widgets.FormEntry
	GPActions  *widgets.FormEntry
	// BookReview is the "Book her medical review now?" question, and
	// Booking the booking dialog it opens, while they are on show.
	BookReview *dialog.ConfirmDialog
	Booking    *bookAppointmentDialog

	s        *session
	referral *models.Referral
	onDone   func()
}

// showAssessmentOutcomeDialog shows the dialog for referral r, as read
// last (its version guards against someone else's change). onDone runs
// after the outcome is recorded, and again after a review is booked.
func showAssessmentOutcomeDialog(s *session, r *models.Referral, onDone func()) *assessmentOutcomeDialog {
	d := &assessmentOutcomeDialog{s: s, referral: r, onDone: onDone}
	d.Outcome = widget.NewRadioGroup(labelsOf(models.AssessmentOutcomes, models.AssessmentOutcome.Label), nil)
	d.Outcome.Required = true
	area := func(hint string) *widgets.FormEntry { return widgets.NewHintedFormTextArea(hint, d.submit, 3) }
	d.Summary = area("What you talked about with her at the assessment")
	d.Plan = area("What she and the team will do next")
	d.Medication = area("Advice about her medicines, if any")
	d.GPActions = area("What her GP is asked to do, if anything")
	form := widget.NewForm(
		widget.NewFormItem("For", widget.NewLabelWithStyle(r.Patient.FullName()+" · NHS number "+orNotStated(r.Patient.NHSNumberText()),
			fyne.TextAlignLeading, fyne.TextStyle{Bold: true})),
		widget.NewFormItem("Outcome", d.Outcome),
		widget.NewFormItem(models.FieldOutcomeSummary.Label(), d.Summary),
		widget.NewFormItem(models.FieldOutcomePlan.Label(), d.Plan),
		widget.NewFormItem(models.FieldOutcomeMedication.Label(), d.Medication),
		widget.NewFormItem(models.FieldOutcomeGPActions.Label(), d.GPActions),
	)
	hint := paragraph("Her outcome letter carries what you write here: in plain words in her letter, and under the standard clinical headings in the copies to professionals. " +
		"Whatever the outcome, the letter is due within the team's target from acceptance: issue it from her referral.")
	hint.Importance = widget.LowImportance
	d.formDialog = newFormDialog("Assessment outcome", "Record outcome", 640, container.NewVBox(form, hint), s.Window, d.record, d.recorded)
	d.refuseBeforeAttendance()
	d.Show()
	return d
}

// refuseBeforeAttendance says at once, and keeps Record outcome off, when
// her initial assessment has not been recorded as attended: the service
// would refuse the outcome, and nobody should write it first to find out.
func (d *assessmentOutcomeDialog) refuseBeforeAttendance() {
	appts, err := d.s.Services.Appointments.ForReferral(d.s.Actor, d.referral.ID)
	if err != nil {
		return // the service checks again when the outcome is recorded
	}
	if err := models.CheckAssessmentHeld(appts); err != nil {
		var fe *models.FieldError
		if errors.As(err, &fe) {
			err = errors.New(fe.Message)
		}
		showMessage(d.Message, "The outcome cannot be recorded yet. "+sentence(err), true)
		d.Action.Disable()
	}
}

// Choose picks outcome o, as tapping it would.
func (d *assessmentOutcomeDialog) Choose(o models.AssessmentOutcome) {
	d.Outcome.SetSelected(o.Label())
}

// submit records from the keyboard (Ctrl+S), as the button does.
func (d *assessmentOutcomeDialog) submit() { d.Submit() }

// outcome returns the outcome chosen, or OutcomeNone.
func (d *assessmentOutcomeDialog) outcome() models.AssessmentOutcome {
	if i := indexOf(d.Outcome.Options, d.Outcome.Selected); i >= 0 {
		return models.AssessmentOutcomes[i]
	}
	return models.OutcomeNone
}

// record records the outcome chosen, with what was written for the letter.
func (d *assessmentOutcomeDialog) record() error {
	return d.s.Services.Referrals.RecordAssessment(d.s.Actor, d.referral.ID, d.referral.Version, app.AssessmentRecord{
		Outcome: d.outcome(),
		Clinical: models.ClinicalContent{
			Summary: d.Summary.Text, Plan: d.Plan.Text, MedicationAdvice: d.Medication.Text, GPActions: d.GPActions.Text,
		},
	})
}

// recorded lets the referral be read again, and after "medical review
// needed" offers to book the review to those who book appointments, and
// tells anyone else who will.
func (d *assessmentOutcomeDialog) recorded() {
	if d.onDone != nil {
		d.onDone()
	}
	if d.outcome() != models.OutcomeMedicalReview {
		return
	}
	if !models.Allows(d.s.Actor.RoleSet(), models.PermManageAppointments) {
		dialog.ShowInformation("Book the medical review",
			"Ask a team administrator to book her medical review: it is on her referral as \"Medical review\", and the administrator books it there.", d.s.Window)
		return
	}
	d.BookReview = dialog.NewConfirm("Book the medical review", "Book her medical review now?", func(yes bool) {
		d.BookReview = nil
		if yes {
			d.Booking = showBookAppointmentDialog(d.s, d.referral, models.KindMedicalReview, d.onDone)
		}
	}, d.s.Window)
	d.BookReview.SetConfirmText("Book it")
	d.BookReview.SetDismissText("Later")
	d.BookReview.Show()
}
