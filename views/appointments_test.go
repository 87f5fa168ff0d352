package views

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

// The whole journey in the GUI: an accepted referral is on the Dashboard's
// due list; an administrator books her Attend Anywhere assessment from the
// referral, saves the calendar invitation and records that she attended;
// the clinician records that she needs a medical review, which the
// administrator books; and the due list follows the clock until the
// outcome letter is issued.
func TestAppointmentsBookAttendAnywhereAssessmentThroughToTheDashboard(t *testing.T) {
	e, admin, _, r := newAcceptedCase(t)
	m := e.mainWindow()
	e.signIn(m, "admin", testPassword)
	sh := m.shell

	dash := sh.Show(screenDashboard).(*dashboardScreen)
	if dash.Due.List.Length() != 1 || dash.DueCount.Text != "1" || dash.AssessmentCount.Text != "0" {
		t.Fatalf("dashboard: %d due later (%s), %s assessments; want her due later and none booked",
			dash.Due.List.Length(), dash.DueCount.Text, dash.AssessmentCount.Text)
	}
	if !drawn(m.window, "Nguyễn, Zoë") || !drawn(m.window, "943 476 5919") || !drawn(m.window, "in 14 days") {
		t.Fatal("the due list does not show her name, NHS number and days left")
	}

	dash.Due.List.Select(0) // opens her referral
	if id, _ := sh.Current(); id != screenReferrals {
		t.Fatalf("choosing a due letter opened %q, not her referral", id)
	}
	actions := openReferralActions(t, m, r.ID)
	if !actions.BookAssessment.Visible() || actions.RecordOutcome.Visible() {
		t.Fatal("an accepted referral should offer Book initial assessment, and not yet Record outcome")
	}
	if !strings.Contains(actions.LetterClock.Text, "due by 07/12/2026") {
		t.Errorf("letter clock says %q", actions.LetterClock.Text)
	}
	test.Tap(actions.BookAssessment)
	d := actions.Booking
	if d.Mode.Code() != string(models.ModeVideo) || !strings.Contains(d.Link.Text, "https://attendanywhere.example/perinatal") {
		t.Fatalf("an initial assessment starts as %q with link %q; want Attend Anywhere and its link", d.Mode.Code(), d.Link.Text)
	}
	if d.Clinician.Selected != "Test doc (Tester)" {
		t.Fatalf("clinician offered %q; the only clinician is Test doc", d.Clinician.Selected)
	}
	test.Type(d.Date, "25/11/2026")
	test.Type(d.Time, "14:30")
	test.Tap(d.Action)
	if d.Message.Visible() {
		t.Fatalf("booking refused: %s", d.Message.Text)
	}
	booked := e.appointments(r.ID)
	if len(booked) != 1 || booked[0].Mode != models.ModeVideo || booked[0].VideoLink == "" ||
		!booked[0].StartsAt.Equal(time.Date(2026, 11, 25, 14, 30, 0, 0, time.UTC)) {
		t.Fatalf("saved %+v; want one video assessment at 14:30 UK time with the link", booked)
	}

	actions = openReferralActions(t, m, r.ID)
	if len(actions.Appointments) != 1 || !drawn(m.window, "Wed 25/11/2026 14:30–15:30") || !drawn(m.window, "Attend Anywhere video") || !actions.RecordOutcome.Visible() {
		t.Fatal("the referral does not list the booked assessment and offer Record outcome")
	}

	diary := sh.Show(screenAppointments).(*appointmentsScreen)
	if len(diary.Entries) != 1 {
		t.Fatalf("the diary lists %d appointments this week, want 1", len(diary.Entries))
	}
	var ics savedFile
	diary.SaveFile = saveInto(&ics)
	diary.Open(diary.Entries[0])
	panel := diary.Panel
	test.Tap(panel.ExportICS)
	for _, want := range []string{"DTSTART:20261125T143000Z", "https://attendanywhere.example/perinatal"} {
		if !strings.Contains(string(ics.data), want) {
			t.Errorf("calendar file %s lacks %q", ics.name, want)
		}
	}
	if strings.Contains(string(ics.data), "Nguyễn") {
		t.Error("the calendar file names the woman")
	}
	// Attendance is recorded once the assessment has begun; then the story
	// goes on from Monday.
	monday := e.clock.Now()
	e.clock.Set(time.Date(2026, 11, 25, 15, 0, 0, 0, time.UTC))
	test.Tap(panel.RecordAttendance)
	panel.Attendance.Code.SetCode(string(models.AttendOnTime))
	test.Tap(panel.Attendance.Action)
	if got := e.appointments(r.ID)[0].Attendance; got != models.AttendOnTime {
		t.Fatalf("attendance saved as %q, want attended on time", got)
	}
	e.clock.Set(monday)

	sh.Show(screenDashboard) // reads the figures again on coming back
	if dash.AssessmentCount.Text != "1" || !drawn(m.window, "Attended on time") {
		t.Fatalf("dashboard shows %s assessments this week, want the one attended", dash.AssessmentCount.Text)
	}

	m.signOut()
	e.signIn(m, "doc", testPassword)
	actions = openReferralActions(t, m, r.ID)
	test.Tap(actions.RecordOutcome)
	outcome := actions.Outcome
	outcome.Choose(models.OutcomeMedicalReview)
	test.Type(outcome.Summary, "Lithium in pregnancy: needs a medical review.")
	test.Tap(outcome.Action)
	if outcome.Message.Visible() {
		t.Fatalf("outcome refused: %s", outcome.Message.Text)
	}
	if got, _ := e.svc.Referrals.Get(e.system, r.ID); got.Status != models.StatusMedicalReview {
		t.Fatalf("status %q after the outcome, want medical review", got.Status)
	}
	if outcome.BookReview != nil || !drawn(m.window, "Ask a team administrator to book her medical review") {
		t.Fatal("a clinician, who does not book appointments, is not told who books the review")
	}

	m.signOut()
	e.signIn(m, "admin", testPassword)
	actions = openReferralActions(t, m, r.ID)
	test.Tap(actions.BookOther)
	review := actions.Booking
	if review.Kind.Code() != string(models.KindMedicalReview) || review.Clinician.Selected != "Test doc (Tester)" {
		t.Fatalf("the review booking starts at %q with %q", review.Kind.Code(), review.Clinician.Selected)
	}
	review.Mode.SetCode(string(models.ModeFaceToFace))
	test.Type(review.Date, "02/12/2026")
	test.Type(review.Time, "10:00")
	test.Tap(review.Action)
	if n := len(e.appointments(r.ID)); n != 2 || review.Message.Visible() {
		t.Fatalf("%d appointments after booking the review (%s), want 2", n, review.Message.Text)
	}

	dash = m.shell.Show(screenDashboard).(*dashboardScreen)
	if dash.Due.List.Length() != 1 || !drawn(m.window, "Medical review") {
		t.Fatal("the due list does not show her outcome letter still due, now awaiting the medical review")
	}
	e.clock.Advance(12 * 24 * time.Hour) // Saturday 5 December: due in 2 days
	test.Tap(dash.RefreshButton)
	if dash.DueSoon.List.Length() != 1 || dash.Due.List.Length() != 0 || !drawn(m.window, "in 2 days") {
		t.Fatal("two days before it is due, her letter is not in the due-soon list")
	}
	e.clock.Advance(3 * 24 * time.Hour) // Tuesday 8 December: a day overdue
	test.Tap(dash.RefreshButton)
	if dash.Overdue.List.Length() != 1 || dash.OverdueCount.Text != "1" || !drawn(m.window, "1 day overdue") {
		t.Fatal("the day after it was due, her letter is not in the overdue list")
	}
	if dash.OverdueCount.Importance != widget.DangerImportance {
		t.Error("the overdue count is not shown in red")
	}
	// The review booked for 2 December is past: the letter cannot offer it.
	_, err := e.svc.Letters.IssuePack(admin, r.ID, models.LetterOutcomeMedical)
	if err == nil || !strings.Contains(err.Error(), "the appointment on Wednesday 2 December 2026 at 10:00 is in the past") {
		t.Fatalf("issuing a letter that offers a past review = %v", err)
	}
	next := e.appointments(r.ID)[1]
	next.ID, next.Version, next.StartsAt = 0, 0, time.Date(2026, 12, 10, 10, 0, 0, 0, models.London)
	next.Clinician = models.StaffMember{}
	if err := e.svc.Appointments.Book(admin, &next, true); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.Letters.IssuePack(admin, r.ID, models.LetterOutcomeMedical); err != nil {
		t.Fatal(err)
	}
	test.Tap(dash.RefreshButton)
	if dash.Overdue.List.Length()+dash.DueSoon.List.Length()+dash.Due.List.Length() != 0 {
		t.Fatal("her letter is still listed as owed after it was issued")
	}
}

