package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

func TestLetterTemplateEditorSavesALetterInHerLanguage(t *testing.T) {
	e := newTestEnv(t, 0)
	admin := e.addStaff("admin", models.RoleAdministrator)
	s, _, _ := e.lettersScreen(admin)
	ed := s.Templates
	s.Tabs.SelectIndex(2)
	english := ed.Body.Text
	ed.Language.SetSelected("Polish")
	if ed.Body.Text != english || !strings.Contains(ed.Version.Text, "None in Polish yet") {
		t.Fatalf("a language without a template opens %q at %q; want the English text to translate", ed.Body.Text[:20], ed.Version.Text)
	}
	ed.Body.SetText("Szanowna Pani {{.FirstName}}\n\nDziękujemy za skierowanie.")
	test.Tap(ed.Save)
	if !strings.HasPrefix(ed.Message.Text, "Saved as version 1") {
		t.Fatalf("saving the Polish letter: %q", ed.Message.Text)
	}
	langs, _ := e.svc.Letters.TemplateLanguages(admin, models.LetterAcceptance)
	if len(langs) != 1 || langs[0] != "pl" {
		t.Errorf("languages with an acceptance letter: %q", langs)
	}
	if tmpl, _ := e.svc.Letters.Template(models.LetterAcceptance); tmpl.Body != english || tmpl.Version != 1 {
		t.Error("saving the Polish letter changed the English one")
	}
	ed.Language.SetSelected("English")
	if ed.Body.Text != english || ed.Version.Text != "Version 1" {
		t.Errorf("back in English: %q", ed.Version.Text)
	}
}

// Hazard: HAZ-007.
func TestLetterIssueShowsAHeldLetterAndWhy(t *testing.T) {
	e := newTestEnv(t, 0)
	admin := e.addStaff("admin", models.RoleAdministrator)
	doc := e.addStaff("doc", models.RoleClinician)
	r := e.acceptedReferral(admin, doc)
	needs := r.Patient.CommunicationNeeds
	needs.UnsafeToWriteHome = true
	if err := e.svc.Referrals.UpdateNeeds(admin, r.PatientID, r.Patient.Version, "", needs); err != nil {
		t.Fatal(err)
	}
	s, w, _ := e.lettersScreen(admin)
	d := showIssueLettersDialog(e.sessionIn(admin, w), r.ID, s.Reload)
	if !strings.Contains(d.Recipients.Text, "HELD, not posted. "+models.HoldUnsafeHome) || !strings.Contains(d.Recipients.Text, "Siobhán Byrne") {
		t.Fatalf("the dialog does not show her letter held and why:\n%s", d.Recipients.Text)
	}
	test.Tap(d.Issue)
	d.Confirm.Confirm()
	if d.Message.Visible() {
		t.Fatalf("issue refused: %s", d.Message.Text)
	}
	if !drawn(w, "Zoë Nguyễn (the woman): held, not posted") {
		t.Error("the register does not show the held letter")
	}
	rows, _ := e.svc.Letters.Register(admin, app.LetterFilter{ReferralID: r.ID}, 0, 10)
	for i, row := range rows {
		if row.HoldReason != "" {
			s.List.Select(i)
		}
	}
	test.Tap(s.Open)
	if !strings.Contains(s.Message.Text, "held, not posted") || !strings.Contains(s.Message.Text, "safe address") {
		t.Errorf("opening the held letter says %q", s.Message.Text)
	}
}
