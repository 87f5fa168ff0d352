package app

import (
	"errors"
	"strings"
	"testing"
	"time"

	"perinatal-caseload/models"
)

func TestAnUnreadableTimeIsRefusedAndNothingIsSaved(t *testing.T) {
	w := newWorkflow(t)
	r := w.accept(nil)
	before := countRows(t, w.s, "appointments")
	for _, c := range []struct {
		date, clock string
		fields      []string
	}{
		{"23/11/2026", "", []string{"Time"}},
		{"23/11/2026", "half two", []string{"Time"}},
		{"23/11/2026", "2.30", []string{"Time"}},
		{"28/03/2027", "01:30", []string{"Time"}}, // skipped when the clocks go forward
		{"31/11/2026", "14:30", []string{"Date"}},
		{"", "", []string{"Date", "Time"}},
	} {
		_, err := w.s.Appointments.BookForm(w.admin, AppointmentForm{ReferralID: r.ID, Kind: models.KindInitialAssessment, Mode: models.ModeVideo,
			Date: c.date, Time: c.clock, DurationMinutes: 60, ClinicianID: w.doc.ID}, false)
		for _, f := range c.fields {
			if !hasField(err, f) {
				t.Errorf("BookForm(%q, %q) = %v; want the %s field named", c.date, c.clock, err, f)
			}
		}
	}
	_, err := w.s.Appointments.BookForm(w.admin, AppointmentForm{ReferralID: r.ID, Date: "23/11/2026", Time: "noon"}, false)
	for _, f := range []string{"Duration", "Clinician", "Kind", "Mode"} {
		if !hasField(err, f) {
			t.Errorf("an empty form = %v; want %s named", err, f)
		}
	}
	if countRows(t, w.s, "appointments") != before {
		t.Error("a refused booking saved an appointment")
	}
	if got := w.referral(r.ID).Status; got != models.StatusAccepted {
		t.Errorf("a refused booking moved the referral to %s", got)
	}
}

func TestBookingTheSameClinicianTwiceNeedsConfirmation(t *testing.T) {
	w := newWorkflow(t)
	r := w.accept(nil)
	form := AppointmentForm{ReferralID: r.ID, Kind: models.KindInitialAssessment, Mode: models.ModeVideo, Date: "25/11/2026", Time: "10:00", DurationMinutes: 60, ClinicianID: w.doc.ID}
	first, err := w.s.Appointments.BookForm(w.admin, form, false)
	if err != nil {
		t.Fatal(err)
	}
	if first.StartsAt != time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC) || first.VideoLink != w.s.Settings.Get(SetAttendAnywhereLink) {
		t.Errorf("booked %+v", first)
	}
	form.Kind, form.Time = models.KindReview, "10:30"
	var clash *DoubleBookingError
	if _, err := w.s.Appointments.BookForm(w.admin, form, false); !errors.As(err, &clash) || !strings.Contains(err.Error(), "10:00 on 25/11/2026") {
		t.Fatalf("overlapping booking = %v; want a double-booking question naming 10:00", err)
	}
	form.Time = "11:00" // back to back is not a clash
	second, err := w.s.Appointments.BookForm(w.admin, form, false)
	if err != nil {
		t.Fatal(err)
	}
	// Moving the second onto the first needs confirmation too.
	if err := w.s.Appointments.Reschedule(w.admin, second.ID, second.Version, "25/11/2026", "10.15am", false); !errors.As(err, &clash) {
		t.Fatalf("rescheduling onto a clash = %v", err)
	}
	if err := w.s.Appointments.Reschedule(w.admin, second.ID, second.Version, "25/11/2026", "1015", true); err != nil {
		t.Fatal(err)
	}
	if err := w.s.Appointments.Reschedule(w.admin, second.ID, second.Version, "25/11/2026", "09:00", true); !isConflict(err) {
		t.Errorf("rescheduling with a stale version = %v; want a conflict", err)
	}
	if err := w.s.Appointments.Reschedule(w.admin, second.ID, second.Version+1, "25/11/2026", "", true); !hasField(err, "Time") {
		t.Errorf("rescheduling to no time = %v", err)
	}
	var moved int64
	w.s.core.db.Table("audit_events").Where("entity = ? AND entity_id = ? AND detail = ?", "appointment", second.ID, "rescheduled from 11:00 on 25/11/2026 to 10:15 on 25/11/2026").Count(&moved)
	if moved != 1 {
		t.Error("the move was not audited with the old and new times")
	}
}

func isConflict(err error) bool {
	var c *ConflictError
	return errors.As(err, &c)
}

