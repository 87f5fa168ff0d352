package views

import (
	"errors"
	"net/url"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestLetterOpenSaysWhenNoViewerOpenedAndOffersACopy(t *testing.T) {
	e, admin, _, r := newAcceptedCase(t)
	if _, err := e.svc.Letters.IssuePack(admin, r.ID, ""); err != nil {
		t.Fatal(err)
	}
	s, w, _ := e.lettersScreen(admin)
	s.Files.Opener = func(*url.URL) error { return errors.New("this computer has no program set up to open PDF files") }
	s.List.Select(0)
	test.Tap(s.Open)
	if strings.Contains(s.Message.Text, "is open in your PDF viewer") || !strings.Contains(s.Message.Text, "could not be opened") {
		t.Fatalf("the message after a failed open is %q", s.Message.Text)
	}
	if !drawn(w, "The PDF viewer did not open") || !drawn(w, "Save a copy…") {
		t.Fatal("no copy was offered when the viewer did not open")
	}
}
