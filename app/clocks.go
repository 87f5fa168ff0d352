package app

import (
	"fmt"
	"time"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// ClockService works out the waiting-time clocks of the pathway and the
// Dashboard's lists. All targets are settings.
//
// How the clocks count (decided here, and tested):
//   - In UK calendar dates (models.LondonDate), never in 24-hour periods,
//     so the change between British Summer Time and GMT never moves a due
//     date. Weekends count as ordinary days, except for the urgent
//     assessment target, which is in working days (Monday to Friday; bank
//     holidays are not known and count as working days).
//   - Assessment: from the date the referral was received to the date of
//     the first initial assessment she attended (MHSDS 5 or 6). Due by
//     received + target.assessment_days (14) for a routine referral, or
//     received + target.urgent_assessment_days (2) working days for an
//     urgent one.
//   - Outcome letter: due by the date of acceptance + target.outcome_letter_days
//     (14), and met by the first outcome letter issued for the referral
//     (any of OutcomeLetterKinds). A letter due on day 14 is "due today" on
//     day 14 and overdue from day 15. The clock runs from acceptance, not
//     from the assessment outcome, because the domain promises the woman a
//     letter within two weeks of acceptance; an outcome recorded late does
//     not buy more time. It is owed while the referral is open, when she was
//     discharged with advice after the assessment, and when an accepted
//     referral was later not accepted. A referral closed for any other
//     reason (moved away, declined contact, …) stops owing it.
type ClockService struct{ *core }

// OutcomeLetterKinds are the letters that stop the outcome-letter clock.
var OutcomeLetterKinds = []models.LetterKind{
	models.LetterOutcomeCaseload, models.LetterOutcomeMedical, models.LetterOutcomeDischarge,
	models.LetterNotAccepted, models.LetterAssessmentNotNeeded,
}

// letterOwedStatuses are the statuses in which an accepted referral owes
// its outcome letter until one is issued. A closed referral owes it only if
// she was discharged with advice (see owesLetter).
var letterOwedStatuses = []models.Status{
	models.StatusAccepted, models.StatusAssessmentBooked, models.StatusMedicalReview,
	models.StatusCaseload, models.StatusNotAccepted,
}

// owesLetter reports whether an accepted referral in this state still needs
// its outcome letter (when none has been issued).
func owesLetter(status models.Status, closureReason string) bool {
	if status == models.StatusClosed {
		return closureReason == string(models.ClosureDischargedWithAdvice)
	}
	for _, s := range letterOwedStatuses {
		if s == status {
			return true
		}
	}
	return false
}

// Today returns today's date in the UK by the services' clock.
func (s *Services) Today() models.Date { return models.LondonDate(s.core.clock.Now()) }

// ReferralClocks is where one referral stands against the targets.
type ReferralClocks struct {
	ReferralID uint
	Priority   models.Priority
	// Assessment is nil when no assessment is expected: the referral was not
	// accepted, or closed before she attended one.
	Assessment *models.WaitClock
	// AssessmentTarget says the target in words: "14 days", "2 working days".
	AssessmentTarget string
	// OutcomeLetter is nil when no outcome letter is owed (see ClockService);
	// it is not started until the referral is accepted.
	OutcomeLetter *models.WaitClock
}

// ForReferral returns a referral's clocks as they stand today.
func (s *ClockService) ForReferral(actor *models.StaffMember, referralID uint) (*ReferralClocks, error) {
	if err := s.authorise(actor, models.PermViewReferrals); err != nil {
		return nil, err
	}
	r, err := s.loadReferral(s.db, referralID)
	if err != nil {
		return nil, err
	}
	var assessed models.Appointment
	err = s.db.Select("starts_at").Where("referral_id = ? AND kind = ? AND attendance IN ?", r.ID, models.KindInitialAssessment,
		[]models.Attendance{models.AttendOnTime, models.AttendLateSeen}).Order("starts_at").Limit(1).Find(&assessed).Error
	if err != nil {
		return nil, err
	}
	var letter models.Letter
	err = s.db.Select("issued_at").Where("referral_id = ? AND kind IN ?", r.ID, OutcomeLetterKinds).Order("issued_at").Limit(1).Find(&letter).Error
	if err != nil {
		return nil, err
	}
	today := models.LondonDate(s.clock.Now())
	out := &ReferralClocks{ReferralID: r.ID, Priority: r.Priority}
	var due models.Date
	due, out.AssessmentTarget = s.assessmentDue(r)
	if stopped := londonDateOrZero(assessed.StartsAt); r.Status != models.StatusNotAccepted && (r.Status.Open() || !stopped.IsZero()) {
		c := models.NewWaitClock(models.LondonDate(r.ReceivedAt), due, stopped, today)
		out.Assessment = &c
	}
	issued := londonDateOrZero(letter.IssuedAt)
	from := s.trackedFrom()
	switch {
	case r.AcceptedAt != nil && issued.IsZero() && !from.IsZero() && models.LondonDate(*r.AcceptedAt).Before(from):
		// Accepted before letters were tracked: its letter is not on the clock.
	case r.AcceptedAt == nil && r.Status.Open():
		out.OutcomeLetter = &models.WaitClock{State: models.ClockNotStarted}
	case r.AcceptedAt != nil && (owesLetter(r.Status, r.ClosureReason) || !issued.IsZero()):
		accepted := models.LondonDate(*r.AcceptedAt)
		c := models.NewWaitClock(accepted, accepted.AddDays(s.outcomeDays()), issued, today)
		out.OutcomeLetter = &c
	}
	return out, nil
}

// assessmentDue returns the date a referral's assessment is due by, and the target in words.
func (s *ClockService) assessmentDue(r *models.Referral) (models.Date, string) {
	received := models.LondonDate(r.ReceivedAt)
	if r.Priority == models.PriorityUrgent {
		n := s.settingInt(SetTargetUrgentDays)
		return models.AddWorkingDays(received, n), plural(n, "working day")
	}
	n := s.settingInt(SetTargetAssessmentDays)
	return received.AddDays(n), plural(n, "day")
}

func (s *ClockService) outcomeDays() int { return s.settingInt(SetTargetOutcomeDays) }

func londonDateOrZero(t time.Time) models.Date {
	if t.IsZero() {
		return models.Date{}
	}
	return models.LondonDate(t)
}

func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}

