package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage/repository"

	"perinatal-caseload/app"
)

// fileRepository is what Fyne's own repository of file: URIs does.
type fileRepository interface {
	repository.WritableRepository
	repository.AppendableRepository
	repository.ListableRepository
	repository.HierarchicalRepository
	repository.DeleteAllRepository
	repository.CopyableRepository
	repository.MovableRepository
}

// privateFiles is Fyne's file repository with one change: a file written
// through it (every file the file-save dialogs save: letter copies, print
// files, calendar files, audit CSVs) is a private file, as app.CreatePrivateFile
// makes it: mode 0600, never written through a symbolic link, and put in
// place whole when closed. The dialogs ask before an existing file is
// replaced, so replacing is allowed here.
type privateFiles struct{ fileRepository }

// UsePrivateFiles makes the running Fyne app write files privately (see
// privateFiles). Call it after the app is made: the driver registers its
// file repository then.
func UsePrivateFiles() {
	r, err := repository.ForScheme("file")
	if err != nil {
		return
	}
	if full, ok := r.(fileRepository); ok {
		repository.Register("file", privateFiles{full})
	}
}

// Writer starts writing the private file u.
func (p privateFiles) Writer(u fyne.URI) (fyne.URIWriteCloser, error) {
	f, err := app.CreatePrivateFile(u.Path(), true)
	if err != nil {
		return nil, err
	}
	return &privateWriter{PrivateFile: f, uri: u}, nil
}

// privateWriter is a private file being written; Close puts it in place.
type privateWriter struct {
	*app.PrivateFile
	uri fyne.URI
}

// Close writes the file to disc and puts it in place.
func (w *privateWriter) Close() error { return w.Commit() }

// URI is the file's URI.
func (w *privateWriter) URI() fyne.URI { return w.uri }
