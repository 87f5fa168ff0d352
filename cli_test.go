package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"perinatal-caseload/app"
	"perinatal-caseload/app/testdb"
	"perinatal-caseload/models"
)

var (
	validDir   = filepath.Join("testdata", "referrals", "valid")
	invalidDir = filepath.Join("testdata", "referrals", "invalid")
)

// testTarget returns a new database of the test's own, on the engine the
// environment chooses (see package testdb).
func testTarget(t *testing.T) string {
	t.Helper()
	return testdb.Prepared(t, "app", func(target string) error {
		db, err := app.Open(target)
		if err != nil {
			return err
		}
		app.Close(db)
		return nil
	})
}

// runCLI runs the command line against the database db, without signing in.
func runCLI(t *testing.T, db string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return runWithInput(t, "", append([]string{"--db", db}, args...)...)
}

// runWithInput runs the command line with args and stdin.
func runWithInput(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// The team manager the command-line tests sign in as, made on each test
// database as its first account (see addCLIManager).
const (
	cliManager  = "cli.manager"
	cliPassword = "correct horse battery"
)

// runAs runs the command line against db signed in as cliManager, the
// password being the first line of standard input.
func runAs(t *testing.T, db string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return runWithInput(t, cliPassword+"\n", append([]string{"--db", db, "--user", cliManager}, args...)...)
}

// addCLIManager adds cliManager to db, as the first team manager of a
// database with none, which needs no sign-in.
func addCLIManager(t *testing.T, db string) {
	t.Helper()
	code, _, stderr := runWithInput(t, cliPassword+"\n", "--db", db, "users", "add", "--name", "Test Manager",
		"--username", cliManager, "--role", "team_manager,administrator,clinician")
	if code != 0 {
		t.Fatalf("adding the first team manager: exit %d: %s", code, stderr)
	}
}

// signedInTarget is testTarget with cliManager added.
func signedInTarget(t *testing.T) string {
	t.Helper()
	db := testTarget(t)
	addCLIManager(t, db)
	return db
}

// referralFixtures lists the referral files (not the expectations) in dir.
func referralFixtures(t *testing.T, dir string) []string {
	t.Helper()
	all, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range all {
		if !strings.HasSuffix(f, ".expected.json") {
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		t.Fatalf("no fixtures in %s", dir)
	}
	return out
}

// expectation is a fixture's *.expected.json: the decisions allowed, the
// priority if given, and flags and signposts that must all appear.
type expectation struct {
	Decision []models.Decision `json:"decision"`
	Priority models.Priority   `json:"priority"`
	Flags    []string          `json:"flags"`
	Signpost []string          `json:"signpost"`
}

func TestTriageAgreesWithEveryExpectedFixture(t *testing.T) {
	db := signedInTarget(t)
	files := referralFixtures(t, validDir)
	code, stdout, stderr := runCLI(t, db, append([]string{"triage"}, files...)...)
	if code != 0 || stderr != "" {
		t.Fatalf("triage exit %d, stderr %q", code, stderr)
	}
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	if len(lines) != len(files) {
		t.Fatalf("%d lines of output for %d files:\n%s", len(lines), len(files), stdout)
	}
	for i, f := range files {
		var got models.Recommendation
		if err := json.Unmarshal([]byte(lines[i]), &got); err != nil {
			t.Fatalf("%s: line %q is not a recommendation: %v", f, lines[i], err)
		}
		data, err := os.ReadFile(strings.TrimSuffix(f, ".json") + ".expected.json")
		if err != nil {
			t.Fatalf("%s has no expectation: %v", f, err)
		}
		var want expectation
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(f)
		if !slices.Contains(want.Decision, got.Decision) {
			t.Errorf("%s: decision %s, want one of %v (reasons %q)", name, got.Decision, want.Decision, got.Reasons)
		}
		if want.Priority != "" && got.Priority != want.Priority {
			t.Errorf("%s: priority %s, want %s", name, got.Priority, want.Priority)
		}
		for _, flag := range want.Flags {
			if !slices.Contains(got.Flags, flag) {
				t.Errorf("%s: flags %v lack %s", name, got.Flags, flag)
			}
		}
		for _, sp := range want.Signpost {
			if !slices.Contains(got.Signpost, sp) {
				t.Errorf("%s: signpost %v lacks %s", name, got.Signpost, sp)
			}
		}
	}
	if code, out, _ := runAs(t, db, "import", validDir); code != 0 || out == "" {
		t.Fatalf("importing after triage: exit %d", code)
	}
}

func TestTriageReportsABadFileAndGoesOn(t *testing.T) {
	db := testTarget(t)
	good := filepath.Join(validDir, "accept-bipolar-lithium.json")
	bad := filepath.Join(invalidDir, "bad-nhs-number.json")
	code, stdout, stderr := runCLI(t, db, "triage", bad, good)
	if code == 0 {
		t.Error("triage of a bad file exited 0")
	}
	if n := strings.Count(stdout, "\n"); n != 1 || !strings.HasPrefix(stdout, `{"decision":"accept"`) {
		t.Errorf("stdout %q; want the good file's recommendation only", stdout)
	}
	if !strings.Contains(stderr, bad) || !strings.Contains(stderr, "patient.nhs_number") {
		t.Errorf("stderr %q should name the file and the field", stderr)
	}
}

func TestImportRefusesEachInvalidFixtureNamingTheField(t *testing.T) {
	db := signedInTarget(t)
	for _, f := range referralFixtures(t, invalidDir) {
		code, stdout, stderr := runAs(t, db, "import", f)
		lines := strings.Split(strings.TrimSpace(stderr), "\n")
		if code == 0 || stdout != "" || len(lines) != 1 || !strings.Contains(lines[0], f+": ") {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want one stderr line naming the file", f, code, stdout, stderr)
			continue
		}
		problem := strings.SplitN(lines[0], f+": ", 2)[1]
		whole := map[string]bool{"syntax-error.json": true, "truncated.json": true, "not-an-object.json": true}
		if !whole[filepath.Base(f)] && !strings.Contains(problem, ": ") {
			t.Errorf("%s: %q does not name a field", f, problem)
		}
	}
	want := map[string]string{
		"bad-nhs-number.json": "patient.nhs_number", "unknown-field.json": "is not a field",
		"missing-required.json": "is missing", "wrong-type.json": "should be", "impossible-date.json": "not a real date",
		"bad-enum.json": "should be one of", "postnatal-without-baby-dob.json": "perinatal.baby_date_of_birth",
		"truncated.json": "cut short",
	}
	for name, text := range want {
		if _, _, stderr := runAs(t, db, "import", filepath.Join(invalidDir, name)); !strings.Contains(stderr, text) {
			t.Errorf("%s: stderr %q should say %q", name, stderr, text)
		}
	}
	// Nothing was saved: a valid import now gets referral 1.
	code, stdout, _ := runAs(t, db, "import", filepath.Join(validDir, "accept-bipolar-lithium.json"))
	if code != 0 || strings.TrimSpace(stdout) != "1" {
		t.Errorf("first valid import: exit %d, stdout %q; want referral 1", code, stdout)
	}
}

func TestImportFolderPrintsNewIDsAndSkipsDuplicates(t *testing.T) {
	db := signedInTarget(t)
	files := referralFixtures(t, validDir)
	code, stdout, stderr := runAs(t, db, "import", validDir)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	ids := strings.Fields(stdout)
	if len(ids) != len(files) {
		t.Fatalf("%d IDs for %d files", len(ids), len(files))
	}
	for i, id := range ids {
		if n, err := strconv.Atoi(id); err != nil || n != i+1 {
			t.Errorf("line %d is %q; want %d", i+1, id, i+1)
		}
	}
	// Again: every file with a form_id is a duplicate; only the one
	// without a form_id makes a new referral.
	code, stdout, stderr = runAs(t, db, "import", validDir)
	if code != 0 {
		t.Errorf("re-import exit %d; duplicates are not failures", code)
	}
	if got := strings.Count(stderr, "already imported"); got != len(files)-1 {
		t.Errorf("%d duplicates noted on stderr, want %d:\n%s", got, len(files)-1, stderr)
	}
	if len(strings.Fields(stdout)) != 1 {
		t.Errorf("re-import printed %q; want one new ID (the file without a form_id)", stdout)
	}
}
