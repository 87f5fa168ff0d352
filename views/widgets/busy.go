package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Busy shows, while the database is being waited for, a moving bar and a
// plain sentence saying what is happening, so a slow or locked database
// never looks like a frozen window. It is hidden while idle.
type Busy struct {
	Bar   *widget.ProgressBarInfinite
	Label *widget.Label
	box   *fyne.Container
}

// NewBusy returns an idle, hidden indicator.
func NewBusy() *Busy {
	b := &Busy{Bar: widget.NewProgressBarInfinite(), Label: widget.NewLabel("")}
	b.Label.Wrapping = fyne.TextWrapWord
	b.Label.Importance = widget.LowImportance
	b.box = container.NewVBox(b.Bar, b.Label)
	b.Bar.Stop()
	b.box.Hide()
	return b
}

// Content returns the indicator's widget tree.
func (b *Busy) Content() fyne.CanvasObject { return b.box }

// Start shows the indicator saying text, such as "Signing in…".
func (b *Busy) Start(text string) {
	b.Label.SetText(text)
	b.box.Show()
	b.Bar.Start()
}

// Stop hides the indicator.
func (b *Busy) Stop() {
	b.Bar.Stop()
	b.box.Hide()
}
