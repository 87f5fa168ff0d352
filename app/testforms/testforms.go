// Package testforms writes referral-form files for tests and benchmarks:
// many distinct valid referrals made from one fixture. Only tests import it.
package testforms

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"perinatal-caseload/models"
)

// Write writes n distinct valid referral files into dir, made from the
// fixture accept-bipolar-lithium.json in the folder of valid fixtures by
// giving each its own form_id and 999 test NHS number. It returns their
// paths in order.
func Write(tb testing.TB, validFixtures, dir string, n int) []string {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join(validFixtures, "accept-bipolar-lithium.json"))
	if err != nil {
		tb.Fatal(err)
	}
	base := string(data)
	if !strings.Contains(base, `"test-0001"`) || !strings.Contains(base, `"943 476 5919"`) {
		tb.Fatal("the fixture no longer has the form_id and NHS number the synthetic files replace")
	}
	var paths []string
	for i := 0; len(paths) < n; i++ {
		nhs, ok := models.NHSNumberWithCheckDigit(fmt.Sprintf("999%06d", 500000+i))
		if !ok {
			continue // no check digit exists for these nine digits
		}
		made := len(paths)
		text := strings.Replace(base, `"test-0001"`, fmt.Sprintf(`"bench-%06d"`, made), 1)
		text = strings.Replace(text, `"943 476 5919"`, `"`+nhs+`"`, 1)
		path := filepath.Join(dir, fmt.Sprintf("referral-%06d.json", made))
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			tb.Fatal(err)
		}
		paths = append(paths, path)
	}
	return paths
}
