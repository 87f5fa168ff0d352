package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// formEntry is an Entry that hands Ctrl+S (Cmd+S on a Mac) to its form's
// save action. A focused Entry otherwise keeps every shortcut to itself,
// so a form whose keyboard is in a text box could not be saved from the
// keyboard unless the window's menu has the shortcut.
type formEntry struct {
	widget.Entry
	onSave func()
}

// newFormEntry returns a one-line entry; onSave is what Ctrl+S does.
func newFormEntry(onSave func()) *formEntry {
	e := &formEntry{onSave: onSave}
	e.ExtendBaseWidget(e)
	return e
}

// newHintedFormEntry returns a one-line entry showing hint while it is
// empty; onSave is what Ctrl+S does.
func newHintedFormEntry(hint string, onSave func()) *formEntry {
	e := newFormEntry(onSave)
	e.SetPlaceHolder(hint)
	return e
}

// newFormTextArea returns a wrapping multi-line entry showing rows lines.
func newFormTextArea(onSave func(), rows int) *formEntry {
	e := newFormEntry(onSave)
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(rows)
	return e
}

// TypedShortcut saves on Ctrl+S and passes every other shortcut to the Entry.
func (e *formEntry) TypedShortcut(s fyne.Shortcut) {
	if isSaveShortcut(s) && e.onSave != nil {
		e.onSave()
		return
	}
	e.Entry.TypedShortcut(s)
}

// AcceptsTab is false even for a multi-line entry, so that Tab always
// moves on through the form rather than typing a tab character, which
// nobody needs in an address or a reason for referral.
func (e *formEntry) AcceptsTab() bool { return false }

// saveShortcut is Ctrl+S, or Cmd+S on a Mac.
var saveShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}

func isSaveShortcut(s fyne.Shortcut) bool {
	return s != nil && s.ShortcutName() == saveShortcut.ShortcutName()
}

// choice is a drop-down of coded values shown in words: Code and SetCode
// deal in the codes, the person sees the labels. Select is the widget to
// put on screen.
type choice struct {
	Select *widget.Select
	codes  []string
}

// newChoice offers codes, shown through label, and calls changed (if set)
// when the choice changes.
func newChoice(codes []string, label func(string) string, placeholder string, changed func()) *choice {
	labels := make([]string, len(codes))
	for i, c := range codes {
		labels[i] = label(c)
	}
	c := &choice{Select: widget.NewSelect(labels, nil), codes: codes}
	c.Select.PlaceHolder = placeholder
	c.Select.OnChanged = func(string) {
		if changed != nil {
			changed()
		}
	}
	return c
}

// Code returns the chosen code, or "" when nothing is chosen.
func (c *choice) Code() string {
	if i := c.Select.SelectedIndex(); i >= 0 && i < len(c.codes) {
		return c.codes[i]
	}
	return ""
}

// SetCode chooses code, or clears the choice if code is not offered.
func (c *choice) SetCode(code string) {
	for i, x := range c.codes {
		if x == code {
			c.Select.SetSelectedIndex(i)
			return
		}
	}
	c.Select.ClearSelected()
}

// rowList is an editable list of rows of widgets (medicines, conditions,
// professionals): an Add button, and a Remove button on every row. R
// holds one row's widgets.
type rowList[R any] struct {
	// AddButton adds an empty row and puts the keyboard in it.
	AddButton *widget.Button
	rows      []*R
	boxes     []fyne.CanvasObject
	box       *fyne.Container
	newRow    func() *R
	layout    func(*R) fyne.CanvasObject
	first     func(*R) fyne.Focusable
	changed   func()
	canvas    func() fyne.Canvas
}

// newRowList makes an empty list. newRow builds a row's widgets; layout
// arranges them; first is the widget that gets the keyboard when a row is
// added; changed (if set) runs after a row is added or removed; canvas
// (if set) gives the canvas to focus in.
func newRowList[R any](addLabel string, newRow func() *R, layout func(*R) fyne.CanvasObject,
	first func(*R) fyne.Focusable, changed func(), canvas func() fyne.Canvas) *rowList[R] {
	l := &rowList[R]{box: container.NewVBox(), newRow: newRow, layout: layout, first: first, changed: changed, canvas: canvas}
	l.AddButton = widget.NewButtonWithIcon(addLabel, theme.ContentAddIcon(), func() {
		r := l.Add()
		if c := l.focusCanvas(); c != nil {
			c.Focus(l.first(r))
		}
	})
	return l
}

// Content returns the rows and the Add button.
func (l *rowList[R]) Content() fyne.CanvasObject {
	return container.NewVBox(l.box, container.NewHBox(l.AddButton))
}

// Rows returns the rows in order.
func (l *rowList[R]) Rows() []*R { return l.rows }

// Add appends an empty row and returns it.
func (l *rowList[R]) Add() *R {
	r := l.newRow()
	var box fyne.CanvasObject
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { l.remove(r) })
	remove.Importance = widget.LowImportance
	box = container.NewBorder(nil, nil, nil, remove, l.layout(r))
	l.rows = append(l.rows, r)
	l.boxes = append(l.boxes, box)
	l.box.Add(box)
	l.notify()
	return r
}

// Clear removes every row.
func (l *rowList[R]) Clear() {
	l.rows, l.boxes = nil, nil
	l.box.RemoveAll()
	l.notify()
}

func (l *rowList[R]) remove(r *R) {
	for i, x := range l.rows {
		if x == r {
			l.box.Remove(l.boxes[i])
			l.rows = append(l.rows[:i], l.rows[i+1:]...)
			l.boxes = append(l.boxes[:i], l.boxes[i+1:]...)
			l.notify()
			return
		}
	}
}

func (l *rowList[R]) notify() {
	if l.changed != nil {
		l.changed()
	}
}

func (l *rowList[R]) focusCanvas() fyne.Canvas {
	if l.canvas == nil {
		return nil
	}
	return l.canvas()
}

// weightedRow lays its objects side by side, sharing the width by weight,
// with a gap between them. Unlike a grid it asks for little width, so a
// row of wide drop-downs never makes the form wider than its window; the
// drop-downs cut their text short instead.
type weightedRow []float32

// MinSize is the tallest object's height and a little width per object.
func (w weightedRow) MinSize(objects []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(float32(len(objects))*60, h)
}

// Layout gives each object its share of the width.
func (w weightedRow) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	total := float32(0)
	for i := range objects {
		total += w.weight(i)
	}
	pad := theme.Padding()
	x := float32(0)
	for i, o := range objects {
		width := size.Width * w.weight(i) / total
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(max(width-pad, 0), size.Height))
		x += width
	}
}

func (w weightedRow) weight(i int) float32 {
	if i < len(w) && w[i] > 0 {
		return w[i]
	}
	return 1
}
