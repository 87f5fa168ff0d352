package app

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Every file the program writes for people (letters, print files, calendar
// files, CSV exports, backups) goes through CreatePrivateFile or
// WritePrivateFile, so that each is:
//
//   - private: mode 0600, readable only by the person who wrote it, whatever
//     an existing file's mode was (on Windows, an access list with that
//     person alone: see RestrictToOwner);
//   - never written through a symbolic link: the content goes to a new
//     temporary file beside the target, which is then linked or renamed into
//     place, and a rename replaces a link itself, never the file it points at;
//   - never over an existing file unless the caller says so (the GUI asks,
//     the command line needs --force);
//   - whole: a file cut off half way (a full disc, a crash) is never left
//     under the target's name.

// ErrFileExists is returned when the file to write already exists and
// overwriting was not asked for.
var ErrFileExists = errors.New("a file of that name already exists; choose another name, or allow it to be replaced (--force on the command line)")

// PrivateFile is a file being written for CreatePrivateFile. Write to it,
// then Commit to put it in place, or Abort to throw it away.
type PrivateFile struct {
	*os.File
	target    string
	overwrite bool
	done      bool
}

// CreatePrivateFile starts writing the private file path (see above). With
// overwrite false it returns ErrFileExists at once when path exists, and
// again at Commit if path has appeared meanwhile.
func CreatePrivateFile(path string, overwrite bool) (*PrivateFile, error) {
	if err := checkTarget(path, overwrite); err != nil {
		return nil, err
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".part-*") // 0600, O_EXCL
	if err != nil {
		return nil, fmt.Errorf("cannot write in the folder %s: %w", dir, err)
	}
	if err := RestrictToOwner(f.Name()); err != nil { // Windows ignores the mode
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	return &PrivateFile{File: f, target: path, overwrite: overwrite}, nil
}

// checkTarget refuses a target that exists (unless overwrite) or that is
// a folder.
func checkTarget(path string, overwrite bool) error {
	info, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("cannot check %s: %w", path, err)
	case info.IsDir():
		return fmt.Errorf("%s is a folder; name a file", path)
	case !overwrite:
		return fmt.Errorf("%s: %w", path, ErrFileExists)
	}
	return nil
}

// Commit writes the file to disc and puts it in place under its name.
func (f *PrivateFile) Commit() error {
	if f.done {
		return errors.New("the file was already finished")
	}
	f.done = true
	tmp := f.Name()
	err := f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = place(tmp, f.target, f.overwrite)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("cannot write %s: %w", f.target, err)
	}
	return nil
}

// Abort throws the unfinished file away. It does nothing after Commit.
func (f *PrivateFile) Abort() {
	if f.done {
		return
	}
	f.done = true
	f.Close()
	os.Remove(f.Name())
}

// place moves the finished file tmp to target. Without overwrite, a hard
// link puts it there only if nothing has that name (not even a symbolic
// link); where the file system has no hard links, a new file opened with
// O_EXCL (which never follows a link) takes a copy.
func place(tmp, target string, overwrite bool) error {
	if err := checkTarget(target, overwrite); err != nil {
		return err
	}
	if overwrite {
		return os.Rename(tmp, target)
	}
	err := os.Link(tmp, target)
	if errors.Is(err, fs.ErrExist) {
		return ErrFileExists
	}
	if err == nil {
		return os.Remove(tmp)
	}
	return copyExclusive(tmp, target)
}

// copyExclusive copies tmp into the new file target, and removes tmp.
func copyExclusive(tmp, target string) error {
	src, err := os.Open(tmp)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.OpenFile(target, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return ErrFileExists
	}
	if err != nil {
		return err
	}
	err = RestrictToOwner(target)
	if err == nil {
		_, err = io.Copy(dst, src)
	}
	if err == nil {
		err = dst.Sync()
	}
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(target)
		return err
	}
	return os.Remove(tmp)
}

// WritePrivateFile writes data to the private file path (see
// CreatePrivateFile).
func WritePrivateFile(path string, data []byte, overwrite bool) error {
	f, err := CreatePrivateFile(path, overwrite)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Abort()
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	return f.Commit()
}
