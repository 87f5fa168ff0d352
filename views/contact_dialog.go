package views

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// contactDialog records a contact with or about a woman, or edits one not
// yet signed: when it began (UK date and time), how (the MHSDS
// consultation mechanism), for how long, who was there, what happened
// (the MHSDS attendance code) and the note. "Save" keeps the note open to
// editing; "Save and sign" locks it. A contact that records an
// appointment takes its attendance from the appointment.
type contactDialog struct {
	*formDialog
	Date     *widgets.FormEntry
	Time     *widgets.FormEntry
	Mode     *widgets.Choice
	Duration *widgets.FormEntry
	// Present has one box per party, in the order of models.ContactParties.
	Present    []*widget.Check
	Attendance *widgets.Choice
	Note       *widgets.FormEntry
	// SaveAndSign saves the note and signs it.
	SaveAndSign *widget.Button

	s          *session
	referralID uint
	editing    *models.Contact // nil for a new contact
	sign       bool
}

// contactCodes are the attendance codes a contact can record, the
// appointment's codes less "not yet held".
var contactCodes = attendanceCodes[:len(attendanceCodes)-1]

// showContactDialog offers a new contact for referral referralID, or, with
// c, the unsigned contact c to edit. title heads the dialog; onDone runs
// once it is saved.
func showContactDialog(s *session, referralID uint, c *models.Contact, title string, onDone func()) *contactDialog {
	d := &contactDialog{s: s, referralID: referralID, editing: c}
	submit := func() { d.Submit() }
	d.Date = widgets.NewHintedFormEntry("DD/MM/YYYY", submit)
	d.Time = widgets.NewHintedFormEntry("14:30", submit)
	d.Mode = widgets.NewChoice(codesOf(models.Modes), func(c string) string {
		m := models.Mode(c)
		return m.Label() + " (MHSDS " + m.MHSDSConsultationCode() + ")"
	}, "Choose how", nil)
	d.Duration = widgets.NewHintedFormEntry("minutes", submit)
	boxes := make([]fyne.CanvasObject, len(models.ContactParties))
	for i, p := range models.ContactParties {
		d.Present = append(d.Present, widget.NewCheck(p.Label(), nil))
		boxes[i] = d.Present[i]
	}
	d.Attendance = widgets.NewChoice(codesOf(contactCodes), func(c string) string { return attendanceText(models.Attendance(c)) }, "Choose what happened", nil)
	d.Note = widgets.NewHintedFormTextArea("How she is, what was done, and the plan", submit, 8)
	now := s.Services.Clock().Now()
	e := app.ContactEntry{At: now, Mode: models.ModeTelephone, DurationMinutes: 30, Attendance: models.AttendOnTime, Present: []models.ContactParty{models.PartyWoman}}
	if c != nil {
		e = app.EntryOf(c)
	}
	d.fill(e)
	form := widget.NewForm(
		required("Date", d.Date), required("Time (UK)", d.Time), required("Mode", d.Mode.Select),
		required("Duration (minutes)", d.Duration), widget.NewFormItem("Who was there", container.NewGridWithColumns(3, boxes...)),
		required("What happened", d.Attendance.Select), widget.NewFormItem("Note", d.Note),
	)
	if c != nil && c.AppointmentID != nil {
		d.Attendance.Select.Disable() // recorded on the appointment
	}
	d.formDialog = newFormDialog(title, "Save", 680, form, s.Window, d.save, onDone)
	d.SaveAndSign = widget.NewButtonWithIcon("Save and sign", theme.DocumentCreateIcon(), func() {
		d.sign = true
		d.Submit()
		d.sign = false
	})
	d.Action.Importance = widget.MediumImportance
	d.SaveAndSign.Importance = widget.HighImportance
	d.Dialog.SetButtons([]fyne.CanvasObject{d.Cancel, d.Action, d.SaveAndSign})
	d.Note.OnSave = submit
	d.ShowFocused(d.Note)
	return d
}

