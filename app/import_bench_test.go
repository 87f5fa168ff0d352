package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"perinatal-caseload/models"
)

// writeSyntheticReferrals writes n distinct valid referral files into dir,
// made from one fixture by giving each its own form_id and 999 test NHS number.
func writeSyntheticReferrals(tb testing.TB, dir string, n int) {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join(validFixtures, "accept-bipolar-lithium.json"))
	if err != nil {
		tb.Fatal(err)
	}
	base := string(data)
	if !strings.Contains(base, `"test-0001"`) || !strings.Contains(base, `"943 476 5919"`) {
		tb.Fatal("the fixture no longer has the form_id and NHS number this benchmark replaces")
	}
	made := 0
	for i := 0; made < n; i++ {
		nhs, ok := models.NHSNumberWithCheckDigit(fmt.Sprintf("999%06d", 500000+i))
		if !ok {
			continue // no check digit exists for these nine digits
		}
		text := strings.Replace(base, `"test-0001"`, fmt.Sprintf(`"bench-%06d"`, made), 1)
		text = strings.Replace(text, `"943 476 5919"`, `"`+nhs+`"`, 1)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("referral-%06d.json", made)), []byte(text), 0o600); err != nil {
			tb.Fatal(err)
		}
		made++
	}
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
