package app

import (
	"errors"
	"testing"

	"perinatal-caseload/models"
)

func TestDeactivatingAndReactivatingStaff(t *testing.T) {
	w := newWorkflow(t)
	if err := w.s.Staff.Deactivate(w.manager, w.manager.ID, w.manager.Version, true); !hasField(err, "Active") {
		t.Errorf("deactivating yourself = %v", err)
	}
	r := w.onCaseload(nil, w.worker)
	var holds *StillHoldsWorkError
	if err := w.s.Staff.Deactivate(w.manager, w.worker.ID, w.worker.Version, false); !errors.As(err, &holds) || holds.Women != 1 {
		t.Fatalf("deactivating a key worker with a caseload = %v; want the figures", err)
	}
	if err := w.s.Staff.Deactivate(w.manager, w.worker.ID, w.worker.Version, true); err != nil {
		t.Fatal(err)
	}
	if _, err := w.s.Auth.SignIn("worker", "correct horse battery"); !errors.Is(err, ErrBadCredentials) {
		t.Errorf("an inactive account signed in: %v", err)
	}
	if _, err := w.s.Allocations.Allocate(w.manager, w.accept(nil).ID, w.worker.ID, "", true); !hasField(err, "Key worker") {
		t.Errorf("allocating to an inactive worker = %v", err)
	}
	if err := w.s.Tasks.Add(w.doc, &models.Task{ReferralID: r.ID, Title: "Call", AssigneeID: &w.worker.ID}); !hasField(err, "Assigned to") {
		t.Errorf("a task for an inactive worker = %v", err)
	}
	if err := w.s.Staff.Deactivate(w.manager, w.worker.ID, w.worker.Version+1, true); !hasField(err, "Active") {
		t.Errorf("deactivating twice = %v", err)
	}
	if err := w.s.Staff.Reactivate(w.manager, w.worker.ID, w.worker.Version); !isConflict(err) {
		t.Errorf("reactivating with a stale version = %v", err)
	}
	if err := w.s.Staff.Reactivate(w.manager, w.worker.ID, w.worker.Version+1); err != nil {
		t.Fatal(err)
	}
	if _, err := w.s.Auth.SignIn("worker", "correct horse battery"); err != nil {
		t.Errorf("a reactivated account cannot sign in: %v", err)
	}
	var events []string
	w.s.core.db.Table("audit_events").Where("entity = ? AND entity_id = ? AND action = ?", "staff", w.worker.ID, ActionUpdate).Order("id").Pluck("detail", &events)
	if len(events) != 2 || events[0] != "deactivated" || events[1] != "reactivated" {
		t.Errorf("audited staff changes = %q", events)
	}
}

func TestTeamScreenUpdatesKeepTheTeamManageable(t *testing.T) {
	w := newWorkflow(t)
	m, _ := w.s.Staff.Get(w.worker.ID)
	m.JobTitle, m.WorkingFraction, m.CaseloadCapacity, m.Active = "Community mental health nurse", 0.8, 18, false
	m.SetRoles(models.RoleKeyWorker, models.RoleClinician)
	if err := w.s.Staff.Update(w.manager, m); err != nil {
		t.Fatal(err)
	}
	got, _ := w.s.Staff.Get(w.worker.ID)
	if got.JobTitle != "Community mental health nurse" || got.WorkingFraction != 0.8 || got.CaseloadCapacity != 18 || !got.HasRole(models.RoleClinician) || !got.Active {
		t.Errorf("after update = %+v; Active must change only through Deactivate", got)
	}
	got.Username = "doc"
	if err := w.s.Staff.Update(w.manager, got); !hasField(err, "Username") {
		t.Errorf("taking another's username = %v", err)
	}
	boss, _ := w.s.Staff.Get(w.manager.ID)
	boss.SetRoles(models.RoleClinician)
	if err := w.s.Staff.Update(w.manager, boss); !hasField(err, "Roles") {
		t.Errorf("the only team manager dropping the role = %v", err)
	}
	system, _ := w.s.Staff.SystemUser()
	system.JobTitle = "Changed"
	if err := w.s.Staff.Update(w.manager, system); err == nil {
		t.Error("the system user was edited")
	}
}
