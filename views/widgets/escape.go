package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// escapes maps a dialog on show (the overlay Fyne puts it in) to what
// Escape does to it. It is used only on the UI goroutine.
var escapes = map[fyne.CanvasObject]func(){}

// ShowDialog shows d over win; Escape then runs escape (nil means hide
// d), which may ask before discarding what was typed.
func ShowDialog(win fyne.Window, d dialog.Dialog, escape func()) {
	d.Show()
	if escape == nil {
		escape = d.Hide
	}
	if top := win.Canvas().Overlays().Top(); top != nil {
		escapes[top] = escape
	}
}

// DialogOnShow reports whether a dialog (or another pop-up, such as an
// open drop-down) is on show over the window's content, so keyboard
// shortcuts meant for the screen behind it must not act.
func DialogOnShow(c fyne.Canvas) bool {
	return c != nil && c.Overlays().Top() != nil
}

// Escape cancels the dialog on top of the canvas, as its Cancel button
// would, and reports whether there was one. A dialog not shown through
// ShowDialog (such as a message or a file chooser) is simply closed.
func Escape(c fyne.Canvas) bool {
	top := c.Overlays().Top()
	if top == nil {
		return false // (dialogs the idle lock has put away are kept)
	}
	for o := range escapes {
		if o != top && !o.Visible() {
			delete(escapes, o) // closed since
		}
	}
	if fn, ok := escapes[top]; ok {
		fn()
		return true
	}
	top.Hide()
	c.Overlays().Remove(top)
	return true
}

// HandleEscape makes Escape, typed anywhere in the window that nothing
// else takes it, cancel the dialog on top.
func HandleEscape(w fyne.Window) {
	c := w.Canvas()
	before := c.OnTypedKey()
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape && Escape(c) {
			return
		}
		if before != nil {
			before(ev)
		}
	})
}

// passEscape hands Escape, typed in a text box, to the window (see
// HandleEscape), since a focused widget otherwise keeps every key.
func passEscape(o fyne.CanvasObject) {
	app := fyne.CurrentApp()
	if app == nil {
		return
	}
	c := app.Driver().CanvasForObject(o)
	if c == nil {
		return
	}
	if h := c.OnTypedKey(); h != nil {
		h(&fyne.KeyEvent{Name: fyne.KeyEscape})
	}
}
