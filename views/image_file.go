package views

import (
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"perinatal-caseload/letters"
)

// chooseImageFile lets the person pick a PNG or JPEG file over win. It
// reads one byte more than letters accept (letters.MaxImageBytes), so that
// a file too big is refused by the service rather than cut short, and
// passes the bytes to use; a file that cannot be read goes to fail.
// Cancelling does nothing.
func chooseImageFile(win fyne.Window, use func([]byte), fail func(error)) {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			fail(err)
			return
		}
		if rc == nil {
			return // cancelled
		}
		defer rc.Close()
		data, err := io.ReadAll(io.LimitReader(rc, letters.MaxImageBytes+1))
		if err != nil {
			fail(err)
			return
		}
		use(data)
	}, win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".png", ".jpg", ".jpeg"}))
	d.Show()
}
