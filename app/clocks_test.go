package app

import (
	"testing"
	"time"

	"perinatal-caseload/models"
)

// dueLetterBand returns the band and days left of a referral on the
// Dashboard's letter lists on today, or "" if it is on none.
func dueLetterBand(t *testing.T, w *workflow, referralID uint, today models.Date) (models.DueBand, int) {
	t.Helper()
	lists, err := w.s.Clocks.DueLetters(w.admin, today, 0)
	if err != nil {
		t.Fatal(err)
	}
	found := models.DueBand("")
	left := 0
	for _, rows := range [][]DueLetterRow{lists.Overdue, lists.DueSoon, lists.Due} {
		for _, r := range rows {
			if r.ReferralID == referralID {
				if found != "" {
					t.Errorf("referral %d is in two bands", referralID)
				}
				found, left = r.Band, r.DaysLeft
			}
		}
	}
	if int(lists.OverdueCount) != len(lists.Overdue) || int(lists.DueSoonCount) != len(lists.DueSoon) || int(lists.DueCount) != len(lists.Due) {
		t.Errorf("counts %d/%d/%d do not match the lists %d/%d/%d", lists.OverdueCount, lists.DueSoonCount, lists.DueCount, len(lists.Overdue), len(lists.DueSoon), len(lists.Due))
	}
	return found, left
}

// Hazard: HAZ-014.
func TestOutcomeLetterClockAcrossTheAutumnClockChange(t *testing.T) {
	w := newWorkflow(t)
	// Accepted at 00:30 BST on Wednesday 21 October 2026, which is 23:30 UTC
	// on the 20th. The clocks go back on Sunday 25 October.
	w.clock.Set(time.Date(2026, 10, 20, 23, 30, 0, 0, time.UTC))
	r := w.accept(func(r *models.Referral) { r.ReceivedAt = time.Date(2026, 10, 19, 10, 0, 0, 0, time.UTC) })
	steps := []struct {
		now  time.Time
		band models.DueBand
		left int
	}{
		{time.Date(2026, 10, 21, 9, 0, 0, 0, time.UTC), models.BandDue, 14},
		{time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC), models.BandDueSoon, 3},
		{time.Date(2026, 11, 4, 0, 5, 0, 0, time.UTC), models.BandDueSoon, 0},   // day 14: due today, not overdue
		{time.Date(2026, 11, 4, 23, 59, 0, 0, time.UTC), models.BandDueSoon, 0}, // still day 14 in GMT
		{time.Date(2026, 11, 5, 0, 0, 0, 0, time.UTC), models.BandOverdue, -1},  // day 15: overdue
	}
	for _, st := range steps {
		w.clock.Set(st.now)
		today := w.s.Today()
		band, left := dueLetterBand(t, w, r.ID, today)
		if band != st.band || left != st.left {
			t.Errorf("on %s: %s with %d days left; want %s with %d", today, band, left, st.band, st.left)
		}
		clocks, err := w.s.Clocks.ForReferral(w.doc, r.ID)
		if err != nil || clocks.OutcomeLetter == nil || clocks.OutcomeLetter.Due != models.NewDate(2026, 11, 4) || clocks.OutcomeLetter.DaysLeft != st.left {
			t.Errorf("on %s the referral's letter clock is %+v, %v", today, clocks.OutcomeLetter, err)
		}
	}
}

