package app

import (
	"fmt"
	"strings"

	"perinatal-caseload/models"
)

// CaseloadMeasure is the outcome measure a caseload row shows: her latest
// EPDS total (or, if she has never done the EPDS, her latest CORE-10)
// and whether it went up, down or stayed the same since the one before
// it. The EPDS comes first since it is the perinatal team's screening
// measure; CORE-10 covers women who are not offered it.
type CaseloadMeasure struct {
	MeasureCode  string `gorm:"-"` // "" when she has neither
	MeasureTotal int    `gorm:"-"`
	// MeasureTrend is ↑, ↓ or →, or "" when there is no earlier total.
	MeasureTrend string `gorm:"-"`
}

// MeasureText returns "EPDS 14 ↓", or "" when she has no EPDS or CORE-10.
func (m CaseloadMeasure) MeasureText() string {
	if m.MeasureCode == "" {
		return ""
	}
	return strings.TrimSpace(fmt.Sprintf("%s %d %s", m.MeasureCode, m.MeasureTotal, m.MeasureTrend))
}

// caseloadMeasureTotal is a scalar subquery for the main caseload query:
// the total of one measure of the row's referral, newest first, skipping
// offset results. Each is one seek of idx_measure_referral, so the
// caseload stays at the same number of queries however many women there
// are (see CaseloadService.Caseload).
func caseloadMeasureTotal(code string, offset int) string {
	return fmt.Sprintf("(SELECT mr.total FROM measure_results mr WHERE mr.referral_id = referrals.id AND mr.measure = '%s' "+
		"ORDER BY mr.taken_on DESC, mr.id DESC LIMIT 1 OFFSET %d)", code, offset)
}

// caseloadMeasureColumns selects the latest and previous EPDS and CORE-10
// totals into caseloadRecord.
var caseloadMeasureColumns = ", " + caseloadMeasureTotal("EPDS", 0) + " AS epds_latest, " + caseloadMeasureTotal("EPDS", 1) + " AS epds_previous, " +
	caseloadMeasureTotal("CORE-10", 0) + " AS core_latest, " + caseloadMeasureTotal("CORE-10", 1) + " AS core_previous"

// caseloadMeasureTotals are the totals caseloadMeasureColumns reads.
type caseloadMeasureTotals struct {
	EpdsLatest, EpdsPrevious, CoreLatest, CorePrevious *int
}

// measure returns the row's CaseloadMeasure.
func (t caseloadMeasureTotals) measure() CaseloadMeasure {
	code, latest, previous := "EPDS", t.EpdsLatest, t.EpdsPrevious
	if latest == nil {
		code, latest, previous = "CORE-10", t.CoreLatest, t.CorePrevious
	}
	if latest == nil {
		return CaseloadMeasure{}
	}
	return CaseloadMeasure{MeasureCode: code, MeasureTotal: *latest, MeasureTrend: models.TrendArrow(previous, *latest)}
}
