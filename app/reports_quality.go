package app

import (
	"fmt"
	"strings"
	"time"

	"perinatal-caseload/models"
	"perinatal-caseload/reports"
)

// QualityReport lists the referrals received in the range that miss data
// the service and the MHSDS need: her NHS number, her GP practice, her
// ethnic category, and, for referrals
// accepted in the range, an outcome letter that is owed and not issued.
// Referrals are named by their reference (PMH-000123), never by her name.
type QualityReport struct {
	Received, Accepted int
	Checks             []QualityCheck
}

// QualityCheck is one check: the referrals it found, out of how many were
// checked.
type QualityCheck struct {
	Label   string
	Checked int
	Missing []uint
}

func (s *ReportService) quality(rr reportRange) (QualityReport, error) {
	out := QualityReport{}
	sel := "referrals.id, patients.nhs_number, patients.gp_practice, patients.gp_practice_id, patients.ethnic_category"
	var rows []struct {
		ID             uint
		NHSNumber      *string
		GPPractice     string
		GPPracticeID   *uint
		EthnicCategory models.EthnicCategory
	}
	err := s.db.Table("referrals").Select(sel).Joins("JOIN patients ON patients.id = referrals.patient_id").
		Where("referrals.received_at >= ? AND referrals.received_at < ?", rr.start, rr.until).Order("referrals.id").Scan(&rows).Error
	if err != nil {
		return out, err
	}
	out.Received = len(rows)
	nhs := QualityCheck{Label: "Missing NHS number", Checked: len(rows)}
	gp := QualityCheck{Label: "Missing GP practice", Checked: len(rows)}
	eth := QualityCheck{Label: "Missing ethnic category", Checked: len(rows)}
	for _, r := range rows {
		if r.NHSNumber == nil || strings.TrimSpace(*r.NHSNumber) == "" {
			nhs.Missing = append(nhs.Missing, r.ID)
		}
		if strings.TrimSpace(r.GPPractice) == "" && r.GPPracticeID == nil {
			gp.Missing = append(gp.Missing, r.ID)
		}
		if r.EthnicCategory == models.EthnicNotRecorded {
			eth.Missing = append(eth.Missing, r.ID)
		}
	}
	letter, err := s.missingLetters(rr)
	if err != nil {
		return out, err
	}
	out.Accepted = letter.Checked
	out.Checks = []QualityCheck{nhs, gp, eth, letter}
	return out, nil
}

// missingLetters finds the referrals accepted in rr that owe an outcome
// letter (see owesLetter) and have none.
func (s *ReportService) missingLetters(rr reportRange) (QualityCheck, error) {
	check := QualityCheck{Label: "Accepted, outcome letter owed and not issued"}
	var rows []struct {
		ID            uint
		Status        models.Status
		ClosureReason string
		AcceptedAt    time.Time
	}
	if err := s.db.Model(&models.Referral{}).Select("id, status, closure_reason, accepted_at").
		Where("accepted_at >= ? AND accepted_at < ?", rr.start, rr.until).Order("id").Scan(&rows).Error; err != nil {
		return check, err
	}
	var lettered []uint
	err := s.db.Table("letters").Distinct("letters.referral_id").
		Joins("JOIN referrals ON referrals.id = letters.referral_id").
		Where("referrals.accepted_at >= ? AND referrals.accepted_at < ? AND letters.kind IN ?", rr.start, rr.until, OutcomeLetterKinds).
		Pluck("letters.referral_id", &lettered).Error
	if err != nil {
		return check, err
	}
	has := map[uint]bool{}
	for _, id := range lettered {
		has[id] = true
	}
	check.Checked = len(rows)
	for _, r := range rows {
		if !has[r.ID] && owesLetter(r.Status, r.ClosureReason) {
			check.Missing = append(check.Missing, r.ID)
		}
	}
	return check, nil
}

// maxListed is how many references a check lists before "and N more".
const maxListed = 25

// references lists the referrals' references, at most maxListed of them.
func references(ids []uint) string {
	var refs []string
	for i, id := range ids {
		if i == maxListed {
			refs = append(refs, fmt.Sprintf("and %d more", len(ids)-maxListed))
			break
		}
		refs = append(refs, models.ReferralReference(id))
	}
	return strings.Join(refs, ", ")
}

func (q QualityReport) table() reports.Table {
	b := newChartTable(reports.Table{
		Key: "data-quality", Title: "Data quality",
		Note: "Referrals received in the range missing her NHS number, her GP practice or her ethnic category; and referrals accepted " +
			"in the range that owe an outcome letter not yet issued. Referrals are named by reference, never by name.",
		Columns: []string{"Check", "Checked", "Missing", "Share", "Referrals"},
	}, reports.Bars, "% missing", "% missing")
	for _, ch := range q.Checks {
		cells := []string{ch.Label, count(ch.Checked), count(len(ch.Missing)), percent(len(ch.Missing), ch.Checked), references(ch.Missing)}
		b.add(strings.TrimPrefix(ch.Label, "Missing "), cells, shareValue(len(ch.Missing), ch.Checked))
	}
	return b.done()
}
