package models

import (
	"fmt"
	"math"
	"slices"
	"time"
)

// The pure calculations behind the manager's reports (issue 16). The
// services read the rows; these functions count them, so that every rule
// of a report is written once and has its own table test.

// Median returns the middle value of xs (the mean of the two middle values
// when there is an even number), and false when xs is empty. xs is not
// changed.
func Median(xs []float64) (float64, bool) {
	if len(xs) == 0 {
		return 0, false
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2], true
	}
	return (s[n/2-1] + s[n/2]) / 2, true
}

// Percentile returns the p-th percentile of xs by the nearest-rank method
// (the smallest value with at least p per cent of the values at or below
// it), and false when xs is empty or p is outside 0 < p <= 100. The
// nearest-rank method always answers with a value that occurred, which
// is what a waiting time in whole days should be.
func Percentile(xs []float64, p float64) (float64, bool) {
	if len(xs) == 0 || p <= 0 || p > 100 {
		return 0, false
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	rank := int(math.Ceil(p / 100 * float64(len(s))))
	return s[rank-1], true
}

// WorkingDaysBetween counts the working days (Monday to Friday) after from
// up to and including to, as AddWorkingDays counts them: to falls on or
// before AddWorkingDays(from, n) exactly when WorkingDaysBetween(from, to)
// is at most n. It is 0 when to is not after from.
func WorkingDaysBetween(from, to Date) int {
	n := 0
	for d := from.AddDays(1); !d.After(to); d = d.AddDays(1) {
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n++
		}
	}
	return n
}

// Month is a calendar month, the unit reports count by.
type Month struct {
	Year  int
	Month time.Month
}

// MonthOfDate returns the month holding d.
func MonthOfDate(d Date) Month { return Month{d.Year, d.Month} }

// Start returns the instant the month begins in UK local time, so that
// the month holds the instants from its Start to the next month's: a
// contact at 23:30 GMT on 31 October is counted in October and one at
// 00:30 BST on 1 April in April.
func (m Month) Start() time.Time { return StartOfLondonDay(m.First()) }

// First returns the first day of the month.
func (m Month) First() Date { return Date{m.Year, m.Month, 1} }

// Last returns the last day of the month.
func (m Month) Last() Date { return Date{m.Year, m.Month, daysIn(m.Year, m.Month)} }

// Next returns the month after m.
func (m Month) Next() Month { return MonthOfDate(m.First().AddMonths(1)) }

// ISO returns the month as YYYY-MM.
func (m Month) ISO() string { return fmt.Sprintf("%04d-%02d", m.Year, int(m.Month)) }

// Label returns the month as reports print it: "Nov 2026".
func (m Month) Label() string { return fmt.Sprintf("%s %d", m.Month.String()[:3], m.Year) }

// ParseMonth reads a month written YYYY-MM, as the command line takes it.
func ParseMonth(s string) (Month, error) {
	t, err := time.Parse("2006-01", s)
	if err != nil {
		return Month{}, fmt.Errorf("%q is not a month in the form YYYY-MM", s)
	}
	return Month{t.Year(), t.Month()}, nil
}

// MonthsCovering lists every month that holds a day from from to to,
// inclusive, in order; none when to is before from.
func MonthsCovering(from, to Date) []Month {
	var out []Month
	if to.Before(from) {
		return out
	}
	last := MonthOfDate(to)
	for m := MonthOfDate(from); ; m = m.Next() {
		out = append(out, m)
		if m == last {
			return out
		}
	}
}

// MHS91Window returns the 12 months that MHS91 counts for the month m: from
// the first day of the month 11 months before m to the last day of m,
// inclusive. A woman counts for m when she had a counting contact on any
// day of the window (see CountsForMHS91).
func (m Month) MHS91Window() (from, to Date) {
	return m.First().AddMonths(-11), m.Last()
}

// CountsForMHS91 reports whether a contact counts towards the perinatal
// access measure MHS91: attended (MHSDS attendance 5 or 6) and held face
// to face or by video (consultation mechanism 01 or 11). A home visit is
// face to face. Telephone contacts never count.
func CountsForMHS91(mode Mode, attendance Attendance) bool {
	if !attendance.Attended() {
		return false
	}
	code := mode.MHSDSConsultationCode()
	return code == "01" || code == "11"
}

// MeasureHigherIsBetter reports whether a higher total means she is doing
// better: true for goal-based outcomes (each goal rated 0–10 towards
// reaching it); false for EPDS, PHQ-9, GAD-7 and CORE-10, whose totals
// count symptoms or distress.
func MeasureHigherIsBetter(measure string) bool { return measure == "GBO" }

// MeasureImproved reports whether the latest total is better than the
// first: lower for the symptom measures, higher for goal-based outcomes.
// No change is not an improvement.
func MeasureImproved(measure string, first, latest int) bool {
	if MeasureHigherIsBetter(measure) {
		return latest > first
	}
	return latest < first
}

// ReportStage is where a woman on the caseload is in the perinatal period,
// in the bands the caseload report counts.
type ReportStage string

// The caseload report's stages.
const (
	ReportStagePlanning ReportStage = "planning"
	ReportStagePregnant ReportStage = "pregnant"
	ReportStageUpTo6    ReportStage = "0-6 months"
	ReportStage6To12    ReportStage = "6-12 months"
	ReportStageOver12   ReportStage = "over 12 months"
	ReportStageNotKnown ReportStage = "not known"
)

// ReportStages lists the stages in the order the report prints them.
var ReportStages = []ReportStage{ReportStagePlanning, ReportStagePregnant, ReportStageUpTo6, ReportStage6To12, ReportStageOver12, ReportStageNotKnown}

// Label returns the stage in words.
func (s ReportStage) Label() string { return labelOf(reportStageLabels, s) }

// reportStageLabels holds the words for each ReportStage.
var reportStageLabels = map[ReportStage]string{
	ReportStagePlanning: "Planning a pregnancy",
	ReportStagePregnant: "Pregnant",
	ReportStageUpTo6:    "0 to 6 months after birth",
	ReportStage6To12:    "6 to 12 months after birth",
	ReportStageOver12:   "Over 12 months after birth",
	ReportStageNotKnown: "Stage not known",
}

// ReportStageOn returns her stage on the date asOf. The baby's date of
// birth decides when it is recorded: under 6 whole months after birth is
// "0-6 months", under 12 is "6-12 months", and 12 or more is "over 12
// months". Without it, a woman recorded as pregnant counts as pregnant
// until her due date and, after it, as that many months after the due
// date, as the caseload takes the due date for an unrecorded birth.
func ReportStageOn(stage Stage, dueDate, babyDateOfBirth, asOf Date) ReportStage {
	birth := babyDateOfBirth
	if birth.IsZero() && stage == StagePregnant && !dueDate.IsZero() && dueDate.Before(asOf) {
		birth = dueDate
	}
	if birth.IsZero() {
		if stage == StagePregnant {
			return ReportStagePregnant
		}
		if stage == StagePreconception {
			return ReportStagePlanning
		}
		return ReportStageNotKnown
	}
	if asOf.Before(birth) {
		return ReportStagePregnant
	}
	months := wholeMonths(birth, asOf)
	if months < 6 {
		return ReportStageUpTo6
	}
	if months < 12 {
		return ReportStage6To12
	}
	return ReportStageOver12
}

// Share returns part as a percentage of whole, to one decimal place, and
// false when whole is 0.
func Share(part, whole int) (float64, bool) {
	if whole == 0 {
		return 0, false
	}
	return math.Round(float64(part)*1000/float64(whole)) / 10, true
}
