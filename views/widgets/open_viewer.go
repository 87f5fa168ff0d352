package widgets

import (
	"errors"
	"net/url"
	"os/exec"
	"runtime"
	"strings"
	"time"

	"fyne.io/fyne/v2"
)

// viewerWait is how long openInViewer waits to hear that no viewer could
// be started; a launcher still running then is taken to have opened one.
const viewerWait = 4 * time.Second

// errNoViewer is the failure when the desktop has no program for PDFs.
var errNoViewer = errors.New("this computer has no program set up to open PDF files")

// openInViewer opens a file:// URL in the desktop's program for it (see
// viewerCommand). On Linux Fyne only starts xdg-open and never hears
// whether a viewer opened, so this waits for the launcher's answer: it
// exits non-zero when it finds no program. Elsewhere it asks Fyne.
func openInViewer(u *url.URL) error {
	name, args := viewerCommand(runtime.GOOS, u)
	if name == "" {
		return fyne.CurrentApp().OpenURL(u)
	}
	cmd := exec.Command(name, args...)
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

// viewerCommand returns the program, and its arguments, that opens the
// file u in the default viewer on the system goos, or "" to leave it to
// Fyne. On Windows it hands the file's own path (C:\…\letter.pdf, not a
// URL with %20 for spaces) to the shell's file handler, as Explorer does
// on a double-click; unlike `cmd /c start`, nothing in a file name (an
// ampersand, say) can be read as a command.
func viewerCommand(goos string, u *url.URL) (string, []string) {
	switch goos {
	case "linux", "freebsd", "openbsd", "netbsd":
		return "xdg-open", []string{u.String()}
	case "windows":
		return "rundll32", []string{"url.dll,FileProtocolHandler", windowsPath(u)}
	}
	return "", nil
}

// windowsPath turns a file:// URL (file:///C:/Users/…) into a Windows path
// (C:\Users\…); a URL with a host names a network share (\\host\share\…).
func windowsPath(u *url.URL) string {
	p := strings.TrimPrefix(u.Path, "/")
	if u.Host != "" {
		p = `\\` + u.Host + `\` + p
	}
	return strings.ReplaceAll(p, "/", `\`)
}
