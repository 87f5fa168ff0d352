package app

import (
	"errors"
	"testing"
	"time"

	"perinatal-caseload/models"
)

func TestAllocationKeepsItsHistoryAndChecksCapacity(t *testing.T) {
	w := newWorkflow(t)
	small := addStaff(t, w.s, "small", models.RoleKeyWorker)
	small.CaseloadCapacity = 1
	if err := w.s.Staff.Update(w.manager, small); err != nil {
		t.Fatal(err)
	}
	w.onCaseload(nil, small)
	second := w.onCaseload(nil, w.worker)
	w.clock.Advance(24 * time.Hour)
	var over *OverCapacityError
	if _, err := w.s.Allocations.Allocate(w.manager, second.ID, small.ID, "", false); !errors.As(err, &over) || over.Caseload != 1 || over.Capacity != 1 {
		t.Fatalf("allocating beyond capacity = %v; want the figures 1 of 1", err)
	}
	if _, err := w.s.Allocations.Allocate(w.manager, second.ID, small.ID, "She knows the family", true); err != nil {
		t.Fatal(err)
	}
	history, _ := w.s.Allocations.History(w.worker, second.ID)
	if len(history) != 2 || history[0].KeyWorkerID != w.worker.ID || history[0].EndedAt == nil ||
		history[1].KeyWorkerID != small.ID || history[1].EndedAt != nil || history[1].Reason != "She knows the family" ||
		history[1].AllocatedByID != w.manager.ID || !history[1].AllocatedAt.Equal(w.clock.Now()) {
		t.Errorf("allocation history = %+v", history)
	}
}

func TestClosingEndsTheAllocationTasksAndFutureAppointmentsAndStaysReadable(t *testing.T) {
	w := newWorkflow(t)
	r := w.onCaseload(nil, w.worker)
	task := &models.Task{ReferralID: r.ID, Title: "Ring the health visitor", AssigneeID: &w.worker.ID}
	if err := w.s.Tasks.Add(w.worker, task); err != nil {
		t.Fatal(err)
	}
	future := w.book(r.ID, models.KindKeyWorkerContact, testNow.Add(72*time.Hour), w.worker)
	w.clock.Advance(time.Hour)
	if err := w.s.Referrals.Close(w.worker, r.ID, w.referral(r.ID).Version, "nowhere"); !hasField(err, "Reason") {
		t.Errorf("closing with an unknown reason = %v", err)
	}
	if err := w.s.Referrals.Discharge(w.worker, r.ID, w.referral(r.ID).Version, movedAwayTo); err != nil {
		t.Fatal(err)
	}
	closed := w.referral(r.ID)
	if closed.Status != models.StatusClosed || closed.ClosureReason != "moved away" || closed.Patient.GivenName != "Zoë" {
		t.Errorf("the closed referral reads as %s, %q", closed.Status, closed.ClosureReason)
	}
	history, _ := w.s.Allocations.History(w.manager, r.ID)
	if len(history) != 1 || history[0].EndedAt == nil || !history[0].EndedAt.Equal(*closed.ClosedAt) {
		t.Errorf("allocation after closing = %+v", history)
	}
	var ended int64
	w.s.core.db.Table("audit_events").Where("entity = ? AND entity_id = ? AND detail = ?", "allocation", history[0].ID, "ended: referral closed: moved away").Count(&ended)
	if ended != 1 {
		t.Error("the end of the allocation was not audited")
	}
	if tasks := w.tasks(r.ID); len(tasks) != 1 || !tasks[0].Cancelled || tasks[0].CompletionNote != "referral closed: moved away" {
		t.Errorf("tasks after closing = %+v", tasks)
	}
	appointments, _ := w.s.Appointments.ForReferral(w.admin, r.ID)
	for _, a := range appointments {
		if a.ID == future.ID && (a.Attendance != models.AttendCancelledByService || a.CancelReason != "referral closed: moved away") {
			t.Errorf("the future appointment after closing = %s, %q", a.Attendance, a.CancelReason)
		}
	}
	caseload, _ := w.s.Caseload.Caseload(w.worker, CaseloadFilter{KeyWorkerID: w.worker.ID})
	if len(caseload) != 0 {
		t.Errorf("the closed referral is still on the caseload: %+v", caseload)
	}
}

func TestDischargedWithAdviceEndsTheEpisodeToo(t *testing.T) {
	w := newWorkflow(t)
	r := w.accept(func(r *models.Referral) { r.CurrentServices.PsychiatricInpatient = true })
	a := w.book(r.ID, models.KindInitialAssessment, testNow.Add(-time.Hour), w.doc)
	if err := w.s.Appointments.RecordAttendance(w.admin, a.ID, a.Version, models.AttendOnTime, "", ""); err != nil {
		t.Fatal(err)
	}
	if err := w.s.Referrals.RecordOutcome(w.doc, r.ID, w.referral(r.ID).Version, models.OutcomeDischarged, ""); err != nil {
		t.Fatal(err)
	}
	for _, task := range w.tasks(r.ID) {
		if task.Open() {
			t.Errorf("task %q is still open after discharge with advice", task.Title)
		}
	}
}

func TestReReferralShowsHerEarlierEpisodes(t *testing.T) {
	w := newWorkflow(t)
	first := w.onCaseload(nil, w.worker)
	if err := w.s.Referrals.Close(w.worker, first.ID, first.Version, "treatment complete"); err != nil {
		t.Fatal(err)
	}
	w.clock.Advance(30 * 24 * time.Hour)
	again := sampleReferral(*first.Patient.NHSNumber)
	again.ReceivedAt = w.clock.Now()
	register(t, w.s, w.admin, again)
	if again.PatientID != first.PatientID {
		t.Fatalf("the re-referral made a new patient")
	}
	episodes, err := w.s.Referrals.Episodes(w.worker, first.PatientID)
	if err != nil || len(episodes) != 2 {
		t.Fatalf("episodes = %+v, %v", episodes, err)
	}
	if episodes[0].ID != again.ID || episodes[1].ID != first.ID || episodes[1].ClosureReason != "treatment complete" ||
		episodes[1].ClosedAt == nil || episodes[1].AcceptedAt == nil || episodes[0].Status != models.StatusReceived {
		t.Errorf("episodes, newest first = %+v", episodes)
	}
}
