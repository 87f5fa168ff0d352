package views

import (
	"bytes"
	"os"
	"runtime"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

func TestLetterIssueDialogIssuesAPackTheRegisterLists(t *testing.T) {
	e, admin, _, r := newAcceptedCase(t)
	s, w, _ := e.lettersScreen(admin)
	if s.List.Length() != 0 {
		t.Fatalf("the register starts with %d letters", s.List.Length())
	}

	d := showIssueLettersDialog(e.sessionIn(admin, w), r.ID, s.Reload)
	if d.Kind.Selected != models.LetterAcceptance.Label() {
		t.Errorf("kind = %q, want the one an accepted referral calls for", d.Kind.Selected)
	}
	for _, want := range []string{"Zoë Nguyễn (the woman)", "Dr Amira Patel", "Siobhán Byrne"} {
		if !strings.Contains(d.Recipients.Text, want) {
			t.Errorf("recipients %q lack %q", d.Recipients.Text, want)
		}
	}
	if !strings.Contains(d.CopyTo.Text, "Siobhán Byrne") || d.Issue.Text != "Issue 3 letters" {
		t.Errorf("copy to %q, button %q", d.CopyTo.Text, d.Issue.Text)
	}
	test.Tap(d.Issue)
	if d.Confirm == nil || !drawn(w, "Issue 3 letters for Zoë Nguyễn?") {
		t.Fatal("issuing does not ask for confirmation first")
	}
	d.Confirm.Confirm()
	if d.Message.Visible() {
		t.Fatalf("issue refused: %s", d.Message.Text)
	}

	if s.List.Length() != 3 || !strings.HasPrefix(s.Count.Text, "3 letters") {
		t.Fatalf("register shows %d rows (%q), want the 3 letters issued", s.List.Length(), s.Count.Text)
	}
	for _, want := range []string{"Zoë Nguyễn (the woman)", "Siobhán Byrne (Community midwife)", models.LetterAcceptance.Label(), "v1"} {
		if !drawn(w, want) {
			t.Errorf("the register does not show %q", want)
		}
	}
	test.Type(s.Recipient, "Siob") // searches as it is typed
	if s.List.Length() != 1 {
		t.Errorf("searching for the midwife finds %d letters, want 1", s.List.Length())
	}
	s.Day.SetText("24/11/2026")
	s.Recipient.SetText("")
	s.Reload()
	if s.List.Length() != 0 {
		t.Errorf("letters issued on 23/11 are listed under 24/11")
	}
	s.Day.SetText("31/02/2026")
	s.Reload()
	if !strings.Contains(s.Count.Text, "Issued on: enter a date as dd/mm/yyyy") {
		t.Errorf("a bad day shows %q", s.Count.Text)
	}
}

func TestLetterIssueNeedsTheAdministratorRole(t *testing.T) {
	e, admin, doc, r := newAcceptedCase(t)
	w := e.showInWindow(nil)
	issued := false
	d := showIssueLettersDialog(e.sessionIn(doc, w), r.ID, func() { issued = true })
	test.Tap(d.Issue)
	d.Confirm.Confirm()
	if d.Message.Text != "You need the Administrator role to issue and print letters." || issued {
		t.Errorf("a clinician issuing sees %q (issued %v)", d.Message.Text, issued)
	}
	if n, _ := e.svc.Letters.RegisterCount(admin, app.LetterFilter{}); n != 0 {
		t.Errorf("%d letters were issued without permission", n)
	}
	ed := newLetterTemplateEditor(e.sessionIn(doc, w), widgets.NewLetterFiles(w))
	ed.Body.SetText(ed.Body.Text + "\nWith best wishes.")
	test.Tap(ed.Save)
	if ed.Message.Text != "You need the Administrator role to edit letter templates." {
		t.Errorf("a clinician saving a template sees %q", ed.Message.Text)
	}
}

func TestLetterTemplateEditorRefusesAnUnknownFieldAndSavesAValidChange(t *testing.T) {
	e := newTestEnv(t, 0)
	admin := e.addStaff("admin", models.RoleAdministrator)
	s, w, opened := e.lettersScreen(admin)
	ed := s.Templates
	s.Tabs.SelectIndex(2)
	if ed.Kind.Selected != models.LetterAcceptance.Label() || ed.Version.Text != "Version 1" {
		t.Fatalf("editor opens %q at %q", ed.Kind.Selected, ed.Version.Text)
	}
	original := ed.Body.Text

	ed.Body.SetText(original + "\nYour shoe size: {{.ShoeSize}}")
	ed.Body.TypedShortcut(widgets.SaveShortcut)
	if !ed.Message.Visible() || !strings.Contains(ed.Message.Text, `unknown field "ShoeSize"`) || !strings.HasPrefix(ed.Message.Text, "Template:") {
		t.Errorf("saving an unknown field shows %q", ed.Message.Text)
	}
	if !strings.Contains(ed.PreviewProblem.Text, "ShoeSize") {
		t.Errorf("the preview does not say what is wrong: %q", ed.PreviewProblem.Text)
	}
	if tmpl, _ := e.svc.Letters.Template(models.LetterAcceptance); tmpl.Version != 1 || tmpl.Body != original {
		t.Fatalf("the refused template was saved (v%d)", tmpl.Version)
	}

	ed.Body.SetText(original + "\nWith best wishes from all the team, ")
	ed.Body.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown}) // the cursor to the end
	ed.InsertField("ServiceName")
	if !strings.HasSuffix(ed.Body.Text, "all the team, {{.ServiceName}}") {
		t.Fatalf("the field went in the wrong place: %q", ed.Body.Text[len(original):])
	}
	if !strings.Contains(richText(ed.Preview), "With best wishes from all the team, "+e.svc.Settings.Get(app.SetServiceName)) {
		t.Errorf("the live preview does not show the new line with the service's name:\n%s", richText(ed.Preview))
	}
	test.Tap(ed.Save)
	tmpl, _ := e.svc.Letters.Template(models.LetterAcceptance)
	if tmpl.Version != 2 || tmpl.Body != ed.Body.Text || ed.Version.Text != "Version 2" || !strings.HasPrefix(ed.Message.Text, "Saved as version 2") {
		t.Errorf("after saving: v%d, label %q, message %q", tmpl.Version, ed.Version.Text, ed.Message.Text)
	}

	test.Tap(ed.PreviewPDF)
	if len(*opened) != 1 || !bytes.HasPrefix(e.readOpened((*opened)[0]), []byte("%PDF")) {
		t.Errorf("Preview PDF opened %v", *opened)
	}
	if !drawn(w, "NHS number 999 000 0018") {
		t.Error("the preview does not show the sample woman, with her test-range NHS number")
	}
}

