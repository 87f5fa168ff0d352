package app

import (
	"perinatal-caseload/models"
)

// RiskReviewRow is a referral whose risk review falls due: the Dashboard
// lists them so that no review is missed.
type RiskReviewRow struct {
	ReferralID    uint
	GivenName     string
	FamilyName    string
	NHSNumber     *string
	Level         models.RiskLevel
	ReviewDue     models.Date
	KeyWorkerName string
	// Safeguarding are her standing safeguarding flags.
	Safeguarding safeguardingCols `gorm:"embedded"`
}

// SafeguardingFlags returns her standing safeguarding flags, for badges.
func (r RiskReviewRow) SafeguardingFlags() []CaseloadFlag { return r.Safeguarding.flags() }

// PatientName returns "Family, Given" for lists.
func (r RiskReviewRow) PatientName() string { return r.FamilyName + ", " + r.GivenName }

// Overdue reports whether the review is past its date on today.
func (r RiskReviewRow) Overdue(today models.Date) bool { return r.ReviewDue.Before(today) }

// ReviewsDue returns the open referrals whose risk review falls due on
// today: due within models.RiskReviewDueDays or already past, the most
// overdue first, at most limit of them (0 for all), with her key worker
// if she has one.
func (s *RiskService) ReviewsDue(actor *models.StaffMember, today models.Date, limit int) ([]RiskReviewRow, error) {
	if err := s.authorise(actor, models.PermViewReferrals); err != nil {
		return nil, err
	}
	q := s.db.Table("risk_summaries").
		Select("risk_summaries.referral_id, risk_summaries.level, risk_summaries.review_due, "+
			"patients.given_name, patients.family_name, patients.nhs_number, staff_members.name AS key_worker_name"+safeguardingSelect).
		Joins("JOIN referrals ON referrals.id = risk_summaries.referral_id").
		Joins("JOIN patients ON patients.id = referrals.patient_id").
		Joins("LEFT JOIN allocations ON allocations.referral_id = referrals.id AND allocations.ended_at IS NULL").
		Joins("LEFT JOIN staff_members ON staff_members.id = allocations.key_worker_id").
		Where("referrals.status NOT IN ? AND risk_summaries.review_due <= ?", closedStatuses, today.AddDays(models.RiskReviewDueDays)).
		Order("risk_summaries.review_due, risk_summaries.referral_id")
	if limit > 0 {
		q = q.Limit(limit)
	}
	var rows []RiskReviewRow
	err := q.Scan(&rows).Error
	return rows, err
}
