package views

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// referralAppointmentTable lays out an open referral's appointments. The
// time, kind and mode are as wide as their longest text, so none is cut short.
func referralAppointmentTable() *widgets.Table {
	return widgets.NewTable([]widgets.Column{
		{Title: "When", Sample: "Wed 00/00/0000 00:00–00:00"}, {Title: "Kind", Sample: "Initial assessment"},
		{Title: "Held by", Sample: models.ModeVideo.Label()}, {Title: "Clinician", Weight: 1},
		{Title: "Attendance", Weight: 1.3},
	})
}

// referralAppointments is the part of an open referral about her
// appointments: where she stands against the waiting-time targets, her
// appointments with "Details…" for each, and the buttons to book the
// initial assessment (once accepted), book another appointment, and record
// the assessment outcome (once the assessment is booked). It is a widget
// so that tests can find it in the referral's detail.
type referralAppointments struct {
	widget.BaseWidget
	// AssessmentClock and LetterClock say where the two clocks stand.
	AssessmentClock *widget.Label
	LetterClock     *widget.Label
	// Message says why the appointments could not be read, or that there are none.
	Message        *widget.Label
	BookAssessment *widget.Button
	BookOther      *widget.Button
	RecordOutcome  *widget.Button
	Appointments   []models.Appointment
	// Details holds each appointment's Details… button, in list order.
	Details []*widget.Button
	// The dialogs opened from here last, while they are on show.
	Booking *bookAppointmentDialog
	Outcome *assessmentOutcomeDialog
	Panel   *appointmentPanel

	s       *session
	r       *models.Referral
	reopen  func()
	header  *fyne.Container
	rows    *fyne.Container
	content fyne.CanvasObject
}

// appointmentActions builds the appointments panel of referral r; reopen
// reads the referral again after a change.
func appointmentActions(s *session, r *models.Referral, reopen func()) fyne.CanvasObject {
	return newReferralAppointments(s, r, reopen)
}

// newReferralAppointments builds the panel and reads her appointments and
// clocks off the UI goroutine.
func newReferralAppointments(s *session, r *models.Referral, reopen func()) *referralAppointments {
	a := &referralAppointments{s: s, r: r, reopen: reopen}
	a.ExtendBaseWidget(a)
	a.AssessmentClock = paragraph("")
	a.LetterClock = paragraph("")
	a.Message = messageLabel("Reading her appointments…")
	a.BookAssessment = widget.NewButtonWithIcon("Book initial assessment…", theme.ContentAddIcon(), func() {
		a.Booking = showBookAppointmentDialog(s, r, models.KindInitialAssessment, reopen)
	})
	a.BookAssessment.Importance = widget.HighImportance
	a.BookOther = widget.NewButtonWithIcon("Book appointment…", theme.ContentAddIcon(), func() {
		a.Booking = showBookAppointmentDialog(s, r, nextKind(r.Status), reopen)
	})
	a.RecordOutcome = widget.NewButtonWithIcon("Record outcome…", theme.DocumentCreateIcon(), func() {
		a.Outcome = showAssessmentOutcomeDialog(s, r, reopen)
	})
	a.RecordOutcome.Importance = widget.HighImportance
	showIf(a.BookAssessment, r.Status == models.StatusAccepted)
	showIf(a.BookOther, r.Status.Open() && r.Status != models.StatusReceived && r.Status != models.StatusDiscuss)
	showIf(a.RecordOutcome, r.Status == models.StatusAssessmentBooked)

	cols := referralAppointmentTable()
	a.rows = container.NewVBox()
	room := canvas.NewRectangle(color.Transparent) // keeps the header over the rows' columns
	room.SetMinSize(widget.NewButton("Details…", nil).MinSize())
	a.header = container.NewBorder(nil, nil, nil, room, cols.Header())
	a.header.Hide()
	a.content = section("Appointments and waiting times", container.NewVBox(
		a.AssessmentClock, a.LetterClock, widget.NewSeparator(), a.header, a.rows, a.Message,
		container.NewHBox(a.BookAssessment, a.BookOther, a.RecordOutcome),
		notPermitted(s, onlyWith(models.PermManageAppointments, a.BookAssessment, a.BookOther),
			onlyWith(models.PermAssessmentOutcome, a.RecordOutcome))))
	a.load(cols)
	return a
}

