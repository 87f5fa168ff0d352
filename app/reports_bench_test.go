package app_test

import (
	"strconv"
	"testing"
	"time"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

// reportsBenchDB opens the 100,000-referral demo database of the
// benchmarks (CASELOAD_BENCH_DB, else made in the temporary folder) and
// makes sure it holds contacts and measures: a database made before the
// record of care has none, so each appointment with a final attendance
// becomes a contact, and each referral with an attended initial
// assessment gets two EPDS scores. It returns the services, a manager, and
// the last day a referral was received.
func reportsBenchDB(b *testing.B) (*app.Services, *models.StaffMember, models.Date) {
	b.Helper()
	e := benchEnv(b)
	var contacts int64
	e.DB.Model(&models.Contact{}).Count(&contacts)
	if contacts == 0 {
		err := e.DB.Exec(`INSERT INTO contacts (created_at, updated_at, version, referral_id, appointment_id, at, mode, duration_minutes, attendance, present, author_id, note, demo)
			SELECT starts_at, starts_at, 1, referral_id, id, starts_at, mode, duration_minutes, attendance, 'woman', clinician_id, '', demo
			FROM appointments WHERE attendance <> '0'`).Error
		if err == nil {
			err = e.DB.Exec(`INSERT INTO measure_results (created_at, updated_at, version, referral_id, measure, taken_on, answers, total, band, risk_item_positive, recorded_by_id, demo)
				SELECT starts_at, starts_at, 1, referral_id, m.measure, ` + dateOf("starts_at") + `, '[]', m.total, '', false, clinician_id, demo
				FROM appointments CROSS JOIN (SELECT 'EPDS' AS measure, 16 AS total UNION ALL SELECT 'EPDS', 9) m
				WHERE kind = 'initial_assessment' AND attendance IN ('5', '6')`).Error
		}
		if err != nil {
			b.Fatal(err)
		}
	}
	var last time.Time
	if err := e.DB.Model(&models.Referral{}).Select("MAX(received_at)").Row().Scan(&last); err != nil {
		var text string
		if err := e.DB.Model(&models.Referral{}).Select("MAX(received_at)").Row().Scan(&text); err != nil {
			b.Fatal(err)
		}
		last, _ = time.Parse("2006-01-02 15:04:05-07:00", text)
	}
	manager := e.AddStaff("bench.manager."+strconv.FormatInt(time.Now().UnixNano(), 36), models.RoleManager)
	return e.Services, manager, models.LondonDate(last)
}

// dateOf is the SQL for the ISO date of a timestamp column, on SQLite and
// PostgreSQL alike (the benchmark runs on either).
func dateOf(col string) string { return "SUBSTR(CAST(" + col + " AS TEXT), 1, 10)" }

// BenchmarkReports measures working out every report over 100,000
// referrals (target under 1 s), for the last 12 months and the last 3
// years of referrals received.
func BenchmarkReports(b *testing.B) {
	s, manager, last := reportsBenchDB(b)
	for _, span := range []struct {
		name   string
		months int
	}{{"12-months", 12}, {"36-months", 36}} {
		from := last.AddMonths(-span.months).AddDays(1)
		b.Run(span.name, func(b *testing.B) {
			var r *app.Reports
			for i := 0; i < b.N; i++ {
				var err error
				if r, err = s.Reports.Build(manager, from, last, nil); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(r.Referrals.Total.Received), "referrals")
			b.ReportMetric(float64(r.Attendance.Total.Contacts), "contacts")
		})
	}
	b.Run("pdf", func(b *testing.B) {
		r, err := s.Reports.Build(manager, last.AddMonths(-12).AddDays(1), last, nil)
		if err != nil {
			b.Fatal(err)
		}
		for i := 0; i < b.N; i++ {
			if _, err := s.Reports.ExportPDF(manager, r); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkMHSDSExtract measures the extract of the last month with
// referrals in the 100,000-referral database (target under 2 s).
func BenchmarkMHSDSExtract(b *testing.B) {
	s, manager, last := reportsBenchDB(b)
	month := models.MonthOfDate(last)
	var x *app.MHSDSExtract
	b.ResetTimer() // opening the database is not the extract
	for i := 0; i < b.N; i++ {
		var err error
		if x, err = s.Reports.MHSDS(manager, month); err != nil {
			b.Fatal(err)
		}
		_ = x.Files()
	}
	rows := 0
	for _, t := range x.Tables {
		rows += len(t.Rows)
	}
	b.ReportMetric(float64(rows), "rows")
}
