package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// FixedWidth gives its content a set width (or the space there is, if
// less), at the left, for text and forms that would be hard to read
// stretched across a wide window.
type FixedWidth float32

// MinSize is the content's height at the set width.
func (f FixedWidth) MinSize(objects []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(float32(f), h)
}

// Layout places the content at the left.
func (f FixedWidth) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	w := min(float32(f), size.Width)
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(fyne.NewSize(w, size.Height))
	}
}

// WeightedRow lays its objects side by side, sharing the width by weight,
// with a gap between them. Unlike a grid it asks for little width, so a
// row of wide drop-downs never makes the form wider than its window; the
// drop-downs cut their text short instead.
type WeightedRow []float32

// MinSize is the tallest object's height and a little width per object.
func (w WeightedRow) MinSize(objects []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(float32(len(objects))*60, h)
}

// Layout gives each object its share of the width.
func (w WeightedRow) Layout(objects []fyne.CanvasObject, size fyne.Size) {
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

func (w WeightedRow) weight(i int) float32 {
	if i < len(w) && w[i] > 0 {
		return w[i]
	}
	return 1
}

// Narrow lets content that would ask for more width than the set value
// (a form whose hints are long, say) ask for only that much, so that it
// never makes its window wider than the screen. Given less room than it
// would like, the content is laid out in the room there is, and text that
// does not wrap, such as a form's hints, is cut off at the edge.
type Narrow float32

// MinSize is the content's height, and its width up to the set value.
func (n Narrow) MinSize(objects []fyne.CanvasObject) fyne.Size {
	m := fyne.NewSize(0, 0)
	for _, o := range objects {
		m = m.Max(o.MinSize())
	}
	return fyne.NewSize(min(m.Width, float32(n)), m.Height)
}

// Layout gives the content all the room.
func (n Narrow) Layout(objects []fyne.CanvasObject, size fyne.Size) { lineRoom{}.Layout(objects, size) }

// lineRoom keeps the height of one line of text even while what it holds
// is hidden, so that a message line appearing under a form does not move
// the buttons below it.
type lineRoom struct{}

// MinSize is the content's, and at least one line high.
func (lineRoom) MinSize(objects []fyne.CanvasObject) fyne.Size {
	m := fyne.NewSize(0, fyne.MeasureText("Ag", theme.TextSize(), fyne.TextStyle{}).Height+2*theme.InnerPadding())
	for _, o := range objects {
		if o.Visible() {
			m = m.Max(o.MinSize())
		}
	}
	return m
}

// Layout gives the content all the room.
func (lineRoom) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// ReserveLine holds a message line, keeping its room when it says nothing.
func ReserveLine(message fyne.CanvasObject) *fyne.Container {
	return container.New(lineRoom{}, message)
}
