package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// columns lays out a row's cells side by side at fixed shares of the width.
type columns []float32

// MinSize is the tallest cell, and a little width per column so the row
// can still shrink with its window.
func (c columns) MinSize(objects []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(float32(len(c))*40, h)
}

// Layout gives each cell its share of the width, less a gap between cells.
func (c columns) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	total := float32(0)
	for _, w := range c {
		total += w
	}
	pad := theme.Padding()
	x := float32(0)
	for i, o := range objects {
		if i >= len(c) {
			o.Hide()
			continue
		}
		w := size.Width * c[i] / total
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(max(w-pad, 0), size.Height))
		x += w
	}
}

// fixedWidth gives its content a set width (or the space there is, if
// less), at the left, for text and forms that would be hard to read
// stretched across a wide window.
type fixedWidth float32

// MinSize is the content's height at the set width.
func (f fixedWidth) MinSize(objects []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(float32(f), h)
}

// Layout places the content at the left.
func (f fixedWidth) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	w := min(float32(f), size.Width)
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(fyne.NewSize(w, size.Height))
	}
}
