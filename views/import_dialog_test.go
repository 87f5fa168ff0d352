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
	// Refusals in words an administrator can act on, naming the file and
	// the woman; no JSON paths.
	for _, want := range []string{"bad-nhs-number.json, about Hannah Okafor:", "The NHS number 999 123 4560", "ask the referrer"} {
		if !strings.Contains(run.Details.Text, want) {
			t.Errorf("details %q should say %q", run.Details.Text, want)
		}
	}
	if strings.Contains(run.Details.Text, "patient.nhs_number") {
		t.Errorf("details %q give a JSON path", run.Details.Text)
	}
	// Each woman imported is named, with her referral's reference.
	for _, r := range run.Results {
		if r.Err == nil && !strings.Contains(run.Details.Text, r.Woman+", referral "+models.ReferralReference(r.ReferralID)) {
			t.Errorf("details %q do not name %q imported as %s", run.Details.Text, r.Woman, models.ReferralReference(r.ReferralID))
		}
	}
	if e.referralCount() != 2 {
		t.Errorf("%d referrals saved", e.referralCount())
	}
	run = runImport(e.sessionIn(admin, w), []string{filepath.Join(dir, "accept-bipolar-lithium.json")}, nil)
	if run.Summary.Text != "0 referrals imported, 1 form imported before, 0 files refused." ||
		!strings.Contains(run.Details.Text, "accept-bipolar-lithium.json, about ") ||
		!strings.Contains(run.Details.Text, "imported before, as referral PMH-000001") {
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
