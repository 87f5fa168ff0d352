package app

import (
	"perinatal-caseload/models"
	"perinatal-caseload/reports"
)

// ReferralReport counts the referrals received in the range, by the month
// (UK time) they were received and by their source, with what became of
// them. Accepted means accepted at any time since (AcceptedAt is set);
// not accepted means declined at screening; signposted means signposted
// elsewhere at screening. The rest await a decision. The conversion rate
// is accepted as a share of received.
type ReferralReport struct {
	Months  []ReferralCounts
	Sources []ReferralCounts
	Total   ReferralCounts
}

// ReferralCounts is what became of a group of referrals: those of one
// month (Month set) or one source (Source set), or all of them.
type ReferralCounts struct {
	Month                                       models.Month
	Source                                      models.ProfessionalRole
	Received, Accepted, NotAccepted, Signposted int
}

// add counts n referrals in c with the same decision.
func (c *ReferralCounts) add(decision string, accepted bool, n int) {
	c.Received += n
	switch {
	case accepted:
		c.Accepted += n
	case decision == string(models.DecisionDecline):
		c.NotAccepted += n
	case decision == string(models.DecisionSignpost):
		c.Signposted += n
	}
}

func (s *ReportService) referrals(rr reportRange) (ReferralReport, error) {
	var out ReferralReport
	months := models.MonthsCovering(rr.from, rr.to)
	var byMonth map[models.Month]*ReferralCounts
	var bySource map[models.ProfessionalRole]*ReferralCounts
	out.Months, byMonth = keyedRows(months, func(m models.Month) ReferralCounts { return ReferralCounts{Month: m} })
	out.Sources, bySource = keyedRows(models.ReferrerRoles, func(p models.ProfessionalRole) ReferralCounts { return ReferralCounts{Source: p} })
	// The database counts the referrals by month, source and decision.
	month, args := monthOf("referrals.received_at", months)
	q := s.db.Table("referrals").
		Select("("+month+") AS month, COALESCE(professionals.role, ''), COALESCE(referrals.decision, ''), referrals.accepted_at IS NOT NULL, COUNT(*)", args...).
		Joins("JOIN professionals ON professionals.id = referrals.referrer_id").
		Where("referrals.received_at >= ? AND referrals.received_at < ?", rr.start, rr.until).
		Group("1, 2, 3, 4")
	err := eachRow(q, func(scan func(...any) error) error {
		var (
			m              int
			role, decision string
			accepted       bool
			n              int
		)
		if err := scan(&m, &role, &decision, &accepted, &n); err != nil {
			return err
		}
		byMonth[months[m]].add(decision, accepted, n)
		src := bySource[models.ProfessionalRole(role)]
		if src == nil {
			src = bySource[models.ProfOther]
		}
		src.add(decision, accepted, n)
		out.Total.add(decision, accepted, n)
		return nil
	})
	return out, err
}

// cells returns the counts as table cells after the label.
func (c ReferralCounts) cells(label string) []string {
	return []string{label, count(c.Received), count(c.Accepted), count(c.NotAccepted), count(c.Signposted),
		count(c.Received - c.Accepted - c.NotAccepted - c.Signposted), percent(c.Accepted, c.Received)}
}

var referralColumns = []string{"Received", "Accepted", "Not accepted", "Signposted", "Awaiting decision", "Conversion"}

func (r ReferralReport) table() reports.Table {
	b := newChartTable(reports.Table{
		Key: "referrals", Title: "Referrals received, by month",
		Note: "Referrals received in each month (UK time). Accepted: accepted at any time since. Not accepted: declined at screening. " +
			"Signposted: signposted to another service at screening. Conversion: accepted as a share of received.",
		Columns: append([]string{"Month"}, referralColumns...),
	}, reports.Bars, "Referrals", "Received", "Accepted")
	for _, m := range r.Months {
		b.add(m.Month.Label(), m.cells(m.Month.Label()), float64(m.Received), float64(m.Accepted))
	}
	b.row(r.Total.cells("All months")...)
	return b.done()
}

func (r ReferralReport) sourceTable() reports.Table {
	b := newChartTable(reports.Table{
		Key: "referral-sources", Title: "Referrals received, by source",
		Note:    "The same referrals by who referred her. Self-referrals are refused at screening; any received are counted here.",
		Columns: append([]string{"Source"}, referralColumns...),
	}, reports.Bars, "Referrals", "Received")
	for _, src := range r.Sources {
		b.add(src.Source.Label(), src.cells(src.Source.Label()), float64(src.Received))
	}
	return b.done()
}
