package app

import (
	"errors"
	"slices"
	"testing"
	"time"

	"perinatal-caseload/models"
)

// TestClinicianWeekListsHerBookingsAndFreeSlots checks the booking diary:
// one clinician's appointments that week (not another's, not cancelled
// ones, not the next week's), and free slots around them, none in the past.
func TestClinicianWeekListsHerBookingsAndFreeSlots(t *testing.T) {
	w := newWorkflow(t) // Monday 23 November 2026, 10:00 UK time
	other := addStaff(t, w.s, "other", models.RoleClinician)
	r := w.accept(nil)
	at := func(day, h int) time.Time { return time.Date(2026, 11, day, h, 0, 0, 0, time.UTC) }
	mine := w.book(r.ID, models.KindInitialAssessment, at(24, 11), w.doc)
	w.book(r.ID, models.KindReview, at(24, 14), other)
	cancelled := w.book(r.ID, models.KindReview, at(25, 9), w.doc)
	if err := w.s.Appointments.Cancel(w.admin, cancelled.ID, cancelled.Version, false, "Clinic", "Clinician ill"); err != nil {
		t.Fatal(err)
	}
	w.book(r.ID, models.KindReview, at(30, 11), w.doc) // next week

	week, err := w.s.Appointments.ClinicianWeek(w.admin, w.doc.ID, models.NewDate(2026, 11, 26), 60)
	if err != nil {
		t.Fatal(err)
	}
	if week.Monday != models.NewDate(2026, 11, 23) || len(week.Booked) != 1 || week.Booked[0].ID != mine.ID {
		t.Fatalf("week of %s booked %+v; want only her appointment on Tuesday", week.Monday, week.Booked)
	}
	tuesday := week.Free[1]
	for _, busy := range []time.Time{at(24, 10).Add(30 * time.Minute), at(24, 11)} {
		if slices.ContainsFunc(tuesday, busy.Equal) {
			t.Errorf("Tuesday offers %s, which clashes with her 11:00", busy.Format("15:04"))
		}
	}
	if !slices.ContainsFunc(tuesday, at(24, 14).Equal) || !slices.ContainsFunc(week.Free[2], at(25, 9).Equal) {
		t.Error("a time another clinician holds, or a cancelled one, is not offered as free")
	}
	if slices.ContainsFunc(week.Free[0], at(23, 9).Equal) || !slices.ContainsFunc(week.Free[0], at(23, 10).Equal) {
		t.Errorf("Monday offers %v; want nothing before now (10:00)", week.Free[0])
	}
	if len(week.Free[5]) != 0 || len(week.Free[6]) != 0 {
		t.Error("the weekend offers slots")
	}
	if clashes := models.Clashes(week.Busy(), at(24, 10).Add(30*time.Minute), time.Hour); len(clashes) != 1 {
		t.Errorf("10:30 for an hour clashes %d times, want once", len(clashes))
	}

	if _, err := w.s.Appointments.ClinicianWeek(w.admin, 0, w.s.Today(), 60); !errors.As(err, new(*models.FieldError)) {
		t.Errorf("no clinician chosen gives %v, want a field error", err)
	}
	if _, err := w.s.Appointments.ClinicianWeek(nil, w.doc.ID, w.s.Today(), 60); err == nil {
		t.Error("the week is read without signing in")
	}
}
