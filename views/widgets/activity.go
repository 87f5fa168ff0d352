package widgets

import (
	"fmt"
	"hash/fnv"
	"reflect"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// ActivityLayer lies behind the whole window content and reports pointer
// movement anywhere over it, for the idle lock. The window shows Root: a
// stack of the layer and the content.
//
// Fyne has no window-wide input hook: keys and taps go straight to the
// widget concerned. But on every pointer move the desktop driver asks each
// object under the pointer which cursor to show, from the first in the
// tree on, so being asked that question is a dependable sign of a person at
// the desk. The layer answers with the default cursor (widgets above it
// still choose their own) and takes no taps, hovers or keys. Typing is
// noticed separately, by TypingSample.
//
// The layer sits beside the content in a plain container, not around it,
// because Fyne's screen-reader support (the build tag accessibility) looks
// for controls only down through plain containers: a wrapping widget would
// hide the whole window from it.
type ActivityLayer struct {
	widget.BaseWidget
	root       *fyne.Container
	onActivity func()
}

// NewActivityLayer returns a layer for content that calls onActivity
// whenever the pointer moves over it.
func NewActivityLayer(content fyne.CanvasObject, onActivity func()) *ActivityLayer {
	a := &ActivityLayer{onActivity: onActivity}
	a.ExtendBaseWidget(a)
	a.root = container.NewStack(a, content)
	return a
}

// Root is what the window shows: the layer with the content above it.
func (a *ActivityLayer) Root() *fyne.Container { return a.root }

// SetContent replaces what the layer shows.
func (a *ActivityLayer) SetContent(content fyne.CanvasObject) {
	a.root.Objects[1] = content
	a.root.Refresh()
}

// Content returns what the layer shows.
func (a *ActivityLayer) Content() fyne.CanvasObject { return a.root.Objects[1] }

// Cursor is asked on every pointer move over the window; see ActivityLayer.
func (a *ActivityLayer) Cursor() desktop.Cursor {
	if a.onActivity != nil {
		a.onActivity()
	}
	return desktop.DefaultCursor
}

// CreateRenderer draws nothing: the layer only listens.
func (a *ActivityLayer) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(layout.NewSpacer())
}

// TypingSample describes what has the keyboard focus and, for a text entry,
// a hash of its text and the cursor position. Two samples differ if the
// person typed, moved the text cursor or tabbed to another field in
// between. The text itself never leaves this function.
func TypingSample(c fyne.Canvas) string {
	f := c.Focused()
	if f == nil {
		return ""
	}
	s := fmt.Sprintf("%p", f)
	if e := entryOf(f); e != nil {
		h := fnv.New64a()
		_, _ = h.Write([]byte(e.Text))
		s += fmt.Sprintf("/%x/%d/%d", h.Sum64(), e.CursorRow, e.CursorColumn)
	}
	return s
}

// entryOf returns the text entry behind a focused widget: the widget
// itself, or the widget.Entry embedded in a custom entry (such as one that
// adds a keyboard shortcut). It returns nil for anything else.
func entryOf(f fyne.Focusable) *widget.Entry {
	if e, ok := f.(*widget.Entry); ok {
		return e
	}
	v := reflect.ValueOf(f)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	field, ok := v.Elem().Type().FieldByName("Entry")
	if !ok || !field.Anonymous || field.Type != reflect.TypeFor[widget.Entry]() {
		return nil
	}
	e, _ := v.Elem().FieldByIndex(field.Index).Addr().Interface().(*widget.Entry)
	return e
}
