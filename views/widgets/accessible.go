package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// IconButton is a button that shows only an icon and tells a screen
// reader, in words, what it does. A widget.Button without text would read
// out its icon's file name ("view-refresh.svg").
type IconButton struct {
	widget.Button
	// Label is what a screen reader reads out: what the button does.
	Label string
}

// NewIconButton returns a button showing icon that calls tapped, and that
// a screen reader announces as label.
func NewIconButton(label string, icon fyne.Resource, tapped func()) *IconButton {
	b := &IconButton{Label: label}
	b.Icon = icon
	b.OnTapped = tapped
	b.ExtendBaseWidget(b)
	return b
}

// AccessibilityLabel is what a screen reader reads out: Label.
func (b *IconButton) AccessibilityLabel() string { return b.Label }

// NamedEntry is a text box that tells a screen reader its name (the
// setting or field it holds) where no form label stands beside it.
type NamedEntry struct {
	widget.Entry
	// Label is what a screen reader reads out before the text.
	Label string
}

// NewNamedEntry returns a text box named label, one-line or multi-line,
// made as widget.NewEntry and widget.NewMultiLineEntry make theirs.
func NewNamedEntry(label string, multiLine bool) *NamedEntry {
	e := &NamedEntry{Label: label}
	e.MultiLine = multiLine
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.ExtendBaseWidget(e)
	return e
}

// AccessibilityLabel is what a screen reader reads out: Label.
func (e *NamedEntry) AccessibilityLabel() string { return e.Label }

// AccessibilityRole is text: Fyne 2.8 has no role for a text box.
func (e *NamedEntry) AccessibilityRole() fyne.AccessibleRole { return fyne.AccessibleRoleText }

// NewPanel shows content in a framed panel, where a widget.Card without a
// title would show it on a raised one, but built of plain containers: Fyne 2.8's screen-reader
// support on Windows finds controls only down through containers, so what
// is on a Card is never read out, while what is on a panel is.
func NewPanel(content fyne.CanvasObject) *fyne.Container {
	th := fyne.CurrentApp().Settings().Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	bg := canvas.NewRectangle(th.Color(theme.ColorNameBackground, v))
	bg.CornerRadius = th.Size(theme.SizeNameCardRadius)
	bg.StrokeColor = th.Color(theme.ColorNameSeparator, v)
	bg.StrokeWidth = 1
	return container.NewStack(bg, container.NewPadded(content))
}
