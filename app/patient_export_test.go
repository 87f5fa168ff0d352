package app

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"perinatal-caseload/models"
)

// exportedWoman is a woman on the caseload with a letter issued, a signed
// contact note with an addendum and an EPDS, as a key worker leaves her.
func exportedWoman(t *testing.T) (*workflow, *models.Referral) {
	t.Helper()
	w := newWorkflow(t)
	r := w.onCaseload(nil, w.worker)
	if _, err := w.s.Letters.IssuePack(w.admin, r.ID, ""); err != nil {
		t.Fatal(err)
	}
	signed := w.clock.Now().Add(-30 * time.Minute)
	c := &models.Contact{ReferralID: r.ID, At: w.clock.Now().Add(-time.Hour), Mode: models.ModeTelephone, DurationMinutes: 20,
		Attendance: models.AttendOnTime, Present: "woman", AuthorID: w.worker.ID, Note: "Spoke about sleep.\n# not a heading",
		SignedAt: &signed, SignedByID: &w.worker.ID}
	db := w.s.core.db
	if err := db.Create(c).Error; err != nil {
		t.Fatal(err)
	}
	if err := db.Create(&models.ContactAddendum{ContactID: c.ID, AuthorID: w.worker.ID, At: w.clock.Now(), Text: "Her sister was there too."}).Error; err != nil {
		t.Fatal(err)
	}
	m := &models.MeasureResult{ReferralID: r.ID, Measure: "EPDS", TakenOn: models.LondonDate(w.clock.Now()),
		Answers: "[1,1,2,1,1,2,1,1,1,1]", Total: 15, Band: "probable depression", RiskItemPositive: true, RecordedByID: w.worker.ID}
	if err := db.Create(m).Error; err != nil {
		t.Fatal(err)
	}
	return w, r
}

// Hazard: HAZ-037.
func TestSubjectAccessExportHoldsEverythingAboutHer(t *testing.T) {
	w, r := exportedWoman(t)
	dir := filepath.Join(t.TempDir(), "copy")
	out, err := w.s.Referrals.ExportPatient(w.admin, r.PatientID, dir)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "record.json"))
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Patient struct {
			GivenName string `json:"given_name"`
		} `json:"patient"`
		Contacts []struct {
			Note    string            `json:"note"`
			Addenda []json.RawMessage `json:"addenda"`
		} `json:"contacts"`
		Measures []struct {
			Measure          string `json:"measure"`
			TakenOn          string `json:"taken_on"`
			Answers          []int  `json:"answers"`
			Total            int    `json:"total"`
			Band             string `json:"band"`
			RiskItemPositive bool   `json:"risk_item_positive"`
		} `json:"measures"`
		Referrals    []json.RawMessage `json:"referrals"`
		Appointments []json.RawMessage `json:"appointments"`
		Allocations  []json.RawMessage `json:"allocations"`
		Tasks        []json.RawMessage `json:"tasks"`
		Letters      []struct {
			File string `json:"file"`
		} `json:"letters"`
		Trail []struct{ Action, Entity string } `json:"trail"`
	}
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatal(err)
	}
	if got.Patient.GivenName != r.Patient.GivenName || len(got.Referrals) != 1 || len(got.Appointments) != 1 || len(got.Allocations) != 1 {
		t.Errorf("details, referrals, appointments, allocations: %+v", got)
	}
	// The attended assessment is a contact too, besides the telephone call.
	noted := 0
	for _, c := range got.Contacts {
		if c.Note == "Spoke about sleep.\n# not a heading" && len(c.Addenda) == 1 {
			noted++
		}
	}
	if len(got.Contacts) != 2 || noted != 1 {
		t.Errorf("contacts = %+v", got.Contacts)
	}
	if len(got.Measures) != 1 || got.Measures[0].Measure != "EPDS" || got.Measures[0].TakenOn != "2026-11-23" ||
		len(got.Measures[0].Answers) != 10 || got.Measures[0].Answers[2] != 2 || got.Measures[0].Total != 15 || !got.Measures[0].RiskItemPositive {
		t.Errorf("measures = %+v", got.Measures)
	}
	if len(got.Letters) == 0 {
		t.Fatal("no letters in the copy")
	}
	for _, l := range got.Letters {
		if l.File == "" {
			t.Errorf("a posted letter has no file")
			continue
		}
		if b, err := os.ReadFile(filepath.Join(dir, l.File)); err != nil || !strings.HasPrefix(string(b), "%PDF") {
			t.Errorf("%s: not a PDF (%v)", l.File, err)
		}
	}
	actions := map[string]bool{}
	for _, e := range got.Trail {
		actions[e.Entity+" "+e.Action] = true
	}
	for _, want := range []string{"referral create", "appointment create", "allocation create", "letter issue letter"} {
		if !actions[want] {
			t.Errorf("the trail lacks %q: %v", want, actions)
		}
	}
	for _, name := range out.Files {
		info, err := os.Stat(filepath.Join(dir, name))
		if err != nil || info.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v %v, want a private file", name, err, info)
		}
		if strings.Contains(name, r.Patient.FamilyName) || strings.Contains(name, *r.Patient.NHSNumber) {
			t.Errorf("file name %q names her", name)
		}
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "record.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, pdf)
	for _, want := range []string{"Your details", r.Patient.FamilyName, "Contacts and notes", "Spoke about sleep.", "# not a heading",
		"Her sister was there too.", "EPDS: total 15", "Who has looked at or changed your record"} {
		if !strings.Contains(text, want) {
			t.Errorf("record.pdf lacks %q", want)
		}
	}
	var exports int64
	w.s.core.db.Model(&models.AuditEvent{}).Where("action = ? AND entity = ? AND entity_id = ?", ActionExport, "patient", r.PatientID).Count(&exports)
	if exports != 1 {
		t.Errorf("%d export events, want 1", exports)
	}
}

func TestSubjectAccessExportRefusals(t *testing.T) {
	w, r := exportedWoman(t)
	full := filepath.Join(t.TempDir(), "full")
	if err := os.MkdirAll(full, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(full, "other.txt"), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name  string
		actor *models.StaffMember
		id    uint
		dir   string
		check func(error) bool
	}{
		{"key worker lacks the permission", w.worker, r.PatientID, filepath.Join(t.TempDir(), "a"), func(err error) bool { var pe *PermissionError; return errors.As(err, &pe) }},
		{"no such woman", w.admin, r.PatientID + 100, filepath.Join(t.TempDir(), "c"), func(err error) bool { return errors.Is(err, ErrNotFound) }},
		{"folder not empty", w.admin, r.PatientID, full, func(err error) bool { return err != nil && strings.Contains(err.Error(), "not empty") }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := w.s.Referrals.ExportPatient(c.actor, c.id, c.dir)
			if !c.check(err) {
				t.Fatalf("err = %v", err)
			}
			if entries, _ := os.ReadDir(c.dir); c.dir != full && len(entries) > 0 {
				t.Errorf("a refused export left %d files", len(entries))
			}
		})
	}
	var exports int64
	w.s.core.db.Model(&models.AuditEvent{}).Where("action = ?", ActionExport).Count(&exports)
	if exports != 0 {
		t.Errorf("%d export events after refusals, want 0", exports)
	}
}
