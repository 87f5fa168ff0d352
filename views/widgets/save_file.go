package widgets

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// SaveFileFunc asks where to save data, suggesting name, and writes it
// there. done runs on the UI goroutine with the name saved under, or an
// error; it does not run if the person cancels. Screens hold one so tests
// can save without a file dialog.
type SaveFileFunc func(name string, data []byte, done func(saved string, err error))

// SaveWithDialog returns a SaveFileFunc that asks with a file dialog over
// win, offering files ending in ext (".ics", ".pdf").
func SaveWithDialog(win fyne.Window, ext string) SaveFileFunc {
	return func(name string, data []byte, done func(saved string, err error)) {
		d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
			if err == nil && w == nil {
				return // cancelled
			}
			if err == nil {
				_, err = w.Write(data)
				if cerr := w.Close(); err == nil {
					err = cerr
				}
			}
			if err != nil {
				done("", fmt.Errorf("the file was not saved: %w", err))
				return
			}
			done(w.URI().Name(), nil)
		}, win)
		d.SetFileName(name)
		d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
		// No Resize: in Fyne 2.8 resizing a file dialog before Show
		// dereferences its window, which is not made until Show.
		d.Show()
	}
}
