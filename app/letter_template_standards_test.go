package app

import (
	"errors"
	"os"
	"testing"

	"perinatal-caseload/letters"
	"perinatal-caseload/models"
)

// A change to a standard text must be recorded, so that upgrades know the
// text it replaces was never edited.
func TestStandardHistoryEndsWithTodaysText(t *testing.T) {
	for _, kind := range models.LetterKinds {
		_, sum, err := standardText(kind)
		if err != nil {
			t.Fatal(err)
		}
		if h := standardHistory[kind]; len(h) == 0 || h[len(h)-1] != sum {
			t.Errorf("the standard text of %s has changed (SHA-256 %s): add its sum at the end of standardHistory, and a migration that calls refreshStandardTemplates", kind, sum)
		}
	}
}

// standingIs checks a template's standing and its version.
func standingIs(t *testing.T, s *Services, actor *models.StaffMember, kind models.LetterKind, want TemplateStanding, version int) models.LetterTemplate {
	t.Helper()
	got, standard, err := s.Letters.TemplateStandingOf(actor, kind)
	if err != nil {
		t.Fatal(err)
	}
	if body, _ := letters.DefaultTemplate(kind); standard != body {
		t.Errorf("%s: the standard text to compare with is not today's", kind)
	}
	tmpl, err := s.Letters.Template(kind)
	if err != nil {
		t.Fatal(err)
	}
	if got != want || tmpl.Version != version {
		t.Errorf("%s: standing %q at version %d; want %q at version %d", kind, got, tmpl.Version, want, version)
	}
	return tmpl
}

// On upgrade, a template nobody edited takes today's standard text; an
// edited one keeps its wording and is shown as based on an older standard,
// until the team keeps it after comparing, or resets it to the standard.
func TestUpgradeGivesUneditedTemplatesTodaysTextAndFlagsEditedOnes(t *testing.T) {
	db, path := databaseBefore(t, "2026121101_letter_template_standards")
	// As in a database made before it, the templates record no standard.
	if err := db.Migrator().DropColumn(&models.LetterTemplate{}, "StandardSHA256"); err != nil {
		t.Fatal(err)
	}
	old, err := os.ReadFile("../testdata/letter-templates/acceptance-2026-11-26.txt")
	if err != nil {
		t.Fatal(err)
	}
	edited := "Dear {{.FirstName}}\n\nBring someone you trust to your appointment.\n"
	for kind, body := range map[models.LetterKind]string{models.LetterAcceptance: string(old), models.LetterOutcomeCaseload: edited} {
		if err := db.Exec("UPDATE letter_templates SET body = ?, version = 3 WHERE kind = ?", body, kind).Error; err != nil {
			t.Fatal(err)
		}
	}
	// A template seeded into such a database records no standard either.
	if err := db.Exec("DELETE FROM letter_templates WHERE kind = ?", models.LetterClosureTransferred).Error; err != nil {
		t.Fatal(err)
	}
	if err := seedLetterTemplates(db); err != nil {
		t.Fatalf("seeding a template into a database without the column: %v", err)
	}
	db, s := upgraded(t, db, path)
	admin := addStaff(t, s, "admin", models.RoleAdministrator)
	doc := addStaff(t, s, "doc", models.RoleClinician)
	standingIs(t, s, admin, models.LetterAcceptance, TemplateStandard, 4)
	standingIs(t, s, admin, models.LetterNotAccepted, TemplateStandard, 1)
	standingIs(t, s, admin, models.LetterClosureTransferred, TemplateStandard, 1)
	kept := standingIs(t, s, admin, models.LetterOutcomeCaseload, TemplateOlderStandard, 3)
	if kept.Body != edited {
		t.Errorf("the edited template was changed:\n%s", kept.Body)
	}

	if err := s.Letters.ResetTemplate(doc, models.LetterOutcomeCaseload, 3); err == nil {
		t.Error("a clinician reset a template")
	}
	if err := s.Letters.KeepTemplate(admin, models.LetterOutcomeCaseload, 3); err != nil {
		t.Fatal(err)
	}
	standingIs(t, s, admin, models.LetterOutcomeCaseload, TemplateEdited, 4)
	if err := s.Letters.SaveTemplate(admin, models.LetterOutcomeCaseload, edited+"\nMore of our words.\n", 4); err != nil {
		t.Fatal(err)
	}
	standingIs(t, s, admin, models.LetterOutcomeCaseload, TemplateEdited, 5)
	var conflict *ConflictError
	if err := s.Letters.ResetTemplate(admin, models.LetterOutcomeCaseload, 4); !errors.As(err, &conflict) {
		t.Errorf("a reset of a version since changed = %v; want a conflict", err)
	}
	if err := s.Letters.ResetTemplate(admin, models.LetterOutcomeCaseload, 5); err != nil {
		t.Fatal(err)
	}
	standingIs(t, s, admin, models.LetterOutcomeCaseload, TemplateStandard, 6)
	var audited int64
	db.Table("audit_events").Where("entity = ? AND detail LIKE ?", "letter_template", "%reset to the standard text%").Count(&audited)
	if audited != 1 {
		t.Errorf("%d resets audited, want 1", audited)
	}
	if _, err := Upgrade(db); err != nil {
		t.Fatal(err)
	}
}

// In a new database every template is the standard text, and an edit is
// shown as edited from today's standard, not an older one.
func TestANewDatabasesTemplatesAreTheStandardTexts(t *testing.T) {
	w := newWorkflow(t)
	for _, kind := range models.LetterKinds {
		standingIs(t, w.s, w.doc, kind, TemplateStandard, 1)
	}
	if err := w.s.Letters.SaveTemplate(w.admin, models.LetterAcceptance, "Dear {{.FirstName}}\n\nOur words.\n", 1); err != nil {
		t.Fatal(err)
	}
	standingIs(t, w.s, w.doc, models.LetterAcceptance, TemplateEdited, 2)
}
