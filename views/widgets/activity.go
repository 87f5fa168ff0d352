package widgets

import (
	"fmt"
	"hash/fnv"
	"reflect"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// ActivityLayer wraps the whole window content and reports pointer movement
// anywhere over it, for the idle lock.
//
// Fyne has no window-wide input hook: keys and taps go straight to the
// widget concerned. But on every pointer move the desktop driver asks each
// object under the pointer which cursor to show, from the outermost in, so
// being asked that question is a dependable sign of a person at the desk.
// The layer answers with the default cursor (widgets inside still choose
// their own) and takes no taps, hovers or keys from the widgets it wraps.
// Typing is noticed separately, by TypingSample.
type ActivityLayer struct {
	widget.BaseWidget
	stack      *fyne.Container
	onActivity func()
}

// NewActivityLayer returns a layer showing content that calls onActivity
// whenever the pointer moves over it.
func NewActivityLayer(content fyne.CanvasObject, onActivity func()) *ActivityLayer {
	a := &ActivityLayer{stack: container.NewStack(content), onActivity: onActivity}
	a.ExtendBaseWidget(a)
	return a
}

// SetContent replaces what the layer shows.
func (a *ActivityLayer) SetContent(content fyne.CanvasObject) {
	a.stack.Objects = []fyne.CanvasObject{content}
	a.stack.Refresh()
}

// Content returns what the layer shows.
func (a *ActivityLayer) Content() fyne.CanvasObject { return a.stack.Objects[0] }

// Cursor is asked on every pointer move over the window; see ActivityLayer.
func (a *ActivityLayer) Cursor() desktop.Cursor {
	if a.onActivity != nil {
		a.onActivity()
	}
	return desktop.DefaultCursor
}

// CreateRenderer shows the content.
func (a *ActivityLayer) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(a.stack)
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
