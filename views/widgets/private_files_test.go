package widgets

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
)

func TestFilesSavedThroughFyneArePrivateAndNeverFollowALink(t *testing.T) {
	test.NewTempApp(t)
	UsePrivateFiles()
	dir := t.TempDir()
	victim := filepath.Join(t.TempDir(), "victim.ics")
	os.WriteFile(victim, []byte("keep me"), 0o644)
	link := filepath.Join(dir, "appointment.ics")
	if err := os.Symlink(victim, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	plain := filepath.Join(dir, "audit.csv")
	os.WriteFile(plain, []byte("old"), 0o644)
	for _, path := range []string{link, plain, filepath.Join(dir, "new.pdf")} {
		w, err := storage.Writer(storage.NewFileURI(path))
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte("saved"))
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		info, err := os.Lstat(path)
		if err != nil || !info.Mode().IsRegular() || info.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v, %v; want a regular file with mode 0600", filepath.Base(path), info, err)
		}
		if b, _ := os.ReadFile(path); string(b) != "saved" {
			t.Errorf("%s holds %q", filepath.Base(path), b)
		}
	}
	if b, _ := os.ReadFile(victim); string(b) != "keep me" {
		t.Error("a save followed a symbolic link")
	}
}
