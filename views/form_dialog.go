package views

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// errAsking is what a formDialog's action returns when it has put a
// question to the person (such as "Allocate anyway?") and will finish, or
// not, once they answer: the dialog stays open and says nothing.
var errAsking = errors.New("waiting for an answer")

// formDialog is a dialog holding a form, with Cancel and an action button.
// Unlike dialog.NewForm it stays open when the action fails, shows the
// service's words in red under the form, and keeps everything typed, so
// a refusal costs nothing but a correction.
type formDialog struct {
	Dialog  *dialog.CustomDialog
	Message *widget.Label
	Action  *widget.Button
	Cancel  *widget.Button

	action func() error
	done   func()
	win    fyne.Window
	body   fyne.CanvasObject
	shown  string // what the form held when shown, to tell if anything was typed
}

// newFormDialog builds (but does not show) a dialog titled title over win,
// holding body at width. Pressing actionText runs action; when it returns
// nil the dialog closes and done (if set) runs.
func newFormDialog(title, actionText string, width float32, body fyne.CanvasObject, win fyne.Window, action func() error, done func()) *formDialog {
	d := &formDialog{action: action, done: done, Message: messageLabel(""), win: win, body: body}
	d.Action = widget.NewButtonWithIcon(actionText, theme.ConfirmIcon(), d.Submit)
	d.Action.Importance = widget.HighImportance
	d.Cancel = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { d.Dialog.Hide() })
	// The form scrolls when the window is too short for it; the message
	// line stays in view below it.
	fitted := widgets.NewScrollUpTo(body, func() float32 { return dialogRoom(win) })
	content := container.New(widgets.FixedWidth(width), container.NewBorder(nil, widgets.ReserveLine(d.Message), nil, nil, fitted))
	d.Dialog = dialog.NewCustomWithoutButtons(title, content, win)
	d.Dialog.SetButtons([]fyne.CanvasObject{d.Cancel, d.Action})
	return d
}

// Submit runs the action: on success the dialog closes; on failure it
// says why and stays open.
func (d *formDialog) Submit() {
	showMessage(d.Message, "", false) // a problem put right is no longer shown
	err := d.action()
	switch {
	case errors.Is(err, errAsking):
		return
	case err != nil:
		d.Fail(err)
		return
	}
	d.Finish()
}

// Fail shows why the action did not happen.
func (d *formDialog) Fail(err error) { showMessage(d.Message, sentence(err), true) }

// Finish closes the dialog after the action has happened.
func (d *formDialog) Finish() {
	d.Dialog.Hide()
	if d.done != nil {
		d.done()
	}
}

// Show shows the dialog. Escape then cancels it, asking first if
// anything has been typed.
func (d *formDialog) Show() {
	d.shown = widgets.Typed(d.body)
	widgets.ShowDialog(d.win, d.Dialog, d.escape)
}

// escape is what Escape does: close the dialog, after asking if anything
// typed would be lost.
func (d *formDialog) escape() {
	if widgets.Typed(d.body) == d.shown {
		d.Hide()
		return
	}
	ask := dialog.NewConfirm("Discard what you typed?", "Close this without saving what you have typed?", func(discard bool) {
		if discard {
			d.Hide()
		}
	}, d.win)
	ask.SetConfirmText("Discard")
	ask.SetDismissText("Keep typing")
	widgets.ShowDialog(d.win, ask, nil)
}

// dialogRoom is the height a dialog's form may take in win: the window's
// height less the dialog's title, buttons and margins.
func dialogRoom(win fyne.Window) float32 {
	if win == nil {
		return 0
	}
	return win.Canvas().Size().Height - 220
}

// ShowFocused shows the dialog with the keyboard focus in first.
func (d *formDialog) ShowFocused(first fyne.Focusable) {
	d.Show()
	if d.win != nil {
		d.win.Canvas().Focus(first)
	}
}

// Hide closes the dialog without acting.
func (d *formDialog) Hide() { d.Dialog.Hide() }

// fieldProblem is a problem with one field of a form, worded as the
// services word theirs ("Reason: choose …").
func fieldProblem(field models.FieldID, message string) error {
	return &models.FieldError{Field: field, Message: message}
}

// dateField reads an optional date typed as DD/MM/YYYY in the named field;
// blank gives the zero date.
func dateField(field models.FieldID, text string) (models.Date, error) {
	if err := checkDate(text); err != nil {
		return models.Date{}, fieldError(field, err)
	}
	return dateOrZero(text), nil
}
