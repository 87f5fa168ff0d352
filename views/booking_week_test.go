package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"perinatal-caseload/models"
)

// TestBookingShowsTheClinicianWeekWithFreeSlots checks that booking shows
// the clinician's week with her bookings and free times, that picking a
// free time fills in the date and time, that the week moves back and
// forward and to a date chosen on the calendar, and that a double booking
// is said before anything is saved.
func TestBookingShowsTheClinicianWeekWithFreeSlots(t *testing.T) {
	e, admin, doc, r := newAcceptedCase(t) // Monday 23/11/2026 10:00
	e.bookAt(admin, doc, r.ID, "01/12/2026", "11:00")
	d := showBookAppointmentDialog(e.session(admin), r, models.KindInitialAssessment, nil)

	if d.Clinician.Selected == "" || d.Week.Week == nil {
		t.Fatal("the only clinician is not chosen, or her week is not shown")
	}
	if got := d.Week.Title.Text; got != "Week of Mon 23/11/2026" {
		t.Errorf("the week shown is %q", got)
	}
	if len(d.Week.Slots) == 0 || d.Week.Slots[0].Text != "10:00" {
		t.Fatalf("this week's first free time is %v; want 10:00 today (nothing before now)", slotTexts(d.Week))
	}

	test.Tap(d.Week.Next)
	if d.Week.Title.Text != "Week of Mon 30/11/2026" || len(d.Week.Booked()) != 1 {
		t.Fatalf("after Next: %q with %d bookings; want next week with her Tuesday booking", d.Week.Title.Text, len(d.Week.Booked()))
	}
	for _, s := range slotTexts(d.Week) {
		if s == "Tuesday 01/12 10:30" || s == "Tuesday 01/12 11:00" {
			t.Errorf("%s is offered, though she is booked 11:00–12:00", s)
		}
	}
	test.Tap(d.Week.Slots[0])
	if d.Date.Text != "30/11/2026" || d.Time.Text != "09:00" {
		t.Errorf("picking the first free time filled %q %q; want 30/11/2026 09:00", d.Date.Text, d.Time.Text)
	}
	if d.Clash.Visible() {
		t.Errorf("a free time is said to clash: %q", d.Clash.Text)
	}

	d.Date.SetText("01/12/2026")
	d.Time.SetText("11:30")
	if !d.Clash.Visible() || !strings.Contains(d.Clash.Text, "11:00–12:00") {
		t.Errorf("a double booking is not said before saving: %q", d.Clash.Text)
	}
	if n := len(e.appointments(r.ID)); n != 1 {
		t.Fatalf("%d appointments saved; want nothing new before Book", n)
	}

	test.Tap(d.Week.Prev)
	test.Tap(d.Week.Prev)
	if d.Week.Title.Text != "Week of Mon 16/11/2026" || len(d.Week.Slots) != 0 {
		t.Errorf("a past week: %q with %d free times; want none", d.Week.Title.Text, len(d.Week.Slots))
	}
	test.Tap(d.Week.PickDate)
	if d.Week.Calendar == nil {
		t.Fatal("Choose a date… opened no calendar")
	}
}

// slotTexts names the free times on show as "Tuesday 01/12 10:30".
func slotTexts(w *bookingWeek) []string {
	var out []string
	for i, day := range w.Week.Free {
		for _, t := range day {
			out = append(out, w.Week.Monday.AddDays(i).Time().Format("Monday 02/01")+" "+t.In(models.London).Format("15:04"))
		}
	}
	return out
}