// DueLetterRow is a referral whose outcome letter is owed.
type DueLetterRow struct {
	ReferralID uint
	Status     models.Status
	Priority   models.Priority
	AcceptedAt time.Time
	GivenName  string
	FamilyName string
	NHSNumber  *string
	Due        models.Date    // the date the letter is due by
	DaysLeft   int            // 0 when due today; negative when overdue (-1 is one day over)
	Band       models.DueBand // overdue, due soon or due
	// Safeguarding are her standing safeguarding flags.
	Safeguarding safeguardingCols `gorm:"embedded"`
}

// SafeguardingFlags returns her standing safeguarding flags, for badges.
func (r DueLetterRow) SafeguardingFlags() []CaseloadFlag { return r.Safeguarding.flags() }

// Reference returns the referral's reference, such as "PMH-000155".
func (r DueLetterRow) Reference() string { return models.ReferralReference(r.ReferralID) }

// PatientName returns "Family, Given" for lists.
func (r DueLetterRow) PatientName() string { return r.FamilyName + ", " + r.GivenName }

// DueLetterLists are the Dashboard's outcome-letter lists on one day. The
// bands do not overlap: overdue (past the due date), due soon (due from
// today to target.due_soon_days ahead), and due (later). Each list holds
// the first rows, urgent first and then oldest acceptance first; the
// counts are of them all.
type DueLetterLists struct {
	Today                                models.Date
	Overdue, DueSoon, Due                []DueLetterRow
	OverdueCount, DueSoonCount, DueCount int64
}

// DueLetters returns the outcome letters owed on today, in three bands, at
// most limit rows each (100 if limit is 0 or less). Each band is an indexed
// range of acceptance times (status, accepted_at), never a scan of every referral.
func (s *ClockService) DueLetters(actor *models.StaffMember, today models.Date, limit int) (*DueLetterLists, error) {
	if err := s.authorise(actor, models.PermViewReferrals); err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = 100
	}
	out := &DueLetterLists{Today: today}
	for _, b := range []struct {
		band  models.DueBand
		rows  *[]DueLetterRow
		count *int64
	}{{models.BandOverdue, &out.Overdue, &out.OverdueCount}, {models.BandDueSoon, &out.DueSoon, &out.DueSoonCount}, {models.BandDue, &out.Due, &out.DueCount}} {
		if err := s.owedIn(s.db.Table("referrals"), b.band, today).Count(b.count).Error; err != nil {
			return nil, err
		}
		rows, err := s.dueLetterPage(b.band, today, 0, limit)
		if err != nil {
			return nil, err
		}
		*b.rows = rows
	}
	return out, nil
}

