package app

import (
	"perinatal-caseload/models"
	"perinatal-caseload/reports"
)

// AttendanceReport counts the contacts in the range by mode and by what
// happened: attended (MHSDS 5 or 6), did not attend (3), arrived late and
// not seen (7), or cancelled (2 or 4). The did-not-attend rate is the
// contacts not attended (3 and 7) as a share of those that were held or
// missed (3, 5, 6 and 7); cancelled and future contacts are left out.
type AttendanceReport struct {
	Modes []AttendanceRow
	Total AttendanceRow
}

// AttendanceRow is the count for one mode, or for all of them.
type AttendanceRow struct {
	Mode                                            models.Mode
	Contacts, Attended, DNA, LateNotSeen, Cancelled int
}

// add counts n contacts that ended as a.
func (r *AttendanceRow) add(a models.Attendance, n int) {
	r.Contacts += n
	switch {
	case a.Attended():
		r.Attended += n
	case a == models.AttendDNA:
		r.DNA += n
	case a == models.AttendLateNotSeen:
		r.LateNotSeen += n
	case a.Cancelled():
		r.Cancelled += n
	}
}

// DNARate returns the did-not-attend rate as a percentage, and false when
// no contact was held or missed.
func (r AttendanceRow) DNARate() (float64, bool) {
	return models.Share(r.DNA+r.LateNotSeen, r.Attended+r.DNA+r.LateNotSeen)
}

func (s *ReportService) attendance(rr reportRange) (AttendanceReport, error) {
	out := AttendanceReport{}
	var byMode map[models.Mode]*AttendanceRow
	out.Modes, byMode = keyedRows(models.Modes, func(m models.Mode) AttendanceRow { return AttendanceRow{Mode: m} })
	q := s.db.Model(&models.Contact{}).Select("COALESCE(mode, ''), COALESCE(attendance, ''), COUNT(*)").
		Where("at >= ? AND at < ?", rr.start, rr.until).Group("1, 2")
	err := eachRow(q, func(scan func(...any) error) error {
		var mode models.Mode
		var att models.Attendance
		var n int
		if err := scan(&mode, &att, &n); err != nil {
			return err
		}
		if row := byMode[mode]; row != nil {
			row.add(att, n)
		}
		out.Total.add(att, n)
		return nil
	})
	return out, err
}

func (a AttendanceReport) table() reports.Table {
	b := newChartTable(reports.Table{
		Key: "attendance", Title: "Attendance by mode",
		Note: "Contacts in the range (UK dates). Did-not-attend rate: did not attend (MHSDS 3) or arrived late and not seen (7), " +
			"as a share of contacts held or missed (3, 5, 6, 7). Cancellations (2, 4) and contacts not yet held are left out of the rate.",
		Columns: []string{"Mode", "Contacts", "Attended", "Did not attend", "Late, not seen", "Cancelled", "Did-not-attend rate"},
	}, reports.Bars, "% did not attend", "% did not attend")
	for _, r := range append(a.Modes, a.Total) {
		label := "All modes"
		if r.Mode != "" {
			label = r.Mode.Label()
		}
		rate, ok := r.DNARate()
		b.add(label, []string{label, count(r.Contacts), count(r.Attended), count(r.DNA), count(r.LateNotSeen),
			count(r.Cancelled), percentOf(rate, ok)}, rate)
	}
	return b.done()
}

// percentOf prints a percentage already worked out, or "–" when not known.
func percentOf(v float64, ok bool) string {
	if !ok {
		return "–"
	}
	return decimal(v, true) + "%"
}
