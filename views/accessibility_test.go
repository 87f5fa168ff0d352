package views

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// A screen reader reads out what fyne.Accessible says of each control. The
// tests below walk every screen's widget tree, as a person signed in with
// every role sees it, and fail on any control (anything that can be tapped
// or take the keyboard) that would be read out without a meaningful name.
//
// What counts as a name:
//   - fyne.Accessible's label, unless it is empty or the file name of an
//     icon ("view-refresh.svg": what an icon-only widget.Button says);
//   - for a list row, the name of the widgets.Row it shows (every list is
//     made by widgets.NewList or NewPagedList, which name each row);
//   - for Fyne's other controls that do not implement it (tabs, radio
//     items, check boxes), the text they show;
//   - for a text box or drop-down, its label in a form, or the hint it
//     shows while empty.
//
// The project's own widgets must implement fyne.Accessible.

// unnamedControls returns a description of every control in the trees of
// roots that has no name.
func unnamedControls(roots ...fyne.CanvasObject) []string {
	formLabels := map[fyne.CanvasObject]string{}
	var bad []string
	var walk func(o fyne.CanvasObject, where string)
	walk = func(o fyne.CanvasObject, where string) {
		if o == nil || !o.Visible() {
			return
		}
		collectFormLabels(o, formLabels)
		if _, ok := o.(*widget.Label); ok {
			return // read out as its text; a selectable one is tappable inside
		}
		_, tappable := o.(fyne.Tappable)
		_, focusable := o.(fyne.Focusable)
		if isScrollBar(o) {
			return
		}
		if (tappable || focusable) && !isCollection(o) {
			if controlName(o, formLabels) == "" {
				bad = append(bad, fmt.Sprintf("%T in %s", o, where))
			}
			if !descendIntoControl(o) {
				return
			}
		}
		for _, child := range children(o) {
			walk(child, where+" > "+typeName(o))
		}
	}
	for _, r := range roots {
		walk(r, typeName(r))
	}
	return bad
}

// controlName returns the name a screen reader would give o, or "".
func controlName(o fyne.CanvasObject, formLabels map[fyne.CanvasObject]string) string {
	if typeName(o) == "*widget.listItem" {
		return listRowName(o)
	}
	if a, ok := o.(fyne.Accessible); ok {
		if l := strings.TrimSpace(a.AccessibilityLabel()); l != "" && !isIconFileName(l) {
			return l
		}
	}
	if l := formLabels[o]; l != "" {
		return l
	}
	if isOwnWidget(o) {
		// The project's own controls say their name, unless they are a
		// Fyne control with something added (a text box with Ctrl+S).
		if o = embeddedFyneWidget(o); o == nil {
			return ""
		}
	}
	switch w := o.(type) {
	case *widget.Entry:
		return w.PlaceHolder
	case *widget.Select:
		return firstNonEmpty(w.PlaceHolder, w.Selected)
	case *widget.SelectEntry:
		return w.PlaceHolder
	case *widget.Button:
		return "" // an icon-only button: its Accessible label was an icon's file name
	}
	return shownText(o)
}

// listRowName returns the name of the widgets.Row that list row o shows,
// or "" when it shows none (a list made by widget.NewList).
func listRowName(o fyne.CanvasObject) string {
	for _, c := range children(o) {
		if r, ok := c.(*widgets.Row); ok {
			return strings.TrimSpace(r.AccessibilityLabel())
		}
	}
	return ""
}

// embeddedFyneWidget returns the Fyne widget that the project's widget o
// embeds (a widget.Entry in a FormEntry), or nil.
func embeddedFyneWidget(o fyne.CanvasObject) fyne.CanvasObject {
	v := reflect.ValueOf(o)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	v = v.Elem()
	for i := 0; i < v.NumField(); i++ {
		f := v.Type().Field(i)
		if !f.Anonymous || f.Type.Kind() != reflect.Struct || f.Type.PkgPath() != "fyne.io/fyne/v2/widget" ||
			f.Name == "BaseWidget" || f.Name == "DisableableWidget" {
			continue
		}
		if inner, ok := v.Field(i).Addr().Interface().(fyne.CanvasObject); ok {
			return inner
		}
	}
	return nil
}

