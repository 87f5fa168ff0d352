package referralform

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"perinatal-caseload/models"
)

const fixtures = "../../testdata/referrals"

// expectation is the shape of NAME.expected.json beside a valid fixture.
type expectation struct {
	Decision []models.Decision `json:"decision"`
	Priority models.Priority   `json:"priority"`
	Flags    []string          `json:"flags"`
	Signpost []string          `json:"signpost"`
}

// parseValid parses the valid fixture name, failing the test if it is
// refused, and returns the referral and the file.
func parseValid(t *testing.T, name string) (*models.Referral, []byte) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(fixtures, "valid", name))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	return r, data
}

func validFixtures(t *testing.T) []string {
	t.Helper()
	all, err := filepath.Glob(filepath.Join(fixtures, "valid", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range all {
		if !strings.HasSuffix(f, ".expected.json") {
			out = append(out, f)
		}
	}
	if len(out) < 20 {
		t.Fatalf("found only %d valid fixtures in %s", len(out), fixtures)
	}
	return out
}

// TestScreenValidFixtures parses each valid fixture, screens it at its
// received_at, and checks the result against NAME.expected.json.
func TestScreenValidFixtures(t *testing.T) {
	decisions := map[models.Decision]bool{}
	for _, file := range validFixtures(t) {
		name := strings.TrimSuffix(filepath.Base(file), ".json")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			r, err := Parse(data)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			exp := readExpectation(t, strings.TrimSuffix(file, ".json")+".expected.json")
			rec := models.Screen(r, r.ReceivedAt, models.ScreeningOptions{})
			decisions[rec.Decision] = true
			if !slices.Contains(exp.Decision, rec.Decision) {
				t.Errorf("decision %s, want one of %v\nreasons: %q", rec.Decision, exp.Decision, rec.Reasons)
			}
			if exp.Priority != "" && rec.Priority != exp.Priority {
				t.Errorf("priority %s, want %s", rec.Priority, exp.Priority)
			}
			for _, f := range exp.Flags {
				if !rec.HasFlag(f) {
					t.Errorf("flag %s missing from %q", f, rec.Flags)
				}
			}
			for _, s := range exp.Signpost {
				if !rec.HasSignpost(s) {
					t.Errorf("signpost %s missing from %q", s, rec.Signpost)
				}
			}
		})
	}
	for _, d := range models.Decisions {
		if !decisions[d] {
			t.Errorf("no valid fixture is screened %s", d)
		}
	}
}

