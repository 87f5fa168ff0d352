package app

import (
	"database/sql"
	"fmt"
	"strings"

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
	nhs := QualityCheck{Label: "Missing NHS number"}
	gp := QualityCheck{Label: "Missing GP practice"}
	eth := QualityCheck{Label: "Missing ethnic category"}
	q := s.db.Table("referrals").
		Select("referrals.id, patients.nhs_number, COALESCE(patients.gp_practice, ''), patients.gp_practice_id IS NOT NULL, COALESCE(patients.ethnic_category, '')").
		Joins("JOIN patients ON patients.id = referrals.patient_id").
		Where("referrals.received_at >= ? AND referrals.received_at < ?", rr.start, rr.until).Order("referrals.id")
	err := eachRow(q, func(scan func(...any) error) error {
		var (
			id         uint
			nhsNumber  sql.NullString
			gpPractice string
			gpLinked   bool
			ethnic     models.EthnicCategory
		)
		if err := scan(&id, &nhsNumber, &gpPractice, &gpLinked, &ethnic); err != nil {
			return err
		}
		out.Received++
		if strings.TrimSpace(nhsNumber.String) == "" {
			nhs.Missing = append(nhs.Missing, id)
		}
		if strings.TrimSpace(gpPractice) == "" && !gpLinked {
			gp.Missing = append(gp.Missing, id)
		}
		if ethnic == models.EthnicNotRecorded {
			eth.Missing = append(eth.Missing, id)
		}
		return nil
	})
	if err != nil {
		return out, err
	}
	nhs.Checked, gp.Checked, eth.Checked = out.Received, out.Received, out.Received
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
	accepted, err := s.acceptedLetters(rr)
	check.Checked = len(accepted)
	for _, r := range accepted {
		if r.firstLetter.IsZero() && owesLetter(r.status, r.closureReason) {
			check.Missing = append(check.Missing, r.id)
		}
	}
	return check, err
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
