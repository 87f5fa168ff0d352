package views

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// bookingWeek is the clinician's week in the booking dialog: each day's
// bookings and the free slots around them. Picking a slot fills in the
// date and time; Previous and Next move a week, and Choose a date… opens
// a calendar. It is read again whenever the clinician, the length or the
// week changes.
type bookingWeek struct {
	// Title names the week on show.
	Title    *widget.Label
	Prev     *widgets.IconButton
	Next     *widgets.IconButton
	PickDate *widget.Button
	// Calendar is the date picker while it is open.
	Calendar *widget.Calendar
	// Days lists the days with their bookings and free-slot buttons.
	Days *fyne.Container
	// Slots are the free-slot buttons on show, earliest first.
	Slots []*widget.Button
	// Week is what is on show; nil until a clinician is chosen.
	Week *app.ClinicianWeek

	s         *session
	day       models.Date // a day of the week on show
	clinician uint
	length    int
	onPick    func(time.Time)
	onDate    func(models.Date)
	onLoaded  func()
	scroll    *container.Scroll
	content   fyne.CanvasObject
}

// newBookingWeek builds the week holding today. onPick is given the start
// of a slot picked, onDate a date chosen on the calendar; onLoaded runs
// after each reading of the week.
func newBookingWeek(s *session, onPick func(time.Time), onDate func(models.Date), onLoaded func()) *bookingWeek {
	w := &bookingWeek{s: s, day: models.LondonDate(s.Services.Clock().Now()), onPick: onPick, onDate: onDate, onLoaded: onLoaded}
	w.Title = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	w.Title.Truncation = fyne.TextTruncateEllipsis
	w.Prev = widgets.NewIconButton("Previous week", theme.NavigateBackIcon(), func() { w.Show(w.day.AddDays(-7)) })
	w.Next = widgets.NewIconButton("Next week", theme.NavigateNextIcon(), func() { w.Show(w.day.AddDays(7)) })
	w.PickDate = widget.NewButtonWithIcon("Choose a date…", theme.CalendarIcon(), w.pickDate)
	w.Days = container.NewVBox()
	room := canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
	room.SetMinSize(fyne.NewSize(0, 190))
	w.scroll = container.NewVScroll(w.Days)
	w.content = container.NewBorder(
		container.NewBorder(nil, nil, w.Prev, container.NewHBox(w.Next, w.PickDate), w.Title), nil, nil, nil,
		container.NewStack(room, w.scroll))
	w.Show(w.day)
	return w
}

// Content returns the week's widget tree.
func (w *bookingWeek) Content() fyne.CanvasObject { return w.content }

// SetClinician shows the week of clinician id (0 for none chosen), with
// free slots of length minutes.
func (w *bookingWeek) SetClinician(id uint, length int) {
	if id == w.clinician && length == w.length && w.Week != nil {
		return
	}
	w.clinician, w.length = id, length
	w.Show(w.day)
}

// Show reads and shows the week holding day.
func (w *bookingWeek) Show(day models.Date) {
	w.day = day
	monday := models.MondayOf(day)
	w.Title.SetText("Week of " + monday.Time().Format("Mon 02/01/2006"))
	if w.clinician == 0 {
		w.Week = nil
		w.showDays(nil, "Choose the clinician to see their week and free times.")
		return
	}
	id, length := w.clinician, w.length
	w.s.Background.Go(func() func() {
		week, err := w.s.Services.Appointments.ClinicianWeek(w.s.Actor, id, day, length)
		return func() {
			if id != w.clinician || length != w.length {
				return // a later choice has been made
			}
			w.Week = week
			if err != nil {
				w.showDays(nil, "Their week could not be read. "+sentence(err))
			} else {
				w.showDays(week, "")
			}
			if w.onLoaded != nil {
				w.onLoaded()
			}
		}
	})
}

// Clashes returns what a booking at start for length would double-book in
// the week on show, or nil when start is not in it.
func (w *bookingWeek) Clashes(start time.Time, length time.Duration) []app.DiaryEntry {
	if w.Week == nil || start.Before(w.Week.From) || !start.Before(w.Week.To) {
		return nil
	}
	var out []app.DiaryEntry
	for i, b := range w.Week.Busy() {
		if b.Overlaps(start, start.Add(length)) {
			out = append(out, w.Week.Booked[i])
		}
	}
	return out
}

// Booked returns the bookings of the week on show.
func (w *bookingWeek) Booked() []app.DiaryEntry {
	if w.Week == nil {
		return nil
	}
	return w.Week.Booked
}

// Covers reports whether day is in the week on show.
func (w *bookingWeek) Covers(day models.Date) bool {
	return models.MondayOf(day) == models.MondayOf(w.day)
}

// showDays lists each working day (and a weekend day with a booking) with
// its bookings and free slots, or says message.
func (w *bookingWeek) showDays(week *app.ClinicianWeek, message string) {
	w.Slots = nil
	w.Days.RemoveAll()
	defer func() {
		// The days change height: lay the list out again, from the top.
		w.Days.Refresh()
		if w.scroll != nil {
			w.scroll.ScrollToTop()
			w.scroll.Refresh()
		}
	}()
	if week == nil {
		note := paragraph(message)
		note.Importance = widget.LowImportance
		w.Days.Add(note)
		return
	}
	for i := range 7 {
		day := week.Monday.AddDays(i)
		var booked []string
		for _, e := range week.Booked {
			if models.LondonDate(e.StartsAt) == day {
				booked = append(booked, fmt.Sprintf("%s–%s booked (%s)", e.Start().Format("15:04"), e.End().Format("15:04"), e.Kind.Label()))
			}
		}
		if i >= 5 && len(booked) == 0 {
			continue // the weekend, when nothing is booked
		}
		w.Days.Add(subheading(day.Time().Format("Monday 02/01")))
		if len(booked) > 0 {
			l := widget.NewLabel(strings.Join(booked, "\n"))
			l.Importance = widget.WarningImportance
			w.Days.Add(l)
		}
		var slots []fyne.CanvasObject
		for _, t := range week.Free[i] {
			b := widget.NewButton(t.In(models.London).Format("15:04"), func() { w.pick(t) })
			w.Slots = append(w.Slots, b)
			slots = append(slots, b)
		}
		if len(slots) == 0 {
			text := "No free time"
			if day.Before(models.LondonDate(w.s.Services.Clock().Now())) {
				text = "In the past"
			}
			none := widget.NewLabel(text)
			none.Importance = widget.LowImportance
			w.Days.Add(none)
			continue
		}
		w.Days.Add(container.NewGridWrap(fyne.NewSize(72, 36), slots...))
	}
}

// pick passes a slot's start to the dialog.
func (w *bookingWeek) pick(t time.Time) {
	if w.onPick != nil {
		w.onPick(t)
	}
}

// pickDate opens a calendar; the date chosen goes to the dialog, and its
// week is shown.
func (w *bookingWeek) pickDate() {
	var d dialog.Dialog
	w.Calendar = widget.NewCalendar(w.day.Time(), func(t time.Time) {
		day := models.NewDate(t.Year(), t.Month(), t.Day())
		if d != nil {
			d.Hide()
		}
		w.Calendar = nil
		w.Show(day)
		if w.onDate != nil {
			w.onDate(day)
		}
	})
	d = dialog.NewCustom("Choose a date", "Cancel", w.Calendar, w.s.Window)
	d.Show()
}
