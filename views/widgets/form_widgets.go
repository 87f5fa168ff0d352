package widgets

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// FormEntry is an Entry that hands Ctrl+S (Cmd+S on a Mac) to its form's
// save action. A focused Entry otherwise keeps every shortcut to itself,
// so a form whose keyboard is in a text box could not be saved from the
// keyboard unless the window's menu has the shortcut.
type FormEntry struct {
	widget.Entry
	// OnSave is what Ctrl+S does.
	OnSave func()
}

// NewFormEntry returns a one-line entry; onSave is what Ctrl+S does.
func NewFormEntry(onSave func()) *FormEntry {
	e := &FormEntry{OnSave: onSave}
	e.ExtendBaseWidget(e)
	return e
}

// NewHintedFormEntry returns a one-line entry showing hint while it is
// empty; onSave is what Ctrl+S does.
func NewHintedFormEntry(hint string, onSave func()) *FormEntry {
	e := NewFormEntry(onSave)
	e.SetPlaceHolder(hint)
	return e
}

// NewHintedFormTextArea returns a wrapping multi-line entry showing rows
// lines, with hint as its placeholder.
func NewHintedFormTextArea(hint string, onSave func(), rows int) *FormEntry {
	e := NewFormTextArea(onSave, rows)
	e.SetPlaceHolder(hint)
	return e
}

// NewFormTextArea returns a wrapping multi-line entry showing rows lines.
func NewFormTextArea(onSave func(), rows int) *FormEntry {
	e := NewFormEntry(onSave)
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(rows)
	return e
}

// TypedShortcut saves on Ctrl+S and passes every other shortcut to the Entry.
func (e *FormEntry) TypedShortcut(s fyne.Shortcut) {
	if isSaveShortcut(s) && e.OnSave != nil {
		e.OnSave()
		return
	}
	e.Entry.TypedShortcut(s)
}

// TypedKey hands Escape to the window, which cancels the dialog the
// entry is in (see HandleEscape); other keys edit the text as usual.
func (e *FormEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		passEscape(e)
		return
	}
	e.Entry.TypedKey(k)
}

// FocusGained scrolls the form to show the entry, and puts the text cursor at the end of what is already there,
// so that what is typed is never put in front of it. A one-line entry
// also selects its text, as Windows does when Tab enters a box, so that
// typing replaces it (a date, say) rather than running on from it; a
// multi-line entry does not, so a long reason is never wiped by a key.
func (e *FormEntry) FocusGained() {
	e.Entry.FocusGained()
	reveal(e)
	if e.Text == "" {
		return
	}
	if !e.MultiLine {
		e.Entry.TypedShortcut(&fyne.ShortcutSelectAll{})
		return
	}
	lines := strings.Split(e.Text, "\n")
	e.CursorRow, e.CursorColumn = len(lines)-1, len([]rune(lines[len(lines)-1]))
	e.Refresh()
}

// AcceptsTab is false even for a multi-line entry, so that Tab always
// moves on through the form rather than typing a tab character, which
// nobody needs in an address or a reason for referral.
func (e *FormEntry) AcceptsTab() bool { return false }

// SaveShortcut is Ctrl+S, or Cmd+S on a Mac.
var SaveShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}

func isSaveShortcut(s fyne.Shortcut) bool {
	return s != nil && s.ShortcutName() == SaveShortcut.ShortcutName()
}

// Choice is a drop-down of coded values shown in words: Code and SetCode
// deal in the codes, the person sees the labels. Select is the widget to
// put on screen.
type Choice struct {
	Select *widget.Select
	codes  []string
}

// NewChoice offers codes, shown through label, and calls changed (if set)
// when the choice changes.
func NewChoice(codes []string, label func(string) string, placeholder string, changed func()) *Choice {
	labels := make([]string, len(codes))
	for i, c := range codes {
		labels[i] = label(c)
	}
	c := &Choice{Select: widget.NewSelect(labels, nil), codes: codes}
	c.Select.PlaceHolder = placeholder
	c.Select.OnChanged = func(string) {
		if changed != nil {
			changed()
		}
	}
	return c
}

// Code returns the chosen code, or "" when nothing is chosen.
func (c *Choice) Code() string {
	if i := c.Select.SelectedIndex(); i >= 0 && i < len(c.codes) {
		return c.codes[i]
	}
	return ""
}

// SetCode chooses code, or clears the choice if code is not offered.
func (c *Choice) SetCode(code string) {
	for i, x := range c.codes {
		if x == code {
			c.Select.SetSelectedIndex(i)
			return
		}
	}
	c.Select.ClearSelected()
}

// RowList is an editable list of rows of widgets (medicines, conditions,
// professionals): an Add button, and a Remove button on every row. R
// holds one row's widgets.
type RowList[R any] struct {
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

// NewRowList makes an empty list. newRow builds a row's widgets; layout
// arranges them; first is the widget that gets the keyboard when a row is
// added; changed (if set) runs after a row is added or removed; canvas
// (if set) gives the canvas to focus in.
func NewRowList[R any](addLabel string, newRow func() *R, layout func(*R) fyne.CanvasObject,
	first func(*R) fyne.Focusable, changed func(), canvas func() fyne.Canvas) *RowList[R] {
	l := &RowList[R]{box: container.NewVBox(), newRow: newRow, layout: layout, first: first, changed: changed, canvas: canvas}
	l.AddButton = widget.NewButtonWithIcon(addLabel, theme.ContentAddIcon(), func() {
		r := l.Add()
		if c := l.focusCanvas(); c != nil {
			c.Focus(l.first(r))
		}
	})
	return l
}

// Content returns the rows and the Add button.
func (l *RowList[R]) Content() fyne.CanvasObject {
	return container.NewVBox(l.box, container.NewHBox(l.AddButton))
}

// Rows returns the rows in order.
func (l *RowList[R]) Rows() []*R { return l.rows }

// Add appends an empty row and returns it.
func (l *RowList[R]) Add() *R {
	r := l.newRow()
	var box fyne.CanvasObject
	remove := NewIconButton("Remove this row", theme.DeleteIcon(), func() { l.remove(r) })
	remove.Importance = widget.LowImportance
	box = container.NewBorder(nil, nil, nil, remove, l.layout(r))
	l.rows = append(l.rows, r)
	l.boxes = append(l.boxes, box)
	l.box.Add(box)
	l.notify()
	return r
}

// Clear removes every row.
func (l *RowList[R]) Clear() {
	l.rows, l.boxes = nil, nil
	l.box.RemoveAll()
	l.notify()
}

func (l *RowList[R]) remove(r *R) {
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

func (l *RowList[R]) notify() {
	if l.changed != nil {
		l.changed()
	}
}

func (l *RowList[R]) focusCanvas() fyne.Canvas {
	if l.canvas == nil {
		return nil
	}
	return l.canvas()
}
