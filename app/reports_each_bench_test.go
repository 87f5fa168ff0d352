package app

import (
	"os"
	"testing"

	"perinatal-caseload/models"
)

// BenchmarkEachReport measures each of the seven reports on its own, over
// the last 12 and 36 months of the database CASELOAD_BENCH_DB names (made
// by BenchmarkReports, which measures them all together). The target is
// under 1 s for every report.
func BenchmarkEachReport(b *testing.B) {
	path := os.Getenv("CASELOAD_BENCH_DB")
	if path == "" {
		b.Skip("set CASELOAD_BENCH_DB to a demo database (see BenchmarkReports)")
	}
	db, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer Close(db)
	rs := New(db, SystemClock{}).Reports
	var last models.Date
	var received string
	if err := db.Table("referrals").Select("SUBSTR(CAST(MAX(received_at) AS TEXT), 1, 10)").Row().Scan(&received); err != nil {
		b.Fatal(err)
	}
	if last, err = models.ParseISODate(received); err != nil {
		b.Fatal(err)
	}
	reports := []struct {
		name  string
		build func(reportRange) error
	}{
		{"outcomes", func(rr reportRange) error { _, err := rs.outcomes(rr); return err }},
		{"access", func(rr reportRange) error { _, err := rs.access(rr); return err }},
		{"waits", func(rr reportRange) error { _, err := rs.waits(rr); return err }},
		{"quality", func(rr reportRange) error { _, err := rs.quality(rr); return err }},
		{"referrals", func(rr reportRange) error { _, err := rs.referrals(rr); return err }},
		{"attendance", func(rr reportRange) error { _, err := rs.attendance(rr); return err }},
		{"caseload", func(rr reportRange) error { _, err := rs.caseload(rr); return err }},
	}
	for _, months := range []int{12, 36} {
		from := last.AddMonths(-months).AddDays(1)
		for _, r := range reports {
			b.Run(r.name+"/"+map[int]string{12: "12-months", 36: "36-months"}[months], func(b *testing.B) {
				for b.Loop() {
					// A new range each time, so that nothing read once is kept.
					if err := r.build(newReportRange(from, last)); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
