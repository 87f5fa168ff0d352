package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// saying is a box layout that says what its container shows in words.
type saying struct {
	box   fyne.Layout
	words string
}

func (s saying) Layout(o []fyne.CanvasObject, size fyne.Size) { s.box.Layout(o, size) }
func (s saying) MinSize(o []fyne.CanvasObject) fyne.Size      { return s.box.MinSize(o) }

func (s saying) SpokenText() string { return s.words }

func TestARowIsNamedByItsLabelOrWhatItShows(t *testing.T) {
	hidden := widget.NewLabel("Loading…")
	hidden.Hide()
	badges := container.New(saying{layout.NewHBoxLayout(), "Child protection plan, Domestic abuse"}, widget.NewLabel("CP plan"), widget.NewLabel("DA"))
	noBadges := container.New(saying{layout.NewHBoxLayout(), ""}, widget.NewLabel("+2"))
	content := container.NewHBox(widget.NewLabel(" Kowalska, Zofia "), widget.NewLabel(""), hidden, badges, noBadges,
		NewIconButton("Allocate a key worker", nil, func() {}))
	r := newRow(content)
	if got, want := r.AccessibilityLabel(), "Kowalska, Zofia, Child protection plan, Domestic abuse, Allocate a key worker"; got != want {
		t.Errorf("read as %q, want %q", got, want)
	}
	r.Label = "Open referral PMH-000155, Zofia Kowalska, routine, on the caseload"
	if got := r.AccessibilityLabel(); got != r.Label {
		t.Errorf("read as %q, want its label", got)
	}
	if r.AccessibilityRole() != fyne.AccessibleRoleButton {
		t.Errorf("role %q", r.AccessibilityRole())
	}
}
