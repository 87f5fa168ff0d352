package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// Filter choices meaning "no filter".
const (
	allClinicians = "Whole team"
	allKinds      = "All kinds"
	allModes      = "All ways of holding"
)

// appointmentTable lays out the diary's columns. How it is held shares the
// spare width (cutting "Attend Anywhere video" short in a narrow window)
// so that her name, the widest share, keeps its room beside her badges.
func appointmentTable() *widgets.Table {
	return widgets.NewTable([]widgets.Column{
		{Title: "Time", Sample: "00:00–00:00"},
		{Title: "Woman", Weight: 2}, {Title: "NHS number", Sample: "000 000 0000"},
		{Title: "Kind", Sample: "Initial assessment"}, {Title: "Held by", Weight: 1},
		{Title: "Clinician", Weight: 1}, {Title: "Attendance", Weight: 1.2},
		{Title: "Flags", Sample: "CP plan"},
	})
}

// diaryColSafeguarding is the diary's column of her safeguarding badges.
const diaryColSafeguarding = 7

// diaryRow is one row of the diary: a day's heading, or an appointment.
type diaryRow struct {
	day   models.Date
	entry int // index in Entries; -1 for the day's heading
	empty bool
}

// diaryRows groups entries (in time order) under a heading for each day
// of the week from monday: every weekday, and a weekend day only if it
// has appointments.
func diaryRows(monday models.Date, entries []app.DiaryEntry) []diaryRow {
	var rows []diaryRow
	next := 0
	for i := range 7 {
		day := monday.AddDays(i)
		first := len(rows)
		rows = append(rows, diaryRow{day: day, entry: -1})
		for next < len(entries) && models.LondonDate(entries[next].StartsAt) == day {
			rows = append(rows, diaryRow{day: day, entry: next})
			next++
		}
		switch empty := len(rows) == first+1; {
		case empty && i >= 5:
			rows = rows[:first] // a weekend day without appointments
		case empty:
			rows[first].empty = true
		}
	}
	return rows
}

// appointmentsScreen is the diary: a week of appointments, Monday to
// Sunday in UK time, grouped by day, for one clinician or the whole team,
// filtered by kind and by how they are held. Choosing an appointment
// opens it, to record attendance, reschedule, cancel, or save its calendar
// invitation.
type appointmentsScreen struct {
	Previous, Next *widgets.IconButton
	ThisWeek       *widget.Button
	// Week names the week on show.
	Week      *widget.Label
	Clinician *widget.Select
	Kind      *widgets.Choice
	Mode      *widgets.Choice
	// ShowCancelled lists cancelled appointments too.
	ShowCancelled *widget.Check
	// Count says how many appointments are listed, or why they could not be read.
	Count *widget.Label
	// List shows each day's heading, then its appointments.
	List    *widget.List
	Entries []app.DiaryEntry
	rows    []diaryRow
	// Panel is the appointment opened last, while it is on show.
	Panel *appointmentPanel
	// SaveFile writes calendar files; panels opened from here use it.
	SaveFile widgets.SaveFileFunc

	s       *session
	monday  models.Date
	staff   []models.StaffMember // the people Clinician offers after "Whole team"
	gen     int                  // bumped by each query, so a stale answer is dropped
	content fyne.CanvasObject
}

