package views

import "fyne.io/fyne/v2"

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
