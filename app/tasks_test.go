package app

import (
	"errors"
	"strings"
	"testing"
	"time"

	"perinatal-caseload/models"
)

// Hazard: HAZ-017.
func TestMissedAppointmentMakesAFollowUpTaskForHerKeyWorker(t *testing.T) {
	w := newWorkflow(t)
	r := w.onCaseload(nil, w.worker)
	contact := w.book(r.ID, models.KindKeyWorkerContact, testNow.Add(-2*time.Hour), w.doc)
	if err := w.s.Appointments.RecordAttendance(w.admin, contact.ID, contact.Version, models.AttendDNA, "", ""); err != nil {
		t.Fatal(err)
	}
	tasks := w.tasks(r.ID)
	if len(tasks) != 1 {
		t.Fatalf("%d tasks after a missed appointment, want 1", len(tasks))
	}
	task := tasks[0]
	today := models.LondonDate(testNow) // Monday 23 November 2026
	if task.Kind != models.TaskMissedFollowUp || task.AssigneeID == nil || *task.AssigneeID != w.worker.ID ||
		task.AppointmentID == nil || *task.AppointmentID != contact.ID || task.DueDate != models.AddWorkingDays(today, 2) ||
		!strings.Contains(task.Title, "rebook, or decide to discharge") || task.AssigneeName != w.worker.Name {
		t.Errorf("follow-up task = %+v", task)
	}
	var created int64
	w.s.core.db.Table("audit_events").Where("entity = ? AND entity_id = ? AND action = ?", "task", task.ID, ActionCreate).Count(&created)
	if created != 1 {
		t.Error("the task's creation was not audited")
	}

	// Changing DNA to "late and not seen" is still one missed appointment.
	contact.Version++
	if err := w.s.Appointments.RecordAttendance(w.admin, contact.ID, contact.Version, models.AttendLateNotSeen, "", ""); err != nil {
		t.Fatal(err)
	}
	if n := len(w.tasks(r.ID)); n != 1 {
		t.Errorf("%d tasks after correcting one missed code to another, want 1", n)
	}
	// Correcting it to "attended" cancels the follow-up.
	contact.Version++
	if err := w.s.Appointments.RecordAttendance(w.admin, contact.ID, contact.Version, models.AttendOnTime, "", ""); err != nil {
		t.Fatal(err)
	}
	if got := w.tasks(r.ID)[0]; got.Open() || !got.Cancelled {
		t.Errorf("after correcting to attended the follow-up is %+v; want it cancelled", got)
	}
}

// Hazard: HAZ-017.
func TestMissedAssessmentGoesToTheClinicianAndPutsHerBackToBook(t *testing.T) {
	w := newWorkflow(t)
	r := w.accept(nil)
	a := w.book(r.ID, models.KindInitialAssessment, testNow.Add(-time.Hour), w.doc)
	if got := w.referral(r.ID).Status; got != models.StatusAssessmentBooked {
		t.Fatalf("status after booking = %s", got)
	}
	if err := w.s.Appointments.RecordAttendance(w.admin, a.ID, a.Version, models.AttendDNA, "", ""); err != nil {
		t.Fatal(err)
	}
	tasks := w.tasks(r.ID)
	if len(tasks) != 1 || tasks[0].AssigneeID == nil || *tasks[0].AssigneeID != w.doc.ID {
		t.Fatalf("with no key worker the follow-up should go to the clinician: %+v", tasks)
	}
	if got := w.referral(r.ID).Status; got != models.StatusAccepted {
		t.Errorf("after a missed assessment the referral is %s; want accepted, to book again", got)
	}
}

