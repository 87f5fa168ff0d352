package models

// MeasureChange is how a woman's scores on one measure moved from her first
// result to her latest.
type MeasureChange struct {
	Measure       string
	First, Latest Date
	// FirstTotal and LatestTotal are the totals (for goal-based outcomes,
	// see Goals instead).
	FirstTotal, LatestTotal int
	// Change is LatestTotal - FirstTotal.
	Change int
	// Improved is true when the change is in the better direction.
	Improved bool
	// Meaningful is true when the measure publishes a meaningful change
	// and this change (in either direction) reaches it.
	Meaningful bool
	// Goals holds, for goal-based outcomes, each goal's change.
	Goals []GoalChange
	// Results counts the results the change spans.
	Results int
}

// GoalChange is one goal's change between its first and latest rating.
type GoalChange struct {
	Goal                  int // from 0
	First, Latest, Change int
	Meaningful            bool
}

// ChangeOf returns the first-to-latest change of results, all of one
// measure and ordered oldest first. It reports false with fewer than one
// result. The change is the raw difference: no reliable-change index is
// applied, since DOMAIN.md asks for published thresholds only and only
// goal-based outcomes carry one here (3 points).
func ChangeOf(d *MeasureDef, results []MeasureResult) (MeasureChange, bool) {
	if d == nil || len(results) == 0 {
		return MeasureChange{}, false
	}
	first, last := results[0], results[len(results)-1]
	c := MeasureChange{
		Measure: d.Code, First: first.TakenOn, Latest: last.TakenOn,
		FirstTotal: first.Total, LatestTotal: last.Total, Change: last.Total - first.Total, Results: len(results),
	}
	c.Improved = c.Change < 0
	if d.HigherIsBetter {
		c.Improved = c.Change > 0
	}
	c.Meaningful = d.MeaningfulChange > 0 && abs(c.Change) >= d.MeaningfulChange
	if d.GoalBased {
		fs, ls := first.ItemScores(), last.ItemScores()
		c.Meaningful = false
		for g := range min(len(fs), len(ls)) {
			if fs[g] < 0 || ls[g] < 0 {
				continue
			}
			gc := GoalChange{Goal: g, First: fs[g], Latest: ls[g], Change: ls[g] - fs[g]}
			gc.Meaningful = abs(gc.Change) >= d.MeaningfulChange
			c.Meaningful = c.Meaningful || gc.Meaningful
			c.Goals = append(c.Goals, gc)
		}
	}
	return c, true
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// TrendArrow returns ↑, ↓ or → for a total that rose, fell or stayed the
// same since the one before; "" when there is no earlier total.
func TrendArrow(previous *int, latest int) string {
	if previous == nil {
		return ""
	}
	if latest > *previous {
		return "↑"
	}
	if latest < *previous {
		return "↓"
	}
	return "→"
}

// MeasureDueReason says why a measure falls due.
type MeasureDueReason string

// Reasons a measure falls due: at her assessment, every three months
// while she is open, and at discharge.
const (
	DueAtAssessment MeasureDueReason = "at assessment"
	DueReview       MeasureDueReason = "3-monthly review"
	DueAtDischarge  MeasureDueReason = "at discharge"
)

// Review and discharge intervals of the measures rule.
const (
	// MeasureReviewMonths is how often measures are repeated.
	MeasureReviewMonths = 3
	// MeasureDischargeDays is how long before discharge a result counts
	// as her discharge measure.
	MeasureDischargeDays = 28
)

// MeasureDue is when a measure is next due, and why.
type MeasureDue struct {
	Measure string
	Reason  MeasureDueReason
	On      Date
	// Due is true when On is today or past.
	Due bool
}

// NextMeasureDue works out when measure d next falls due for a woman: last
// is the date of her latest result (zero for none), assessed the day of
// her initial assessment (zero if not yet held) and discharge the day she
// is to be discharged (zero if not planned). It reports false when nothing
// is due: a measure that is not routine and that she has never done.
//
// The rule (issue 15): each routine measure at assessment; then every
// MeasureReviewMonths after the last; and once more at discharge unless
// she did it in the MeasureDischargeDays before.
func NextMeasureDue(d *MeasureDef, last, assessed, discharge, today Date) (MeasureDue, bool) {
	out := MeasureDue{Measure: d.Code}
	switch {
	case last.IsZero() && !d.Routine:
		return out, false
	case last.IsZero():
		out.Reason, out.On = DueAtAssessment, assessed
		if assessed.IsZero() {
			out.On = today
		}
	default:
		out.Reason, out.On = DueReview, last.AddMonths(MeasureReviewMonths)
	}
	if !discharge.IsZero() && !last.IsZero() {
		window := discharge.AddDays(-MeasureDischargeDays)
		if last.Before(window) && !out.On.Before(window) {
			out.Reason, out.On = DueAtDischarge, window
		}
	}
	out.Due = !today.Before(out.On)
	return out, true
}
