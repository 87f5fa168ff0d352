//go:build unix

package app

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"perinatal-caseload/models"
)

// TestImportSkipsAPipeInTheFolder checks a pipe among the referral files is
// skipped with a message, rather than holding the import for ever.
func TestImportSkipsAPipeInTheFolder(t *testing.T) {
	s, _, _ := newTestServices(t)
	admin := addStaff(t, s, "admin", models.RoleAdministrator)
	dir := t.TempDir()
	good, err := os.ReadFile(filepath.Join("..", "testdata", "referrals", "valid", "accept-bipolar-lithium.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "b.json"), good, 0o600); err != nil {
		t.Fatal(err)
	}
	pipe := filepath.Join(dir, "a.json")
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Skipf("cannot make a pipe here: %v", err)
	}
	results := s.ImportPaths(admin, []string{dir, pipe}, nil)
	var skipped, saved int
	for _, r := range results {
		switch {
		case r.Path == pipe && r.Err != nil && strings.Contains(r.Err.Error(), "not a plain file"):
			skipped++
		case r.Err == nil && r.ReferralID != 0:
			saved++
		default:
			t.Errorf("unexpected result %+v", r)
		}
	}
	if skipped != 2 || saved != 1 {
		t.Errorf("%d skipped (want the pipe, named in the folder and alone), %d saved (want 1)", skipped, saved)
	}
}
