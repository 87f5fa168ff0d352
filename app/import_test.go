package app

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"perinatal-caseload/models"
)

// Fixture folders, relative to this package.
var (
	validFixtures   = filepath.Join("..", "testdata", "referrals", "valid")
	invalidFixtures = filepath.Join("..", "testdata", "referrals", "invalid")
)

// fixtureFiles lists the referral files (not *.expected.json) in dir.
func fixtureFiles(t testing.TB, dir string) []string {
	t.Helper()
	files, bad := ReferralFiles([]string{dir})
	if len(bad) > 0 || len(files) == 0 {
		t.Fatalf("no fixtures in %s: %v", dir, bad)
	}
	return files
}

// rowCounts counts the rows an import writes to.
func rowCounts(t testing.TB, s *Services) map[string]int64 {
	t.Helper()
	out := map[string]int64{}
	for _, table := range []string{"referrals", "patients", "professionals", "conditions", "medications", "copy_recipients", "audit_events"} {
		out[table] = countRows(t, s, table)
	}
	return out
}

func TestImportRefusesEachInvalidFixtureAndSavesNothing(t *testing.T) {
	s, _, admin := newAdminServices(t)
	for _, path := range fixtureFiles(t, invalidFixtures) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			before := rowCounts(t, s)
			id, err := s.ImportFile(admin, path)
			var ie *ImportError
			if !errors.As(err, &ie) || id != 0 {
				t.Fatalf("ImportFile = %d, %v; want an *ImportError and no referral", id, err)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, filepath.Base(path)+": ") || strings.Contains(msg, "\n") {
				t.Errorf("message %q should be one line starting with the file name", msg)
			}
			whole := map[string]bool{"syntax-error.json": true, "truncated.json": true, "not-an-object.json": true}
			if !whole[filepath.Base(path)] && (len(ie.Fields) == 0 || ie.Fields[0].Field == "") {
				t.Errorf("message %q should name the field at fault by its JSON path", msg)
			}
			for _, secret := range []string{"Okafor", "Hannah", "999 123 4560", "9991234560", "1993-05-14"} {
				if strings.Contains(msg, secret) {
					t.Errorf("message %q repeats patient data %q", msg, secret)
				}
			}
			if after := rowCounts(t, s); !mapsEqual(before, after) {
				t.Errorf("rows changed after a refused import: %v -> %v", before, after)
			}
		})
	}
}

func TestImportNamesTheFieldOfEachKindOfProblem(t *testing.T) {
	s, _, admin := newAdminServices(t)
	cases := map[string]string{
		"bad-nhs-number.json":             "patient.nhs_number",
		"unknown-field.json":              "is not a field",
		"missing-required.json":           "is missing",
		"wrong-type.json":                 "should be",
		"impossible-date.json":            "not a real date",
		"bad-enum.json":                   "should be one of",
		"postnatal-without-baby-dob.json": "perinatal.baby_date_of_birth",
		"truncated.json":                  "cut short",
	}
	for name, want := range cases {
		_, err := s.ImportFile(admin, filepath.Join(invalidFixtures, name))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v should say %q", name, err, want)
		}
	}
}

func TestImportSameFormTwiceMakesOneReferral(t *testing.T) {
	s, _, admin := newAdminServices(t)
	path := filepath.Join(validFixtures, "accept-bipolar-lithium.json")
	id, err := s.ImportFile(admin, path)
	if err != nil || id == 0 {
		t.Fatalf("first import: %d, %v", id, err)
	}
	before := rowCounts(t, s)
	again, err := s.ImportFile(admin, path)
	var dup *DuplicateFormError
	if !errors.As(err, &dup) || dup.ReferralID != id || again != 0 {
		t.Fatalf("second import = %d, %v; want a *DuplicateFormError naming referral %d", again, err, id)
	}
	if after := rowCounts(t, s); !mapsEqual(before, after) {
		t.Errorf("rows changed after a duplicate: %v -> %v", before, after)
	}
	res := s.ImportPaths(admin, []string{path}, nil)
	if len(res) != 1 || !res[0].Duplicate || res[0].ReferralID != id {
		t.Errorf("ImportPaths of the same form = %+v; want one duplicate of %d", res, id)
	}
}

