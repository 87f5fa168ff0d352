package app

import (
	"cmp"
	"database/sql"
	"fmt"
	"slices"
	"time"

	"perinatal-caseload/models"
	"perinatal-caseload/reports"
)

// WaitsReport measures the waits of the referrals in the range against the
// targets (all settings): from receipt to the first initial assessment she
// attended, for referrals received in the range, and from acceptance to
// the first outcome letter, for referrals accepted in the range. Days are
// UK calendar days; the urgent target is in working days.
type WaitsReport struct {
	Routine, Urgent, All WaitRow
	OutcomeLetter        WaitRow
}

// WaitRow is one wait: how many were measured, the median and 90th
// percentile in days, how many were within the target, and how many have
// not reached the end of the wait yet.
type WaitRow struct {
	Label        string
	Measured     int
	Median, P90  float64
	HasFigures   bool
	WithinTarget int
	Waiting      int
	days         []float64
}

// add measures one completed wait.
func (w *WaitRow) add(days float64, within bool) {
	w.Measured++
	w.days = append(w.days, days)
	if within {
		w.WithinTarget++
	}
}

// finish works out the median and 90th percentile.
func (w *WaitRow) finish() {
	w.Median, w.HasFigures = models.Median(w.days)
	w.P90, _ = models.Percentile(w.days, 90)
}

// firstOf returns the earlier of t and the time at, where at is set and t
// is not yet (zero) or later.
func firstOf(t time.Time, at sql.NullTime) time.Time {
	if at.Valid && (t.IsZero() || at.Time.Before(t)) {
		return at.Time
	}
	return t
}

// receivedWait is a referral received in the range, and when she first
// attended an initial assessment (zero when she has not).
type receivedWait struct {
	receivedAt time.Time
	accepted   bool
	priority   models.Priority
	status     models.Status
	assessed   time.Time
}

func (s *ReportService) waits(rr reportRange) (WaitsReport, error) {
	routineDays, urgentDays, letterDays := s.settingInt(SetTargetAssessmentDays), s.settingInt(SetTargetUrgentDays), s.settingInt(SetTargetOutcomeDays)
	out := WaitsReport{
		Routine:       WaitRow{Label: fmt.Sprintf("Assessment, routine (target %d days)", routineDays)},
		Urgent:        WaitRow{Label: fmt.Sprintf("Assessment, urgent (target %d working days)", urgentDays)},
		All:           WaitRow{Label: "Assessment, all (each against its target)"},
		OutcomeLetter: WaitRow{Label: fmt.Sprintf("Outcome letter after acceptance (target %d days)", letterDays)},
	}
	// One row for each attended initial assessment of a referral received
	// in the range, or one with no time for a referral with none.
	q := s.db.Table("referrals").
		Select("referrals.id, referrals.received_at, referrals.accepted_at IS NOT NULL, referrals.priority, referrals.status, appointments.starts_at").
		Joins("LEFT JOIN appointments ON appointments.referral_id = referrals.id AND appointments.kind = ? AND appointments.attendance IN ?",
			models.KindInitialAssessment, attendedCodes).
		Where("referrals.received_at >= ? AND referrals.received_at < ?", rr.start, rr.until)
	refs := map[uint]*receivedWait{}
	err := eachRow(q, func(scan func(...any) error) error {
		var id uint
		var r receivedWait
		var at sql.NullTime
		if err := scan(&id, &r.receivedAt, &r.accepted, &r.priority, &r.status, &at); err != nil {
			return err
		}
		if seen := refs[id]; seen != nil {
			seen.assessed = firstOf(seen.assessed, at)
			return nil
		}
		r.assessed = firstOf(time.Time{}, at)
		refs[id] = &r
		return nil
	})
	if err != nil {
		return out, err
	}
	for _, r := range refs {
		row := &out.Routine
		if r.priority == models.PriorityUrgent {
			row = &out.Urgent
		}
		if r.assessed.IsZero() {
			if r.accepted && r.status.Open() {
				row.Waiting++
				out.All.Waiting++
			}
			continue
		}
		received, seenOn := models.LondonDate(r.receivedAt), models.LondonDate(r.assessed)
		days := float64(received.DaysUntil(seenOn))
		within := days <= float64(routineDays)
		if r.priority == models.PriorityUrgent {
			within = models.WorkingDaysBetween(received, seenOn) <= urgentDays
		}
		row.add(days, within)
		out.All.add(days, within)
	}
	if err := s.letterWaits(rr, letterDays, &out.OutcomeLetter); err != nil {
		return out, err
	}
	for _, w := range []*WaitRow{&out.Routine, &out.Urgent, &out.All, &out.OutcomeLetter} {
		w.finish()
	}
	return out, nil
}

