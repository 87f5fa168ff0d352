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
	var rows []struct {
		ID         uint
		ReferralID uint
		Measure    string
		TakenOn    models.Date
		Total      int
	}
	// Only the referrals with a measure taken in the range can have a
	// series whose latest score falls in it.
	inRange := s.db.Model(&models.MeasureResult{}).Select("referral_id").Where("taken_on >= ? AND taken_on <= ?", rr.from, rr.to)
	err := s.db.Model(&models.MeasureResult{}).Select("id, referral_id, measure, taken_on, total").
		Where("taken_on <= ? AND referral_id IN (?)", rr.to, inRange).Order("referral_id, measure, taken_on, id").Scan(&rows).Error
	out := OutcomesReport{}
	if err != nil {
		return out, err
	}
	var byMeasure map[string]*OutcomeRow
	out.Measures, byMeasure = keyedRows(OutcomeMeasures, func(m string) OutcomeRow { return OutcomeRow{Measure: m} })
	// Rows come ordered by referral, measure and date: each run of one
	// referral and measure is a series whose first and last are paired.
	for i := 0; i < len(rows); {
		j := i
		for j+1 < len(rows) && rows[j+1].ReferralID == rows[i].ReferralID && rows[j+1].Measure == rows[i].Measure {
			j++
		}
		first, latest := rows[i], rows[j]
		if row := byMeasure[first.Measure]; row != nil && j > i && !latest.TakenOn.Before(rr.from) {
			row.Pairs++
			row.FirstTotal += first.Total
			row.LatestTotal += latest.Total
			if models.MeasureImproved(first.Measure, first.Total, latest.Total) {
				row.Improved++
			}
		}
		i = j + 1
	}
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
