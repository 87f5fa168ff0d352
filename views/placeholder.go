package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// PlaceholderScreen stands in for a screen not built yet and says what it
// will do.
type PlaceholderScreen struct {
	Title   *widget.Label
	Message *widget.Label
	content fyne.CanvasObject
}

// NewPlaceholderScreen builds a placeholder with a title and what is to come.
func NewPlaceholderScreen(title, message string) *PlaceholderScreen {
	p := &PlaceholderScreen{Title: widget.NewLabel(title), Message: widget.NewLabel(message)}
	p.Title.TextStyle.Bold = true
	p.Title.SizeName = theme.SizeNameHeadingText
	p.Message.Wrapping = fyne.TextWrapWord
	note := widget.NewLabel("This screen is not built yet.")
	note.Importance = widget.LowImportance
	p.content = container.NewPadded(container.NewVBox(p.Title, container.New(fixedWidth(640), p.Message), note))
	return p
}

// Content returns the screen's widget tree.
func (p *PlaceholderScreen) Content() fyne.CanvasObject { return p.content }

// placeholder returns a ScreenDef Build function for a placeholder.
func placeholder(title, message string) func(*Session) Screen {
	return func(*Session) Screen { return NewPlaceholderScreen(title, message) }
}