func TestAppointmentsBookingRefusesAnUnreadableTimeAndSavesNothing(t *testing.T) {
	e, admin, _, r := newAcceptedCase(t)
	s := e.session(admin)

	d := showBookAppointmentDialog(s, r, models.KindInitialAssessment, nil)
	test.Type(d.Date, "25/11/2026")
	for _, typed := range []string{"", "half two", "2.30"} {
		d.Time.SetText(typed)
		test.Tap(d.Action)
		if !d.Message.Visible() || !strings.HasPrefix(d.Message.Text, "Time: ") {
			t.Errorf("time %q: message %q, want one naming the Time field", typed, d.Message.Text)
		}
		if n := len(e.appointments(r.ID)); n != 0 {
			t.Fatalf("time %q saved %d appointments", typed, n)
		}
	}
	if s.Window.Canvas().Focused() != d.Time {
		t.Error("the keyboard is not put back in the time")
	}
	d.Date.SetText("31/11/2026")
	d.Time.SetText("14:30")
	test.Tap(d.Action)
	if !strings.HasPrefix(d.Message.Text, "Date: ") || len(e.appointments(r.ID)) != 0 {
		t.Errorf("an impossible date: %q", d.Message.Text)
	}
}

func TestAppointmentsDoubleBookingNeedsConfirmation(t *testing.T) {
	e, admin, doc, r := newAcceptedCase(t)
	e.bookAt(admin, doc, r.ID, "25/11/2026", "14:30")
	s := e.session(admin)

	d := showBookAppointmentDialog(s, r, models.KindReview, nil)
	d.Clinician.SetSelected("Test doc (Tester)")
	d.Mode.SetCode(string(models.ModeTelephone))
	test.Type(d.Date, "25/11/2026")
	test.Type(d.Time, "15:00")
	test.Tap(d.Action)
	if d.Confirm == nil || !drawn(s.Window, "already has an appointment at 14:30 on 25/11/2026") {
		t.Fatal("a double booking was not questioned")
	}
	if n := len(e.appointments(r.ID)); n != 1 {
		t.Fatalf("%d appointments saved before the answer, want 1", n)
	}
	d.Confirm.Dismiss()
	if n := len(e.appointments(r.ID)); n != 1 || !strings.Contains(d.Message.Text, "Nothing was booked") {
		t.Fatalf("saying no saved %d appointments (%q)", n, d.Message.Text)
	}
	test.Tap(d.Action)
	d.Confirm.Confirm()
	if n := len(e.appointments(r.ID)); n != 2 {
		t.Fatalf("%d appointments after Book anyway, want 2", n)
	}
}

