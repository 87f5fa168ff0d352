package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// appointmentPanel shows one appointment in full, in a dialog, with what
// can be done to it: record attendance with the MHSDS codes, reschedule
// or cancel it while it is still to come, and save its calendar invitation
// (.ics) for the clinician's calendar. The services check who may do each.
type appointmentPanel struct {
	RecordAttendance *widget.Button
	Reschedule       *widget.Button
	Cancel           *widget.Button
	ExportICS        *widget.Button
	// OpenReferral shows her referral; it is only offered away from it.
	OpenReferral *widget.Button
	// Message says what happened to an export, or why it failed.
	Message *widget.Label
	// Attendance and Rescheduling are the dialogs opened from the panel,
	// while they are on show.
	Attendance   *attendanceDialog
	Rescheduling *rescheduleDialog
	// SaveFile writes the calendar file; a file dialog by default.
	SaveFile widgets.SaveFileFunc

	s         *session
	appt      models.Appointment
	onChanged func()
	dialog    *dialog.CustomDialog
}

// showAppointmentPanel shows appointment a (with its clinician loaded) of
// the woman described by who. A change closes the panel and runs
// onChanged. openReferral, if set, is offered as "Open her referral".
func showAppointmentPanel(s *session, a models.Appointment, who string, onChanged, openReferral func()) *appointmentPanel {
	p := &appointmentPanel{s: s, appt: a, onChanged: onChanged, SaveFile: widgets.SaveWithDialog(s.Window, ".ics")}
	p.Message = messageLabel("")
	p.RecordAttendance = widget.NewButtonWithIcon("Record attendance…", theme.ConfirmIcon(), func() {
		p.Attendance = showAttendanceDialog(s, a, attendanceCodes, "Record attendance", p.changed)
	})
	p.RecordAttendance.Importance = widget.HighImportance
	p.Reschedule = widget.NewButtonWithIcon("Reschedule…", theme.HistoryIcon(), func() {
		p.Rescheduling = showRescheduleDialog(s, a, p.changed)
	})
	p.Cancel = widget.NewButtonWithIcon("Cancel appointment…", theme.CancelIcon(), func() {
		p.Attendance = showAttendanceDialog(s, a, cancellationCodes, "Cancel the appointment", p.changed)
	})
	p.ExportICS = widget.NewButtonWithIcon("Save calendar invitation (.ics)…", theme.DocumentSaveIcon(), p.Export)
	p.OpenReferral = widget.NewButtonWithIcon("Open her referral", theme.NavigateNextIcon(), func() {
		p.dialog.Hide()
		openReferral()
	})
	if openReferral == nil {
		p.OpenReferral.Hide()
	}
	if a.Attendance != models.AttendFuture {
		p.Reschedule.Disable() // it has happened, or was cancelled: book a new one
		p.Cancel.Disable()
	}
	pairs := []string{
		"Woman", who, "Kind", a.Kind.Label(), "Held by", a.Mode.Label(),
		"When", whenText(a.StartsAt, a.DurationMinutes) + " (UK time)", "Clinician", a.Clinician.Name,
	}
	if a.Mode == models.ModeVideo {
		pairs = append(pairs, "Attend Anywhere link", orNotStated(a.VideoLink))
	}
	pairs = append(pairs, "Attendance", attendanceText(a.Attendance))
	if a.CancelledBy != "" || a.CancelReason != "" {
		pairs = append(pairs, "Cancelled by", orNotStated(a.CancelledBy), "Cancellation reason", orNotStated(a.CancelReason))
	}
	pairs = append(pairs, "Notes", orNotStated(a.Notes))
	actions := container.NewGridWithColumns(2, p.RecordAttendance, p.Reschedule, p.Cancel, p.ExportICS)
	allowed := notPermitted(s, onlyWith(models.PermManageAppointments, attendanceGated(s, a, p.RecordAttendance, p.Reschedule, p.Cancel)...))
	body := container.New(widgets.FixedWidth(640), container.NewVBox(facts(pairs...), p.Message, actions, allowed))
	closeButton := widget.NewButtonWithIcon("Close", theme.CancelIcon(), func() { p.dialog.Hide() })
	p.dialog = dialog.NewCustomWithoutButtons(a.Kind.Label(), body, s.Window)
	p.dialog.SetButtons([]fyne.CanvasObject{p.OpenReferral, closeButton})
	p.dialog.Show()
	return p
}

// Hide closes the panel.
func (p *appointmentPanel) Hide() { p.dialog.Hide() }

// changed closes the panel after a change, for the caller to read it again.
func (p *appointmentPanel) changed() {
	p.dialog.Hide()
	if p.onChanged != nil {
		p.onChanged()
	}
}

// Export saves the appointment's calendar invitation. The file holds the
// time in UTC and the Attend Anywhere link, and names the referral number
// but not the woman (see app.AppointmentICS); the export is audited.
func (p *appointmentPanel) Export() {
	data, name, err := p.s.Services.Appointments.ExportICS(p.s.Actor, p.appt.ID)
	if err != nil {
		showMessage(p.Message, "The calendar invitation was not made. "+sentence(err), true)
		return
	}
	p.SaveFile(name, data, func(saved string, err error) {
		if err != nil {
			showMessage(p.Message, sentence(err), true)
			return
		}
		showMessage(p.Message, fmt.Sprintf("Saved the calendar invitation as %s. Open it to add the appointment to the clinician's calendar; it does not name the woman.", saved), false)
	})
}
