package widgets

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Row is one row of a list as a screen reader meets it: the objects the
// row shows, and one sentence that names it ("Open referral PMH-000155,
// Siobhán Ní Bhriain, urgent, awaiting screening") rather than its cells
// one by one. The list's fill functions see only Content, as they would a
// row of widget.NewList.
type Row struct {
	widget.BaseWidget
	// Content is what the row shows.
	Content fyne.CanvasObject
	// Label names the row; empty, the row is named by the text it shows.
	Label string
}

// newRow wraps content in a Row.
func newRow(content fyne.CanvasObject) *Row {
	r := &Row{Content: content}
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer shows Content over the whole row.
func (r *Row) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.Content) }

// AccessibilityLabel is Label, or else every text the row shows, in
// order, joined with commas.
func (r *Row) AccessibilityLabel() string {
	if r.Label != "" {
		return r.Label
	}
	return strings.Join(shownTexts(r.Content, nil), ", ")
}

// AccessibilityRole is a button: choosing a row acts on it (opens her
// referral, selects the entry).
func (r *Row) AccessibilityRole() fyne.AccessibleRole { return fyne.AccessibleRoleButton }

// shownTexts appends the non-empty texts of the labels shown in o.
func shownTexts(o fyne.CanvasObject, out []string) []string {
	if o == nil || !o.Visible() {
		return out
	}
	switch t := o.(type) {
	case *widget.Label:
		if s := strings.TrimSpace(t.Text); s != "" {
			out = append(out, s)
		}
	case *fyne.Container:
		if sp, ok := t.Layout.(Spoken); ok {
			if s := sp.SpokenText(); s != "" {
				out = append(out, s)
			}
			return out
		}
		for _, c := range t.Objects {
			out = shownTexts(c, out)
		}
	case fyne.Accessible:
		if t.AccessibilityRole() != fyne.AccessibleRoleContainer {
			if s := strings.TrimSpace(t.AccessibilityLabel()); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// Spoken is a container's layout that says in words what the container
// shows, for the name of the row it stands in, in place of the texts of
// its objects (badges that show abbreviations, say).
type Spoken interface {
	SpokenText() string
}

// NewList is widget.NewList with every row wrapped in a Row, so a screen
// reader names each row by what it shows. newContent and fill work as
// newRow and fill do for widget.NewList: fill is handed the object
// newContent made, not the Row around it.
func NewList(length func() int, newContent func() fyne.CanvasObject, fill func(widget.ListItemID, fyne.CanvasObject)) *widget.List {
	return newNamedList(length, newContent, func(id widget.ListItemID, o fyne.CanvasObject) string {
		fill(id, o)
		return ""
	})
}

// newNamedList is NewList whose fill also returns the row's name (see
// Row.Label), or "" to name it by what it shows.
func newNamedList(length func() int, newContent func() fyne.CanvasObject, fill func(widget.ListItemID, fyne.CanvasObject) string) *widget.List {
	return widget.NewList(length,
		func() fyne.CanvasObject { return newRow(newContent()) },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*Row)
			row.Label = fill(id, row.Content)
		})
}
