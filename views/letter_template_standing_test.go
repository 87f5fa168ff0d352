package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"perinatal-caseload/letters"
	"perinatal-caseload/models"
)

// A template the team edited from an older standard text says so, offers
// to compare it with today's standard text, and is kept or reset.
func TestTemplateEditorShowsATemplateBasedOnAnOlderStandard(t *testing.T) {
	e := newTestEnv(t, 0)
	admin := e.addStaff("admin", models.RoleAdministrator)
	ours := "Dear {{.FirstName}}\n\nPlease bring someone you trust to your appointment.\n"
	// As an upgrade leaves a template edited before standards were recorded.
	if err := e.setup.DB.Exec("UPDATE letter_templates SET body = ?, standard_sha256 = '' WHERE kind = ? AND language = ''",
		ours, models.LetterAcceptance).Error; err != nil {
		t.Fatal(err)
	}
	s, w, _ := e.lettersScreen(admin)
	ed := s.Templates
	s.Tabs.SelectIndex(2)
	st := ed.Standing
	if !strings.Contains(st.Standing.Text, "older standard text") || st.Compare.Hidden || st.UseStandard.Hidden || st.KeepOurs.Hidden {
		t.Fatalf("the template edited from an older standard shows %q (compare hidden %v, use %v, keep %v)",
			st.Standing.Text, st.Compare.Hidden, st.UseStandard.Hidden, st.KeepOurs.Hidden)
	}
	test.Tap(st.Compare)
	if w.Canvas().Overlays().Top() == nil || !strings.Contains(st.standard, "Your appointment") {
		t.Error("Compare does not show the standard text")
	}
	w.Canvas().Overlays().Top().Hide()

	test.Tap(st.KeepOurs)
	if !strings.Contains(st.Standing.Text, "Your team has edited") || !st.KeepOurs.Hidden || ed.Body.Text != ours ||
		ed.Message.Text != "Your wording is kept, as version 2." {
		t.Errorf("after keeping: %q, keep hidden %v, message %q", st.Standing.Text, st.KeepOurs.Hidden, ed.Message.Text)
	}

	ed.changeStanding(e.svc.Letters.ResetTemplate, "The standard text is now the template") // as Use the standard text, confirmed
	standard, _ := letters.DefaultTemplate(models.LetterAcceptance)
	if ed.Body.Text != standard || st.Standing.Text != "This is the standard text." || !st.Compare.Hidden || !st.UseStandard.Hidden {
		t.Errorf("after the reset: %q, compare hidden %v", st.Standing.Text, st.Compare.Hidden)
	}
	ed.Language.SetSelected(models.LanguageName("pl"))
	if st.row.Visible() {
		t.Error("a template in another language shows a standing")
	}
}
