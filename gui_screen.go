package main

import "github.com/go-gl/glfw/v3.4/glfw"

// screenArea returns the usable area of the main screen, in pixels: the
// screen less its taskbars and docks. Fyne has no call for this, so it
// asks GLFW, which Fyne's desktop driver has already started; it must run
// on the main goroutine once the application has started. ok is false if
// no screen is known.
func screenArea() (width, height int, ok bool) {
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return 0, 0, false
	}
	_, _, width, height = m.GetWorkarea()
	return width, height, width > 0 && height > 0
}