func TestAppointmentsMissedAssessmentMakesAFollowUpTaskOnTheClinicianDashboard(t *testing.T) {
	e, admin, doc, r := newAcceptedCase(t)
	e.bookAt(admin, doc, r.ID, "23/11/2026", "09:00")
	m := e.mainWindow()
	e.signIn(m, "admin", testPassword)

	diary := m.shell.Show(screenAppointments).(*appointmentsScreen)
	diary.Open(diary.Entries[0])
	test.Tap(diary.Panel.RecordAttendance)
	diary.Panel.Attendance.Code.SetCode(string(models.AttendDNA))
	test.Tap(diary.Panel.Attendance.Action)
	if !drawn(m.window, "Follow-up task made") {
		t.Error("recording a missed appointment does not say a follow-up task was made")
	}
	if !drawn(m.window, "Did not attend") {
		t.Error("the diary does not show the appointment as missed")
	}
	dash := m.shell.Show(screenDashboard).(*dashboardScreen)
	if dash.Tasks.List.Length() != 0 {
		t.Fatal("the administrator was given the follow-up task")
	}

	m.signOut()
	e.signIn(m, "doc", testPassword)
	dash = m.shell.Show(screenDashboard).(*dashboardScreen)
	if dash.Tasks.List.Length() != 1 || dash.TaskCount.Text != "1" ||
		!drawn(m.window, "Missed appointment on 23/11/2026") {
		t.Fatalf("the clinician's Dashboard lists %d tasks (%s), want the follow-up", dash.Tasks.List.Length(), dash.TaskCount.Text)
	}
	dash.Tasks.List.Select(0)
	if id, _ := m.shell.Current(); id != screenReferrals {
		t.Fatal("choosing the task does not open her referral")
	}
}

