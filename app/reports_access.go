package app

import (
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
	// The contacts read run from the first month of the first window: the
	// 11 months before the range's first month, and the months of the range.
	windowStart, _ := months[0].MHS91Window()
	contactMonths := models.MonthsCovering(windowStart, rr.to)
	month, args := monthOf("contacts.at", contactMonths)
	// The database lists each woman once for each month in which she had a
	// counting contact, her months together.
	q := s.db.Table("contacts").Select("DISTINCT referrals.patient_id, ("+month+") AS month", args...).
		Joins("JOIN referrals ON referrals.id = contacts.referral_id").
		Where("contacts.at >= ? AND contacts.at < ? AND contacts.attendance IN ? AND contacts.mode IN ?",
			models.StartOfLondonDay(windowStart).UTC(), rr.until, attendedCodes, mhs91Modes()).
		Order("referrals.patient_id")
	// A contact in contact month c counts in the report months whose
	// window holds c: report months c-11 to c (contact month i is report
	// month i-11). counted[k] is the last woman counted in report month k,
	// so that she is counted there once (IDs start at 1).
	women := make([]int, len(months))
	counted := make([]uint, len(months))
	err := eachRow(q, func(scan func(...any) error) error {
		var patient uint
		var c int
		if err := scan(&patient, &c); err != nil {
			return err
		}
		for k := max(c-11, 0); k <= min(c, len(months)-1); k++ {
			if counted[k] != patient {
				counted[k] = patient
				women[k]++
			}
		}
		return nil
	})
	for k, m := range months {
		out.Months = append(out.Months, AccessMonth{Month: m, Women: women[k]})
	}
	return out, err
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