// DueLetterPage returns rows offset..offset+limit of one band, for
// scrolling a list beyond what DueLetters returned.
func (s *ClockService) DueLetterPage(actor *models.StaffMember, today models.Date, band models.DueBand, offset, limit int) ([]DueLetterRow, error) {
	if err := s.authorise(actor, models.PermViewReferrals); err != nil {
		return nil, err
	}
	return s.dueLetterPage(band, today, offset, limit)
}

// dueLetterOrder lists owed letters urgent first, then oldest acceptance
// first, as every queue of the team is ordered.
const dueLetterOrder = "referrals.urgent_rank, referrals.accepted_at, referrals.id"

func (s *ClockService) dueLetterPage(band models.DueBand, today models.Date, offset, limit int) ([]DueLetterRow, error) {
	// The page of referrals is picked, in order, before the patients are
	// joined, so only the rows shown are joined.
	page := s.owedIn(s.db.Table("referrals").Select("referrals.id"), band, today).
		Order(dueLetterOrder).Offset(offset).Limit(limit)
	var rows []DueLetterRow
	err := s.db.Table("referrals").
		Select("referrals.id AS referral_id, referrals.status, referrals.priority, referrals.accepted_at, "+
			"patients.given_name, patients.family_name, patients.nhs_number"+safeguardingSelect).
		Joins("JOIN patients ON patients.id = referrals.patient_id").
		Where("referrals.id IN (?)", page).
		Order(dueLetterOrder).Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	days, soon := s.outcomeDays(), s.settingInt(SetDueSoonDays)
	for i := range rows {
		r := &rows[i]
		r.Due = models.LondonDate(r.AcceptedAt).AddDays(days)
		r.DaysLeft = today.DaysUntil(r.Due)
		r.Band = models.DueBandOf(r.Due, today, soon)
	}
	return rows, nil
}

// owedIn narrows q to referrals owing their outcome letter whose due date
// falls in band on today. A due date is the UK date of acceptance plus the
// target, so "due before day D" is "accepted before the UK midnight that
// starts day D minus the target": each band is a range of accepted_at. The
// range is written into both halves of the condition (open referrals, and
// those closed after discharge with advice) so each half is one range of
// an index: (status, accepted_at) and (status, closure_reason, accepted_at).
func (s *ClockService) owedIn(q *gorm.DB, band models.DueBand, today models.Date) *gorm.DB {
	days, soon := s.outcomeDays(), s.settingInt(SetDueSoonDays)
	dueTodayFrom := models.StartOfLondonDay(today.AddDays(-days))           // accepted from here: due today or later
	dueLaterFrom := models.StartOfLondonDay(today.AddDays(soon + 1 - days)) // accepted from here: due after the soon window
	accepted, bounds := "referrals.accepted_at >= ?", []any{dueLaterFrom}
	switch band {
	case models.BandOverdue:
		accepted, bounds = "referrals.accepted_at < ?", []any{dueTodayFrom}
	case models.BandDueSoon:
		accepted, bounds = "referrals.accepted_at >= ? AND referrals.accepted_at < ?", []any{dueTodayFrom, dueLaterFrom}
	}
	args := append(append([]any{letterOwedStatuses}, bounds...), models.StatusClosed, string(models.ClosureDischargedWithAdvice))
	if from := s.trackedFrom(); !from.IsZero() {
		q = q.Where("referrals.accepted_at >= ?", models.StartOfLondonDay(from))
	}
	return q.Where("((referrals.status IN ? AND "+accepted+") OR (referrals.status = ? AND referrals.closure_reason = ? AND "+accepted+"))", append(args, bounds...)...).
		Where("NOT EXISTS (SELECT 1 FROM letters WHERE letters.referral_id = referrals.id AND letters.kind IN ?)", OutcomeLetterKinds)
}

// AssessmentsThisWeek returns the initial assessments booked in the week
// (Monday to Sunday, UK time) holding today, held or not, cancelled ones
// left out.
func (s *ClockService) AssessmentsThisWeek(actor *models.StaffMember, today models.Date) ([]DiaryEntry, error) {
	from, to := Week(today)
	if err := s.authorise(actor, models.PermViewReferrals); err != nil {
		return nil, err
	}
	return s.diary(DiaryFilter{From: from, To: to, Kind: models.KindInitialAssessment})
}
