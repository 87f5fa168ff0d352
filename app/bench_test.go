package app_test

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"perinatal-caseload/app"
	"perinatal-caseload/app/apptest"
	"perinatal-caseload/app/demo"
	"perinatal-caseload/models"
)

// benchReferrals is the demo size for the benchmarks: CASELOAD_BENCH_N, else 100,000.
func benchReferrals() int {
	if n, err := strconv.Atoi(os.Getenv("CASELOAD_BENCH_N")); err == nil && n > 0 {
		return n
	}
	return 100000
}

// BenchmarkDemo100k measures `caseload demo --referrals 100000` (target under 2 minutes).
func BenchmarkDemo100k(b *testing.B) {
	n := benchReferrals()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s := apptest.New(b).Services
		b.StartTimer()
		if _, err := demo.Generate(s, demo.Options{Referrals: n, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n), "referrals")
}

// BenchmarkDemo100kCosts measures the demo as BenchmarkDemo100k does three
// times: as shipped (synchronous=FULL, audit events hash-chained), with
// synchronous=NORMAL, and with the audit trail unchained. The differences
// are what a durable commit and the tamper-evident trail cost at the
// demo's scale (docs/backup.md).
func BenchmarkDemo100kCosts(b *testing.B) {
	n := benchReferrals()
	for _, mode := range []string{"shipped", "synchronous-normal", "unchained"} {
		b.Run(mode, func(b *testing.B) {
			if mode == "synchronous-normal" {
				defer app.BenchSynchronous("NORMAL")()
			}
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				s := apptest.New(b).Services
				if mode == "unchained" {
					restore, err := app.BenchUnchainAudit(s)
					if err != nil {
						b.Fatal(err)
					}
					defer restore()
				}
				b.StartTimer()
				if _, err := demo.Generate(s, demo.Options{Referrals: n, Seed: 1}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n), "referrals")
		})
	}
}

// benchDB returns services over a demo database of benchReferrals referrals,
// made once and kept in the test cache folder (or CASELOAD_BENCH_DB).
func benchDB(b *testing.B) (*app.Services, *models.StaffMember) {
	b.Helper()
	e := benchEnv(b)
	return e.Services, e.System
}

// benchEnv is benchDB's database, for benchmarks that add rows of their own.
func benchEnv(b *testing.B) *apptest.Env {
	b.Helper()
	path := os.Getenv("CASELOAD_BENCH_DB")
	if path == "" {
		path = filepath.Join(os.TempDir(), "caseload-bench-"+strconv.Itoa(benchReferrals())+".db")
	}
	// A PostgreSQL URL names a database already filled (for example by
	// copy-db from a demo file); a file that is not there yet is made.
	_, statErr := os.Stat(path)
	fill := statErr != nil && !app.IsPostgresURL(path)
	e := apptest.Open(b, path)
	if fill {
		e.AddDemo(benchReferrals())
	}
	return e
}

// BenchmarkReferralSearch measures one search (count and first page) over
// the demo register (target under 20 ms per query).
func BenchmarkReferralSearch(b *testing.B) {
	s, actor := benchDB(b)
	queries := []app.ReferralFilter{
		{Query: "patel"}, {Query: "Zoë Nguyễn"}, {Query: "999 000 0019"}, {Query: "LE3"},
		{Query: "kow", Status: models.StatusCaseload}, {Status: models.StatusReceived}, {OpenOnly: true},
	}
	for _, f := range queries {
		name := f.Query + "/" + string(f.Status)
		if f.OpenOnly {
			name += "/open"
		}
		benchSearch(b, s, actor, name, f)
	}
}

// benchSearch measures, as the sub-benchmark name, a search as the
// Referrals screen makes it: the count and the first page.
func benchSearch(b *testing.B, s *app.Services, actor *models.StaffMember, name string, f app.ReferralFilter) {
	b.Run(name, func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := s.Referrals.Count(actor, f); err != nil {
				b.Fatal(err)
			}
			if _, err := s.Referrals.Page(actor, f, 0, 100); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkForgivingSearch measures the searches that forgive how a name,
// NHS number, postcode or reference is typed (count and first page, as
// BenchmarkReferralSearch), over the demo register (target under 20 ms
// per query).
func BenchmarkForgivingSearch(b *testing.B) {
	s, actor := benchDB(b)
	queries := []string{
		"siobhan", "SIOBHAN", "obrien", "o'brien", "ni bhriain", "zoe nguyen", "nguyen zoe", "lucja",
		"kow", "s", "9990000019", "999-000-0019", "le113tu", "le11 3", "LE3", "PMH-000155", "pmh155", "155",
	}
	for _, q := range queries {
		benchSearch(b, s, actor, q, app.ReferralFilter{Query: q})
	}
}

// BenchmarkFilteredSearch measures searches as the Referrals screen first
// makes them, with "Open only" ticked, and with a status chosen (count and
// first page, as BenchmarkReferralSearch).
func BenchmarkFilteredSearch(b *testing.B) {
	s, actor := benchDB(b)
	for _, f := range []app.ReferralFilter{
		{Query: "s", OpenOnly: true}, {Query: "siobhan", OpenOnly: true}, {Query: "le11 3", OpenOnly: true},
		{Query: "s", Status: models.StatusClosed}, {Query: "patel", Status: models.StatusClosed},
	} {
		name := f.Query + "/" + string(f.Status)
		if f.OpenOnly {
			name += "open"
		}
		benchSearch(b, s, actor, name, f)
	}
}