// newAppointmentsScreen builds the diary at this week, for the person
// signed in if they hold appointments, otherwise for the whole team.
func newAppointmentsScreen(s *session) *appointmentsScreen {
	a := &appointmentsScreen{s: s, monday: models.MondayOf(s.Services.Today()), SaveFile: widgets.SaveWithDialog(s.Window, ".ics")}
	a.Previous = widgets.NewIconButton("Previous week", theme.NavigateBackIcon(), func() { a.ShowWeek(a.monday.AddDays(-7)) })
	a.Next = widgets.NewIconButton("Next week", theme.NavigateNextIcon(), func() { a.ShowWeek(a.monday.AddDays(7)) })
	a.ThisWeek = widget.NewButton("This week", func() { a.ShowWeek(models.MondayOf(s.Services.Today())) })
	a.Week = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	a.Clinician = widget.NewSelect(a.clinicianOptions(), func(string) { a.Reload() })
	a.Kind = widgets.NewChoice(append([]string{""}, kindCodes()...), kindOrAll, allKinds, a.Reload)
	a.Mode = widgets.NewChoice(append([]string{""}, modeCodes()...), modeOrAll, allModes, a.Reload)
	a.ShowCancelled = widget.NewCheck("Show cancelled", func(bool) { a.Reload() })
	a.Count = messageLabel("")
	refresh := widgets.NewIconButton("Refresh the appointments", theme.ViewRefreshIcon(), a.Reload)

	cols := appointmentTable()
	a.List = widgets.NewList(func() int { return len(a.rows) }, func() fyne.CanvasObject {
		heading := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		return container.NewStack(heading, tableRowWithBadges(cols, diaryColSafeguarding))
	}, a.updateRow)
	a.List.OnSelected = a.selected

	week := container.NewHBox(a.Previous, a.ThisWeek, a.Next, a.Week)
	filters := container.NewBorder(nil, nil, nil, container.NewHBox(a.ShowCancelled, refresh),
		container.New(widgets.WeightedRow{1.2, 1, 1.1}, a.Clinician, a.Kind.Select, a.Mode.Select))
	top := container.NewVBox(week, filters, a.Count, cols.Header(), widget.NewSeparator())
	a.content = container.NewPadded(container.NewBorder(top, nil, nil, nil, a.List))
	a.selectClinician(s.Actor.ID)
	return a
}

// Content returns the screen's widget tree.
func (a *appointmentsScreen) Content() fyne.CanvasObject { return a.content }

// Shown reads the week again when the shell brings the screen back, so
// bookings made from a referral are listed.
func (a *appointmentsScreen) Shown() { a.Reload() }

// ShowWeek lists the week holding day.
func (a *appointmentsScreen) ShowWeek(day models.Date) {
	a.monday = models.MondayOf(day)
	a.Reload()
}

// selectClinician chooses staff member id in Clinician, or the whole team
// if they hold no appointments; choosing runs the first query.
func (a *appointmentsScreen) selectClinician(id uint) {
	for i, m := range a.staff {
		if m.ID == id {
			a.Clinician.SetSelectedIndex(i + 1)
			return
		}
	}
	a.Clinician.SetSelectedIndex(0)
}

// clinicianOptions lists the whole team, then everyone who holds
// appointments: clinicians and key workers.
func (a *appointmentsScreen) clinicianOptions() []string {
	all, err := a.s.Services.Staff.List(true)
	if err != nil {
		return []string{allClinicians}
	}
	a.staff = nil
	options := []string{allClinicians}
	for _, m := range all {
		if m.HasRole(models.RoleClinician) || m.HasRole(models.RoleKeyWorker) {
			a.staff = append(a.staff, m)
			options = append(options, staffLabel(m))
		}
	}
	return options
}

// Filter returns the diary query the widgets describe.
func (a *appointmentsScreen) Filter() app.DiaryFilter {
	from, to := app.Week(a.monday)
	f := app.DiaryFilter{From: from, To: to, Kind: models.AppointmentKind(a.Kind.Code()), Mode: models.Mode(a.Mode.Code()),
		IncludeCancelled: a.ShowCancelled.Checked}
	if i := a.Clinician.SelectedIndex(); i > 0 && i <= len(a.staff) {
		f.ClinicianID = a.staff[i-1].ID
	}
	return f
}