// fill puts e in the form.
func (d *contactDialog) fill(e app.ContactEntry) {
	at := e.At.In(models.London)
	d.Date.SetText(at.Format("02/01/2006"))
	d.Time.SetText(at.Format("15:04"))
	d.Mode.SetCode(string(e.Mode))
	d.Duration.SetText(strconv.Itoa(e.DurationMinutes))
	for i, p := range models.ContactParties {
		d.Present[i].SetChecked(slices.Contains(e.Present, p))
	}
	d.Attendance.SetCode(string(e.Attendance))
	d.Note.SetText(e.Note)
}

// entry reads the form.
func (d *contactDialog) entry() (app.ContactEntry, error) {
	at, err := models.ParseUKDateTime(d.Date.Text, d.Time.Text)
	if err != nil {
		return app.ContactEntry{}, err
	}
	minutes, err := strconv.Atoi(strings.TrimSpace(d.Duration.Text))
	if err != nil {
		return app.ContactEntry{}, fieldProblem(models.FieldContactDuration, "enter the length of the contact in minutes, such as 45")
	}
	var present []models.ContactParty
	for i, p := range models.ContactParties {
		if d.Present[i].Checked {
			present = append(present, p)
		}
	}
	return app.ContactEntry{At: at, Mode: models.Mode(d.Mode.Code()), DurationMinutes: minutes, Present: present,
		Attendance: models.Attendance(d.Attendance.Code()), Note: d.Note.Text, Sign: d.sign}, nil
}

// save asks the service to record the contact, or change it.
func (d *contactDialog) save() error {
	e, err := d.entry()
	if err != nil {
		return err
	}
	if d.editing == nil {
		_, err = d.s.Services.Contacts.Record(d.s.Actor, d.referralID, e)
		return err
	}
	_, err = d.s.Services.Contacts.Update(d.s.Actor, d.editing.ID, d.editing.Version, e)
	return err
}

// codesOf returns coded values as strings, for a widgets.Choice.
func codesOf[T ~string](list []T) []string {
	out := make([]string, len(list))
	for i, x := range list {
		out[i] = string(x)
	}
	return out
}

// askForContactNote follows the recording of appointment a's attendance
// as held: the person who recorded it, when they write its note, is asked
// for it in the contact dialog, filled in from the appointment (its time,
// mode and length). onDone runs once the note is saved. Nothing is asked
// for an appointment missed or cancelled, or of someone who is not the
// note's author (an administrator recording a clinic's attendance).
func askForContactNote(s *session, a models.Appointment, code models.Attendance, onDone func()) *contactDialog {
	if !code.Held() || s.Actor == nil || !models.Allows(s.Actor.RoleSet(), models.PermUpdateCaseload) {
		return nil
	}
	c, err := s.Services.Contacts.ForAppointment(s.Actor, a.ID)
	if errors.Is(err, app.ErrNotFound) || (err == nil && (c.AuthorID != s.Actor.ID || c.Signed())) {
		return nil
	}
	if err != nil {
		dialog.ShowError(errors.New(sentence(err)), s.Window)
		return nil
	}
	return showContactDialog(s, a.ReferralID, c, "Contact note: "+strings.ToLower(a.Kind.Label()), onDone)
}

// attendanceGated returns the controls of appointment a that need the
// permission to book and change appointments: all of them, less record
// (recording its attendance) when the person signed in held it and may
// update caseloads, as the service allows (the key worker who saw her
// records that she came).
func attendanceGated(s *session, a models.Appointment, record fyne.Disableable, others ...fyne.Disableable) []fyne.Disableable {
	if s.Actor != nil && a.ClinicianID == s.Actor.ID && models.Allows(s.Actor.RoleSet(), models.PermUpdateCaseload) {
		return others
	}
	return append([]fyne.Disableable{record}, others...)
}
