package views

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// attendanceCodes are the MHSDS codes offered for recording attendance,
// in the order of the data set's own list.
var attendanceCodes = []models.Attendance{
	models.AttendOnTime, models.AttendLateSeen, models.AttendLateNotSeen, models.AttendDNA,
	models.AttendCancelledByPatient, models.AttendCancelledByService, models.AttendFuture,
}

// cancellationCodes are the MHSDS codes for a cancellation: by the
// woman, or by the service.
var cancellationCodes = []models.Attendance{models.AttendCancelledByPatient, models.AttendCancelledByService}

// isCancellation reports whether code records a cancellation.
func isCancellation(code models.Attendance) bool {
	return code == models.AttendCancelledByPatient || code == models.AttendCancelledByService
}

// attendanceDialog records what happened at an appointment, as an MHSDS
// attendance code shown with its meaning. A cancellation asks who
// cancelled and why, and is saved as a cancellation (which the service
// allows only before the appointment is held). A missed appointment makes
// a follow-up task for her key worker, or the clinician.
type attendanceDialog struct {
	*formDialog
	Code *widgets.Choice
	// Problem, under the choice, refuses a choice that cannot be true yet
	// (attended or missed before the appointment starts) as it is made.
	Problem     *widget.Label
	CancelledBy *widgets.FormEntry
	Reason      *widgets.FormEntry

	// Note asks for the contact note of an appointment recorded as held.
	Note *contactDialog

	s    *session
	appt models.Appointment
	// cancelRows are the labels and boxes of the cancellation's fields.
	cancelRows []fyne.CanvasObject
}

// showAttendanceDialog offers codes for appointment a; onDone runs after a
// code is saved. After a missed appointment it says where the follow-up
// task went.
func showAttendanceDialog(s *session, a models.Appointment, codes []models.Attendance, title string, onDone func()) *attendanceDialog {
	d := &attendanceDialog{s: s, appt: a}
	texts := make([]string, len(codes))
	for i, c := range codes {
		texts[i] = string(c)
	}
	d.CancelledBy = widgets.NewFormEntry(d.submit)
	d.CancelledBy.SetPlaceHolder("For example: the woman, by telephone")
	d.Reason = widgets.NewFormTextArea(d.submit, 2)
	d.Reason.SetPlaceHolder("Why the appointment was cancelled")
	d.Code = widgets.NewChoice(texts, func(c string) string { return attendanceText(models.Attendance(c)) }, "Choose what happened", d.codeChanged)
	d.Problem = messageLabel("")
	label := func(text string) fyne.CanvasObject {
		return widget.NewLabelWithStyle(text, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	}
	d.cancelRows = []fyne.CanvasObject{label("Cancelled by"), d.CancelledBy, label("Cancellation reason"), d.Reason}
	form := container.New(layout.NewFormLayout(), append([]fyne.CanvasObject{
		label("Appointment"), widget.NewLabel(a.Kind.Label() + ", " + whenText(a.StartsAt, a.DurationMinutes)),
		label("What happened"), d.Code.Select, layout.NewSpacer(), d.Problem}, d.cancelRows...)...)
	switch {
	case a.Attendance != models.AttendFuture && !isCancellation(a.Attendance):
		d.Code.SetCode(string(a.Attendance)) // correcting what was recorded
	case isCancellation(codes[0]):
		d.Code.SetCode(string(codes[0])) // Cancel: by the woman, unless changed
	}
	d.formDialog = newFormDialog(title, "Save", 560, form, s.Window, d.save, func() {
		if onDone != nil {
			onDone()
		}
		d.Note = askForContactNote(s, a, models.Attendance(d.Code.Code()), onDone)
		if models.Attendance(d.Code.Code()).Missed() {
			// Shown last: closing a dialog also closes any shown above it.
			dialog.ShowInformation("Follow-up task made",
				"A task to rebook her, or decide to discharge, is on the Dashboard of her key worker (or of the clinician, if she has no key worker yet).", s.Window)
		}
	})
	d.codeChanged()
	d.Show()
	return d
}

// submit saves from the keyboard (Ctrl+S), as the Save button does.
func (d *attendanceDialog) submit() { d.Submit() }

// codeChanged asks who cancelled and why only for a cancellation, and
// refuses at once, under the choice, attendance for an appointment that
// has not started: Save stays off until the choice can be true.
func (d *attendanceDialog) codeChanged() {
	code := models.Attendance(d.Code.Code())
	show := isCancellation(code)
	for _, o := range d.cancelRows {
		showIf(o, show)
	}
	if d.formDialog == nil {
		return // still being built
	}
	err := models.CheckAttendanceTime(code, d.appt.StartsAt, d.s.Services.Clock().Now())
	var fe *models.FieldError
	if errors.As(err, &fe) {
		showMessage(d.Problem, sentence(errors.New(fe.Message)), true)
		d.Action.Disable()
		return
	}
	showMessage(d.Problem, "", false)
	d.Action.Enable()
}

// save saves the code chosen: a cancellation as a cancellation, with who
// cancelled and why.
func (d *attendanceDialog) save() error {
	code := models.Attendance(d.Code.Code())
	svc, a := d.s.Services.Appointments, d.appt
	if isCancellation(code) {
		return svc.Cancel(d.s.Actor, a.ID, a.Version, code == models.AttendCancelledByPatient, d.CancelledBy.Text, d.Reason.Text)
	}
	return svc.RecordAttendance(d.s.Actor, a.ID, a.Version, code, "", "")
}

// rescheduleDialog moves an appointment still to come to a new date and
// time, typed in UK time. A time the service cannot read is refused,
// naming the field; a clash with the clinician's diary asks first.
type rescheduleDialog struct {
	*formDialog
	doubleBooking
	Date *widgets.FormEntry
	Time *widgets.FormEntry

	s    *session
	appt models.Appointment
}

// showRescheduleDialog offers to move appointment a; onDone runs once it
// has moved.
func showRescheduleDialog(s *session, a models.Appointment, onDone func()) *rescheduleDialog {
	d := &rescheduleDialog{s: s, appt: a}
	start := a.StartsAt.In(models.London)
	d.Date = widgets.NewFormEntry(d.submit)
	d.Date.SetText(start.Format("02/01/2006"))
	d.Time = widgets.NewFormEntry(d.submit)
	d.Time.SetText(start.Format("15:04"))
	form := widget.NewForm(
		widget.NewFormItem("Now", widget.NewLabel(whenText(a.StartsAt, a.DurationMinutes)+" with "+a.Clinician.Name)),
		hinted("New date", d.Date, "DD/MM/YYYY, UK time"),
		hinted("New time", d.Time, "14:30, or 2.30pm"),
	)
	d.formDialog = newFormDialog("Reschedule the appointment", "Move", 520, form, s.Window, d.move, onDone)
	d.Show()
	return d
}

// submit moves from the keyboard (Ctrl+S), as the Move button does.
func (d *rescheduleDialog) submit() { d.Submit() }

// move moves the appointment, asking first if it double-books the clinician.
func (d *rescheduleDialog) move() error {
	date, clock := d.Date.Text, d.Time.Text
	return d.ask(d.formDialog, d.s.Window, func(confirm bool) error {
		return d.s.Services.Appointments.Reschedule(d.s.Actor, d.appt.ID, d.appt.Version, date, clock, confirm)
	})
}
