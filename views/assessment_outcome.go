package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// assessmentOutcomes are the outcomes offered, in the order shown.
var assessmentOutcomes = []app.AssessmentOutcome{app.OutcomeCaseload, app.OutcomeMedicalReview, app.OutcomeDischarged}

// outcomeLabel says what an outcome means for the woman.
func outcomeLabel(o app.AssessmentOutcome) string {
	switch o {
	case app.OutcomeCaseload:
		return "Open to the caseload: a key worker will be allocated"
	case app.OutcomeMedicalReview:
		return "Medical review needed: book it next"
	case app.OutcomeDischarged:
		return "Discharged with advice and signposting"
	}
	return string(o)
}

// assessmentOutcomeDialog is where a clinician records the outcome of the
// initial assessment, with a note. The outcome moves the referral on, and
// the outcome letter stays due by its date (see app.ClockService). After
// "medical review needed" it offers to book the review.
type assessmentOutcomeDialog struct {
	*formDialog
	Outcome *widget.RadioGroup
	Note    *widgets.FormEntry
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
	labels := make([]string, len(assessmentOutcomes))
	for i, o := range assessmentOutcomes {
		labels[i] = outcomeLabel(o)
	}
	d.Outcome = widget.NewRadioGroup(labels, nil)
	d.Outcome.Required = true
	d.Note = widgets.NewFormTextArea(d.submit, 4)
	d.Note.SetPlaceHolder("What was agreed with her, advice given, services signposted")
	form := widget.NewForm(
		widget.NewFormItem("For", widget.NewLabelWithStyle(r.Patient.FullName()+" · NHS number "+orNotStated(r.Patient.NHSNumberText()),
			fyne.TextAlignLeading, fyne.TextStyle{Bold: true})),
		widget.NewFormItem("Outcome", d.Outcome),
		widget.NewFormItem("Note", d.Note),
	)
	hint := paragraph("Whatever the outcome, her outcome letter is due within the team's target from acceptance: issue it from her referral.")
	hint.Importance = widget.LowImportance
	d.formDialog = newFormDialog("Assessment outcome", "Record outcome", 600, container.NewVBox(form, hint), s.Window, d.record, d.recorded)
	d.Show()
	return d
}

// Choose picks outcome o, as tapping it would.
func (d *assessmentOutcomeDialog) Choose(o app.AssessmentOutcome) {
	d.Outcome.SetSelected(outcomeLabel(o))
}

// submit records from the keyboard (Ctrl+S), as the button does.
func (d *assessmentOutcomeDialog) submit() { d.Submit() }

// outcome returns the outcome chosen, or "" if none.
func (d *assessmentOutcomeDialog) outcome() app.AssessmentOutcome {
	if i := indexOf(d.Outcome.Options, d.Outcome.Selected); i >= 0 {
		return assessmentOutcomes[i]
	}
	return ""
}

// record records the outcome chosen.
func (d *assessmentOutcomeDialog) record() error {
	return d.s.Services.Referrals.RecordOutcome(d.s.Actor, d.referral.ID, d.referral.Version, d.outcome(), d.Note.Text)
}

// recorded lets the referral be read again, and after "medical review
// needed" offers to book the review to those who book appointments, and
// tells anyone else who will.
func (d *assessmentOutcomeDialog) recorded() {
	if d.onDone != nil {
		d.onDone()
	}
	if d.outcome() != app.OutcomeMedicalReview {
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
