package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

func TestAuditFiltersAndHistory(t *testing.T) {
	e := newTestEnv(t, 3)
	manager := e.addStaff("mia", models.RoleManager)
	if _, err := e.svc.Auth.SignIn("mia", testPassword); err != nil {
		t.Fatal(err)
	}
	s := newAuditScreen(e.sessionIn(manager, test.NewTempWindow(t, nil)))
	e.showInWindow(s.Content())

	all, _ := e.svc.Audit.Count(manager, app.AuditFilter{})
	if all == 0 || s.Count.Text != countText(all, "event", "events") {
		t.Fatalf("the count says %q; the trail has %d events", s.Count.Text, all)
	}

	s.Action.SetSelected(app.ActionSignIn)
	if s.List.Length() != 1 {
		t.Fatalf("filtering by sign-in shows %d events, want 1", s.List.Length())
	}
	s.List.Select(0)
	if !strings.Contains(s.Event.Text, "sign-in by Test mia") {
		t.Fatalf("the event pane says %q", s.Event.Text)
	}

	s.Action.SetSelectedIndex(0)
	s.RecordType.SetText("referral")
	s.Apply.OnTapped()
	s.List.Select(0)
	test.Tap(s.History)
	want, _ := e.svc.Audit.Count(manager, app.AuditFilter{Entity: "referral", EntityID: s.selected.EntityID})
	if int64(s.List.Length()) != want || want == 0 {
		t.Fatalf("the record's history shows %d events, want %d", s.List.Length(), want)
	}

	s.From.SetText("31/02/2026")
	s.Apply.OnTapped()
	if s.Count.Text != "From: enter a date as dd/mm/yyyy, for example 23/11/2026." {
		t.Fatalf("an impossible date says %q", s.Count.Text)
	}
}

func TestAuditRefusesAKeyWorker(t *testing.T) {
	e := newTestEnv(t, 0)
	worker := e.addStaff("kate", models.RoleKeyWorker)
	s := newAuditScreen(e.sessionIn(worker, test.NewTempWindow(t, nil)))
	if !strings.HasPrefix(s.Count.Text, "You need the Team manager role to view") || s.List.Length() != 0 {
		t.Fatalf("a key worker is shown %q and %d events", s.Count.Text, s.List.Length())
	}
}

type closingBuffer struct{ strings.Builder }

func (*closingBuffer) Close() error { return nil }

func TestAuditExportWritesTheFilteredEvents(t *testing.T) {
	e := newTestEnv(t, 3)
	manager := e.addStaff("mia", models.RoleManager)
	s := newAuditScreen(e.sessionIn(manager, test.NewTempWindow(t, nil)))
	s.RecordType.SetText("referral")
	f, err := s.Filter()
	if err != nil {
		t.Fatal(err)
	}
	var out closingBuffer
	n, err := s.ExportTo(f, &out)
	want, _ := e.svc.Audit.Count(manager, app.AuditFilter{Entity: "referral"})
	if err != nil || int64(n) != want || strings.Count(out.String(), ",referral,") < int(want) {
		t.Fatalf("exported %d of %d referral events, %v", n, want, err)
	}
}
