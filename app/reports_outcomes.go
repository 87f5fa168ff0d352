package app

import (
	"perinatal-caseload/models"
	"perinatal-caseload/reports"
)

// OutcomeMeasures lists the measures the outcomes report pairs, in its order.
var OutcomeMeasures = []string{"EPDS", "PHQ-9", "GAD-7", "CORE-10", "GBO"}

// OutcomesReport pairs, for each referral and measure, her first score with
// her latest, where she has at least two and the latest was taken in the
// range (taken on or before its last day), and counts the change: mean
// first, mean latest, mean change (latest minus first) and the share
// improved (lower for EPDS, PHQ-9, GAD-7 and CORE-10, higher for goal-based
// outcomes; see models.MeasureImproved). No reliable-change threshold is
// applied: the change is raw.
type OutcomesReport struct {
	Measures []OutcomeRow
}

// OutcomeRow is one measure's pairs.
type OutcomeRow struct {
	Measure                 string
	Pairs, Improved         int
	FirstTotal, LatestTotal int
	MeanFirst, MeanLatest   float64
	MeanChange              float64
	HasPairs                bool
}

func (s *ReportService) outcomes(rr reportRange) (OutcomesReport, error) {
	out := OutcomesReport{}
	for _, m := range OutcomeMeasures {
		out.Measures = append(out.Measures, OutcomeRow{Measure: m})
	}
	// Only the referrals with a measure taken in the range can have a
	// series whose latest score falls in it. Each score comes as numbers
	// only (the measure by its place in OutcomeMeasures, and whether it
	// was taken in the range), which the database hands over fastest.
	inRange := s.db.Model(&models.MeasureResult{}).Select("referral_id").Where("taken_on >= ? AND taken_on <= ?", rr.from, rr.to)
	measure, args := placeIn("measure", OutcomeMeasures)
	q := s.db.Model(&models.MeasureResult{}).
		Select("referral_id, "+measure+", CASE WHEN taken_on >= ? THEN 1 ELSE 0 END, total", append(args, rr.from)...).
		Where("taken_on <= ? AND measure IN ? AND referral_id IN (?)", rr.to, OutcomeMeasures, inRange).
		Order("referral_id, measure, taken_on, id")
	// Rows come ordered by referral, measure and date: each run of one
	// referral and measure is a series whose first and last are paired.
	type score struct {
		referralID    uint
		measure       int
		latestInRange bool
		total         int
	}
	var first, latest score
	n := 0 // scores in the series so far
	pair := func() {
		if n < 2 || !latest.latestInRange {
			return
		}
		row := &out.Measures[first.measure]
		row.Pairs++
		row.FirstTotal += first.total
		row.LatestTotal += latest.total
		if models.MeasureImproved(row.Measure, first.total, latest.total) {
			row.Improved++
		}
	}
	err := eachRow(q, func(scan func(...any) error) error {
		var r score
		if err := scan(&r.referralID, &r.measure, &r.latestInRange, &r.total); err != nil {
			return err
		}
		if n == 0 || r.referralID != first.referralID || r.measure != first.measure {
			pair()
			first, n = r, 0
		}
		latest = r
		n++
		return nil
	})
	if err != nil {
		return out, err
	}
	pair()
	for i := range out.Measures {
		r := &out.Measures[i]
		if r.Pairs > 0 {
			r.HasPairs = true
			r.MeanFirst = float64(r.FirstTotal) / float64(r.Pairs)
			r.MeanLatest = float64(r.LatestTotal) / float64(r.Pairs)
			r.MeanChange = r.MeanLatest - r.MeanFirst
		}
	}
	return out, nil
}

func (o OutcomesReport) table() reports.Table {
	b := newChartTable(reports.Table{
		Key: "outcomes", Title: "Outcome measures: first and latest scores",
		Note: "For each woman's referral and measure with two or more scores, the latest taken in the range: her first score " +
			"paired with her latest. Improved: lower for EPDS, PHQ-9, GAD-7 and CORE-10; higher for goal-based outcomes. " +
			"The change is raw; no reliable-change threshold is applied.",
		Columns: []string{"Measure", "Pairs", "Mean first", "Mean latest", "Mean change", "Improved", "Share improved"},
	}, reports.Bars, "% improved", "% improved")
	for _, r := range o.Measures {
		b.add(r.Measure, []string{r.Measure, count(r.Pairs), decimal(r.MeanFirst, r.HasPairs), decimal(r.MeanLatest, r.HasPairs),
			signed(r.MeanChange, r.HasPairs), count(r.Improved), percent(r.Improved, r.Pairs)}, shareValue(r.Improved, r.Pairs))
	}
	return b.done()
}

// signed prints a change with its sign: "+2.5", "-4.0", or "–" when not known.
func signed(v float64, ok bool) string {
	if ok && v > 0 {
		return "+" + decimal(v, ok)
	}
	return decimal(v, ok)
}