func TestAcceptingAnInpatientOrMBUReferralMakesTasksThatFollowTheKeyWorker(t *testing.T) {
	w := newWorkflow(t)
	second := addStaff(t, w.s, "worker2", models.RoleKeyWorker)
	discharge := models.NewDate(2026, 12, 14)
	r := w.accept(func(r *models.Referral) {
		r.CurrentServices = models.CurrentServices{PsychiatricInpatient: true, Ward: "Ward 3", MBUAdmission: true, MBUExpectedDischarge: discharge}
	})
	tasks := w.tasks(r.ID)
	if len(tasks) != 2 {
		t.Fatalf("%d tasks on accepting an inpatient in an MBU, want 2: %+v", len(tasks), tasks)
	}
	byKind := map[models.TaskKind]TaskRow{}
	for _, task := range tasks {
		byKind[task.Kind] = task
		if task.AssigneeID != nil {
			t.Errorf("%s is assigned before she has a key worker", task.Kind)
		}
	}
	today := models.LondonDate(testNow)
	if in := byKind[models.TaskInpatientVisit]; in.Title != "See during the inpatient admission" || in.DueDate != today.AddDays(7) {
		t.Errorf("inpatient task = %+v", in)
	}
	if mbu := byKind[models.TaskMBUDischarge]; mbu.Title != "See on discharge from the mother and baby unit" || mbu.DueDate != discharge {
		t.Errorf("MBU task = %+v", mbu)
	}
	unassigned, err := w.s.Tasks.ForAssignee(w.manager, 0, false)
	if err != nil || len(unassigned) != 2 {
		t.Fatalf("unassigned list = %d rows, %v", len(unassigned), err)
	}

	if _, err := w.s.Allocations.Allocate(w.manager, r.ID, w.worker.ID, "", true); err != nil {
		t.Fatal(err)
	}
	mine, _ := w.s.Tasks.ForAssignee(w.worker, w.worker.ID, false)
	if len(mine) != 2 {
		t.Fatalf("the key worker holds %d tasks after allocation, want 2", len(mine))
	}
	if _, err := w.s.Allocations.Allocate(w.manager, r.ID, second.ID, "Balancing caseloads", true); err != nil {
		t.Fatal(err)
	}
	if mine, _ := w.s.Tasks.ForAssignee(w.worker, w.worker.ID, false); len(mine) != 0 {
		t.Errorf("the previous key worker still holds %d tasks", len(mine))
	}
	history, _ := w.s.Tasks.History(w.worker, byKind[models.TaskInpatientVisit].ID)
	if len(history) != 3 || !strings.Contains(history[2].Detail, second.Name) {
		t.Errorf("task history = %+v; want creation and two hand-overs", history)
	}

	// Registration alone makes no task: the team has not taken her on yet.
	before := countRows(t, w.s, "tasks")
	inpatient := sampleReferral(testNHSNumber(99))
	inpatient.CurrentServices.PsychiatricInpatient = true
	register(t, w.s, w.admin, inpatient)
	if countRows(t, w.s, "tasks") != before {
		t.Error("registering a referral made a task before it was accepted")
	}
}

