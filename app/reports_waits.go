package app

import (
	"fmt"
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

// firstTimes returns, for each referral, the earliest of the times rows give.
func firstTimes(rows []idTime) map[uint]time.Time {
	out := map[uint]time.Time{}
	for _, r := range rows {
		if t, ok := out[r.ReferralID]; !ok || r.At.Before(t) {
			out[r.ReferralID] = r.At
		}
	}
	return out
}

// idTime is a referral's ID and a time of something that happened to it.
type idTime struct {
	ReferralID uint
	At         time.Time
}

func (s *ReportService) waits(rr reportRange) (WaitsReport, error) {
	routineDays, urgentDays, letterDays := s.settingInt(SetTargetAssessmentDays), s.settingInt(SetTargetUrgentDays), s.settingInt(SetTargetOutcomeDays)
	out := WaitsReport{
		Routine:       WaitRow{Label: fmt.Sprintf("Assessment, routine (target %d days)", routineDays)},
		Urgent:        WaitRow{Label: fmt.Sprintf("Assessment, urgent (target %d working days)", urgentDays)},
		All:           WaitRow{Label: "Assessment, all (each against its target)"},
		OutcomeLetter: WaitRow{Label: fmt.Sprintf("Outcome letter after acceptance (target %d days)", letterDays)},
	}
	var refs []struct {
		ID         uint
		ReceivedAt time.Time
		AcceptedAt *time.Time
		Priority   models.Priority
		Status     models.Status
	}
	if err := s.db.Model(&models.Referral{}).Select("id, received_at, accepted_at, priority, status").
		Where("received_at >= ? AND received_at < ?", rr.start, rr.until).Scan(&refs).Error; err != nil {
		return out, err
	}
	var seen []idTime
	err := s.db.Table("appointments").Select("appointments.referral_id, appointments.starts_at AS at").
		Joins("JOIN referrals ON referrals.id = appointments.referral_id").
		Where("referrals.received_at >= ? AND referrals.received_at < ? AND appointments.kind = ? AND appointments.attendance IN ?",
			rr.start, rr.until, models.KindInitialAssessment, attendedCodes).Scan(&seen).Error
	if err != nil {
		return out, err
	}
	assessed := firstTimes(seen)
	for _, r := range refs {
		row := &out.Routine
		if r.Priority == models.PriorityUrgent {
			row = &out.Urgent
		}
		at, ok := assessed[r.ID]
		if !ok {
			if r.AcceptedAt != nil && r.Status.Open() {
				row.Waiting++
				out.All.Waiting++
			}
			continue
		}
		received, seenOn := models.LondonDate(r.ReceivedAt), models.LondonDate(at)
		days := float64(received.DaysUntil(seenOn))
		within := days <= float64(routineDays)
		if r.Priority == models.PriorityUrgent {
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

// letterWaits measures acceptance to the first outcome letter (any of
// OutcomeLetterKinds, as the outcome-letter clock counts) for referrals
// accepted in rr; one that owes its letter and has none is waiting.
func (s *ReportService) letterWaits(rr reportRange, targetDays int, row *WaitRow) error {
	var accepted []struct {
		ID            uint
		AcceptedAt    time.Time
		Status        models.Status
		ClosureReason string
	}
	if err := s.db.Model(&models.Referral{}).Select("id, accepted_at, status, closure_reason").
		Where("accepted_at >= ? AND accepted_at < ?", rr.start, rr.until).Scan(&accepted).Error; err != nil {
		return err
	}
	var issued []idTime
	err := s.db.Table("letters").Select("letters.referral_id, letters.issued_at AS at").
		Joins("JOIN referrals ON referrals.id = letters.referral_id").
		Where("referrals.accepted_at >= ? AND referrals.accepted_at < ? AND letters.kind IN ?", rr.start, rr.until, OutcomeLetterKinds).
		Scan(&issued).Error
	if err != nil {
		return err
	}
	first := firstTimes(issued)
	for _, r := range accepted {
		at, ok := first[r.ID]
		if !ok {
			if owesLetter(r.Status, r.ClosureReason) {
				row.Waiting++
			}
			continue
		}
		days := float64(models.LondonDate(r.AcceptedAt).DaysUntil(models.LondonDate(at)))
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
