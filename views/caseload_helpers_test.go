package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// addKeyWorker adds a key worker with testPassword and a caseload capacity.
func (e *testEnv) addKeyWorker(username string, capacity int) *models.StaffMember {
	e.t.Helper()
	m := &models.StaffMember{Name: "Test " + username, Username: username, JobTitle: "Community psychiatric nurse", CaseloadCapacity: capacity}
	m.SetRoles(models.RoleKeyWorker)
	return e.setup.AddMember(m)
}

// session is actor's session in a test window, working inline.
func (e *testEnv) session(actor *models.StaffMember) *session {
	return e.sessionIn(actor, e.showInWindow(nil))
}

// sessionIn is actor's session in window w (which may be nil for a screen
// that opens no dialogs), working inline.
func (e *testEnv) sessionIn(actor *models.StaffMember, w fyne.Window) *session {
	return &session{Actor: actor, Services: e.svc, Window: w, Background: &widgets.Background{Inline: true}}
}

// objectsOnShow returns every object on show in the window as its
// renderers hold it: the content, then each dialog, the top one last.
func objectsOnShow(w fyne.Window) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		out = append(out, o)
		switch c := o.(type) {
		case fyne.Widget:
			for _, child := range test.WidgetRenderer(c).Objects() {
				walk(child)
			}
		case *fyne.Container:
			for _, child := range c.Objects {
				walk(child)
			}
		}
	}
	walk(w.Canvas().Content())
	for _, o := range w.Canvas().Overlays().List() {
		walk(o)
	}
	return out
}

// tapButton taps the last button on show labelled text: the top dialog's,
// if a dialog has one.
func tapButton(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	var found *widget.Button
	for _, o := range objectsOnShow(w) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && !b.Disabled() {
			found = b
		}
	}
	if found == nil {
		t.Fatalf("no button %q is on show", text)
	}
	test.Tap(found)
}

// findSelect returns the last drop-down on show with that placeholder.
func findSelect(t *testing.T, w fyne.Window, placeholder string) *widget.Select {
	t.Helper()
	var found *widget.Select
	for _, o := range objectsOnShow(w) {
		if s, ok := o.(*widget.Select); ok && s.PlaceHolder == placeholder {
			found = s
		}
	}
	if found == nil {
		t.Fatalf("no drop-down %q is on show", placeholder)
	}
	return found
}

// findEntry returns the last text box on show with that placeholder.
func findEntry(t *testing.T, w fyne.Window, placeholder string) *widget.Entry {
	t.Helper()
	var found *widget.Entry
	for _, o := range objectsOnShow(w) {
		switch e := o.(type) {
		case *widget.Entry:
			if e.PlaceHolder == placeholder {
				found = e
			}
		case *widgets.FormEntry:
			if e.PlaceHolder == placeholder {
				found = &e.Entry
			}
		}
	}
	if found == nil {
		t.Fatalf("no text box %q is on show", placeholder)
	}
	return found
}

// chooseOption chooses the option of s that contains part.
func chooseOption(t *testing.T, s *widget.Select, part string) {
	t.Helper()
	for _, o := range s.Options {
		if strings.Contains(o, part) {
			s.SetSelected(o)
			return
		}
	}
	t.Fatalf("no option with %q among %q", part, s.Options)
}

// textOnShow reports whether a label or a piece of text on show reads text.
func textOnShow(w fyne.Window, text string) bool {
	for _, o := range objectsOnShow(w) {
		switch x := o.(type) {
		case *canvas.Text:
			if x.Text == text {
				return true
			}
		case *widget.Label:
			if x.Text == text {
				return true
			}
		}
	}
	return false
}

// drawnText is everything drawn on the window, dialogs included, as markup.
func drawnText(w fyne.Window) string { return test.RenderToMarkup(w.Canvas()) }

// labelsOnShow is the text of every label on show, one per line, whether
// or not it wraps.
func labelsOnShow(w fyne.Window) string {
	var b strings.Builder
	for _, o := range objectsOnShow(w) {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}
