package widgets

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"perinatal-caseload/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// letterTempPrefix starts the name of the private folders that hold PDFs
// while the system's viewer shows them.
const letterTempPrefix = "caseload-letters-"

// staleLetterFolders is how old a folder left by an earlier run must be
// before it is removed.
const staleLetterFolders = 24 * time.Hour

// LetterFiles hands PDFs to the system: it opens them in the system's PDF
// viewer and saves copies where the person chooses. A letter opened for
// viewing is written to a private temporary folder (readable only by this
// user, files 0600), because viewers need a file; Cleanup removes it.
type LetterFiles struct {
	// Opener opens a file:// URL in the system's viewer and reports when
	// none opened (see openInViewer); tests replace it so nothing is
	// launched.
	Opener func(u *url.URL) error

	win fyne.Window
	mu  sync.Mutex // guards dir: letters may be opened from several goroutines
	dir string
}

// NewLetterFiles returns the PDF helper for dialogs on win.
func NewLetterFiles(win fyne.Window) *LetterFiles {
	return &LetterFiles{win: win, Opener: openInViewer}
}

// Show writes pdf to a new private file, named after name, and opens it in
// the system's viewer. It is safe to call off the UI goroutine.
func (f *LetterFiles) Show(name string, pdf []byte) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.dir == "" {
		removeStaleLetterFolders()
		dir, err := os.MkdirTemp("", letterTempPrefix)
		if err != nil {
			return fmt.Errorf("cannot make a private folder to show the letter in: %w", err)
		}
		if err := app.RestrictToOwner(dir); err != nil { // Windows ignores MkdirTemp's 0700
			os.Remove(dir)
			return fmt.Errorf("cannot make a private folder to show the letter in: %w", err)
		}
		f.dir = dir
	}
	file, err := os.CreateTemp(f.dir, strings.TrimSuffix(name, ".pdf")+"-*.pdf") // 0600
	if err != nil {
		return fmt.Errorf("cannot write the letter to show it: %w", err)
	}
	if _, err = file.Write(pdf); err == nil {
		err = file.Sync()
	}
	if cerr := file.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(file.Name())
		return fmt.Errorf("cannot write the letter to show it: %w", err)
	}
	u, err := url.Parse(storage.NewFileURI(file.Name()).String())
	if err != nil {
		return err
	}
	if err := f.Opener(u); err != nil {
		return fmt.Errorf("the PDF viewer could not be opened: %w; save a copy and open it yourself", err)
	}
	return nil
}

// SaveAs asks where to save pdf, suggesting name, and writes it there.
// done runs on the UI goroutine with the file's name, or an error; it does
// not run if the person cancels.
func (f *LetterFiles) SaveAs(name string, pdf []byte, done func(saved string, err error)) {
	SaveWithDialog(f.win, ".pdf")(name, pdf, done)
}

// OfferSave says, in the sentence why, that the PDF viewer did not open
// pdf, and offers to save a copy instead; done is as for SaveAs.
func (f *LetterFiles) OfferSave(name string, pdf []byte, why string, done func(saved string, err error)) {
	d := dialog.NewConfirm("The PDF viewer did not open", why, func(save bool) {
		if save {
			f.SaveAs(name, pdf, done)
		}
	}, f.win)
	d.SetConfirmText("Save a copy…")
	d.SetDismissText("Close")
	ShowDialog(f.win, d, nil)
}

// Cleanup removes the letters written for viewing. A viewer that still has
// one open may keep it (Windows) or keep showing it (elsewhere).
func (f *LetterFiles) Cleanup() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.dir != "" {
		os.RemoveAll(f.dir)
		f.dir = ""
	}
}

// removeStaleLetterFolders removes this user's viewing folders left by runs
// that ended without cleaning up (a crash, a power cut), so patients'
// letters do not linger in the temporary folder. Others' folders cannot be
// removed and are left alone.
func removeStaleLetterFolders() {
	old, _ := filepath.Glob(filepath.Join(os.TempDir(), letterTempPrefix+"*"))
	for _, dir := range old {
		if info, err := os.Stat(dir); err == nil && info.IsDir() && time.Since(info.ModTime()) > staleLetterFolders {
			os.RemoveAll(dir)
		}
	}
}