func TestAppointmentsCancellingAsksWhoAndWhyAndReschedulingMoves(t *testing.T) {
	e, admin, doc, r := newAcceptedCase(t)
	e.bookAt(admin, doc, r.ID, "25/11/2026", "14:30")
	s := e.session(admin)
	diary := newAppointmentsScreen(s)
	s.Window.SetContent(diary.Content())

	diary.Open(diary.Entries[0])
	test.Tap(diary.Panel.Reschedule)
	move := diary.Panel.Rescheduling
	move.Time.SetText("25.30")
	test.Tap(move.Action)
	if !strings.HasPrefix(move.Message.Text, "Time: ") {
		t.Errorf("an unreadable new time: %q", move.Message.Text)
	}
	move.Date.SetText("26/11/2026")
	move.Time.SetText("10:00")
	test.Tap(move.Action)
	if got := e.appointments(r.ID)[0].StartsAt; !got.Equal(time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)) {
		t.Fatalf("moved to %v", got)
	}

	diary.Open(diary.Entries[0])
	test.Tap(diary.Panel.Cancel)
	cancel := diary.Panel.Attendance
	if cancel.Code.Code() != string(models.AttendCancelledByPatient) || !cancel.CancelledBy.Visible() {
		t.Fatal("cancelling does not start at cancelled by the woman and ask who cancelled")
	}
	test.Type(cancel.CancelledBy, "The woman, by telephone")
	test.Tap(cancel.Action)
	if !strings.Contains(cancel.Message.Text, "say why") || e.appointments(r.ID)[0].Attendance != models.AttendFuture {
		t.Fatalf("a cancellation without a reason: %q", cancel.Message.Text)
	}
	test.Type(cancel.Reason, "Her baby is unwell.")
	test.Tap(cancel.Action)
	got := e.appointments(r.ID)[0]
	if got.Attendance != models.AttendCancelledByPatient || got.CancelledBy != "The woman, by telephone" || got.CancelReason != "Her baby is unwell." {
		t.Fatalf("saved %q by %q because %q", got.Attendance, got.CancelledBy, got.CancelReason)
	}
	if len(diary.Entries) != 0 {
		t.Error("a cancelled appointment is listed without Show cancelled")
	}
	test.Tap(diary.ShowCancelled)
	if len(diary.Entries) != 1 {
		t.Error("Show cancelled does not list it")
	}
}

func TestAppointmentsDiaryHeadsEveryWeekdayAndOnlyBusyWeekends(t *testing.T) {
	monday := models.NewDate(2026, 10, 19) // the week British Summer Time ends
	at := func(day, hour int) app.DiaryEntry {
		return app.DiaryEntry{StartsAt: time.Date(2026, 10, day, hour, 0, 0, 0, time.UTC)}
	}
	// 23:30 UTC on Saturday 24 October is 00:30 on Sunday in BST.
	entries := []app.DiaryEntry{at(19, 9), at(19, 13), {StartsAt: time.Date(2026, 10, 24, 23, 30, 0, 0, time.UTC)}}
	var got []string
	for _, r := range diaryRows(monday, entries) {
		s := r.day.Time().Format("Mon")
		switch {
		case r.entry >= 0:
			s = fmt.Sprintf("  %d", r.entry)
		case r.empty:
			s += " (none)"
		}
		got = append(got, s)
	}
	want := []string{"Mon", "  0", "  1", "Tue (none)", "Wed (none)", "Thu (none)", "Fri (none)", "Sun", "  2"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("rows\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