// isOwnWidget reports whether o is one of the project's widgets (or
// embeds a Fyne widget in one of the project's types).
func isOwnWidget(o fyne.CanvasObject) bool {
	t := reflect.TypeOf(o)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return strings.HasPrefix(t.PkgPath(), "perinatal-caseload/")
}

// isIconFileName reports whether label is the name of an icon resource,
// which is what an icon-only widget.Button reads out.
func isIconFileName(label string) bool {
	l := strings.ToLower(label)
	return strings.HasSuffix(l, ".svg") || strings.HasSuffix(l, ".png")
}

// isCollection reports whether o is a list, table or tree: it takes the
// keyboard to move between its rows, and it is the rows that are named.
func isCollection(o fyne.CanvasObject) bool {
	switch o.(type) {
	case *widget.List, *widget.Table, *widget.Tree, *widget.GridWrap:
		return true
	}
	return false
}

// descendIntoControl reports whether the walk looks inside the control o:
// a text box's or drop-down's insides (its scroll bars, its text) are part
// of it, but a radio group's items and a Fyne list row's contents are
// controls of their own.
func descendIntoControl(o fyne.CanvasObject) bool {
	if isOwnWidget(o) {
		if inner := embeddedFyneWidget(o); inner != nil {
			return descendIntoControl(inner)
		}
		_, accessible := o.(fyne.Accessible)
		return !accessible
	}
	switch o.(type) {
	case *widget.Entry, *widget.Select, *widget.SelectEntry, *widget.Check, *widget.Button, *widget.Hyperlink,
		*widget.Label, *widget.RichText: // a selectable label's insides are its text
		return false
	}
	return true
}

// isScrollBar reports whether o is a scroll bar (or the strip it runs
// in), which belongs to the scrolled area around it and needs no name.
func isScrollBar(o fyne.CanvasObject) bool {
	switch typeName(o) {
	case "*widget.scrollBar", "*widget.scrollBarArea":
		return true
	}
	return false
}

// children returns what o shows: a container's objects, or a widget's
// rendered objects.
func children(o fyne.CanvasObject) []fyne.CanvasObject {
	switch c := o.(type) {
	case *fyne.Container:
		return c.Objects
	case fyne.Widget:
		return test.WidgetRenderer(c).Objects()
	}
	return nil
}

// shownText returns the text o shows, looking inside it.
func shownText(o fyne.CanvasObject) string {
	switch t := o.(type) {
	case *canvas.Text:
		return strings.TrimSpace(t.Text)
	case *widget.Label:
		return strings.TrimSpace(t.Text)
	case *widget.RichText:
		return strings.TrimSpace(t.String())
	}
	for _, c := range children(o) {
		if c.Visible() {
			if s := shownText(c); s != "" {
				return s
			}
		}
	}
	return ""
}

// collectFormLabels records the label of each field of a widget.Form, and
// of each field in a container laid out as a form (label, field, label,
// field…).
func collectFormLabels(o fyne.CanvasObject, labels map[fyne.CanvasObject]string) {
	switch f := o.(type) {
	case *widget.Form:
		for _, item := range f.Items {
			if item.Text != "" {
				labels[item.Widget] = item.Text
			}
		}
	case *fyne.Container:
		if f.Layout == nil || typeName(f.Layout) != "*layout.formLayout" {
			return
		}
		for i := 0; i+1 < len(f.Objects); i += 2 {
			if l := shownText(f.Objects[i]); l != "" {
				labels[f.Objects[i+1]] = l
			}
		}
	}
}

func typeName(o any) string { return fmt.Sprintf("%T", o) }

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if strings.TrimSpace(x) != "" {
			return x
		}
	}
	return ""
}

// onScreen returns the roots of what window w shows: its content and its
// dialogs.
func onScreen(w fyne.Window) []fyne.CanvasObject {
	return append([]fyne.CanvasObject{w.Content()}, w.Canvas().Overlays().List()...)
}

