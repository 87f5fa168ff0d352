package app

import (
	"testing"
	"time"

	"perinatal-caseload/models"
)

// routine makes sampleReferral routine: no mood stabiliser.
func routine(r *models.Referral) { r.Medications = nil }

// TestQueuesPutUrgentFirst checks that every queue of the team lists an
// urgent referral before a routine one accepted or received earlier: the
// unallocated list, the referrals awaiting screening and the letters due.
func TestQueuesPutUrgentFirst(t *testing.T) {
	w := newWorkflow(t)
	older := w.accept(routine)
	w.clock.Advance(24 * time.Hour)
	urgent := w.accept(nil)
	if older.Priority != models.PriorityRoutine || urgent.Priority != models.PriorityUrgent {
		t.Fatalf("priorities %s and %s; want routine then urgent", older.Priority, urgent.Priority)
	}

	unallocated, err := w.s.Caseload.Unallocated(w.admin, 0, 10)
	if err != nil || len(unallocated) != 2 || unallocated[0].ID != urgent.ID {
		t.Errorf("unallocated %v, %v; want the urgent referral %d first", unallocated, err, urgent.ID)
	}

	lists, err := w.s.Clocks.DueLetters(w.admin, w.s.Today(), 0)
	if err != nil {
		t.Fatal(err)
	}
	var due []DueLetterRow
	for _, band := range [][]DueLetterRow{lists.Overdue, lists.DueSoon, lists.Due} {
		if len(band) > 0 {
			due = band
		}
	}
	if len(due) != 2 || due[0].ReferralID != urgent.ID {
		t.Errorf("letters due %+v; want the urgent referral %d first", due, urgent.ID)
	}
	page, err := w.s.Clocks.DueLetterPage(w.admin, w.s.Today(), due[0].Band, 0, 10)
	if err != nil || len(page) != 2 || page[0].ReferralID != urgent.ID {
		t.Errorf("a page of letters due %+v, %v; want the urgent referral first", page, err)
	}

	first := sampleReferral(testNHSNumber(90))
	routine(first)
	if err := w.s.Referrals.Register(w.admin, first); err != nil {
		t.Fatal(err)
	}
	w.clock.Advance(time.Hour)
	second := sampleReferral(testNHSNumber(91))
	second.ReceivedAt = first.ReceivedAt.Add(time.Hour)
	if err := w.s.Referrals.Register(w.admin, second); err != nil {
		t.Fatal(err)
	}
	awaiting, err := w.s.Referrals.Page(w.admin, ReferralFilter{Status: models.StatusReceived}, 0, 10)
	if err != nil || len(awaiting) != 2 || awaiting[0].ID != second.ID {
		t.Errorf("awaiting screening %+v, %v; want the urgent referral %d first", awaiting, err, second.ID)
	}
}
