package app

import (
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// TaskService lists, adds, completes and reassigns tasks. Most tasks are
// made by the workflow services themselves, in the same transaction as the
// change that calls for them:
//   - accepting a referral of a woman on a psychiatric ward, or in a mother
//     and baby unit, makes "see during the admission" or "see on discharge";
//   - recording a missed appointment makes a follow-up task;
//   - PlanDischargeTasks makes "plan discharge" as her perinatal period ends.
//
// A task goes to the woman's key worker. Until she has one it is
// unassigned (listed by ForAssignee with staff ID 0), and allocating a key
// worker hands her unassigned tasks, and those of the previous key worker,
// to the new one. Every change is audited with the task as it was before and
// after, and that trail is the task's history.
type TaskService struct{ *core }

// TaskListLimit caps each task list, so a list never loads without bound.
const TaskListLimit = 500

// TaskRow is one line of a task list: the task with the woman and the assignee named.
type TaskRow struct {
	models.Task
	GivenName    string
	FamilyName   string
	NHSNumber    *string
	AssigneeName string
	// Safeguarding are her standing safeguarding flags.
	Safeguarding safeguardingCols `gorm:"embedded"`
}

// SafeguardingFlags returns her standing safeguarding flags, for badges.
func (r TaskRow) SafeguardingFlags() []CaseloadFlag { return r.Safeguarding.flags() }

// PatientName returns "Family, Given" for lists.
func (r TaskRow) PatientName() string { return r.FamilyName + ", " + r.GivenName }

// Overdue reports whether an open task is past its due date on today.
func (r TaskRow) Overdue(today models.Date) bool {
	return r.Open() && !r.DueDate.IsZero() && r.DueDate.Before(today)
}

// TaskEvent is one entry in a task's history.
type TaskEvent struct {
	At        time.Time
	ActorName string
	Action    string // create or update
	Detail    string // e.g. "completed", "reassigned from … to …: reason"
}

func (s *TaskService) rowQuery() *gorm.DB {
	return s.db.Table("tasks").
		Select("tasks.*, patients.given_name, patients.family_name, patients.nhs_number, staff_members.name AS assignee_name" + safeguardingSelect).
		Joins("JOIN referrals ON referrals.id = tasks.referral_id").
		Joins("JOIN patients ON patients.id = referrals.patient_id").
		Joins("LEFT JOIN staff_members ON staff_members.id = tasks.assignee_id")
}

// byDueDate orders open tasks soonest due first, undated last.
const byDueDate = "CASE WHEN tasks.due_date IS NULL THEN 1 ELSE 0 END, tasks.due_date, tasks.id"

// ForAssignee returns a staff member's open tasks, soonest due first, then
// (with includeDone) their completed and cancelled tasks, newest first.
// staffID 0 lists the tasks nobody holds yet. Each part holds at most
// TaskListLimit rows.
func (s *TaskService) ForAssignee(actor *models.StaffMember, staffID uint, includeDone bool) ([]TaskRow, error) {
	if err := s.authorise(actor, models.PermViewReferrals); err != nil {
		return nil, err
	}
	who := func(q *gorm.DB) *gorm.DB {
		if staffID == 0 {
			return q.Where("tasks.assignee_id IS NULL")
		}
		return q.Where("tasks.assignee_id = ?", staffID)
	}
	var open []TaskRow
	if err := who(s.rowQuery()).Where("tasks.completed_at IS NULL").Order(byDueDate).Limit(TaskListLimit).Scan(&open).Error; err != nil {
		return nil, err
	}
	if !includeDone {
		return open, nil
	}
	var done []TaskRow
	err := who(s.rowQuery()).Where("tasks.completed_at IS NOT NULL").Order("tasks.completed_at DESC, tasks.id DESC").Limit(TaskListLimit).Scan(&done).Error
	return append(open, done...), err
}

// ForReferral returns a referral's tasks: open ones soonest due first, then
// the rest, newest first.
func (s *TaskService) ForReferral(actor *models.StaffMember, referralID uint) ([]TaskRow, error) {
	if err := s.authorise(actor, models.PermViewReferrals); err != nil {
		return nil, err
	}
	var out []TaskRow
	err := s.rowQuery().Where("tasks.referral_id = ?", referralID).
		Order("CASE WHEN tasks.completed_at IS NULL THEN 0 ELSE 1 END, " + byDueDate).
		Limit(TaskListLimit).Scan(&out).Error
	return out, err
}

// Add creates a task by hand, such as "ring the health visitor". It needs a
// title; the kind defaults to other.
func (s *TaskService) Add(actor *models.StaffMember, t *models.Task) error {
	t.Title = strings.TrimSpace(t.Title)
	if t.Title == "" {
		return models.NewFieldError(models.FieldTaskTitle, "say what needs doing")
	}
	if t.Kind == "" {
		t.Kind = models.TaskOther
	}
	return s.write(actor, models.PermUpdateCaseload, func(tx *gorm.DB) error {
		if _, err := s.loadReferral(tx, t.ReferralID); err != nil {
			return err
		}
		if t.AssigneeID != nil {
			if _, err := activeStaff(tx, *t.AssigneeID, models.FieldTaskAssignee); err != nil {
				return err
			}
		}
		return s.addTask(tx, actor, t, "")
	})
}

// Complete marks an open task done, with an optional note of what was done.
func (s *TaskService) Complete(actor *models.StaffMember, id uint, readVersion int, note string) error {
	return s.write(actor, models.PermUpdateCaseload, func(tx *gorm.DB) error {
		t, err := s.loadOpen(tx, id, readVersion)
		if err != nil {
			return err
		}
		return s.finishTask(tx, actor, t, false, note)
	})
}

// Reassign gives an open task to another active member of the team, saying
// why. The history keeps who held it before.
func (s *TaskService) Reassign(actor *models.StaffMember, id uint, readVersion int, toStaffID uint, reason string) error {
	return s.write(actor, models.PermUpdateCaseload, func(tx *gorm.DB) error {
		to, err := activeStaff(tx, toStaffID, models.FieldTaskReassignTo)
		if err != nil {
			return err
		}
		t, err := s.loadOpen(tx, id, readVersion)
		if err != nil {
			return err
		}
		if t.AssigneeID != nil && *t.AssigneeID == toStaffID {
			return models.NewFieldError(models.FieldTaskReassignTo, "%s already holds this task", to.Name)
		}
		from := "nobody"
		if t.AssigneeID != nil {
			var prev models.StaffMember
			if err := tx.Select("name").First(&prev, *t.AssigneeID).Error; err == nil {
				from = prev.Name
			}
		}
		detail := fmt.Sprintf("reassigned from %s to %s", from, to.Name)
		if reason = strings.TrimSpace(reason); reason != "" {
			detail += ": " + reason
		}
		return s.assignTask(tx, actor, t, toStaffID, detail)
	})
}

// History returns a task's history, oldest first: its creation, every
// reassignment and its completion or cancellation, each with who and when.
func (s *TaskService) History(actor *models.StaffMember, id uint) ([]TaskEvent, error) {
	if err := s.authorise(actor, models.PermViewReferrals); err != nil {
		return nil, err
	}
	var events []models.AuditEvent
	if err := s.db.Where("entity = ? AND entity_id = ?", "task", id).Order("id").Find(&events).Error; err != nil {
		return nil, err
	}
	out := make([]TaskEvent, len(events))
	for i, e := range events {
		out[i] = TaskEvent{At: e.At, ActorName: e.ActorName, Action: e.Action, Detail: e.Detail}
	}
	return out, nil
}

// loadOpen reads a task that is still open.
func (s *TaskService) loadOpen(tx *gorm.DB, id uint, readVersion int) (*models.Task, error) {
	var t models.Task
	if err := tx.First(&t, id).Error; err != nil {
		return nil, notFound(err)
	}
	if err := s.checkRead(tx, "task", &t, readVersion); err != nil {
		return nil, err
	}
	if !t.Open() {
		what := "completed"
		if t.Cancelled {
			what = "cancelled"
		}
		return nil, fmt.Errorf("this task was %s on %s; reload the list", what, t.CompletedAt.In(models.London).Format("02/01/2006"))
	}
	return &t, nil
}

// activeStaff reads an active staff member, or names field as at fault.
func activeStaff(tx *gorm.DB, id uint, field models.FieldID) (*models.StaffMember, error) {
	var m models.StaffMember
	if err := tx.First(&m, id).Error; err != nil || !m.Active || m.System {
		return nil, models.NewFieldError(field, "choose an active member of the team")
	}
	return &m, nil
}

// addTask saves a new task and audits it, inside the caller's transaction.
func (c *core) addTask(tx *gorm.DB, actor *models.StaffMember, t *models.Task, detail string) error {
	t.Version = 1
	if err := tx.Create(t).Error; err != nil {
		return fmt.Errorf("cannot save the task: %w", err)
	}
	if detail == "" {
		detail = string(t.Kind)
	}
	return c.audit(tx, actor, ActionCreate, "task", t.ID, nil, t, detail)
}

// finishTask closes an open task as done or cancelled, with a note.
func (c *core) finishTask(tx *gorm.DB, actor *models.StaffMember, t *models.Task, cancelled bool, note string) error {
	before := *t
	now := c.clock.Now()
	t.CompletedAt, t.CompletedByID, t.Cancelled = &now, &actor.ID, cancelled
	t.CompletionNote = strings.TrimSpace(note)
	if err := c.saveVersioned(tx, "task", t, func(v int) { t.Version = v }); err != nil {
		return err
	}
	detail := "completed"
	if cancelled {
		detail = "cancelled"
	}
	if t.CompletionNote != "" {
		detail += ": " + t.CompletionNote
	}
	return c.audit(tx, actor, ActionUpdate, "task", t.ID, &before, t, detail)
}

// assignTask gives a task to staffID and audits the change.
func (c *core) assignTask(tx *gorm.DB, actor *models.StaffMember, t *models.Task, staffID uint, detail string) error {
	before := *t
	t.AssigneeID = &staffID
	if err := c.saveVersioned(tx, "task", t, func(v int) { t.Version = v }); err != nil {
		return err
	}
	return c.audit(tx, actor, ActionUpdate, "task", t.ID, &before, t, detail)
}

// cancelOpenTasks cancels a referral's open tasks (all of them, or only
// those about one appointment when appointmentID is not 0), saying why.
func (c *core) cancelOpenTasks(tx *gorm.DB, actor *models.StaffMember, referralID, appointmentID uint, why string) error {
	q := tx.Where("referral_id = ? AND completed_at IS NULL", referralID)
	if appointmentID != 0 {
		q = q.Where("appointment_id = ?", appointmentID)
	}
	var open []models.Task
	if err := q.Order("id").Find(&open).Error; err != nil {
		return err
	}
	for i := range open {
		if err := c.finishTask(tx, actor, &open[i], true, why); err != nil {
			return err
		}
	}
	return nil
}

// tasksFollowKeyWorker hands a referral's open tasks that nobody holds, or
// that the previous key worker held, to the newly allocated key worker.
// Tasks given to anyone else stay with them.
func (c *core) tasksFollowKeyWorker(tx *gorm.DB, actor *models.StaffMember, referralID, previous uint, next *models.StaffMember) error {
	var open []models.Task
	err := tx.Where("referral_id = ? AND completed_at IS NULL AND (assignee_id IS NULL OR assignee_id = ?)", referralID, previous).
		Order("id").Find(&open).Error
	if err != nil {
		return err
	}
	for i := range open {
		if err := c.assignTask(tx, actor, &open[i], next.ID, "given to the new key worker, "+next.Name); err != nil {
			return err
		}
	}
	return nil
}
