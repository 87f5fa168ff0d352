package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/models"
)

func TestSettingsNameTheVersionAndOpenTheSafetyCase(t *testing.T) {
	e := newTestEnv(t, 0)
	worker := e.addStaff("kim", models.RoleKeyWorker)
	w := e.showInWindow(widget.NewLabel(""))
	ses := e.sessionIn(worker, w)
	ses.About = About{Version: "9.8.7", SafetyCase: "# Safety case\nScope of use.", HazardLog: "## HAZ-001 · Wrong letter\n| Field | Entry |\n|---|---|\n| Cause | A cause. |"}
	s := newSettingsScreen(ses)
	w.SetContent(s.Content())
	if s.About.Version.Text != "Perinatal Caseload 9.8.7" {
		t.Errorf("the version reads %q", s.About.Version.Text)
	}
	test.Tap(s.About.Open)
	if s.About.Dialog == nil {
		t.Fatal("the safety case did not open")
	}
	markup := drawnText(w)
	for _, want := range []string{"Scope of use.", "Safety case", "Hazard log"} {
		if !strings.Contains(markup, want) {
			t.Errorf("the dialog does not show %q", want)
		}
	}
}

func TestSettingsWithoutSafetyDocumentsCannotOpenThem(t *testing.T) {
	r := newAboutRow(About{Version: "1.0"}, nil)
	if !r.Open.Disabled() {
		t.Error("the safety-case button is enabled with no document to show")
	}
}

func TestMarkdownForScreenTurnsTablesIntoLists(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"two columns drop the header", "| Field | Entry |\n|---|---|\n| Cause | A cause. |", "- **Cause:** A cause."},
		{"wider tables keep a bold header", "| ID | Hazard | Rating |\n|---|---|---|\n| HAZ-001 | Wrong letter | 3 |",
			"\n**ID · Hazard · Rating**\n\n- HAZ-001 · Wrong letter · 3"},
		{"prose is kept", "# Title\nSome words.", "# Title\nSome words."},
		{"a second table has its own header", "| A | B |\n|---|---|\n| a | b |\n\n| C | D |\n|---|---|\n| c | d |",
			"- **a:** b\n\n- **c:** d"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := markdownForScreen(c.in); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}
