package app

import (
	"time"

	"perinatal-caseload/models"
	"perinatal-caseload/reports"
)

// AccessReport counts women by the perinatal access measure MHS91 for each
// month of the range: women with at least one attended face-to-face or
// video contact (see models.CountsForMHS91) in the 12 months to the end of
// the month.
type AccessReport struct {
	Months []AccessMonth
	// Target is the access target setting (women in a rolling 12 months),
	// or 0 when none is set.
	Target int
}

// AccessMonth is one month's MHS91 count.
type AccessMonth struct {
	Month models.Month
	Women int
}

// mhs91Modes are the modes whose attended contacts count for MHS91.
func mhs91Modes() []models.Mode {
	var out []models.Mode
	for _, m := range models.Modes {
		if models.CountsForMHS91(m, models.AttendOnTime) {
			out = append(out, m)
		}
	}
	return out
}

// attendedCodes are the MHSDS codes of an attended contact (5 and 6).
var attendedCodes = []models.Attendance{models.AttendOnTime, models.AttendLateSeen}

// access counts MHS91 for each month of rr.
func (s *ReportService) access(rr reportRange) (AccessReport, error) {
	months := models.MonthsCovering(rr.from, rr.to)
	out := AccessReport{Target: s.settingInt(SetTargetAccess)}
	windowStart, _ := months[0].MHS91Window()
	var rows []struct {
		PatientID uint
		At        time.Time
	}
	err := s.db.Table("contacts").Select("referrals.patient_id, contacts.at").
		Joins("JOIN referrals ON referrals.id = contacts.referral_id").
		Where("contacts.at >= ? AND contacts.at < ? AND contacts.attendance IN ? AND contacts.mode IN ?",
			models.StartOfLondonDay(windowStart).UTC(), rr.until, attendedCodes, mhs91Modes()).
		Scan(&rows).Error
	if err != nil {
		return out, err
	}
	// seen holds, for each woman, the months in which she had a counting contact.
	seen := map[uint]map[models.Month]bool{}
	for _, r := range rows {
		if seen[r.PatientID] == nil {
			seen[r.PatientID] = map[models.Month]bool{}
		}
		seen[r.PatientID][models.LondonMonth(r.At)] = true
	}
	for _, m := range months {
		from, to := m.MHS91Window()
		n := 0
		for _, ms := range seen {
			for cm := range ms {
				if !cm.First().Before(from) && !to.Before(cm.First()) {
					n++
					break
				}
			}
		}
		out.Months = append(out.Months, AccessMonth{Month: m, Women: n})
	}
	return out, nil
}

func (a AccessReport) table() reports.Table {
	b := newChartTable(reports.Table{
		Key: "access", Title: "Access: women seen in a rolling 12 months (MHS91)",
		Note: "Each month counts the women with at least one attended (MHSDS 5 or 6) face-to-face, home-visit or video contact " +
			"in the 12 months ending on the month's last day. Telephone contacts do not count.",
		Columns: []string{"Month", "Women (MHS91)", "Target", "Against target"},
	}, reports.Lines, "Women", "Women (MHS91)")
	for _, m := range a.Months {
		target, against := "not set", "–"
		if a.Target > 0 {
			target, against = count(a.Target), percent(m.Women, a.Target)
		}
		b.add(m.Month.Label(), []string{m.Month.Label(), count(m.Women), target, against}, float64(m.Women))
	}
	if a.Target > 0 {
		v := float64(a.Target)
		b.c.Target = &v
	}
	return b.done()
}