// Hazard: HAZ-014.
func TestOutcomeLetterClockAcrossTheSpringClockChange(t *testing.T) {
	w := newWorkflow(t)
	// Accepted at 00:30 GMT on Saturday 20 March 2027; the clocks go forward
	// on Sunday 28 March. The letter is due on Saturday 3 April.
	w.clock.Set(time.Date(2027, 3, 20, 0, 30, 0, 0, time.UTC))
	r := w.accept(func(r *models.Referral) {
		r.ReceivedAt = time.Date(2027, 3, 18, 10, 0, 0, 0, time.UTC)
		r.ExpectedDeliveryDate = models.NewDate(2027, 8, 1)
	})
	for _, st := range []struct {
		now  time.Time
		band models.DueBand
		left int
	}{
		{time.Date(2027, 4, 2, 22, 59, 0, 0, time.UTC), models.BandDueSoon, 1}, // 23:59 BST on Friday 2 April
		{time.Date(2027, 4, 2, 23, 30, 0, 0, time.UTC), models.BandDueSoon, 0}, // 00:30 BST on Saturday 3 April
		{time.Date(2027, 4, 3, 23, 0, 0, 0, time.UTC), models.BandOverdue, -1}, // 00:00 BST on Sunday 4 April
	} {
		w.clock.Set(st.now)
		if band, left := dueLetterBand(t, w, r.ID, w.s.Today()); band != st.band || left != st.left {
			t.Errorf("at %v UTC: %s with %d days left; want %s with %d", st.now, band, left, st.band, st.left)
		}
	}
}

// Hazard: HAZ-003.
func TestClocksCountWeekendsExceptTheUrgentWorkingDayTarget(t *testing.T) {
	w := newWorkflow(t)
	friday := time.Date(2026, 11, 27, 15, 0, 0, 0, time.UTC)
	w.clock.Set(friday.Add(time.Hour))
	urgent := w.accept(func(r *models.Referral) { r.ReceivedAt = friday })
	routine := sampleReferral(testNHSNumber(50))
	routine.ReceivedAt = friday
	register(t, w.s, w.admin, routine)
	// Decided on Saturday 28 November: the outcome letter is due on Saturday 12 December.
	w.clock.Set(time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC))
	if err := w.s.Referrals.Decide(w.doc, routine.ID, routine.Version, Decision{Outcome: models.DecisionAccept, Priority: models.PriorityRoutine, Reason: "Stable on lithium."}); err != nil {
		t.Fatal(err)
	}

	w.clock.Set(time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)) // Monday
	u, _ := w.s.Clocks.ForReferral(w.doc, urgent.ID)
	if u.AssessmentTarget != "2 working days" || u.Assessment.Due != models.NewDate(2026, 12, 1) || u.Assessment.DaysLeft != 1 {
		t.Errorf("urgent assessment clock received on a Friday = %s %+v; want due Tuesday 1 December", u.AssessmentTarget, u.Assessment)
	}
	r, _ := w.s.Clocks.ForReferral(w.doc, routine.ID)
	if r.AssessmentTarget != "14 days" || r.Assessment.Due != models.NewDate(2026, 12, 11) || r.OutcomeLetter.Due != models.NewDate(2026, 12, 12) {
		t.Errorf("routine clocks = %s %+v, letter %+v", r.AssessmentTarget, r.Assessment, r.OutcomeLetter)
	}

	// The urgent assessment is held on Tuesday: met, 4 days after referral.
	a := w.book(urgent.ID, models.KindInitialAssessment, time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC), w.doc)
	w.clock.Set(time.Date(2026, 12, 1, 11, 0, 0, 0, time.UTC)) // attendance is recorded once it has begun
	if err := w.s.Appointments.RecordAttendance(w.admin, a.ID, a.Version, models.AttendOnTime, "", ""); err != nil {
		t.Fatal(err)
	}
	w.clock.Set(time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC))
	u, _ = w.s.Clocks.ForReferral(w.doc, urgent.ID)
	if u.Assessment.State != models.ClockMet || u.Assessment.Days != 4 {
		t.Errorf("after the assessment on day 4: %+v", u.Assessment)
	}
	r, _ = w.s.Clocks.ForReferral(w.doc, routine.ID)
	if r.Assessment.State != models.ClockRunning {
		t.Errorf("routine assessment on Wednesday 2 December: %+v", r.Assessment)
	}

	// The letter due on Saturday is "due soon" on Friday and overdue by Monday.
	if band, left := dueLetterBand(t, w, routine.ID, models.NewDate(2026, 12, 11)); band != models.BandDueSoon || left != 1 {
		t.Errorf("on Friday 11 December: %s, %d left", band, left)
	}
	if band, left := dueLetterBand(t, w, routine.ID, models.NewDate(2026, 12, 14)); band != models.BandOverdue || left != -2 {
		t.Errorf("on Monday 14 December: %s, %d left", band, left)
	}
}