// CreateRenderer shows the panel.
func (a *referralAppointments) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(a.content)
}

// load reads her appointments and clocks, and shows them.
func (a *referralAppointments) load(cols *widgets.Table) {
	a.s.Background.Go(func() func() {
		appts, err := a.s.Services.Appointments.ForReferral(a.s.Actor, a.r.ID)
		var clocks *app.ReferralClocks
		if err == nil {
			clocks, err = a.s.Services.Clocks.ForReferral(a.s.Actor, a.r.ID)
		}
		return func() {
			if err != nil {
				showMessage(a.Message, "Her appointments could not be read. "+sentence(err), true)
				return
			}
			a.Appointments = appts
			a.showClocks(clocks)
			a.showRows(cols)
		}
	})
}

// showRows lists her appointments, each with Details….
func (a *referralAppointments) showRows(cols *widgets.Table) {
	a.rows.RemoveAll()
	a.Details = nil
	who := a.r.Patient.FullName() + " · NHS number " + orNotStated(a.r.Patient.NHSNumberText())
	for _, appt := range a.Appointments {
		row := cols.Row()
		widgets.SetRowText(row, whenText(appt.StartsAt, appt.DurationMinutes), appt.Kind.Label(), appt.Mode.Label(),
			appt.Clinician.Name, appt.Attendance.Label())
		if appt.Attendance.Missed() {
			widgets.RowCell(row, 4).Importance = widget.DangerImportance
		}
		details := widget.NewButton("Details…", func() {
			a.Panel = showAppointmentPanel(a.s, appt, who, a.reopen, nil)
		})
		a.Details = append(a.Details, details)
		a.rows.Add(container.NewBorder(nil, nil, nil, details, row))
	}
	showIf(a.header, len(a.Appointments) > 0)
	if len(a.Appointments) == 0 {
		showMessage(a.Message, "No appointments yet.", false)
	} else {
		showMessage(a.Message, "", false)
	}
}

// showClocks says where she stands against the assessment and outcome-letter targets.
func (a *referralAppointments) showClocks(c *app.ReferralClocks) {
	text, problem := "Assessment: no assessment is expected.", false
	if c.Assessment != nil {
		text, problem = clockText("Assessment", *c.Assessment, "target "+c.AssessmentTarget+" from referral", "held")
	}
	showMessage(a.AssessmentClock, text, problem)
	text, problem = "Outcome letter: none is owed.", false
	if c.OutcomeLetter != nil {
		text, problem = clockText("Outcome letter", *c.OutcomeLetter, "from acceptance", "issued")
	}
	showMessage(a.LetterClock, text, problem)
}

// clockText says where a waiting-time clock stands, in words; problem is
// true when it is overdue or was missed.
func clockText(name string, c models.WaitClock, target, stopped string) (text string, problem bool) {
	switch c.State {
	case models.ClockNotStarted:
		return name + ": the clock starts when the referral is accepted.", false
	case models.ClockRunning, models.ClockOverdue:
		return fmt.Sprintf("%s: due by %s (%s) · day %d · %s.", name, c.Due.UK(), target, c.Days, daysLeftText(c.DaysLeft)), c.State == models.ClockOverdue
	case models.ClockMet:
		return fmt.Sprintf("%s: %s on %s, day %d · within target (due by %s).", name, stopped, c.Stopped.UK(), c.Days, c.Due.UK()), false
	}
	return fmt.Sprintf("%s: %s on %s, day %d · after the target (due by %s).", name, stopped, c.Stopped.UK(), c.Days, c.Due.UK()), true
}

// nextKind is the kind of appointment most likely booked next at status s.
func nextKind(s models.Status) models.AppointmentKind {
	switch s {
	case models.StatusMedicalReview:
		return models.KindMedicalReview
	case models.StatusCaseload:
		return models.KindKeyWorkerContact
	}
	return ""
}

// showIf shows o when show is true, and hides it otherwise.
func showIf(o fyne.CanvasObject, show bool) {
	if show {
		o.Show()
	} else {
		o.Hide()
	}
}