func readExpectation(t *testing.T, path string) expectation {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("every valid fixture needs its expectation: %v", err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var exp expectation
	if err := dec.Decode(&exp); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(exp.Decision) == 0 {
		t.Fatalf("%s lists no decision", path)
	}
	return exp
}

// TestParseInvalidFixtures checks that each invalid fixture is refused with
// an error at exactly the expected paths.
func TestParseInvalidFixtures(t *testing.T) {
	cases := map[string]struct {
		paths     []string // exact field paths, in any order
		truncated bool
		contains  string // the error text contains this
	}{
		"bad-nhs-number.json":             {paths: []string{"patient.nhs_number"}, contains: "check digit"},
		"unknown-field.json":              {paths: []string{"patient.middle_name", "urgency"}, contains: "not a field of the referral form"},
		"missing-required.json":           {paths: []string{"patient.given_name", "consent_obtained"}, contains: "required"},
		"wrong-type.json":                 {paths: []string{"patient.nhs_number", "consent_obtained", "conditions[1].code"}, contains: "should be text, not a number"},
		"impossible-date.json":            {paths: []string{"patient.date_of_birth", "perinatal.expected_delivery_date"}, contains: "not a real date"},
		"bad-enum.json":                   {paths: []string{"referrer.role", "perinatal.stage", "medication[0].class"}, contains: `not "nurse"`},
		"postnatal-without-baby-dob.json": {paths: []string{"perinatal.baby_date_of_birth"}, contains: "required when the stage is postnatal"},
		"bad-postcode.json":               {paths: []string{"patient.postcode"}, contains: "not a UK postcode"},
		"bad-received-at.json":            {paths: []string{"received_at"}, contains: "RFC 3339"},
		"baby-born-after-referral.json":   {paths: []string{"perinatal.baby_date_of_birth"}, contains: "later than the date the referral was received"},
		"duplicate-field.json":            {paths: []string{"consent_obtained"}, contains: "more than once"},
		"not-an-object.json":              {paths: []string{""}, contains: "not a list"},
		"many-errors.json": {paths: []string{
			"referrer.name", "patient.nhs_number", "patient.postcode", "patient.lives_in_area", "severity",
			"family_history[1]", "current_services.cmht_open", "current_services.team",
			"other_professionals[0].role", "other_professionals[1]",
		}},
		"letters-cannot-print.json": {paths: []string{
			"patient.name_for_letters", "patient.address_lines",
			"patient.communication_needs.preferred_contact", "patient.communication_needs.safe_postcode",
		}, contains: "Gujarati script"},
		"truncated.json":    {truncated: true, contains: "cut short"},
		"syntax-error.json": {contains: "not valid JSON at line 25, column 3"},
	}
	files, err := filepath.Glob(filepath.Join(fixtures, "invalid", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(cases) {
		t.Errorf("%d invalid fixtures but %d cases: give every fixture a case", len(files), len(cases))
	}
	for _, file := range files {
		name := filepath.Base(file)
		t.Run(name, func(t *testing.T) {
			c, ok := cases[name]
			if !ok {
				t.Fatalf("no case for %s", name)
			}
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			r, err := Parse(data)
			if err == nil {
				t.Fatalf("Parse accepted it: %+v", r)
			}
			if r != nil {
				t.Error("Parse returned a referral with its error")
			}
			if errors.Is(err, ErrTruncated) != c.truncated {
				t.Errorf("truncated = %v, want %v: %v", !c.truncated, c.truncated, err)
			}
			if c.contains != "" && !strings.Contains(err.Error(), c.contains) {
				t.Errorf("error does not say %q:\n%v", c.contains, err)
			}
			var ve models.FieldErrors
			if c.paths == nil {
				if errors.As(err, &ve) {
					t.Errorf("want a plain error, got field errors: %v", err)
				}
				return
			}
			if !errors.As(err, &ve) {
				t.Fatalf("want a models.FieldErrors, got %T: %v", err, err)
			}
			if got := slices.Sorted(slices.Values(paths(ve))); !slices.Equal(got, slices.Sorted(slices.Values(c.paths))) {
				t.Errorf("paths = %q, want %q\n%v", paths(ve), c.paths, err)
			}
		})
	}
}

// TestParseMapsEveryField checks a fixture that fills in every field of the
// format lands in the right place.
func TestParseMapsEveryField(t *testing.T) {
	r, _ := parseValid(t, "accept-inpatient-postpartum-psychosis.json")
	date := func(s string) models.Date {
		d, err := models.ParseISODate(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	check := func(what string, got, want any) {
		t.Helper()
		gj, _ := json.Marshal(got)
		wj, _ := json.Marshal(want)
		if string(gj) != string(wj) {
			t.Errorf("%s = %s, want %s", what, gj, wj)
		}
	}
	check("form id", r.FormID, "test-0005")
	check("received at", r.ReceivedAt, time.Date(2026, 11, 2, 10, 30, 0, 0, time.UTC))
	check("status", r.Status, models.StatusReceived)
	check("priority", r.Priority, models.PriorityRoutine)
	check("urgent rank", r.UrgentRank, 1)
	check("referrer", r.Referrer, models.Professional{
		Name: "Dr Rhiannon Blackwood", Role: "psychiatrist", Organisation: "Bradgate Unit (synthetic)",
		Phone: "0116 496 0002", Email: "rhiannon.blackwood@example.nhs.uk", Address: "Ward 3, Synthetic Hospital, Leicester LE5 4ZZ",
	})
	p := r.Patient
	check("NHS number", p.NHSNumber, "9990000204")
	check("given name", p.GivenName, "Zoë")
	check("family name", p.FamilyName, "Nguyễn")
	check("family key", p.FamilyKey, "nguyen") // folded for search: accents do not matter
	check("date of birth", p.DateOfBirth, date("1998-12-01"))
	check("address lines", p.AddressLines, "Flat 2\n14 Example Close\nLoughborough")
	check("postcode", p.Postcode, "LE11 3TU")
	check("phone", p.Phone, "07700 900123")
	check("email", p.Email, "zoe@example.com")
	check("GP practice", p.GPPractice, "Braunstone Lane Surgery (synthetic)")
	check("language", p.Language, "vi")
	check("interpreter", p.InterpreterNeeded, true)
	check("other needs", p.CommunicationNeeds, models.CommunicationNeeds{InterpreterNeeded: true, Language: "vi"})
	check("registered with GP", r.RegisteredWithGP, true)
	check("lives in area", r.LivesInArea, true)
	check("consent", r.ConsentObtained, true)
	check("stage", r.Stage, models.StagePostnatal)
	check("due date", r.ExpectedDeliveryDate, date("2026-10-20"))
	check("baby's date of birth", r.BabyDateOfBirth, date("2026-10-12"))
	check("severity", r.Severity, models.SeveritySevere)
	check("manageable", r.ManageableInPrimaryCare, false)
	check("conditions", r.Conditions, []models.Condition{
		{Code: "postpartum_psychosis", Status: models.ConditionCurrent, Primary: true, Note: "Onset day 5."},
		{Code: "depression", Status: models.ConditionPrevious},
	})
	check("family history", r.FamilyHistory, []string{"bipolar_disorder", "postpartum_psychosis"})
	check("previous perinatal illness", r.PreviousPerinatalIllnessTreated, false)
	check("severe impact", r.SevereImpactOnFunctioning, true)
	check("medication", r.Medications, []models.Medication{
		{Name: "Olanzapine", Class: "antipsychotic", Dose: "10mg at night"},
		{Name: "Promethazine", Class: "hypnotic"},
	})
	check("breastfeeding", r.Breastfeeding, true)
	check("advice requested", r.MedicationAdviceRequested, true)
	check("current services", r.CurrentServices, models.CurrentServices{PsychiatricInpatient: true, Ward: "Ward 3 (synthetic)"})
	check("copy recipients", r.CopyRecipients, []models.CopyRecipient{
		{Professional: models.Professional{Name: "Siobhán Walsh", Role: "Health visitor", Organisation: "Synthetic Health Visiting Team",
			Address: "2 Example Way, Loughborough LE11 1ZZ", Email: "s.walsh@example.nhs.uk", Phone: "0116 496 0003"}},
		{Professional: models.Professional{Name: "Łucja Kowalska", Role: "Midwife", Organisation: "Synthetic Maternity Unit"}},
	})
	check("reason", r.ReasonForReferral, "Admitted with postpartum psychosis a week after the birth.")
	check("risk", r.RiskSummary, "Synthetic risk summary.")
}

// minimal is a valid submission with only the required fields.
const minimal = `{
  "received_at": "2026-11-02T10:30:00Z",
  "referrer": {"name": "Tom Example", "role": "midwife"},
  "patient": {"given_name": "Aisha", "family_name": "Rahman", "date_of_birth": "2000-01-15",
              "postcode": "le1 5ww", "registered_with_gp": true, "lives_in_area": true},
  "consent_obtained": true,
  "perinatal": {"stage": "pregnant"},
  "reason_for_referral": "Test."
}`

// edit returns minimal with the JSON at path replaced by raw (or removed
// when raw is "").
func edit(t *testing.T, path, raw string) []byte {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal([]byte(minimal), &doc); err != nil {
		t.Fatal(err)
	}
	parts := strings.Split(path, ".")
	m := doc
	for _, p := range parts[:len(parts)-1] {
		m = m[p].(map[string]any)
	}
	last := parts[len(parts)-1]
	if raw == "" {
		delete(m, last)
	} else {
		m[last] = json.RawMessage(raw)
	}
	out, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestParseMinimal(t *testing.T) {
	r, err := Parse([]byte(minimal))
	if err != nil {
		t.Fatal(err)
	}
	if r.FormID != nil || r.Patient.NHSNumber != nil || r.ManageableInPrimaryCare != nil {
		t.Errorf("optional fields should be nil: %v %v %v", r.FormID, r.Patient.NHSNumber, r.ManageableInPrimaryCare)
	}
	if r.Patient.Postcode != "LE1 5WW" || r.Severity != models.SeverityNone || len(r.Conditions) != 0 {
		t.Errorf("unexpected referral: %+v", r)
	}
}

func TestParseFieldErrors(t *testing.T) {
	cases := []struct {
		name, path, raw string
		want            []string // error paths
		msg             string   // the error contains this
	}{
		{"null for text", "patient.phone", `null`, []string{"patient.phone"}, "should be text, not null"},
		{"number for true/false", "consent_obtained", `1`, []string{"consent_obtained"}, "should be true or false, not a number"},
		{"text for a list", "conditions", `"bipolar"`, []string{"conditions"}, "should be a list, not text"},
		{"list item not an object", "conditions", `[{"code":"ocd","status":"current"}, "ocd"]`, []string{"conditions[1]"}, "should be an object"},
		{"unknown field in a list item", "medication", `[{"name":"Sertraline","class":"antidepressant","doze":"50mg"}]`, []string{"medication[0].doze"}, "not a field"},
		{"missing fields in a list item", "medication", `[{}]`, []string{"medication[0].name", "medication[0].class"}, "is missing"},
		{"empty required text", "reason_for_referral", `""`, []string{"reason_for_referral"}, "is empty"},
		{"blank required text", "patient.family_name", `"   "`, []string{"patient.family_name"}, "is empty"},
		{"object for text", "referrer.name", `{"first":"Tom"}`, []string{"referrer.name"}, "should be text, not an object"},
		{"text for an object", "perinatal", `"pregnant"`, []string{"perinatal"}, "should be an object"},
		{"missing object", "patient", ``, []string{"patient"}, "is missing"},
		{"date with a time", "patient.date_of_birth", `"2000-01-15T00:00:00Z"`, []string{"patient.date_of_birth"}, "YYYY-MM-DD"},
		{"UK-style date", "patient.date_of_birth", `"15/01/2000"`, []string{"patient.date_of_birth"}, "YYYY-MM-DD"},
		{"short date", "patient.date_of_birth", `"2000-1-5"`, []string{"patient.date_of_birth"}, "YYYY-MM-DD"},
		{"29 February in a common year", "patient.date_of_birth", `"2001-02-29"`, []string{"patient.date_of_birth"}, "not a real date"},
		{"date of birth after the referral", "patient.date_of_birth", `"2026-11-03"`, []string{"patient.date_of_birth"}, "later than the date"},
		{"date of birth long ago", "patient.date_of_birth", `"1890-01-01"`, []string{"patient.date_of_birth"}, "100 years"},
		{"received_at without a zone", "received_at", `"2026-11-02T10:30:00"`, []string{"received_at"}, "RFC 3339"},
		{"received_at a date only", "received_at", `"2026-11-02"`, []string{"received_at"}, "RFC 3339"},
		{"enum given as a number", "severity", `3`, []string{"severity"}, "should be text, not a number"},
		{"enum in the wrong case", "referrer.role", `"GP"`, []string{"referrer.role"}, `not "GP"`},
		{"family history not a code", "family_history", `["bipolar_disorder", 2]`, []string{"family_history[1]"}, "should be text"},
		{"address line not text", "patient.address_lines", `["1 Road", null]`, []string{"patient.address_lines[1]"}, "should be text, not null"},
		{"NHS number too short", "patient.nhs_number", `"943 476 591"`, []string{"patient.nhs_number"}, "exactly 10 digits"},
		{"NHS number all zeros", "patient.nhs_number", `"0000000000"`, []string{"patient.nhs_number"}, "not a real NHS number"},
		{"postcode missing", "patient.postcode", ``, []string{"patient.postcode"}, "is missing"},
		{"postcode empty", "patient.postcode", `""`, []string{"patient.postcode"}, "is empty"},
		{"copy recipient with a blank role is allowed", "other_professionals", `[{"name":"Sam","role":""}]`, nil, ""},
		{"empty form_id is left out", "form_id", `""`, nil, ""},
		{"empty NHS number is left out", "patient.nhs_number", `" "`, nil, ""},
		{"due date with postnatal stage is kept", "perinatal", `{"stage":"postnatal","baby_date_of_birth":"2026-10-01","expected_delivery_date":"2026-10-05"}`, nil, ""},
		{"a far-off due date is for screening, not parsing", "perinatal", `{"stage":"pregnant","expected_delivery_date":"2029-01-01"}`, nil, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse(edit(t, c.path, c.raw))
			if c.want == nil {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			var ve models.FieldErrors
			if !errors.As(err, &ve) {
				t.Fatalf("want models.FieldErrors, got %v", err)
			}
			if !slices.Equal(slices.Sorted(slices.Values(paths(ve))), slices.Sorted(slices.Values(c.want))) {
				t.Errorf("paths %q, want %q", paths(ve), c.want)
			}
			if !strings.Contains(err.Error(), c.msg) {
				t.Errorf("error does not contain %q:\n%v", c.msg, err)
			}
		})
	}
}

// TestParseBlankOptionalIdentifiers: a blank form_id or NHS number means
// "not given", so it is stored as nil and never collides in a unique index.
func TestParseBlankOptionalIdentifiers(t *testing.T) {
	r, err := Parse(edit(t, "form_id", `"  "`))
	if err != nil || r.FormID != nil {
		t.Fatalf("blank form_id: %v, %v", r, err)
	}
	r, err = Parse(edit(t, "patient.nhs_number", `""`))
	if err != nil || r.Patient.NHSNumber != nil {
		t.Fatalf("blank NHS number: %v, %v", r, err)
	}
}

func TestParseSyntaxProblems(t *testing.T) {
	full := []byte(minimal)
	cases := []struct {
		name      string
		data      []byte
		truncated bool
		msg       string
	}{
		{"empty", nil, false, "is empty"},
		{"only spaces", []byte("  \n "), false, "is empty"},
		{"cut in a string", full[:60], true, "cut short"},
		{"cut after a comma", []byte(`{"received_at": "2026-11-02T10:30:00Z",`), true, "cut short"},
		{"cut after a key", []byte(`{"received_at"`), true, "cut short"},
		{"cut in a nested list", []byte(`{"conditions": [{"code": "ocd"}, `), true, "cut short"},
		{"closing brace missing", bytes.TrimSuffix(bytes.TrimSpace(full), []byte("}")), true, "cut short"},
		{"cut in a number", []byte(`{"a": 12`), true, "cut short"},
		{"trailing data", append(slices.Clone(full), []byte("\n{}")...), false, "more after the end"},
		{"trailing comma", []byte(`{"consent_obtained": true,}`), false, "not valid JSON at line 1"},
		{"single quotes", []byte(`{'consent_obtained': true}`), false, "not valid JSON"},
		{"not UTF-8", []byte("{\"reason_for_referral\": \"caf\xe9\"}"), false, "not UTF-8"},
		{"nested too deep", []byte(strings.Repeat("[", 40) + strings.Repeat("]", 40)), false, "nested more than"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse(c.data)
			if err == nil {
				t.Fatal("no error")
			}
			if errors.Is(err, ErrTruncated) != c.truncated {
				t.Errorf("truncated = %v, want %v: %v", errors.Is(err, ErrTruncated), c.truncated, err)
			}
			if !strings.Contains(err.Error(), c.msg) {
				t.Errorf("error %q does not contain %q", err, c.msg)
			}
			var ve models.FieldErrors
			if errors.As(err, &ve) {
				t.Errorf("a file that is not JSON should not give field errors: %v", err)
			}
		})
	}
}

func TestParseAcceptsByteOrderMark(t *testing.T) {
	if _, err := Parse(append([]byte("\xef\xbb\xbf"), minimal...)); err != nil {
		t.Errorf("byte-order mark refused: %v", err)
	}
}

// TestErrorsDoNotRepeatPatientData: error text may be logged, so it must not
// carry the identifiers that were wrong.
func TestErrorsDoNotRepeatPatientData(t *testing.T) {
	data := edit(t, "patient", `{"nhs_number": "943 476 5918", "given_name": "Aisha", "family_name": "Rahman",
		"date_of_birth": "1991-02-30", "postcode": "LEX 5WW", "registered_with_gp": true, "lives_in_area": true}`)
	_, err := Parse(data)
	if err == nil {
		t.Fatal("no error")
	}
	for _, secret := range []string{"943 476 5918", "9434765918", "1991-02-30", "LEX 5WW", "Aisha", "Rahman"} {
		if strings.Contains(err.Error(), secret) {
			t.Errorf("error repeats %q: %v", secret, err)
		}
	}
	var ve models.FieldErrors
	if !errors.As(err, &ve) || len(ve) != 3 {
		t.Errorf("want 3 field errors: %v", err)
	}
}

// TestFieldErrorsNameJSONPaths: each field at fault is named by its JSON
// path, and a rule from models keeps its own words under that path.
func TestFieldErrorsNameJSONPaths(t *testing.T) {
	data := edit(t, "patient", `{"nhs_number": "943 476 5918", "given_name": "Aisha", "family_name": "Rahman",
		"date_of_birth": "1991-02-01", "postcode": "", "registered_with_gp": true, "lives_in_area": true}`)
	_, err := Parse(data)
	var ve models.FieldErrors
	if !errors.As(err, &ve) {
		t.Fatalf("want field errors: %v", err)
	}
	want := []models.FieldError{
		{Field: "patient.nhs_number", Message: models.ErrNHSNumberCheckDigit.Message},
		{Field: "patient.postcode", Message: "is empty; fill it in"},
	}
	if len(ve) != len(want) {
		t.Fatalf("got %d field errors, want %d: %v", len(ve), len(want), err)
	}
	for i, w := range want {
		if *ve[i] != w {
			t.Errorf("error %d = %+v, want %+v", i, *ve[i], w)
		}
	}
	if models.FieldID("patient.nhs_number") != models.FieldNHSNumber || models.FieldID("patient.postcode") != models.FieldPostcode {
		t.Error("the field IDs of models are not the JSON paths of the format")
	}
}

// paths returns the JSON paths of the fields at fault, in the order found.
func paths(ve models.FieldErrors) []string {
	out := make([]string, len(ve))
	for i, f := range ve {
		out[i] = string(f.Field)
	}
	return out
}

// TestParseCommunicationNeeds checks her name for letters and her
// communication needs land in the right place.
func TestParseCommunicationNeeds(t *testing.T) {
	r, data := parseValid(t, "accept-communication-needs.json")
	want := models.CommunicationNeeds{InterpreterNeeded: true, Language: "ar", LargePrint: true, PreferredContact: models.ContactTelephone,
		UnsafeToWriteHome: true, SafeAddressLines: "c/o Example Family Centre\n2 Example Lane\nLeicester", SafePostcode: "LE4 0ZZ",
		Notes: "Ring only on her mobile."}
	if r.Patient.CommunicationNeeds != want {
		t.Errorf("needs = %+v\nwant %+v", r.Patient.CommunicationNeeds, want)
	}
	if r.Patient.NameForLetters != "Fatima Ahmed" || r.Patient.LetterName() != "Fatima Ahmed" {
		t.Errorf("name for letters = %q", r.Patient.NameForLetters)
	}
	// Left out, safe_to_write_home means it is safe.
	r, err := Parse([]byte(strings.Replace(string(data), `"safe_to_write_home": false,`, "", 1)))
	if err != nil || r.Patient.UnsafeToWriteHome {
		t.Errorf("without safe_to_write_home: unsafe %v, %v", r != nil && r.Patient.UnsafeToWriteHome, err)
	}
}
