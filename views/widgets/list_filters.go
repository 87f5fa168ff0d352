package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// NewSearchEntry returns a list screen's search box showing hint while it
// is empty: typing runs search after a pause (through debounce), and Enter
// runs it at once.
func NewSearchEntry(hint string, debounce *Debouncer, search func()) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder(hint)
	e.OnChanged = func(string) { debounce.Trigger(search) }
	e.OnSubmitted = func(string) { search() }
	return e
}

// NewCountLabel returns the one-line label above a list that says how
// many rows it holds, cut short with an ellipsis if the window is narrow.
func NewCountLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}
