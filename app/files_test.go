package app

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestPrivateFilesAre0600AndNeverFollowALinkOrOverwriteUnasked(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "letter.pdf")
	if err := WritePrivateFile(path, []byte("one"), false); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("mode = %o, want 600", info.Mode().Perm())
	}
	if err := WritePrivateFile(path, []byte("two"), false); !errors.Is(err, ErrFileExists) {
		t.Errorf("writing over an existing file unasked = %v, want ErrFileExists", err)
	}
	// An existing file readable by others is replaced by a private one.
	os.Chmod(path, 0o644)
	if err := WritePrivateFile(path, []byte("three"), true); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "three" {
		t.Errorf("content = %q", b)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("mode after replacing = %o, want 600", info.Mode().Perm())
	}

	// A symbolic link in the folder, pointing at a file elsewhere.
	victim := filepath.Join(t.TempDir(), "victim")
	os.WriteFile(victim, []byte("keep me"), 0o644)
	link := filepath.Join(dir, "link.pdf")
	if err := os.Symlink(victim, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	dangling := filepath.Join(dir, "dangling.pdf")
	nowhere := filepath.Join(t.TempDir(), "new-file")
	os.Symlink(nowhere, dangling)
	for _, overwrite := range []bool{false, true} {
		for _, target := range []string{link, dangling} {
			WritePrivateFile(target, []byte("secret"), overwrite)
		}
	}
	if b, _ := os.ReadFile(victim); string(b) != "keep me" {
		t.Errorf("the link's target was written: %q", b)
	}
	if info, _ := os.Stat(victim); info.Mode().Perm() != 0o644 {
		t.Errorf("the link's target changed mode: %o", info.Mode().Perm())
	}
	if _, err := os.Stat(nowhere); err == nil {
		t.Error("a file was created through a dangling link")
	}
	if err := WritePrivateFile(dir, []byte("x"), true); err == nil {
		t.Error("a folder was overwritten")
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
