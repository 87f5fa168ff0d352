package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
)

func TestFitWindowSizeKeepsTheWindowOnTheScreen(t *testing.T) {
	for _, c := range []struct {
		name             string
		want, screen, is fyne.Size
	}{
		{"the default on a 1024×768 screen", DefaultWindowSize, fyne.NewSize(1024, 768), fyne.NewSize(1016, 728)},
		{"the default on a 1280×800 screen with a taskbar", DefaultWindowSize, fyne.NewSize(1280, 760), fyne.NewSize(1200, 720)},
		{"the default on a large screen", DefaultWindowSize, fyne.NewSize(1920, 1040), DefaultWindowSize},
		{"a remembered size from a bigger screen", fyne.NewSize(1900, 1000), fyne.NewSize(1366, 728), fyne.NewSize(1358, 688)},
		{"an unknown screen", DefaultWindowSize, fyne.NewSize(0, 0), DefaultWindowSize},
	} {
		if got := FitWindowSize(c.want, c.screen); got != c.is {
			t.Errorf("%s: FitWindowSize(%v, %v) = %v, want %v", c.name, c.want, c.screen, got, c.is)
		}
	}
}