func TestImportFolderImportsEveryValidFixture(t *testing.T) {
	s, _, admin := newAdminServices(t)
	files := fixtureFiles(t, validFixtures)
	var calls [][2]int
	// The folder and one of its files: the file is imported once.
	results := s.ImportPaths(admin, []string{validFixtures, files[0]}, func(done, total int) { calls = append(calls, [2]int{done, total}) })
	if len(results) != len(files) {
		t.Fatalf("%d results for %d files", len(results), len(files))
	}
	for _, r := range results {
		if r.Err != nil || r.ReferralID == 0 || r.Duplicate {
			t.Errorf("%s: %+v", filepath.Base(r.Path), r)
		}
		if strings.HasSuffix(r.Path, ".expected.json") {
			t.Errorf("imported the expectation file %s", r.Path)
		}
	}
	if n := countRows(t, s, "referrals"); n != int64(len(files)) {
		t.Errorf("%d referrals saved; want %d", n, len(files))
	}
	if len(calls) != len(files)+1 || calls[0] != [2]int{0, len(files)} || calls[len(calls)-1] != [2]int{len(files), len(files)} {
		t.Errorf("progress calls %v", calls)
	}
	// The fixtures share one test NHS number: they are re-referrals of one woman.
	var known int64
	s.core.db.Table("patients").Where("nhs_number = ?", "9990000107").Count(&known)
	if known != 1 {
		t.Errorf("%d patients with the shared NHS number; want 1", known)
	}
}

func TestImportPathsReportsMissingPathsAndRefusals(t *testing.T) {
	s, _, admin := newAdminServices(t)
	keyWorker := addStaff(t, s, "kw", models.RoleKeyWorker)
	missing := filepath.Join(t.TempDir(), "nothing-here.json")
	res := s.ImportPaths(admin, []string{missing}, nil)
	if len(res) != 1 || res[0].Err == nil || !strings.Contains(res[0].Err.Error(), "nothing-here.json") {
		t.Errorf("missing file: %+v", res)
	}
	res = s.ImportPaths(keyWorker, []string{filepath.Join(validFixtures, "accept-bipolar-lithium.json")}, nil)
	var perm *PermissionError
	if len(res) != 1 || !errors.As(res[0].Err, &perm) {
		t.Errorf("a key worker's import: %+v; want a permission error", res)
	}
	if n := countRows(t, s, "referrals"); n != 0 {
		t.Errorf("%d referrals saved", n)
	}
}

// Hazards: HAZ-005, HAZ-020.
func TestImportKnownNHSNumberWithOtherBirthDateNamesNoPatientData(t *testing.T) {
	s, _, admin := newAdminServices(t)
	if _, err := s.ImportFile(admin, filepath.Join(validFixtures, "accept-bipolar-lithium.json")); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(validFixtures, "accept-bipolar-lithium.json"))
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(strings.Replace(string(data), "1993-05-14", "1990-01-01", 1), "test-0001", "test-other", 1)
	path := filepath.Join(t.TempDir(), "changed.json")
	if err := os.WriteFile(path, []byte(changed), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = s.ImportFile(admin, path)
	if err == nil || !strings.Contains(err.Error(), "patient.date_of_birth") {
		t.Fatalf("error %v should name patient.date_of_birth", err)
	}
	for _, secret := range []string{"943 476 5919", "9434765919", "14/05/1993", "1990"} {
		if strings.Contains(err.Error(), secret) {
			t.Errorf("error %q repeats %q", err, secret)
		}
	}
}

func mapsEqual(a, b map[string]int64) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestImportRollsBackAFileThatFailsPartWayInAGroup(t *testing.T) {
	s, _, admin := newAdminServices(t)
	// Saving a referral whose reason is FAIL fails after its patient,
	// referrer and their audit events are written.
	failReferralInsertsWithReason(t, s.core.db, "FAIL")
	dir := t.TempDir()
	writeSyntheticReferrals(t, dir, 3)
	middle := filepath.Join(dir, "referral-000001.json")
	data, err := os.ReadFile(middle)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	doc["reason_for_referral"] = "FAIL"
	doc["referrer"].(map[string]any)["name"] = "Dr Only In The Failed File"
	failing, _ := json.Marshal(doc)
	if err := os.WriteFile(middle, failing, 0o600); err != nil {
		t.Fatal(err)
	}
	results := s.ImportPaths(admin, []string{dir}, nil)
	if results[0].Err != nil || results[1].Err == nil || results[2].Err != nil {
		t.Fatalf("results %+v; want the middle file refused and the others imported", results)
	}
	if n := countRows(t, s, "referrals"); n != 2 {
		t.Errorf("%d referrals; want 2", n)
	}
	if n := countRows(t, s, "patients"); n != 2 {
		t.Errorf("%d patients; want 2: the failed file's patient must be rolled back", n)
	}
	var orphan int64
	s.core.db.Table("professionals").Where("name = ?", "Dr Only In The Failed File").Count(&orphan)
	if orphan != 0 {
		t.Error("the failed file's referrer was kept")
	}
	var audited int64
	s.core.db.Table("audit_events").Where("entity = ? AND action = ?", "patient", ActionCreate).Count(&audited)
	if audited != 2 {
		t.Errorf("%d patient-creation audit events; want 2", audited)
	}
}