func TestTasksAreCompletedAndReassignedWithHistory(t *testing.T) {
	w := newWorkflow(t)
	second := addStaff(t, w.s, "worker2", models.RoleKeyWorker)
	r := w.onCaseload(nil, w.worker)
	if err := w.s.Tasks.Add(w.worker, &models.Task{ReferralID: r.ID}); !hasField(err, "Title") {
		t.Errorf("a task without a title = %v; want a Title field error", err)
	}
	task := &models.Task{ReferralID: r.ID, Title: "Ring the health visitor", AssigneeID: &w.worker.ID}
	if err := w.s.Tasks.Add(w.worker, task); err != nil {
		t.Fatal(err)
	}
	w.clock.Advance(time.Hour)
	if err := w.s.Tasks.Reassign(w.worker, task.ID, task.Version, second.ID, "On leave next week"); err != nil {
		t.Fatal(err)
	}
	var conflict *ConflictError
	if err := w.s.Tasks.Complete(w.worker, task.ID, task.Version, "Done"); !errors.As(err, &conflict) || conflict.ChangedBy != w.worker.Name {
		t.Fatalf("completing a stale task = %v; want a conflict naming %s", err, w.worker.Name)
	}
	if err := w.s.Tasks.Complete(second, task.ID, task.Version+1, "Spoke to her; visit booked."); err != nil {
		t.Fatal(err)
	}
	if err := w.s.Tasks.Complete(second, task.ID, task.Version+2, "again"); err == nil || !strings.Contains(err.Error(), "completed on") {
		t.Errorf("completing a done task = %v", err)
	}
	if open, _ := w.s.Tasks.ForAssignee(second, second.ID, false); len(open) != 0 {
		t.Errorf("%d open tasks after completion", len(open))
	}
	all, _ := w.s.Tasks.ForAssignee(second, second.ID, true)
	if len(all) != 1 || all[0].CompletionNote != "Spoke to her; visit booked." || all[0].CompletedByID == nil || *all[0].CompletedByID != second.ID {
		t.Errorf("done list = %+v", all)
	}
	history, _ := w.s.Tasks.History(w.admin, task.ID)
	want := []string{"other", "reassigned from Test worker to Test worker2: On leave next week", "completed: Spoke to her; visit booked."}
	if len(history) != len(want) {
		t.Fatalf("history = %+v", history)
	}
	for i, h := range history {
		if h.Detail != want[i] {
			t.Errorf("history[%d] = %q, want %q", i, h.Detail, want[i])
		}
	}
	if err := w.s.Tasks.Reassign(w.worker, task.ID, 99, w.admin.ID, ""); err == nil {
		t.Error("reassigning a completed task was allowed")
	}
}

func TestPlanDischargeTasksAreMadeOnceAsThePerinatalPeriodEnds(t *testing.T) {
	w := newWorkflow(t)
	today := models.LondonDate(testNow)
	postnatal := func(periodEnds models.Date) func(*models.Referral) {
		return func(r *models.Referral) {
			r.Stage, r.ExpectedDeliveryDate = models.StagePostnatal, models.Date{}
			r.BabyDateOfBirth = periodEnds.AddMonths(-12)
		}
	}
	in4Weeks := w.onCaseload(postnatal(today.AddDays(28)), w.worker)
	in10Days := w.onCaseload(postnatal(today.AddDays(10)), w.worker)
	in5Weeks := w.onCaseload(postnatal(today.AddDays(35)), w.worker)
	pregnant := w.onCaseload(nil, w.worker) // due March 2027: ends March 2028
	awaiting := w.accept(postnatal(today.AddDays(7)))

	made, err := w.s.Tasks.PlanDischargeTasks(w.admin, today)
	if err != nil || made != 2 {
		t.Fatalf("PlanDischargeTasks made %d, %v; want 2", made, err)
	}
	check := func(r *models.Referral, title string) {
		t.Helper()
		tasks := w.tasks(r.ID)
		if title == "" {
			if len(tasks) != 0 {
				t.Errorf("referral %d got %+v", r.ID, tasks)
			}
			return
		}
		if len(tasks) != 1 || tasks[0].Title != title || tasks[0].AssigneeID == nil || *tasks[0].AssigneeID != w.worker.ID {
			t.Errorf("referral %d tasks = %+v; want %q for the key worker", r.ID, tasks, title)
		}
	}
	check(in4Weeks, "Perinatal period ends in 4 weeks: plan discharge")
	check(in10Days, "Perinatal period ends in 1 week: plan discharge")
	check(in5Weeks, "")
	check(pregnant, "")
	check(awaiting, "") // not on the caseload yet

	if made, _ := w.s.Tasks.PlanDischargeTasks(w.admin, today); made != 0 {
		t.Errorf("a second run made %d more", made)
	}
	// A week later the five-week woman comes into range; the others are not repeated.
	if made, _ := w.s.Tasks.PlanDischargeTasks(w.admin, today.AddDays(7)); made != 1 {
		t.Errorf("a week later it made %d, want 1", made)
	}
	check(in5Weeks, "Perinatal period ends in 4 weeks: plan discharge")
}

// hasField reports whether err names a field labelled label as at fault.
func hasField(err error, label string) bool {
	for _, f := range models.FieldErrorsIn(err) {
		if f.Field.Label() == label {
			return true
		}
	}
	return false
}
