package app

import (
	"testing"
	"time"

	"perinatal-caseload/models"
)

func TestEarlierIssueNamesThePackIssuedBefore(t *testing.T) {
	w := newWorkflow(t)
	r := w.accept(nil)
	if got, err := w.s.Letters.EarlierIssue(w.admin, r.ID, ""); err != nil || got != nil {
		t.Fatalf("before any issue: %+v, %v; want none", got, err)
	}
	first, err := w.s.Letters.IssuePack(w.admin, r.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	w.clock.Advance(2 * time.Hour)
	got, err := w.s.Letters.EarlierIssue(w.admin, r.ID, "")
	if err != nil || got == nil {
		t.Fatalf("after an issue: %+v, %v", got, err)
	}
	if got.PackID != first[0].PackID || got.Kind != models.LetterAcceptance || !got.IssuedAt.Equal(testNow) ||
		got.ByName != w.admin.Name || got.Letters != len(first) {
		t.Errorf("earlier issue = %+v; want the pack of %d issued by %s at %s", got, len(first), w.admin.Name, testNow)
	}
	want := "The referral accepted letters were already issued by Test admin at 10:00 on 23/11/2026 (2 letters). Issue them again?"
	if got.Warning() != want {
		t.Errorf("warning %q\nwant    %q", got.Warning(), want)
	}
	// Another kind has not been issued; a second issue becomes the latest.
	if other, _ := w.s.Letters.EarlierIssue(w.admin, r.ID, models.LetterNotAccepted); other != nil {
		t.Errorf("a not-accepted pack was never issued, but %+v is reported", other)
	}
	second, err := w.s.Letters.IssuePack(w.manager, r.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := w.s.Letters.EarlierIssue(w.worker, r.ID, models.LetterAcceptance); got == nil || got.PackID != second[0].PackID || got.ByName != w.manager.Name {
		t.Errorf("after the second issue: %+v", got)
	}
}
