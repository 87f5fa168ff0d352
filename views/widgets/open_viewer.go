package widgets

import (
	"errors"
	"net/url"
	"os/exec"
	"runtime"
	"time"

	"fyne.io/fyne/v2"
)

// viewerWait is how long openInViewer waits to hear that no viewer could
// be started; a launcher still running then is taken to have opened one.
const viewerWait = 4 * time.Second

// errNoViewer is the failure when the desktop has no program for PDFs.
var errNoViewer = errors.New("this computer has no program set up to open PDF files")

// openInViewer opens a file:// URL in the desktop's program for it. On
// Linux Fyne only starts xdg-open and never hears whether a viewer opened,
// so this waits for xdg-open's answer: it exits non-zero when it finds no
// program. Elsewhere it asks Fyne.
func openInViewer(u *url.URL) error {
	if runtime.GOOS != "linux" {
		return fyne.CurrentApp().OpenURL(u)
	}
	cmd := exec.Command("xdg-open", u.String())
	if err := cmd.Start(); err != nil {
		return errNoViewer
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			return errNoViewer
		}
		return nil
	case <-time.After(viewerWait):
		return nil // still starting the viewer; it is reaped when it exits
	}
}
