package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// spokenRowNames returns what a screen reader says for each list row shown
// in the tree at o.
func spokenRowNames(o fyne.CanvasObject) []string {
	if o == nil || !o.Visible() {
		return nil
	}
	if r, ok := o.(*widgets.Row); ok {
		return []string{r.AccessibilityLabel()}
	}
	var out []string
	for _, c := range children(o) {
		out = append(out, spokenRowNames(c)...)
	}
	return out
}

// Hazard: HAZ-039.
func TestAReferralRowIsReadAsOneSentence(t *testing.T) {
	e := newTestEnv(t, 30)
	s, w := e.referralsScreen(e.system)
	first := rowsShown(t, s)[0]
	priority := map[models.Priority]string{models.PriorityUrgent: "urgent", models.PriorityRoutine: "routine"}[first.Priority]
	status := first.Status.Label()
	want := "Open referral " + first.Reference() + ", " + first.GivenName + " " + first.FamilyName + ", " +
		priority + ", " + strings.ToLower(status[:1]) + status[1:]
	names := spokenRowNames(w.Content())
	for _, n := range names {
		if strings.HasPrefix(n, "Open referral "+first.Reference()+",") {
			if n != want && !strings.HasPrefix(n, want+", ") {
				t.Errorf("the first row is read as %q, want %q", n, want)
			}
			return
		}
	}
	t.Errorf("no row is read as the first referral; rows read: %q", names)
}

func TestAListRowIsReadAsWhatItShows(t *testing.T) {
	test.NewTempApp(t)
	cells := []string{"Ní Bhriain, Siobhán", "", "943 476 5919"}
	list := widgets.NewList(func() int { return 1 },
		func() fyne.CanvasObject {
			return widgets.NewTable([]widgets.Column{{Title: "Name", Weight: 1}, {Title: "Note", Weight: 1}, {Title: "NHS number", Weight: 1}}).Row()
		},
		func(_ widget.ListItemID, o fyne.CanvasObject) { widgets.SetRowText(o, cells...) })
	w := test.NewWindow(list)
	defer w.Close()
	w.Resize(fyne.NewSize(600, 200))
	if got, want := spokenRowNames(w.Content()), []string{"Ní Bhriain, Siobhán, 943 476 5919"}; len(got) != 1 || got[0] != want[0] {
		t.Errorf("the row is read as %q, want %q", got, want)
	}
}

// The checker catches a list whose rows have no name: one made by
// widget.NewList, whose rows a screen reader could read only cell by cell.
func TestTheScreenReaderCheckCatchesAnUnnamedListRow(t *testing.T) {
	test.NewTempApp(t)
	newRow := func() fyne.CanvasObject { return widget.NewLabel("") }
	fill := func(_ widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText("Ní Bhriain, Siobhán") }
	for _, tc := range []struct {
		name string
		list *widget.List
		bad  bool
	}{
		{"widget.NewList", widget.NewList(func() int { return 2 }, newRow, fill), true},
		{"widgets.NewList", widgets.NewList(func() int { return 2 }, newRow, fill), false},
	} {
		w := test.NewWindow(tc.list)
		w.Resize(fyne.NewSize(400, 200))
		bad := unnamedControls(w.Content())
		if (len(bad) > 0) != tc.bad {
			t.Errorf("%s: unnamed %q; want unnamed rows %v", tc.name, bad, tc.bad)
		}
		w.Close()
	}
}
