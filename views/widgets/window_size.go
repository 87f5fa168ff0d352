package widgets

import "fyne.io/fyne/v2"

// Preference keys for the remembered window size.
const (
	prefWindowWidth  = "window.width"
	prefWindowHeight = "window.height"
)

// DefaultWindowSize is the size on first start.
var DefaultWindowSize = fyne.NewSize(1200, 780)

// RestoreWindowSize sizes the window as it was last closed, or at the
// default size the first time (or if what was remembered is implausible).
func RestoreWindowSize(p fyne.Preferences, w fyne.Window) {
	size := fyne.NewSize(float32(p.FloatWithFallback(prefWindowWidth, float64(DefaultWindowSize.Width))),
		float32(p.FloatWithFallback(prefWindowHeight, float64(DefaultWindowSize.Height))))
	if size.Width < 480 || size.Height < 360 {
		size = DefaultWindowSize
	}
	w.Resize(size)
}

// RememberWindowSize stores the window's size for next time.
func RememberWindowSize(p fyne.Preferences, w fyne.Window) {
	size := w.Canvas().Size()
	if size.Width < 480 || size.Height < 360 {
		return
	}
	p.SetFloat(prefWindowWidth, float64(size.Width))
	p.SetFloat(prefWindowHeight, float64(size.Height))
}
