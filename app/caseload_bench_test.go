package app_test

import (
	"os"
	"testing"

	"perinatal-caseload/app"
	"perinatal-caseload/app/apptest"
	"perinatal-caseload/models"
)

// caseloadBenchDB returns services over the demo database named by
// CASELOAD_BENCH_DB (made with CASELOAD_BENCH_N referrals, default 100,000,
// if the file does not exist yet), or else over a fresh demo of 3,000.
func caseloadBenchDB(b *testing.B) (*app.Services, *models.StaffMember) {
	b.Helper()
	if os.Getenv("CASELOAD_BENCH_DB") != "" {
		return benchDB(b)
	}
	e := apptest.New(b)
	e.AddDemo(3000)
	return e.Services, e.System
}

// BenchmarkTeamCaseload measures loading the whole team's caseload, every
// open referral with a key worker and all its columns (target under 100 ms
// on 100,000 referrals).
func BenchmarkTeamCaseload(b *testing.B) {
	s, actor := caseloadBenchDB(b)
	var rows []app.CaseloadRow
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var err error
		if rows, err = s.Caseload.Caseload(actor, app.CaseloadFilter{Sort: app.SortByName}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(rows)), "women")
}

// BenchmarkDashboard measures what the Dashboard loads when it opens: the
// three outcome-letter lists with their counts, this week's assessments,
// the women waiting for a key worker, and the team's capacity.
func BenchmarkDashboard(b *testing.B) {
	s, actor := caseloadBenchDB(b)
	today := s.Today()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Clocks.DueLetters(actor, today, 100); err != nil {
			b.Fatal(err)
		}
		if _, err := s.Clocks.AssessmentsThisWeek(actor, today); err != nil {
			b.Fatal(err)
		}
		if _, err := s.Caseload.Unallocated(actor, 0, 100); err != nil {
			b.Fatal(err)
		}
		if _, err := s.Caseload.UnallocatedCount(actor); err != nil {
			b.Fatal(err)
		}
		if _, err := s.Caseload.TeamCapacity(actor); err != nil {
			b.Fatal(err)
		}
	}
}
