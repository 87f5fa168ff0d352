package views

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"perinatal-caseload/models"
)

func TestImportRunShowsProgressAndSummary(t *testing.T) {
	e := newTestEnv(t, 0)
	admin := e.addStaff("admin", models.RoleAdministrator)
	dir := t.TempDir()
	copyFixture(t, "valid", "accept-bipolar-lithium.json", dir)
	copyFixture(t, "valid", "signpost-mild-anxiety.json", dir)
	copyFixture(t, "invalid", "bad-nhs-number.json", dir)
	w := e.showInWindow(nil)
	finished := 0
	run := runImport(e.sessionIn(admin, w), []string{dir}, func() { finished++ })
	if finished != 1 || len(run.Results) != 3 {
		t.Fatalf("finished %d times with %d results", finished, len(run.Results))
	}
	if run.Progress.Value != 3 || run.Progress.Max != 3 {
		t.Errorf("progress %v of %v", run.Progress.Value, run.Progress.Max)
	}
	if run.Summary.Text != "2 referrals imported, 0 forms imported before, 1 file refused." {
		t.Errorf("summary %q", run.Summary.Text)
	}
	if !strings.Contains(run.Details.Text, "bad-nhs-number.json: patient.nhs_number: ") {
		t.Errorf("details %q should name the file and field", run.Details.Text)
	}
	if e.referralCount() != 2 {
		t.Errorf("%d referrals saved", e.referralCount())
	}
	run = runImport(e.sessionIn(admin, w), []string{filepath.Join(dir, "accept-bipolar-lithium.json")}, nil)
	if run.Summary.Text != "0 referrals imported, 1 form imported before, 0 files refused." ||
		!strings.Contains(run.Details.Text, "accept-bipolar-lithium.json (referral 1)") {
		t.Errorf("re-import summary %q, details %q", run.Summary.Text, run.Details.Text)
	}
}

// copyFixture copies a referral fixture from testdata/referrals/kind into dir.
func copyFixture(t *testing.T, kind, name, dir string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "referrals", kind, name))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
		t.Fatal(err)
	}
}
