package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExportPatientWritesHerCopy(t *testing.T) {
	db := signedInTarget(t)
	if code, _, stderr := runAs(t, db, "import", filepath.Join(validDir, "accept-bipolar-lithium.json")); code != 0 {
		t.Fatalf("import: exit %d: %s", code, stderr)
	}
	out := filepath.Join(t.TempDir(), "copy")
	code, stdout, stderr := runAs(t, db, "export", "patient", "--nhs-number", "943 476 5919", "--out", out)
	if code != 0 || !strings.Contains(stdout, out) || !strings.Contains(stdout, "record.json, record.pdf and no letters") {
		t.Fatalf("export: exit %d, %q, %q", code, stdout, stderr)
	}
	raw, err := os.ReadFile(filepath.Join(out, "record.json"))
	if err != nil {
		t.Fatal(err)
	}
	var rec struct {
		Patient struct {
			NHSNumber string `json:"nhs_number"`
		} `json:"patient"`
		Referrals []json.RawMessage `json:"referrals"`
	}
	if err := json.Unmarshal(raw, &rec); err != nil || rec.Patient.NHSNumber != "9434765919" || len(rec.Referrals) != 1 {
		t.Errorf("record.json: %v %+v", err, rec)
	}
	if _, err := os.Stat(filepath.Join(out, "record.pdf")); err != nil {
		t.Error(err)
	}
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"export"}, 2, "name what to export: mhsds, patient"},
		{[]string{"export", "patient", "--out", out}, 2, "give --nhs-number N and --out DIR"},
		{[]string{"export", "patient", "--nhs-number", "943 476 5919", "--out", out}, 1, "not empty"},
		{[]string{"export", "patient", "--nhs-number", "999 000 0107", "--out", filepath.Join(t.TempDir(), "x")}, 1, "no woman with that NHS number"},
	}
	for _, c := range cases {
		code, _, stderr := runAs(t, db, c.args...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, %q; want exit %d and %q", c.args, code, stderr, c.code, c.want)
		}
	}
	if code, _, stderr := runCLI(t, db, "export", "patient", "--nhs-number", "943 476 5919", "--out", filepath.Join(t.TempDir(), "y")); code != 1 || !strings.Contains(stderr, "sign in first") {
		t.Errorf("without --user: exit %d, %q", code, stderr)
	}
}
