package main

import (
	"strings"
	"testing"
)

// Hazard: HAZ-024.
func TestDemoRefusesADatabaseWithRealReferralsAndPrintsRandomPasswordsOnce(t *testing.T) {
	real := signedInTarget(t)
	if code, _, stderr := runAs(t, real, "import", validDir); code != 0 {
		t.Fatalf("import: %s", stderr)
	}
	code, stdout, stderr := runAs(t, real, "demo", "--referrals", "2")
	if code != 1 || stdout != "" || !strings.Contains(stderr, "not demo data") || !strings.Contains(stderr, "--db demo.db") {
		t.Errorf("demo on real data: exit %d, %q, %q", code, stdout, stderr)
	}
	db := testTarget(t)
	_, _, first := runCLI(t, db, "demo", "--referrals", "0")
	_, _, again := runCLI(t, db, "demo", "--referrals", "0")
	if !strings.Contains(first, "demo.manager") || strings.Contains(again, "demo.manager") {
		t.Errorf("the demo sign-ins were not printed once:\nfirst run: %s\nsecond run: %s", first, again)
	}
	if strings.Contains(first, "demo.manager-demo") {
		t.Errorf("a demo password is made from the username: %s", first)
	}
}
