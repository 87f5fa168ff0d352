package widgets

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Typed describes what the text boxes, ticks and choices inside o hold,
// so that two descriptions differ if anything was typed or chosen in
// between. It is for comparing only: never show or log it.
func Typed(o fyne.CanvasObject) string {
	var b strings.Builder
	walk(o, func(x fyne.CanvasObject) bool {
		if f, ok := x.(fyne.Focusable); ok {
			if e := entryOf(f); e != nil {
				fmt.Fprintf(&b, "%q;", e.Text)
				return true
			}
		}
		switch w := x.(type) {
		case *widget.Check:
			fmt.Fprintf(&b, "%t;", w.Checked)
		case *widget.Select:
			fmt.Fprintf(&b, "%q;", w.Selected)
		case *widget.RadioGroup:
			fmt.Fprintf(&b, "%q;", w.Selected)
		}
		return false
	})
	return b.String()
}

// walk calls fn on o and on everything inside it, through the containers
// and the widgets that hold others (cards, forms, scrolls, splits, tabs),
// until fn returns true. It reports whether fn did.
func walk(o fyne.CanvasObject, fn func(fyne.CanvasObject) bool) bool {
	if o == nil {
		return false
	}
	if fn(o) {
		return true
	}
	var inside []fyne.CanvasObject
	switch t := o.(type) {
	case *fyne.Container:
		inside = t.Objects
	case *container.Scroll:
		inside = []fyne.CanvasObject{t.Content}
	case *container.Split:
		inside = []fyne.CanvasObject{t.Leading, t.Trailing}
	case *container.AppTabs:
		for _, it := range t.Items {
			inside = append(inside, it.Content)
		}
	case *widget.Card:
		inside = []fyne.CanvasObject{t.Content}
	case *widget.Form:
		for _, it := range t.Items {
			inside = append(inside, it.Widget)
		}
	}
	for _, x := range inside {
		if walk(x, fn) {
			return true
		}
	}
	return false
}