func TestAnOutcomeLetterStopsTheClockAndClosingForOtherReasonsStopsItOwing(t *testing.T) {
	w := newWorkflow(t)
	issued := w.onCaseload(nil, w.worker)
	movedAway := w.onCaseload(nil, w.worker)
	advised := w.accept(nil)
	a := w.book(advised.ID, models.KindInitialAssessment, testNow.Add(-time.Hour), w.doc)
	if err := w.s.Appointments.RecordAttendance(w.admin, a.ID, a.Version, models.AttendOnTime, "", ""); err != nil {
		t.Fatal(err)
	}
	if err := w.s.Referrals.RecordOutcome(w.doc, advised.ID, w.referral(advised.ID).Version, models.OutcomeDischarged, ""); err != nil {
		t.Fatal(err)
	}
	if err := w.s.Referrals.Discharge(w.worker, movedAway.ID, movedAway.Version, movedAwayTo); err != nil {
		t.Fatal(err)
	}
	letter := func(referralID uint, kind models.LetterKind) {
		l := models.Letter{ReferralID: referralID, Kind: kind, RecipientName: "Zoë Nguyễn", RecipientRole: "patient", AuthorID: w.admin.ID,
			IssuedAt: w.clock.Now().Add(48 * time.Hour), TemplateVersion: 1, SHA256: "test"}
		l.Version = 1
		if err := w.s.core.db.Create(&l).Error; err != nil {
			t.Fatal(err)
		}
	}
	letter(issued.ID, models.LetterAcceptance) // an acceptance letter is not the outcome
	today := w.s.Today()
	for _, c := range []struct {
		name string
		id   uint
		want models.DueBand
	}{{"on the caseload", issued.ID, models.BandDue}, {"moved away", movedAway.ID, ""}, {"discharged with advice", advised.ID, models.BandDue}} {
		if band, _ := dueLetterBand(t, w, c.id, today); band != c.want {
			t.Errorf("%s: band %q, want %q", c.name, band, c.want)
		}
	}
	letter(issued.ID, models.LetterOutcomeCaseload)
	if band, _ := dueLetterBand(t, w, issued.ID, today); band != "" {
		t.Errorf("after the outcome letter the referral is still listed as %s", band)
	}
	clocks, _ := w.s.Clocks.ForReferral(w.doc, issued.ID)
	if clocks.OutcomeLetter.State != models.ClockMet || clocks.OutcomeLetter.Days != 2 {
		t.Errorf("letter clock after the letter = %+v", clocks.OutcomeLetter)
	}
	if clocks, _ := w.s.Clocks.ForReferral(w.doc, movedAway.ID); clocks.OutcomeLetter != nil {
		t.Errorf("a referral closed as moved away still owes a letter: %+v", clocks.OutcomeLetter)
	}
}

func TestAssessmentsThisWeekRunMondayToSunday(t *testing.T) {
	w := newWorkflow(t)
	r := w.accept(nil)
	monday := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	w.book(r.ID, models.KindInitialAssessment, monday, w.doc)
	w.book(r.ID, models.KindInitialAssessment, time.Date(2026, 11, 29, 23, 30, 0, 0, time.UTC), w.doc) // Sunday night
	w.book(r.ID, models.KindInitialAssessment, time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC), w.doc)   // next Monday
	w.book(r.ID, models.KindReview, monday.Add(3*time.Hour), w.doc)
	rows, err := w.s.Clocks.AssessmentsThisWeek(w.worker, models.NewDate(2026, 11, 26))
	if err != nil || len(rows) != 2 || rows[0].PatientName() != "Nguyễn, Zoë" || rows[0].ClinicianName != w.doc.Name {
		t.Errorf("assessments this week = %+v, %v", rows, err)
	}
}
