package app

import (
	"testing"

	"perinatal-caseload/app/testforms"
	"perinatal-caseload/models"
)

// writeSyntheticReferrals writes n distinct valid referral files into dir
// (see testforms.Write).
func writeSyntheticReferrals(tb testing.TB, dir string, n int) {
	tb.Helper()
	testforms.Write(tb, validFixtures, dir, n)
}

// BenchmarkImport1000 measures importing a folder of 1,000 referral files,
// each in its own transaction (target under 10 s).
func BenchmarkImport1000(b *testing.B) { benchImport(b, 1000) }

// BenchmarkImport1000Synchronous measures the cost of synchronous=FULL
// (every commit on the disc before it returns) against NORMAL on the same
// import (docs/backup.md).
func BenchmarkImport1000Synchronous(b *testing.B) {
	for _, mode := range []string{"NORMAL", "FULL"} {
		b.Run(mode, func(b *testing.B) {
			defer func(was string) { sqliteSynchronous = was }(sqliteSynchronous)
			sqliteSynchronous = mode
			benchImport(b, 1000)
		})
	}
}

// benchImport imports a folder of n referral files into a new database.
func benchImport(b *testing.B, n int) {
	dir := b.TempDir()
	writeSyntheticReferrals(b, dir, n)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, _, _ := newTestServices(b)
		admin := addStaff(b, s, "admin", models.RoleAdministrator)
		b.StartTimer()
		results := s.ImportPaths(admin, []string{dir}, nil)
		b.StopTimer()
		for _, r := range results {
			if r.Err != nil {
				b.Fatal(r.Err)
			}
		}
		if len(results) != n {
			b.Fatalf("%d results, want %d", len(results), n)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(n), "files")
}
