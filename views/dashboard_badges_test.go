package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"perinatal-caseload/models"
)

// TestTheDashboardAndDiaryShowHerSafeguardingBadges raises a child
// protection plan and a domestic-abuse flag on a woman whose outcome letter
// is owed and whose initial assessment is this week, and finds both badges
// on her rows of the Dashboard (the letter and the assessment), and the
// first with "+1" for the other in the narrow Flags column of the
// Appointments diary, as on the Referrals list.
//
// Hazard: HAZ-034.
func TestTheDashboardAndDiaryShowHerSafeguardingBadges(t *testing.T) {
	e, admin, doc, r := newAcceptedCase(t)
	today := models.LondonDate(e.clock.Now())
	e.bookAt(admin, doc, r.ID, today.AddDays(1).UK(), "14:30")
	for _, k := range []models.SafeguardingKind{models.SafeguardChildProtection, models.SafeguardDomesticAbuse} {
		if _, err := e.svc.Risk.RaiseFlag(doc, r.ID, k, today, ""); err != nil {
			t.Fatal(err)
		}
	}
	badges := func(w fyne.Window, badge string) int { return strings.Count(drawnText(w), ">"+badge+"<") }

	w := e.showInWindow(nil)
	d := newDashboardScreen(e.sessionIn(doc, w))
	w.SetContent(d.Content())
	if d.Assessments.List.Length() != 1 || d.DueSoon.List.Length()+d.Due.List.Length() != 1 {
		t.Fatalf("the Dashboard lists %d assessments and %d letters, want her once in each",
			d.Assessments.List.Length(), d.DueSoon.List.Length()+d.Due.List.Length())
	}
	for _, b := range []string{"CP plan", "DA"} {
		if n := badges(w, b); n != 2 {
			t.Errorf("the Dashboard draws the %s badge %d times, want on her letter and her assessment", b, n)
		}
	}

	w = e.showInWindow(nil)
	diary := newAppointmentsScreen(e.sessionIn(doc, w))
	w.SetContent(diary.Content())
	if len(diary.Entries) != 1 {
		t.Fatalf("the diary lists %d appointments, want hers", len(diary.Entries))
	}
	for _, b := range []string{"CP plan", "+1"} {
		if n := badges(w, b); n != 1 {
			t.Errorf("the diary draws %q %d times, want once", b, n)
		}
	}
}