// Hazard: a member of staff who uses a screen reader cannot tell what a
// control does (an icon read out as "view-refresh.svg").
// Hazard: HAZ-039.
func TestEveryControlOnEveryScreenHasANameForScreenReaders(t *testing.T) {
	e := newTestEnv(t, 30)
	e.addStaff("everyone", models.RoleManager, models.RoleAdministrator, models.RoleClinician, models.RoleKeyWorker)
	m := e.mainWindow()
	m.window.Resize(widgets.SmallestWindowSize)
	check := func(what string) {
		t.Helper()
		for _, b := range unnamedControls(onScreen(m.window)...) {
			t.Errorf("%s: %s has no name for a screen reader", what, b)
		}
	}
	check("The sign-in screen")
	e.signIn(m, "everyone", testPassword)
	sh := m.shell
	for _, d := range sh.defs {
		sh.Show(d.ID)
		check(d.Title)
	}
	sh.NewReferral()
	check("The new-referral form")
	sh.OpenReferral(1)
	check("A referral")
}

func TestTheFirstRunScreenNamesItsControls(t *testing.T) {
	e := newTestEnv(t, 0)
	m := e.mainWindow()
	if m.firstRun == nil {
		t.Fatal("the first-run screen is not on show on a database with no accounts")
	}
	for _, b := range unnamedControls(onScreen(m.window)...) {
		t.Errorf("the first-run screen: %s has no name for a screen reader", b)
	}
}

// The checker itself: an icon-only button is caught; one named through
// widgets.NewIconButton passes.
func TestTheScreenReaderCheckCatchesAnIconOnlyButton(t *testing.T) {
	test.NewTempApp(t)
	named := widgets.NewIconButton("Refresh the list", nil, func() {})
	box := container.NewHBox(widget.NewButton("Save", nil), named, widget.NewEntry())
	if bad := unnamedControls(box); len(bad) != 1 || !strings.Contains(bad[0], "*widget.Entry") {
		t.Errorf("unnamed: %q; want only the entry without a hint", bad)
	}
	if bad := unnamedControls(container.NewHBox(widgets.NewIconButton("", nil, func() {}))); len(bad) != 1 {
		t.Errorf("an IconButton without a label passed: %q", bad)
	}
}

// readByFyne returns what Fyne 2.8's Windows screen-reader support hands to
// UI Automation for the tree at o, as its driver walks it
// (internal/driver/glfw/accessibility_windows.go): the labels of the
// accessible objects other than containers, found down through plain
// containers only.
func readByFyne(o fyne.CanvasObject) []string {
	if o == nil || !o.Visible() {
		return nil
	}
	var out []string
	if a, ok := o.(fyne.Accessible); ok && a.AccessibilityRole() != fyne.AccessibleRoleContainer {
		out = append(out, string(a.AccessibilityRole())+": "+a.AccessibilityLabel())
	}
	if c, ok := o.(*fyne.Container); ok {
		for _, child := range c.Objects {
			out = append(out, readByFyne(child)...)
		}
	}
	return out
}

// Hazard: the window is silent to a screen reader (a widget wrapping the
// whole window, as the idle lock's layer once did, hides everything below
// it from Fyne's driver).
// Hazard: HAZ-039.
func TestAScreenReaderOnWindowsHearsTheSignInScreen(t *testing.T) {
	e := newTestEnv(t, 0)
	e.addStaff("reader", models.RoleClinician)
	m := e.mainWindow()
	read := strings.Join(readByFyne(m.window.Content()), "\n")
	t.Logf("read on the sign-in screen:\n%s", read)
	for _, want := range []string{"button: Sign in"} {
		if !strings.Contains(read, want) {
			t.Errorf("a screen reader does not hear %q on the sign-in screen; it hears:\n%s", want, read)
		}
	}
	e.signIn(m, "reader", testPassword)
	t.Logf("read on the first screen:\n%s", strings.Join(readByFyne(m.window.Content()), "\n"))
}