// Reload reads the week off the UI goroutine and lists it.
func (a *appointmentsScreen) Reload() {
	if a.List == nil {
		return // still being built
	}
	a.Week.SetText("Week of " + a.monday.Time().Format("Monday ") + a.monday.Long())
	f := a.Filter()
	a.gen++
	gen := a.gen
	a.s.Background.Go(func() func() {
		entries, err := a.s.Services.Appointments.Diary(a.s.Actor, f)
		return func() {
			if gen != a.gen {
				return // a newer query has started
			}
			a.Entries, a.rows = entries, diaryRows(a.monday, entries)
			if err != nil {
				showMessage(a.Count, "The diary could not be read. "+sentence(err), true)
			} else {
				text := countText(int64(len(entries)), "appointment", "appointments") + " this week for " + a.Clinician.Selected + "."
				if len(entries) >= app.DiaryLimit {
					text = fmt.Sprintf("The first %d appointments this week are listed: choose a clinician, a kind or a way of holding to see the rest.", app.DiaryLimit)
				}
				showMessage(a.Count, text, false)
			}
			widgets.ShowFromTop(a.List)
		}
	})
}

// updateRow shows row i: a day's heading, or an appointment.
func (a *appointmentsScreen) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i < 0 || i >= len(a.rows) {
		return
	}
	r := a.rows[i]
	parts := o.(*fyne.Container).Objects
	heading, row := parts[0].(*widget.Label), parts[1]
	showIf(heading, r.entry < 0)
	showIf(row, r.entry >= 0)
	if r.entry < 0 {
		text := r.day.Time().Format("Monday ") + r.day.Long()
		if r.day == a.s.Services.Today() {
			text += " · today"
		}
		if r.empty {
			text += " · no appointments"
		}
		heading.SetText(text)
		return
	}
	e := a.Entries[r.entry]
	attendance := widgets.RowCell(row, 6)
	attendance.Importance = widget.MediumImportance
	if e.Attendance.Missed() {
		attendance.Importance = widget.DangerImportance
	}
	widgets.SetRowText(row, e.Start().Format("15:04")+"–"+e.End().Format("15:04"), e.PatientName(), nhsText(e.NHSNumber),
		e.Kind.Label(), e.Mode.Label(), e.ClinicianName, e.Attendance.Label())
	setFlagBadges(row.(*fyne.Container).Objects[diaryColSafeguarding], e.SafeguardingFlags())
}

// selected opens the appointment chosen in the list.
func (a *appointmentsScreen) selected(i widget.ListItemID) {
	a.List.UnselectAll() // so choosing it again opens it again
	if i >= 0 && i < len(a.rows) && a.rows[i].entry >= 0 {
		a.Open(a.Entries[a.rows[i].entry])
	}
}

// Open reads appointment e in full and shows it.
func (a *appointmentsScreen) Open(e app.DiaryEntry) {
	a.s.Background.Go(func() func() {
		all, err := a.s.Services.Appointments.ForReferral(a.s.Actor, e.ReferralID)
		return func() {
			if err != nil {
				showMessage(a.Count, "The appointment could not be read. "+sentence(err), true)
				return
			}
			for _, appt := range all {
				if appt.ID == e.ID {
					var open func()
					if a.s.OpenReferral != nil {
						open = func() { a.s.OpenReferral(e.ReferralID) }
					}
					a.Panel = showAppointmentPanel(a.s, appt, e.PatientName()+" · NHS number "+nhsText(e.NHSNumber), a.Reload, open)
					a.Panel.SaveFile = a.SaveFile
					return
				}
			}
			showMessage(a.Count, "That appointment is no longer in her record; the list has been read again.", true)
			a.Reload()
		}
	})
}

// kindOrAll names a kind, or all kinds for "".
func kindOrAll(c string) string {
	if c == "" {
		return allKinds
	}
	return models.AppointmentKind(c).Label()
}

// modeOrAll names a mode, or all modes for "".
func modeOrAll(c string) string {
	if c == "" {
		return allModes
	}
	return models.Mode(c).Label()
}
