package app

import (
	"testing"

	"gorm.io/gorm"

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

// BenchmarkImport1000Unchained is BenchmarkImport1000 with the audit
// trail written as before its hash chain: no lock, no head record read or
// moved, no hash; the difference is what the chain costs (docs/backup.md).
func BenchmarkImport1000Unchained(b *testing.B) {
	defer func(was bool) { unchainedAudit = was }(unchainedAudit)
	benchImportOn(b, 1000, func(s *Services) {
		// Every unchained event has place 0, which the unique index refuses.
		if err := s.core.db.Exec("DROP INDEX idx_audit_chain_seq").Error; err != nil {
			b.Fatal(err)
		}
		unchainedAudit = true
	})
}

// benchImport imports a folder of n referral files into a new database.
func benchImport(b *testing.B, n int) { benchImportOn(b, n, nil) }

// benchImportOn is benchImport with prepare, if given, run on each new
// database before the import (and outside the timing).
func benchImportOn(b *testing.B, n int, prepare func(*Services)) {
	dir := b.TempDir()
	writeSyntheticReferrals(b, dir, n)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		unchainedAudit = false // the staff member is added as today
		s, _, _ := newTestServices(b)
		admin := addStaff(b, s, "admin", models.RoleAdministrator)
		if prepare != nil {
			prepare(s)
		}
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

// BenchmarkAuditAppend measures one audit event written in a transaction
// of its own, as a single change writes it, with the hash chain and
// without it: the chain's cost per event, apart from an import's other work.
func BenchmarkAuditAppend(b *testing.B) {
	for _, chained := range []bool{true, false} {
		name := map[bool]string{true: "chained", false: "unchained"}[chained]
		b.Run(name, func(b *testing.B) {
			defer func(was bool) { unchainedAudit = was }(unchainedAudit)
			s, _, _ := newTestServices(b)
			admin := addStaff(b, s, "admin", models.RoleAdministrator)
			if !chained {
				if err := s.core.db.Exec("DROP INDEX idx_audit_chain_seq").Error; err != nil {
					b.Fatal(err)
				}
				unchainedAudit = true
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if err := s.core.transaction(func(tx *gorm.DB) error {
					return s.core.audit(tx, admin, ActionExport, "audit", uint(i), nil, nil, "benchmark")
				}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
