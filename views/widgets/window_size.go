package widgets

import "fyne.io/fyne/v2"

// Preference keys for the remembered window size.
const (
	prefWindowWidth  = "window.width"
	prefWindowHeight = "window.height"
)

// DefaultWindowSize is the size on first start, on a screen big enough.
var DefaultWindowSize = fyne.NewSize(1200, 780)

// SmallestWindowSize is the smallest window the screens are laid out to
// work in: the 1024×768 screen of an older office PC, less its taskbar
// and the window's title bar.
var SmallestWindowSize = fyne.NewSize(1016, 700)

// windowFrame is the room the window manager's frame (title bar and
// borders) takes outside the window's content.
var windowFrame = fyne.NewSize(8, 40)

// RestoreWindowSize sizes the window as it was last closed, or at the
// default size the first time (or if what was remembered is implausible).
// The size is fitted to the screen later, by FitWindow, once the screen
// is known.
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

// FitWindowSize returns the window size to use for a window that would be
// want, on a screen whose usable area (without taskbars) is screen: want,
// made no wider or taller than the screen leaves once the window's frame
// is allowed for. A zero screen means it is not known, and want is kept.
func FitWindowSize(want, screen fyne.Size) fyne.Size {
	if screen.Width <= 0 || screen.Height <= 0 {
		return want
	}
	room := fyne.NewSize(max(screen.Width-windowFrame.Width, 1), max(screen.Height-windowFrame.Height, 1))
	return fyne.NewSize(min(want.Width, room.Width), min(want.Height, room.Height))
}

// FitWindow makes w fit on a screen whose usable area is pixels wide and
// high, and centres it there. It must run once the window's scale is
// known, which it is when the application has started.
func FitWindow(w fyne.Window, width, height int) {
	scale := w.Canvas().Scale()
	if scale <= 0 {
		scale = 1
	}
	screen := fyne.NewSize(float32(width)/scale, float32(height)/scale)
	w.Resize(FitWindowSize(w.Canvas().Size(), screen))
	w.CenterOnScreen()
}
