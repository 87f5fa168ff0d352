//go:build !windows

package app

// RestrictToOwner makes the file or folder at path private to its owner.
// Elsewhere than Windows the mode bits do that (0600 for files, 0700 for
// folders), and every caller already creates the file with them, so there
// is nothing more to do.
func RestrictToOwner(path string) error { return nil }
