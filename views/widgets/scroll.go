package widgets

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// formScrolls are the scrolling forms on show or kept for later, which
// follow the keyboard from field to field. Used on the UI goroutine only.
var formScrolls []*container.Scroll

// maxFormScrolls bounds formScrolls: the newest are the ones on show.
const maxFormScrolls = 32

// NewFormScroll returns a vertically scrolling form that brings each text
// box into view as the keyboard enters it, so nobody types into a field
// they cannot see.
func NewFormScroll(content fyne.CanvasObject) *container.Scroll {
	s := container.NewVScroll(content)
	formScrolls = append(formScrolls, s)
	if n := len(formScrolls); n > maxFormScrolls { // dialogs long closed
		formScrolls = slices.Delete(formScrolls, 0, n-maxFormScrolls)
	}
	return s
}

// reveal scrolls whichever form holds o so that o is in view.
func reveal(o fyne.CanvasObject) {
	for _, s := range formScrolls {
		if s.Visible() && holds(s.Content, o) {
			ScrollToShow(s, o)
			return
		}
	}
}

// holds reports whether o is tree or inside it.
func holds(tree, o fyne.CanvasObject) bool {
	return walk(tree, func(x fyne.CanvasObject) bool { return x == o })
}

// ScrollToShow scrolls s, if need be, so that o (inside it) is wholly in
// view, or its top is if it is taller than the view.
func ScrollToShow(s *container.Scroll, o fyne.CanvasObject) {
	app := fyne.CurrentApp()
	if app == nil {
		return
	}
	d := app.Driver()
	top := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(s).Y + s.Offset.Y
	bottom := top + o.Size().Height
	view := s.Size().Height
	y := s.Offset.Y
	switch {
	case top < y:
		y = top
	case bottom > y+view:
		y = min(top, bottom-view)
	default:
		return
	}
	s.ScrollToOffset(fyne.NewPos(s.Offset.X, max(y, 0)))
}

// upTo is a layout whose content asks for no more height than limit
// returns, however tall it is; the content scrolls within it.
type upTo struct{ limit func() float32 }

// MinSize is the content's size, no taller than the limit.
func (u upTo) MinSize(objects []fyne.CanvasObject) fyne.Size {
	s := objects[0].(*container.Scroll)
	m := s.Content.MinSize()
	if l := u.limit(); l > 0 {
		m.Height = min(m.Height, l)
	}
	return fyne.NewSize(max(m.Width, s.MinSize().Width), m.Height)
}

// Layout gives the scroll all the room.
func (u upTo) Layout(objects []fyne.CanvasObject, size fyne.Size) { lineRoom{}.Layout(objects, size) }

// NewScrollUpTo shows content in full if it is no taller than limit
// returns (such as what a window leaves a dialog), and otherwise that
// tall, scrolling, and following the keyboard as a form scroll does.
func NewScrollUpTo(content fyne.CanvasObject, limit func() float32) fyne.CanvasObject {
	return container.New(upTo{limit: limit}, NewFormScroll(content))
}
