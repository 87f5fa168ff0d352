package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestLettersCommandWritesDrafts: the letters the command line renders are
// previews, not issued letters, so every page of every one says DRAFT.
func TestLettersCommandWritesDrafts(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	addCLIManager(t, db)
	if code, _, stderr := runCLI(t, db, "demo", "--referrals", "40", "--seed", "2"); code != 0 {
		t.Fatalf("demo: %s", stderr)
	}
	code, stdout, stderr := runAs(t, db, "letters", "--referral", "1", "--out", t.TempDir())
	if code != 0 {
		t.Fatalf("letters: %s", stderr)
	}
	paths := strings.Fields(stdout)
	if len(paths) == 0 {
		t.Fatal("no letters were written")
	}
	for _, p := range paths {
		text, err := exec.Command("pdftotext", "-layout", p, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", p, err)
		}
		pages := strings.Split(string(text), "\f")
		for i, page := range pages[:len(pages)-1] {
			if !strings.Contains(page, "DRAFT") {
				t.Errorf("%s, page %d is not marked DRAFT", filepath.Base(p), i+1)
			}
		}
	}
}
