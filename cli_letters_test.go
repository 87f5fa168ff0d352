package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

func TestLettersCommandWritesThePackSignedByTheAuthor(t *testing.T) {
	db := testTarget(t)
	addCLIManager(t, db)
	if code, _, stderr := runCLI(t, db, "demo", "--referrals", "40", "--seed", "2"); code != 0 {
		t.Fatalf("demo: %s", stderr)
	}
	// Referral 1 is the oldest demo referral: decided long ago, so it has a letter to send.
	out := t.TempDir()
	code, stdout, stderr := runAs(t, db, "letters", "--referral", "1", "--out", out, "--author", "demo.clinician")
	if code != 0 {
		t.Fatalf("letters: %s", stderr)
	}
	paths := strings.Fields(stdout)
	if len(paths) < 2 || !strings.HasSuffix(paths[0], "-01-patient.pdf") {
		t.Fatalf("letters printed %q; want the woman's letter first, then the copies", stdout)
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil || info.Mode().Perm() != 0o600 {
			t.Fatalf("%s: %v, mode %v", p, err, info.Mode())
		}
	}
	text, err := exec.Command("pdftotext", paths[0], "-").Output()
	if err != nil || !strings.Contains(string(text), "Dr Orla Ní Bhriain") {
		t.Errorf("the letter is not signed by the author (%v)", err)
	}
	if code, _, stderr := runAs(t, db, "letters", "--referral", "1", "--out", out, "--kind", "thank-you"); code != 2 || !strings.Contains(stderr, "--kind") {
		t.Errorf("an unknown kind gave %d: %s", code, stderr)
	}
	lettersNeverOverwriteUnaskedNorFollowALink(t, db, out, paths)
}

// lettersNeverOverwriteUnaskedNorFollowALink runs the letters of referral 1
// again into out, which holds them (paths): refused without --force; with
// it, a symbolic link in their place is replaced, not followed.
func lettersNeverOverwriteUnaskedNorFollowALink(t *testing.T, db, out string, paths []string) {
	t.Helper()
	victim := filepath.Join(t.TempDir(), "victim.pdf")
	os.WriteFile(victim, []byte("not a letter"), 0o644)
	os.Remove(paths[0])
	if err := os.Symlink(victim, paths[0]); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	code, stdout, stderr := runAs(t, db, "letters", "--referral", "1", "--out", out)
	if code != 1 || stdout != "" || !strings.Contains(stderr, "already exists") {
		t.Errorf("letters over existing files: exit %d, %q, %q", code, stdout, stderr)
	}
	if code, _, stderr := runAs(t, db, "letters", "--referral", "1", "--out", out, "--force"); code != 0 {
		t.Fatalf("letters --force: %s", stderr)
	}
	if b, _ := os.ReadFile(victim); string(b) != "not a letter" {
		t.Error("letters wrote through a symbolic link")
	}
	for _, p := range paths {
		if info, err := os.Lstat(p); err != nil || !info.Mode().IsRegular() || info.Mode().Perm() != 0o600 {
			t.Errorf("%s after --force: %v, %v; want a regular file with mode 0600", p, info, err)
		}
	}
}

// A kind of letter that does not fit the referral's state is refused with
// the reason, and nothing is written: no folder, no file, no export in the
// audit trail.
//
// Hazard: HAZ-001.
func TestLettersCommandRefusesAKindThatDoesNotFitAndWritesNothing(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	addCLIManager(t, db)
	if code, _, stderr := runCLI(t, db, "demo", "--referrals", "40", "--seed", "2"); code != 0 {
		t.Fatalf("demo: %s", stderr)
	}
	store, err := app.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	var onCaseload models.Referral
	err = store.Where("status = ?", models.StatusCaseload).Order("id").First(&onCaseload).Error
	var exports int64
	store.Table("audit_events").Where("action = ?", app.ActionExport).Count(&exports)
	app.Close(store)
	if err != nil {
		t.Fatalf("the demo has no referral on the caseload: %v", err)
	}

	out := filepath.Join(t.TempDir(), "letters")
	code, stdout, stderr := runAs(t, db, "letters", "--referral", fmt.Sprint(onCaseload.ID), "--out", out, "--kind", "acceptance")
	if code == 0 || stdout != "" || !strings.Contains(stderr, "An acceptance letter cannot be sent: she is on the caseload.") {
		t.Fatalf("letters --kind acceptance for a woman on the caseload = %d, %q, %q", code, stdout, stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("the refused command made %s (%v)", out, err)
	}
	store, err = app.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close(store)
	var after int64
	store.Table("audit_events").Where("action = ?", app.ActionExport).Count(&after)
	if after != exports {
		t.Errorf("the refused command was audited as an export (%d exports, were %d)", after, exports)
	}

	// The kind that fits is drawn as a draft, signed by the clinician who
	// recorded the outcome.
	code, stdout, stderr = runAs(t, db, "letters", "--referral", fmt.Sprint(onCaseload.ID), "--out", out, "--kind", "Outcome: taken onto the caseload")
	if code != 0 {
		t.Fatalf("letters --kind outcome-caseload: %s", stderr)
	}
	text, err := exec.Command("pdftotext", strings.Fields(stdout)[0], "-").Output()
	if err != nil || strings.Contains(string(text), "System") {
		t.Errorf("the preview is signed by the system user (%v):\n%s", err, text)
	}
}
