package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

func TestLettersCommandWritesThePackSignedByTheAuthor(t *testing.T) {
	db := testTarget(t)
	if code, _, stderr := runCLI(t, db, "demo", "--referrals", "40", "--seed", "2"); code != 0 {
		t.Fatalf("demo: %s", stderr)
	}
	// Referral 1 is the oldest demo referral: decided long ago, so it has a letter to send.
	out := t.TempDir()
	code, stdout, stderr := runCLI(t, db, "letters", "--referral", "1", "--out", out, "--author", "demo.clinician")
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
	if code, _, stderr := runCLI(t, db, "letters", "--referral", "1", "--out", out, "--kind", "thank-you"); code != 2 || !strings.Contains(stderr, "--kind") {
		t.Errorf("an unknown kind gave %d: %s", code, stderr)
	}
}