func TestLetterOpenGivesTheViewerTheStoredPDF(t *testing.T) {
	e, admin, _, r := newAcceptedCase(t)
	if _, err := e.svc.Letters.IssuePack(admin, r.ID, ""); err != nil {
		t.Fatal(err)
	}
	s, _, opened := e.lettersScreen(admin)
	if !s.Open.Disabled() {
		t.Error("Open is enabled with no letter chosen")
	}
	s.List.Select(0)
	test.Tap(s.Open)
	if len(*opened) != 1 {
		t.Fatalf("the viewer was given %d files (%s)", len(*opened), s.Message.Text)
	}
	var stored models.Letter
	if err := e.setup.DB.First(&stored, s.selected.ID).Error; err != nil {
		t.Fatal(err)
	}
	if got := e.readOpened((*opened)[0]); !bytes.Equal(got, stored.PDF) || len(got) == 0 {
		t.Error("the file opened is not the letter's stored PDF")
	}
	if info, err := os.Stat((*opened)[0]); err != nil || runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
		t.Errorf("the letter was written with mode %v (%v), want 0600", info.Mode().Perm(), err)
	}
	s.Cleanup()
	if _, err := os.Stat((*opened)[0]); !os.IsNotExist(err) {
		t.Error("Cleanup leaves the letter in the temporary folder")
	}
}

func TestLetterPrintTodayMergesTheDaysLetters(t *testing.T) {
	e, admin, _, r := newAcceptedCase(t)
	s, w, opened := e.lettersScreen(admin)
	test.Tap(s.PrintToday)
	if !strings.Contains(s.Message.Text, "No letters were issued on 23/11/2026") {
		t.Errorf("printing with none issued says %q", s.Message.Text)
	}
	if _, err := e.svc.Letters.IssuePack(admin, r.ID, ""); err != nil {
		t.Fatal(err)
	}
	test.Tap(s.PrintToday)
	if s.printDialog == nil || !drawn(w, "Today's letters are ready") {
		t.Fatalf("no print dialog: %q", s.Message.Text)
	}
	test.Tap(s.printOpen)
	if len(*opened) != 1 || !bytes.HasPrefix(e.readOpened((*opened)[0]), []byte("%PDF")) {
		t.Errorf("the merged PDF was not opened: %v, %q", *opened, s.Message.Text)
	}
}

func TestLetterDueTabListsAcceptedReferralsAwaitingTheirLetter(t *testing.T) {
	e, admin, _, _ := newAcceptedCase(t)
	s, w, _ := e.lettersScreen(admin)
	s.Tabs.SelectIndex(1)
	due := s.Due
	due.Band.SetSelected(dueBandLabel(models.BandDue))
	if due.List.Length() != 1 || !drawn(w, "Nguyễn, Zoë") || !drawn(w, "943 476 5919") {
		t.Fatalf("due later lists %d (%q)", due.List.Length(), due.Counts.Text)
	}
	due.List.Select(0)
	test.Tap(due.Issue)
	if !drawn(w, "Issue letters") {
		t.Error("Issue letters… does not open the issue dialog")
	}
}

// richText returns the text of a RichText's segments, a line for each
// block, "• " before each list item.
func richText(r *widget.RichText) string {
	var b strings.Builder
	var write func(segs []widget.RichTextSegment)
	write = func(segs []widget.RichTextSegment) {
		for _, seg := range segs {
			switch s := seg.(type) {
			case *widget.ListSegment:
				for _, item := range s.Items {
					b.WriteString("• ")
					write([]widget.RichTextSegment{item})
				}
			case *widget.ParagraphSegment:
				write(s.Texts)
			default:
				b.WriteString(seg.Textual())
				if seg.Inline() {
					continue
				}
				b.WriteString("\n")
			}
		}
	}
	write(r.Segments)
	return b.String()
}

func TestLetterPreviewFollowsTheBodyMarkup(t *testing.T) {
	p := widgets.LetterPreview{To: []string{"Zoë Sample"}, Re: "Zoë Sample", Body: "Dear Zoë\n\n# Your appointment\n**Date:** Monday\n- one **two**\n  three\n- four"}
	got := richText(widget.NewRichText(p.Segments()...))
	for _, want := range []string{"Your appointment\n", "Date: Monday\n", "• one two three\n", "• four\n", "Yours sincerely\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("preview lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "**") || strings.Contains(got, "# ") {
		t.Errorf("preview shows the markup:\n%s", got)
	}
}
