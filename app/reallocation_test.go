package app

import (
	"errors"
	"testing"

	"perinatal-caseload/models"
)

func TestReallocationNeedsAReasonAndKeepsIt(t *testing.T) {
	w := newWorkflow(t)
	other := addStaff(t, w.s, "other", models.RoleKeyWorker)
	r := w.onCaseload(nil, w.worker)

	var v *models.FieldError
	if _, err := w.s.Allocations.Reallocate(w.manager, r.ID, other.ID, "  ", false); !errors.As(err, &v) || v.Field != models.FieldMoveReason {
		t.Fatalf("reallocating without a reason = %v; want a Reason error", err)
	}
	if history, _ := w.s.Allocations.History(w.manager, r.ID); len(history) != 1 {
		t.Fatalf("a refused reallocation changed the history: %+v", history)
	}
	if _, err := w.s.Allocations.Reallocate(w.manager, r.ID, other.ID, "Her key worker is on long-term leave.", false); err != nil {
		t.Fatal(err)
	}
	history, _ := w.s.Allocations.History(w.manager, r.ID)
	if len(history) != 2 || history[1].KeyWorkerID != other.ID || history[1].Reason != "Her key worker is on long-term leave." {
		t.Errorf("history after reallocation = %+v", history)
	}
}