// acceptedLetter is a referral accepted in the range, and when its first
// outcome letter was issued (zero when none has been).
type acceptedLetter struct {
	id            uint
	acceptedAt    time.Time
	status        models.Status
	closureReason string
	firstLetter   time.Time
}

// acceptedLetters returns the referrals accepted in rr, in order of ID,
// each with its first outcome letter (any of OutcomeLetterKinds, as the
// outcome-letter clock counts). The waits and the data-quality report
// share them: they are read once for rr, and neither changes them.
func (s *ReportService) acceptedLetters(rr reportRange) ([]acceptedLetter, error) {
	return rr.accepted.get(func() ([]acceptedLetter, error) { return s.readAcceptedLetters(rr) })
}

// readAcceptedLetters reads what acceptedLetters returns. The rows are put
// in order here: asked to, SQLite would read every referral in order
// rather than sort the few.
func (s *ReportService) readAcceptedLetters(rr reportRange) ([]acceptedLetter, error) {
	q := s.db.Table("referrals").
		Select("referrals.id, referrals.accepted_at, referrals.status, COALESCE(referrals.closure_reason, ''), letters.issued_at").
		Joins("LEFT JOIN letters ON letters.referral_id = referrals.id AND letters.kind IN ?", OutcomeLetterKinds).
		Where("referrals.accepted_at >= ? AND referrals.accepted_at < ?", rr.start, rr.until)
	var out []acceptedLetter
	at := map[uint]int{} // where each referral is in out
	err := eachRow(q, func(scan func(...any) error) error {
		var r acceptedLetter
		var issued sql.NullTime
		if err := scan(&r.id, &r.acceptedAt, &r.status, &r.closureReason, &issued); err != nil {
			return err
		}
		if i, ok := at[r.id]; ok {
			out[i].firstLetter = firstOf(out[i].firstLetter, issued)
			return nil
		}
		r.firstLetter = firstOf(time.Time{}, issued)
		at[r.id] = len(out)
		out = append(out, r)
		return nil
	})
	slices.SortFunc(out, func(a, b acceptedLetter) int { return cmp.Compare(a.id, b.id) })
	return out, err
}

// letterWaits measures acceptance to the first outcome letter for
// referrals accepted in rr; one that owes its letter and has none is
// waiting.
func (s *ReportService) letterWaits(rr reportRange, targetDays int, row *WaitRow) error {
	accepted, err := s.acceptedLetters(rr)
	if err != nil {
		return err
	}
	for _, r := range accepted {
		if r.firstLetter.IsZero() {
			if owesLetter(r.status, r.closureReason) {
				row.Waiting++
			}
			continue
		}
		days := float64(models.LondonDate(r.acceptedAt).DaysUntil(models.LondonDate(r.firstLetter)))
		row.add(days, days <= float64(targetDays))
	}
	return nil
}

func (w WaitsReport) table() reports.Table {
	b := newChartTable(reports.Table{
		Key: "waits", Title: "Waiting times",
		Note: "Assessment: referrals received in the range, from the day received to the first initial assessment she attended " +
			"(MHSDS 5 or 6). Outcome letter: referrals accepted in the range, to the first outcome letter issued. " +
			"Days are UK calendar days; the urgent target counts working days (Monday to Friday). " +
			"Still waiting: accepted, still open, and not yet assessed; or owed an outcome letter not yet issued.",
		Columns: []string{"Wait", "Measured", "Median days", "90th percentile days", "Within target", "Share within target", "Still waiting"},
	}, reports.Bars, "% within target", "% within target")
	for i, r := range []WaitRow{w.Routine, w.Urgent, w.All, w.OutcomeLetter} {
		b.add([]string{"Routine", "Urgent", "All", "Outcome letter"}[i], []string{r.Label, count(r.Measured), decimal(r.Median, r.HasFigures),
			decimal(r.P90, r.HasFigures), count(r.WithinTarget), percent(r.WithinTarget, r.Measured), count(r.Waiting)},
			shareValue(r.WithinTarget, r.Measured))
	}
	return b.done()
}
