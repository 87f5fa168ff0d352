package app

import (
	"errors"
	"testing"
	"time"

	"perinatal-caseload/models"
)

// A stale edit is told that it is stale, naming who changed the record and
// when, even where the record's new state would also refuse it: the
// version is checked before any rule about the state.
func TestAStaleEditIsAConflictBeforeAnyStateRule(t *testing.T) {
	signpost := Decision{Outcome: models.DecisionSignpost, Priority: models.PriorityRoutine, Reason: "Already well supported by her CMHT"}
	accept := Decision{Outcome: models.DecisionAccept, Priority: models.PriorityUrgent}
	cases := []struct {
		name string
		// prepare makes the record and returns the version both read; act
		// changes it as actor (first: the change that wins).
		prepare func(w *workflow) (id uint, read int)
		act     func(w *workflow, actor *models.StaffMember, id uint, read int, first bool) error
	}{
		{"screening decision", func(w *workflow) (uint, int) {
			r := sampleReferral(testNHSNumber(1))
			if err := w.s.Referrals.Register(w.admin, r); err != nil {
				t.Fatal(err)
			}
			return r.ID, r.Version
		}, func(w *workflow, actor *models.StaffMember, id uint, read int, first bool) error {
			if first {
				return w.s.Referrals.Decide(actor, id, read, signpost)
			}
			return w.s.Referrals.Decide(actor, id, read, accept)
		}},
		{"closing a referral", func(w *workflow) (uint, int) {
			r := w.accept(nil)
			return r.ID, r.Version
		}, func(w *workflow, actor *models.StaffMember, id uint, read int, _ bool) error {
			return w.s.Referrals.Discharge(actor, id, read, movedAwayTo)
		}},
		{"completing a task", func(w *workflow) (uint, int) {
			task := &models.Task{ReferralID: w.accept(nil).ID, Title: "Ring the health visitor"}
			if err := w.s.Tasks.Add(w.doc, task); err != nil {
				t.Fatal(err)
			}
			return task.ID, task.Version
		}, func(w *workflow, actor *models.StaffMember, id uint, read int, _ bool) error {
			return w.s.Tasks.Complete(actor, id, read, "")
		}},
		{"cancelling an appointment", func(w *workflow) (uint, int) {
			a := w.book(w.accept(nil).ID, models.KindInitialAssessment, w.clock.Now().Add(48*time.Hour), w.doc)
			return a.ID, a.Version
		}, func(w *workflow, actor *models.StaffMember, id uint, read int, _ bool) error {
			return w.s.Appointments.Cancel(actor, id, read, true, "Her partner", "Unwell")
		}},
		{"deactivating a colleague", func(w *workflow) (uint, int) {
			m := addStaff(t, w.s, "leaver", models.RoleKeyWorker)
			return m.ID, m.Version
		}, func(w *workflow, actor *models.StaffMember, id uint, read int, _ bool) error {
			return w.s.Staff.Deactivate(actor, id, read, true)
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := newWorkflow(t)
			other := addStaff(t, w.s, "other", models.RoleManager, models.RoleClinician, models.RoleAdministrator)
			id, read := c.prepare(w)
			w.clock.Advance(time.Hour)
			if err := c.act(w, w.manager, id, read, true); err != nil {
				// the manager is not a clinician: let the clinician decide
				if err = c.act(w, w.doc, id, read, true); err != nil {
					t.Fatalf("first change: %v", err)
				}
			}
			err := c.act(w, other, id, read, false)
			var conflict *ConflictError
			if !errors.As(err, &conflict) {
				t.Fatalf("stale change = %v, want the conflict error", err)
			}
			if conflict.ChangedBy != w.manager.Name && conflict.ChangedBy != w.doc.Name {
				t.Errorf("the conflict names %q, want whoever made the first change", conflict.ChangedBy)
			}
			if !conflict.ChangedAt.Equal(w.clock.Now()) {
				t.Errorf("the conflict says the change was at %v, want %v", conflict.ChangedAt, w.clock.Now())
			}
		})
	}
}
