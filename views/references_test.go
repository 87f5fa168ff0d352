package views

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

// TestViewsNameReferralsByReference checks that the places that named a
// referral by its internal number name it by its reference instead, and
// that the audit filter takes a reference.
func TestViewsNameReferralsByReference(t *testing.T) {
	ev := models.AuditEvent{Entity: "referral", EntityID: 155}
	if got := recordName(ev); got != "referral PMH-000155" {
		t.Errorf("audit names the referral %q", got)
	}
	if got := recordName(models.AuditEvent{Entity: "letter", EntityID: 7}); got != "letter 7" {
		t.Errorf("audit names a letter %q", got)
	}
	row := &app.LetterRow{ID: 7, ReferralID: 155, IssuedAt: time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)}
	if got := letterFileName(row); got != "letter-7-PMH-000155-2026-11-26.pdf" {
		t.Errorf("letter file name %q", got)
	}
	o := dueLettersTable().Row()
	fillDueLetterRow(o, app.DueLetterRow{ReferralID: 155, GivenName: "Zoë", FamilyName: "Nguyễn"})
	if !strings.Contains(rowText(o), "PMH-000155") {
		t.Errorf("a letter due shows %q, without the reference", rowText(o))
	}

	e := newTestEnv(t, 0)
	manager := e.addStaff("manager", models.RoleManager)
	s := newAuditScreen(e.sessionIn(manager, nil))
	test.Type(s.RecordID, "pmh-000155")
	f, err := s.Filter()
	if err != nil || f.EntityID != 155 {
		t.Errorf("the audit filter reads a reference as %d, %v; want 155", f.EntityID, err)
	}
}

// rowText joins the text of a list row's cells.
func rowText(o fyne.CanvasObject) string {
	var parts []string
	for _, c := range o.(*fyne.Container).Objects {
		if l, ok := c.(*widget.Label); ok {
			parts = append(parts, l.Text)
		}
	}
	return strings.Join(parts, " | ")
}
