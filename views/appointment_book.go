package views

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// appointmentDurations are the lengths offered, in minutes.
var appointmentDurations = []int{15, 30, 45, 60, 90, 120}

// defaultDuration is the length chosen at first, in minutes.
const defaultDuration = 60

// bookAppointmentDialog books an appointment for a referral: the kind, the
// clinician (those with the clinician role for assessments and reviews,
// key workers for key-worker contacts), the date and time in UK time, the
// length, how it is held (Attend Anywhere video at first for an initial
// assessment, with the service's link shown; for face to face, at which of
// the team's bases) and notes. The service reads
// the date and time: one it cannot read is refused, naming the field, and
// nothing is saved. If the clinician is already booked then, it asks
// "Book anyway?" before booking.
type bookAppointmentDialog struct {
	*formDialog
	doubleBooking
	Kind      *widgets.Choice
	Clinician *widget.Select
	Date      *widgets.FormEntry
	Time      *widgets.FormEntry
	Duration  *widget.Select
	Mode      *widgets.Choice
	// Link shows the Attend Anywhere link a video appointment carries.
	Link *widget.Label
	// Base chooses where a face-to-face appointment is held, from the
	// team's bases in Settings; it shows for face to face only.
	Base  *widget.Select
	Notes *widgets.FormEntry
	// Week is the clinician's week, with free slots to pick from.
	Week *bookingWeek
	// Clash says, before saving, that the date and time typed would
	// double-book the clinician.
	Clash *widget.Label

	s         *session
	referral  *models.Referral
	clinician []models.StaffMember // the people Clinician offers, in order
	bases     []models.Base        // the bases Base offers, in order
	place     fyne.CanvasObject    // Base with its label
}

