package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestReportAndMHSDSExportWriteTheirFiles runs `caseload report` and
// `caseload export mhsds` on a demo database, signed in as the manager.
func TestReportAndMHSDSExportWriteTheirFiles(t *testing.T) {
	db := signedInTarget(t)
	if code, _, stderr := runCLI(t, db, "demo", "--referrals", "40"); code != 0 {
		t.Fatalf("demo: %s", stderr)
	}
	out := filepath.Join(t.TempDir(), "reports")
	code, stdout, stderr := runAs(t, db, "report", "--from", "2026-01-01", "--to", "2026-11-30", "--out", out)
	if code != 0 {
		t.Fatalf("report: exit %d: %s", code, stderr)
	}
	for _, name := range []string{"access.csv", "referrals.csv", "referral-sources.csv", "waits.csv", "attendance.csv",
		"caseload.csv", "caseload-stages.csv", "outcomes.csv", "data-quality.csv", "reports.pdf"} {
		path := filepath.Join(out, name)
		if !strings.Contains(stdout, path) {
			t.Errorf("stdout does not list %s", path)
		}
		if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		text, err := exec.Command("pdftotext", filepath.Join(out, "reports.pdf"), "-").Output()
		if err != nil || !strings.Contains(string(text), "DEMO DATA") || !strings.Contains(string(text), "Waiting times") {
			t.Errorf("reports.pdf: %v\n%.500s", err, text)
		}
	}
	if code, _, stderr := runAs(t, db, "report", "--from", "2026-01-01", "--to", "2026-11-30", "--out", out); code != 1 || !strings.Contains(stderr, "already exists") {
		t.Errorf("a second run over the files: exit %d: %s", code, stderr)
	}

	ext := filepath.Join(t.TempDir(), "mhsds")
	code, stdout, stderr = runAs(t, db, "export", "mhsds", "--month", "2026-11", "--out", ext)
	if code != 0 {
		t.Fatalf("export mhsds: exit %d: %s", code, stderr)
	}
	for _, name := range []string{"MHS001MPI.csv", "MHS101Referral.csv", "MHS102ServiceTypeReferredTo.csv", "MHS201CareContact.csv",
		"MHS606CodedScoreAssessmentRefer.csv", "MHS607CodedScoreAssessmentAct.csv", "validation.csv"} {
		if !strings.Contains(stdout, filepath.Join(ext, name)) {
			t.Errorf("export mhsds did not write %s: %s", name, stdout)
		}
	}
	if !strings.Contains(stderr, "missing mandatory fields") {
		t.Errorf("no word of the validation report: %s", stderr)
	}
}

// TestReportCommandRefusals checks the usage errors and the sign-in.
func TestReportCommandRefusals(t *testing.T) {
	db := signedInTarget(t)
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"report", "--from", "2026-01-01"}, 2, "give --from"},
		{[]string{"report", "--from", "01/01/2026", "--to", "2026-02-01", "--out", t.TempDir()}, 2, "--from"},
		{[]string{"report", "--from", "2026-03-01", "--to", "2026-02-01", "--out", t.TempDir()}, 1, "before the first"},
		{[]string{"export"}, 2, "mhsds"},
		{[]string{"export", "everything"}, 2, "unknown export"},
		{[]string{"export", "mhsds", "--month", "2026-13", "--out", t.TempDir()}, 2, "YYYY-MM"},
	}
	for _, c := range cases {
		code, _, stderr := runAs(t, db, c.args...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d (want %d): %s", c.args, code, c.code, stderr)
		}
	}
	if code, _, stderr := runCLI(t, db, "report", "--from", "2026-01-01", "--to", "2026-02-01", "--out", t.TempDir()); code != 1 || !strings.Contains(stderr, "sign in") {
		t.Errorf("report without --user: exit %d: %s", code, stderr)
	}
}
