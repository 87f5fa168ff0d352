package app

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"perinatal-caseload/models"
)

// copyFixture copies a fixture into dir under name, changed by edit if given.
func copyFixture(t *testing.T, dir, from, name string, edit func(doc map[string]any)) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		var doc map[string]any
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		edit(doc)
		data, _ = json.Marshal(doc)
	}
	if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestImportResultsNameTheWomanAndExplainRefusalsInWords(t *testing.T) {
	s, _, admin := newAdminServices(t)
	dir := t.TempDir()
	copyFixture(t, dir, filepath.Join(validFixtures, "accept-bipolar-lithium.json"), "a-valid.json", nil)
	for _, name := range []string{"bad-nhs-number.json", "many-errors.json", "syntax-error.json", "bad-postcode.json"} {
		copyFixture(t, dir, filepath.Join(invalidFixtures, name), name, nil)
	}
	copyFixture(t, dir, filepath.Join(validFixtures, "accept-bipolar-lithium.json"), "old-dob.json", func(doc map[string]any) {
		doc["form_id"] = "test-old-dob"
		doc["patient"].(map[string]any)["nhs_number"] = "999 000 0018"
		doc["patient"].(map[string]any)["date_of_birth"] = "1950-06-01"
		doc["perinatal"].(map[string]any)["expected_delivery_date"] = "2028-01-01"
	})
	results := s.ImportPaths(admin, []string{dir}, nil)
	byName := map[string]ImportResult{}
	for _, r := range results {
		byName[filepath.Base(r.Path)] = r
	}
	valid := byName["a-valid.json"]
	if valid.Err != nil || valid.Woman != "Hannah Okafor" || valid.Reference() != "PMH-000001" || len(valid.Problems) != 0 {
		t.Errorf("the imported file's result = %+v; want Hannah Okafor as PMH-000001", valid)
	}
	says := func(file string, field models.FieldID, want string) {
		t.Helper()
		r := byName[file]
		for _, p := range r.Problems {
			if p.Field == field && p.Sentence == want {
				return
			}
		}
		t.Errorf("%s: no problem for %q saying %q in %+v", file, field, want, r.Problems)
	}
	says("bad-nhs-number.json", models.FieldNHSNumber, "The NHS number 999 123 4560 fails its check digit: ask the referrer to confirm it.")
	says("many-errors.json", models.FieldNHSNumber, `The NHS number "12345" does not have 10 digits: ask the referrer to confirm it.`)
	says("many-errors.json", "current_services.team",
		"The file holds a field current_services.team that the referral form does not have: ask whoever runs the online form to check what it sends against docs/referral-form.md.")
	says("many-errors.json", models.FieldReferrerName,
		"Referrer name (referrer.name in the file) is empty: ask the referrer for it, or whoever runs the online form if the form should have asked.")
	says("many-errors.json", "severity",
		`The field severity should be one of mild, moderate, severe, not "very severe": ask whoever runs the online form to correct what it sends.`)
	says("bad-postcode.json", models.FieldPostcode, `The postcode "LE99 XYZ" is not a UK postcode: ask the referrer for her full postcode.`)
	says("old-dob.json", models.FieldDateOfBirth, "The date of birth 01/06/1950 would make her over 60 when referred: ask the referrer to check the year.")
	says("old-dob.json", models.FieldDueDate, "The expected delivery date 01/01/2028 is more than 10 months after the referral: ask the referrer to check it.")
	for _, file := range []string{"bad-nhs-number.json", "many-errors.json", "old-dob.json"} {
		if r := byName[file]; r.Woman != "Hannah Okafor" || r.Err == nil {
			t.Errorf("%s: the refused file names %q", file, r.Woman)
		}
	}
	broken := byName["syntax-error.json"]
	if len(broken.Problems) != 1 || broken.Problems[0].Field != "" || !strings.HasSuffix(broken.Problems[0].Sentence, ".") ||
		broken.Problems[0].Sentence[0] < 'A' || broken.Problems[0].Sentence[0] > 'Z' {
		t.Errorf("a file that is not JSON: %+v", broken.Problems)
	}
	for _, r := range results {
		if r.Err != nil && strings.Contains(r.Err.Error(), "Okafor") {
			t.Errorf("%s: the error text, which is printed and may be logged, names her", r.Path)
		}
	}

	// Imported again: the result says so, by reference.
	again := s.ImportPaths(admin, []string{filepath.Join(dir, "a-valid.json")}, nil)
	if len(again) != 1 || !again[0].Duplicate || again[0].Woman != "Hannah Okafor" || len(again[0].Problems) != 1 ||
		again[0].Problems[0].Sentence != "This form was imported before, as referral PMH-000001, so nothing new was saved from it." {
		t.Errorf("importing it again = %+v", again)
	}
}

func TestImportExplainsAWomanKnownWithAnotherDateOfBirth(t *testing.T) {
	s, _, admin := newAdminServices(t)
	dir := t.TempDir()
	copyFixture(t, dir, filepath.Join(validFixtures, "accept-bipolar-lithium.json"), "first.json", nil)
	copyFixture(t, dir, filepath.Join(validFixtures, "accept-bipolar-lithium.json"), "second.json", func(doc map[string]any) {
		doc["form_id"] = "test-second"
		doc["patient"].(map[string]any)["date_of_birth"] = "1993-05-15"
	})
	results := s.ImportPaths(admin, []string{dir}, nil)
	want := "The NHS number 943 476 5919 belongs to a woman already known to the service, whose date of birth is not 15/05/1993 as in the file: check both with the referrer."
	if len(results) != 2 || results[1].Err == nil || len(results[1].Problems) != 1 || results[1].Problems[0].Sentence != want {
		t.Errorf("a re-referral with another date of birth: %+v\nwant %q", results, want)
	}
}