// showBookAppointmentDialog shows the booking dialog for referral r over
// the session's window, with kind chosen ("" to let the person choose).
// onBooked (if set) runs once the appointment is saved.
func showBookAppointmentDialog(s *session, r *models.Referral, kind models.AppointmentKind, onBooked func()) *bookAppointmentDialog {
	d := &bookAppointmentDialog{s: s, referral: r}
	d.Kind = widgets.NewChoice(kindCodes(), func(c string) string { return models.AppointmentKind(c).Label() }, "Choose the kind", d.kindChanged)
	d.Week = newBookingWeek(s, d.slotPicked, d.datePicked, d.checkClash)
	d.Clash = messageLabel("")
	d.Clinician = widget.NewSelect(nil, func(string) { d.weekChanged() })
	d.Clinician.PlaceHolder = "Choose who holds it"
	d.Date = widgets.NewFormEntry(d.submit)
	d.Date.SetPlaceHolder("DD/MM/YYYY")
	d.Date.OnChanged = func(string) { d.dateTyped() }
	d.Time = widgets.NewFormEntry(d.submit)
	d.Time.SetPlaceHolder("HH:MM, 24-hour clock")
	d.Time.OnChanged = func(string) { d.checkClash() }
	d.Duration = widget.NewSelect(durationLabels(), func(string) { d.weekChanged() })
	d.Duration.SetSelected(durationLabel(defaultDuration))
	d.Mode = widgets.NewChoice(modeCodes(), func(c string) string { return models.Mode(c).Label() }, "Choose how it is held", d.modeChanged)
	d.Link = paragraph("")
	d.bases = s.Services.Settings.Bases()
	var baseNames []string
	for _, b := range d.bases {
		baseNames = append(baseNames, b.Name)
	}
	d.Base = widget.NewSelect(baseNames, nil)
	d.Base.SetSelectedIndex(0)
	d.place = container.NewBorder(nil, nil, widget.NewLabel("At"), nil, d.Base)
	d.Notes = widgets.NewFormTextArea(d.submit, 3)
	who := widget.NewLabelWithStyle(r.Patient.FullName()+" · NHS number "+orNotStated(r.Patient.NHSNumberText()),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	form := widget.NewForm(
		widget.NewFormItem("For", who),
		widget.NewFormItem("Kind", d.Kind.Select),
		widget.NewFormItem("Clinician", d.Clinician),
		hinted("Date", d.Date, "DD/MM/YYYY, UK time"),
		hinted("Time", d.Time, "14:30, or 2.30pm; or pick a free time in the week beside"),
		widget.NewFormItem("Length", d.Duration),
		widget.NewFormItem("", d.Clash),
		widget.NewFormItem("Held by", d.Mode.Select),
		widget.NewFormItem("", container.NewVBox(d.Link, d.place)),
		widget.NewFormItem("Notes", d.Notes),
	)
	diary := widget.NewCard("", "", container.NewBorder(subheading("The clinician's week"), nil, nil, nil, d.Week.Content()))
	d.formDialog = newFormDialog("Book an appointment", "Book", 940, container.NewGridWithColumns(2, form, diary), s.Window, d.book, onBooked)
	d.Kind.SetCode(string(kind))
	if kind == "" {
		d.kindChanged()
	}
	d.modeChanged()
	d.ShowFocused(d.Date)
	return d
}

// Form returns the booking as entered.
func (d *bookAppointmentDialog) Form() app.AppointmentForm {
	f := app.AppointmentForm{
		ReferralID: d.referral.ID, Kind: models.AppointmentKind(d.Kind.Code()), Mode: models.Mode(d.Mode.Code()),
		Date: d.Date.Text, Time: d.Time.Text, Notes: d.Notes.Text,
	}
	if i := d.Clinician.SelectedIndex(); i >= 0 && i < len(d.clinician) {
		f.ClinicianID = d.clinician[i].ID
	}
	if i := d.Duration.SelectedIndex(); i >= 0 {
		f.DurationMinutes = appointmentDurations[i]
	}
	if i := d.Base.SelectedIndex(); f.Mode == models.ModeFaceToFace && i >= 0 && i < len(d.bases) {
		f.Venue = d.bases[i].Venue()
	}
	return f
}

// submit books from the keyboard (Ctrl+S), as the Book button does.
func (d *bookAppointmentDialog) submit() { d.Submit() }

// book books the appointment, asking first if it double-books the clinician.
func (d *bookAppointmentDialog) book() error {
	f := d.Form()
	err := d.ask(d.formDialog, d.s.Window, func(confirm bool) error {
		_, err := d.s.Services.Appointments.BookForm(d.s.Actor, f, confirm)
		return err
	})
	d.focusFieldAtFault(err)
	return err
}

// focusFieldAtFault puts the keyboard in the date or time if the service
// named it first.
func (d *bookAppointmentDialog) focusFieldAtFault(err error) {
	var v *models.FieldError
	if d.s.Window == nil || !errors.As(err, &v) {
		return
	}
	switch v.Field {
	case models.FieldDate:
		d.s.Window.Canvas().Focus(d.Date)
	case models.FieldTime:
		d.s.Window.Canvas().Focus(d.Time)
	}
}

// weekChanged shows the chosen clinician's week, with free slots of the
// chosen length.
func (d *bookAppointmentDialog) weekChanged() {
	if d.Week == nil || d.Duration == nil {
		return // still being built
	}
	var id uint
	if i := d.Clinician.SelectedIndex(); i >= 0 && i < len(d.clinician) {
		id = d.clinician[i].ID
	}
	d.Week.SetClinician(id, d.length())
	d.checkClash()
}

// length is the length chosen, in minutes.
func (d *bookAppointmentDialog) length() int {
	if i := d.Duration.SelectedIndex(); i >= 0 {
		return appointmentDurations[i]
	}
	return defaultDuration
}

// slotPicked fills in the date and time of a free slot picked in the week.
func (d *bookAppointmentDialog) slotPicked(t time.Time) {
	uk := t.In(models.London)
	d.Date.SetText(uk.Format("02/01/2006"))
	d.Time.SetText(uk.Format("15:04"))
}

// datePicked fills in a date chosen on the calendar.
func (d *bookAppointmentDialog) datePicked(day models.Date) { d.Date.SetText(day.UK()) }

// dateTyped shows the week of the date typed, and checks it for a clash.
func (d *bookAppointmentDialog) dateTyped() {
	if day, err := models.ParseUKDate(strings.TrimSpace(d.Date.Text)); err == nil && d.Week != nil && !d.Week.Covers(day) {
		d.Week.Show(day) // checks again once read
		return
	}
	d.checkClash()
}

// checkClash says, before anything is saved, when the date and time typed
// would double-book the clinician in the week on show.
func (d *bookAppointmentDialog) checkClash() {
	if d.Clash == nil || d.Week == nil || d.Date == nil || d.Time == nil || d.Duration == nil {
		return // still being built
	}
	start, err := models.ParseUKDateTime(d.Date.Text, d.Time.Text)
	if err != nil {
		showMessage(d.Clash, "", false)
		return
	}
	clashes := d.Week.Clashes(start, time.Duration(d.length())*time.Minute)
	if len(clashes) == 0 {
		showMessage(d.Clash, "", false)
		return
	}
	times := make([]string, len(clashes))
	for i, e := range clashes {
		times[i] = e.Start().Format("15:04") + "–" + e.End().Format("15:04")
	}
	d.Clash.Importance = widget.WarningImportance
	d.Clash.SetText("Already booked then (" + strings.Join(times, ", ") + "): this would double-book them. Pick a free time, or Book will ask you to confirm.")
	d.Clash.Show()
}

// kindChanged offers the people who hold that kind of appointment, and
// starts an initial assessment on Attend Anywhere video.
func (d *bookAppointmentDialog) kindChanged() {
	if d.Mode == nil {
		return // still being built
	}
	kind := models.AppointmentKind(d.Kind.Code())
	role := models.RoleClinician
	if kind == models.KindKeyWorkerContact {
		role = models.RoleKeyWorker
	}
	chosen := d.Clinician.Selected
	staff, err := d.s.Services.Staff.WithRole(role)
	if err != nil {
		showMessage(d.Message, "The list of staff could not be read. "+sentence(err), true)
	}
	d.clinician = staff
	options := make([]string, len(staff))
	for i, m := range staff {
		options[i] = staffLabel(m)
	}
	d.Clinician.SetOptions(options)
	switch {
	case indexOf(options, chosen) >= 0:
		d.Clinician.SetSelected(chosen)
	case len(options) == 1:
		d.Clinician.SetSelectedIndex(0)
	default:
		d.Clinician.ClearSelected()
	}
	if kind == models.KindInitialAssessment && d.Mode.Code() == "" {
		d.Mode.SetCode(string(models.ModeVideo))
	}
}

// modeChanged shows the Attend Anywhere link for a video appointment, and
// the choice of base for a face-to-face one.
func (d *bookAppointmentDialog) modeChanged() {
	if d.Link == nil || d.place == nil {
		return // still being built
	}
	mode := models.Mode(d.Mode.Code())
	showVideoLink(d.Link, d.s.Services, mode)
	if mode == models.ModeFaceToFace {
		d.place.Show()
	} else {
		d.place.Hide()
	}
}

// showVideoLink shows in l the link a video appointment will carry, or
// hides l for any other mode.
func showVideoLink(l *widget.Label, svc *app.Services, mode models.Mode) {
	if mode != models.ModeVideo {
		l.Hide()
		return
	}
	l.Importance = widget.MediumImportance
	link := strings.TrimSpace(svc.Settings.Get(app.SetAttendAnywhereLink))
	if link == "" {
		l.Importance = widget.WarningImportance
		l.SetText("No Attend Anywhere link is set: an administrator can add it on the Settings screen.")
	} else {
		l.SetText("Attend Anywhere waiting area: " + link)
	}
	l.Show()
}

// doubleBooking asks "Book anyway?" when a booking or a move would put
// the clinician in two places at once.
type doubleBooking struct {
	// Confirm is the "Book anyway?" question while it is on show.
	Confirm *dialog.ConfirmDialog
}

// ask runs book without confirming a double booking. If the clinician is
// already booked then, it asks "Book anyway?" and returns errAsking; on
// Yes it runs book again confirming it, and finishes (or fails) fd.
func (b *doubleBooking) ask(fd *formDialog, win fyne.Window, book func(confirm bool) error) error {
	err := book(false)
	var clash *app.DoubleBookingError
	if !errors.As(err, &clash) {
		return err
	}
	showMessage(fd.Message, "", false) // earlier problems are put right
	b.Confirm = dialog.NewConfirm("Double booking", sentence(clash), func(yes bool) {
		b.Confirm = nil
		if !yes {
			showMessage(fd.Message, "Nothing was booked. Choose another time, or another clinician.", false)
			return
		}
		if err := book(true); err != nil {
			fd.Fail(err)
			return
		}
		fd.Finish()
	}, win)
	b.Confirm.SetConfirmText("Book anyway")
	b.Confirm.SetDismissText("Choose another time")
	b.Confirm.Show()
	return errAsking
}

// staffLabel names a member of staff with their job title.
func staffLabel(m models.StaffMember) string {
	if strings.TrimSpace(m.JobTitle) == "" {
		return m.Name
	}
	return m.Name + " (" + m.JobTitle + ")"
}

func kindCodes() []string {
	out := make([]string, len(models.AppointmentKinds))
	for i, k := range models.AppointmentKinds {
		out[i] = string(k)
	}
	return out
}

func modeCodes() []string {
	out := make([]string, len(models.Modes))
	for i, m := range models.Modes {
		out[i] = string(m)
	}
	return out
}

func durationLabel(minutes int) string { return fmt.Sprintf("%d minutes", minutes) }

func durationLabels() []string {
	out := make([]string, len(appointmentDurations))
	for i, m := range appointmentDurations {
		out[i] = durationLabel(m)
	}
	return out
}
