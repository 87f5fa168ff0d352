package app

import (
	"fmt"

	"perinatal-caseload/models"
)

// MeasureSummary is one measure on a woman's record: her results oldest
// first, the first-to-latest change and when it is next due.
type MeasureSummary struct {
	Def       *models.MeasureDef
	Results   []models.MeasureResult
	Change    models.MeasureChange
	HasChange bool
	Due       models.MeasureDue
	HasDue    bool
}

// Latest returns the latest result, or nil when she has none.
func (m MeasureSummary) Latest() *models.MeasureResult {
	if len(m.Results) == 0 {
		return nil
	}
	return &m.Results[len(m.Results)-1]
}

// MeasuresOverview is the Measures section of her record.
type MeasuresOverview struct {
	// Measures holds every defined measure, in models.Measures order.
	Measures []MeasureSummary
	// RiskAlerts has one line for each measure whose latest result has a
	// positive risk item: the red banner on her record.
	RiskAlerts []string
}

// Overview returns the Measures section of a referral's record: each
// measure's results, change and next due date (see
// models.NextMeasureDue), and the risk items positive on the latest
// result of each measure. Reading it is audited as a view.
func (s *MeasureService) Overview(actor *models.StaffMember, referralID uint) (*MeasuresOverview, error) {
	results, err := s.ForReferral(actor, referralID)
	if err != nil {
		return nil, err
	}
	r, err := s.loadReferral(s.db, referralID)
	if err != nil {
		return nil, err
	}
	today := models.LondonDate(s.clock.Now())
	assessed, err := s.assessedOn(referralID)
	if err != nil {
		return nil, err
	}
	_, discharge := models.StageToday(r.Stage, r.ExpectedDeliveryDate, r.BabyDateOfBirth, today)
	byCode := map[string][]models.MeasureResult{}
	for _, m := range results {
		byCode[m.Measure] = append(byCode[m.Measure], m)
	}
	out := &MeasuresOverview{}
	for _, d := range models.Measures() {
		sum := MeasureSummary{Def: d, Results: byCode[d.Code]}
		sum.Change, sum.HasChange = models.ChangeOf(d, sum.Results)
		var last models.Date
		if l := sum.Latest(); l != nil {
			last = l.TakenOn
			if l.RiskItemPositive && d.Risk != nil {
				out.RiskAlerts = append(out.RiskAlerts, fmt.Sprintf("%s on %s: item %d positive (%s)", d.Code, l.TakenOn.UK(), d.Risk.Item+1, d.Risk.Label))
			}
		}
		if r.Status.Open() {
			sum.Due, sum.HasDue = models.NextMeasureDue(d, last, assessed, discharge, today)
		}
		out.Measures = append(out.Measures, sum)
	}
	return out, nil
}

// assessedOn returns the day of her first attended initial assessment,
// or the zero date if she has not had one.
func (s *MeasureService) assessedOn(referralID uint) (models.Date, error) {
	var a []models.Appointment
	err := s.db.Select("starts_at").Where("referral_id = ? AND kind = ? AND attendance IN ?", referralID,
		models.KindInitialAssessment, []models.Attendance{models.AttendOnTime, models.AttendLateSeen}).
		Order("starts_at").Limit(1).Find(&a).Error
	if err != nil || len(a) == 0 {
		return models.Date{}, err
	}
	return models.LondonDate(a[0].StartsAt), nil
}