func TestCancellingRecordsWhoAndWhyAndPutsHerBackToBook(t *testing.T) {
	w := newWorkflow(t)
	r := w.accept(nil)
	a := w.book(r.ID, models.KindInitialAssessment, testNow.Add(48*time.Hour), w.doc)
	if err := w.s.Appointments.Cancel(w.admin, a.ID, a.Version, true, "Zoë (by phone)", ""); !hasField(err, "Cancellation reason") {
		t.Errorf("cancelling without a reason = %v", err)
	}
	if err := w.s.Appointments.Cancel(w.admin, a.ID, a.Version, true, "", "Baby unwell"); !hasField(err, "Cancelled by") {
		t.Errorf("cancelling without saying who = %v", err)
	}
	if err := w.s.Appointments.Cancel(w.admin, a.ID, a.Version, true, "Zoë (by phone)", "Baby unwell"); err != nil {
		t.Fatal(err)
	}
	got, _ := w.s.Appointments.ForReferral(w.admin, r.ID)
	if got[0].Attendance != models.AttendCancelledByPatient || got[0].CancelledBy != "Zoë (by phone)" || got[0].CancelReason != "Baby unwell" {
		t.Errorf("cancelled appointment = %+v", got[0])
	}
	if status := w.referral(r.ID).Status; status != models.StatusAccepted {
		t.Errorf("after the assessment was cancelled the referral is %s; want accepted", status)
	}
	if err := w.s.Appointments.Cancel(w.admin, a.ID, a.Version+1, false, "Clinic", "Again"); err == nil {
		t.Error("an appointment was cancelled twice")
	}
	if len(w.tasks(r.ID)) != 0 {
		t.Error("a cancellation made a missed-appointment task")
	}
}

func TestDiaryByClinicianAndForTheTeamFilteredByKindAndMode(t *testing.T) {
	w := newWorkflow(t)
	r := w.onCaseload(nil, w.worker)
	// The week of Monday 19 October 2026 ends as the clocks go back.
	at := func(day, hour int) time.Time { return time.Date(2026, 10, day, hour, 0, 0, 0, models.London).UTC() }
	mondayMorning := w.book(r.ID, models.KindKeyWorkerContact, at(19, 0), w.worker) // 00:00 BST Monday: 23:00 UTC Sunday
	phone := &models.Appointment{ReferralID: r.ID, Kind: models.KindMedicalReview, Mode: models.ModeTelephone, StartsAt: at(21, 14), DurationMinutes: 30, ClinicianID: w.doc.ID}
	if err := w.s.Appointments.Book(w.admin, phone, true); err != nil {
		t.Fatal(err)
	}
	sundayNight := w.book(r.ID, models.KindReview, at(25, 23), w.worker) // 23:00 GMT on the Sunday of the change
	w.book(r.ID, models.KindReview, at(26, 0), w.worker)                 // next Monday
	w.book(r.ID, models.KindReview, at(18, 23), w.worker)                // the Sunday before
	cancelled := w.book(r.ID, models.KindReview, at(22, 10), w.worker)
	if err := w.s.Appointments.Cancel(w.admin, cancelled.ID, cancelled.Version, false, "Key worker", "Training day"); err != nil {
		t.Fatal(err)
	}

	from, to := Week(models.NewDate(2026, 10, 25))
	if to.Sub(from) != 7*24*time.Hour+time.Hour {
		t.Errorf("the week the clocks go back lasts %v", to.Sub(from))
	}
	ids := func(f DiaryFilter) []uint {
		t.Helper()
		rows, err := w.s.Appointments.Diary(w.worker, f)
		if err != nil {
			t.Fatal(err)
		}
		var out []uint
		for _, e := range rows {
			out = append(out, e.ID)
			if e.PatientName() != "Nguyễn, Zoë" || e.ReferralID != r.ID || e.ClinicianName == "" {
				t.Errorf("diary entry = %+v", e)
			}
		}
		return out
	}
	team := ids(DiaryFilter{From: from, To: to})
	if len(team) != 3 || team[0] != mondayMorning.ID || team[1] != phone.ID || team[2] != sundayNight.ID {
		t.Errorf("team week = %v; want Monday 00:00, the phone review, Sunday 23:00", team)
	}
	if got := ids(DiaryFilter{From: from, To: to, ClinicianID: w.doc.ID}); len(got) != 1 || got[0] != phone.ID {
		t.Errorf("the doctor's week = %v", got)
	}
	if got := ids(DiaryFilter{From: from, To: to, Mode: models.ModeTelephone}); len(got) != 1 {
		t.Errorf("telephone only = %v", got)
	}
	if got := ids(DiaryFilter{From: from, To: to, Kind: models.KindReview, IncludeCancelled: true}); len(got) != 2 {
		t.Errorf("reviews with the cancelled one = %v", got)
	}
	if _, err := w.s.Appointments.Diary(w.worker, DiaryFilter{From: to, To: from}); !hasField(err, "Dates") {
		t.Errorf("a backwards range = %v", err)
	}
}
