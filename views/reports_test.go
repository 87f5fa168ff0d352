package views

import (
	"bytes"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"perinatal-caseload/models"
)

// TestReportsScreenShowsAndExports builds the reports for a demo caseload,
// shows one tab for each report, and exports the one on show as CSV and
// all of them as PDF; a key worker, without the permission, is refused.
func TestReportsScreenShowsAndExports(t *testing.T) {
	e := newTestEnv(t, 40)
	manager := e.addStaff("mia", models.RoleManager)
	s := newReportsScreen(e.sessionIn(manager, test.NewTempWindow(t, nil)))
	w := e.showInWindow(s.Content())
	saved := map[string][]byte{}
	save := func(name string, data []byte, done func(string, error)) { saved[name] = data; done(name, nil) }
	s.SaveCSV, s.SavePDF = save, save

	s.From.SetText("01/01/2026")
	s.To.SetText("30/11/2026")
	test.Tap(s.Run)
	if len(s.Tabs.Items) != 9 || s.Tabs.Items[0].Text != "Access" {
		t.Fatalf("tabs: %d (%s)", len(s.Tabs.Items), s.Message.Text)
	}
	if !strings.Contains(s.Message.Text, "demo records") {
		t.Errorf("the message does not warn of demo records: %q", s.Message.Text)
	}
	s.Tabs.SelectIndex(3)
	test.Tap(s.ExportCSV)
	csv := saved["waits-2026-01-01-to-2026-11-30.csv"]
	if !bytes.HasPrefix(csv, []byte("\ufeffWait,Measured")) {
		t.Errorf("the waits CSV: %.60q (saved %d files)", csv, len(saved))
	}
	test.Tap(s.ExportPDF)
	if pdf := saved["reports-2026-01-01-to-2026-11-30.pdf"]; !bytes.HasPrefix(pdf, []byte("%PDF")) {
		t.Errorf("no PDF saved")
	}
	if !strings.HasPrefix(s.Message.Text, "Saved ") {
		t.Errorf("message %q", s.Message.Text)
	}
	e.assertNoPatientData(w)

	s.To.SetText("31/12/2025")
	test.Tap(s.Run)
	if !strings.Contains(s.Message.Text, "before the first") {
		t.Errorf("a backwards range: %q", s.Message.Text)
	}
	s.From.SetText("1.1.2026")
	test.Tap(s.Run)
	if !strings.Contains(s.Message.Text, "From:") && !strings.Contains(s.Message.Text, "From ") {
		t.Errorf("a bad date: %q", s.Message.Text)
	}

	worker := e.addStaff("kim", models.RoleKeyWorker)
	k := newReportsScreen(e.sessionIn(worker, test.NewTempWindow(t, nil)))
	test.Tap(k.Run)
	if len(k.Tabs.Items) != 0 || !strings.Contains(strings.ToLower(k.Message.Text), "team manager") {
		t.Errorf("a key worker: %d tabs, %q", len(k.Tabs.Items), k.Message.Text)
	}
}
