package app

import (
	"fmt"
	"strings"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// The tasks the services make by themselves, each inside the transaction of
// the change that calls for it. See TaskService for the overview.

// currentKeyWorker returns the referral's key worker, or 0 if she has none.
func currentKeyWorker(tx *gorm.DB, referralID uint) (uint, error) {
	var a models.Allocation
	err := tx.Select("key_worker_id").Where("referral_id = ? AND ended_at IS NULL", referralID).Limit(1).Find(&a).Error
	return a.KeyWorkerID, err
}

// optionalID returns nil for 0, so 0 can mean "nobody".
func optionalID(id uint) *uint {
	if id == 0 {
		return nil
	}
	return &id
}

// admissionTasks makes the tasks a referral needs when it is accepted:
// seeing a woman on a psychiatric ward during the admission, and seeing a
// woman in a mother and baby unit on her expected discharge date.
func (c *core) admissionTasks(tx *gorm.DB, actor *models.StaffMember, r *models.Referral) error {
	cs := r.CurrentServices
	if !cs.PsychiatricInpatient && !cs.MBUAdmission {
		return nil
	}
	worker, err := currentKeyWorker(tx, r.ID)
	if err != nil {
		return err
	}
	today := models.LondonDate(c.clock.Now())
	if cs.PsychiatricInpatient {
		t := &models.Task{ReferralID: r.ID, Kind: models.TaskInpatientVisit, Title: models.TaskInpatientVisit.Label(),
			AssigneeID: optionalID(worker), DueDate: today.AddDays(c.settingInt(SetInpatientVisitDays)), Demo: r.Demo,
			Notes: strings.TrimSpace("Ward: " + cs.Ward + ". Check her antenatal or postnatal care, and follow her up on discharge.")}
		if err := c.addTask(tx, actor, t, "made on acceptance: psychiatric inpatient"); err != nil {
			return err
		}
	}
	if cs.MBUAdmission {
		t := &models.Task{ReferralID: r.ID, Kind: models.TaskMBUDischarge, Title: models.TaskMBUDischarge.Label(),
			AssigneeID: optionalID(worker), DueDate: cs.MBUExpectedDischarge, Demo: r.Demo,
			Notes: "Unit: " + c.setting(SetMBUName) + "."}
		if cs.MBUExpectedDischarge.IsZero() {
			t.Notes += " The expected discharge date is not known: ask the unit."
		}
		if err := c.addTask(tx, actor, t, "made on acceptance: mother and baby unit admission"); err != nil {
			return err
		}
	}
	return nil
}

// missedFollowUp makes the follow-up task for a missed appointment, for the
// woman's key worker or, if she has none, the appointment's clinician.
func (c *core) missedFollowUp(tx *gorm.DB, actor *models.StaffMember, a *models.Appointment, demo bool) error {
	worker, err := currentKeyWorker(tx, a.ReferralID)
	if err != nil {
		return err
	}
	if worker == 0 {
		worker = a.ClinicianID
	}
	at := a.StartsAt.In(models.London)
	today := models.LondonDate(c.clock.Now())
	t := &models.Task{
		ReferralID: a.ReferralID, Kind: models.TaskMissedFollowUp, AppointmentID: &a.ID, AssigneeID: optionalID(worker),
		Title:   "Missed appointment on " + at.Format("02/01/2006") + ": rebook, or decide to discharge",
		DueDate: models.AddWorkingDays(today, c.settingInt(SetMissedFollowUpDays)),
		Notes:   fmt.Sprintf("%s (%s) at %s: %s.", a.Kind.Label(), strings.ToLower(a.Mode.Label()), at.Format("15:04 on 02/01/2006"), strings.ToLower(a.Attendance.Label())),
		Demo:    demo,
	}
	return c.addTask(tx, actor, t, "made by a missed appointment")
}

// planDischargeCandidate is a referral PlanDischargeTasks looks at.
type planDischargeCandidate struct {
	ID                   uint
	Stage                models.Stage
	ExpectedDeliveryDate models.Date
	BabyDateOfBirth      models.Date
	KeyWorkerID          *uint
	Demo                 bool
	ends                 models.Date
}

// PlanDischargeTasks makes a "plan discharge" task for every woman on the
// caseload (or awaiting a medical review) whose perinatal period ends
// within the weeks set by target.plan_discharge_weeks (4) of today, or has
// already ended, unless her referral has had one before. It is safe to call
// again and again, and the Dashboard calls it when it opens, so any signed-in
// member of the team may run it; it takes the write lock only when there is
// a task to make. It returns how many tasks it made.
func (s *TaskService) PlanDischargeTasks(actor *models.StaffMember, today models.Date) (int, error) {
	if err := s.authorise(actor, models.PermViewReferrals); err != nil {
		return 0, err
	}
	if due, err := s.planDischargeDue(s.db, today); err != nil || len(due) == 0 {
		return 0, err
	}
	made := 0
	err := s.transaction(func(tx *gorm.DB) error {
		due, err := s.planDischargeDue(tx, today) // again, inside the transaction, so two desks never both make one
		if err != nil {
			return err
		}
		for _, c := range due {
			t := &models.Task{ReferralID: c.ID, Kind: models.TaskPlanDischarge, Title: planDischargeTitle(c.ends, today),
				AssigneeID: c.KeyWorkerID, DueDate: c.ends, Demo: c.Demo,
				Notes: "Her perinatal period ends on " + c.ends.UK() + ". Plan her discharge or transfer with her and the professionals involved."}
			if err := s.addTask(tx, actor, t, "made as the perinatal period ends"); err != nil {
				return err
			}
		}
		made = len(due)
		return nil
	})
	if err != nil {
		return 0, err
	}
	return made, nil
}

// planDischargeDue returns the referrals that need a plan-discharge task on today.
func (s *TaskService) planDischargeDue(db *gorm.DB, today models.Date) ([]planDischargeCandidate, error) {
	horizon := today.AddDays(7 * s.settingInt(SetPlanDischargeWeeks))
	// The perinatal period ends 12 calendar months after the birth (or the
	// due date). The query looks a few days wider, since AddMonths clamps
	// to the end of a short month, and the exact date is checked below.
	latest := horizon.AddMonths(-12).AddDays(3).ISO()
	var list []planDischargeCandidate
	err := db.Table("referrals").
		Select("referrals.id, referrals.stage, referrals.expected_delivery_date, referrals.baby_date_of_birth, referrals.demo, allocations.key_worker_id").
		Joins("LEFT JOIN allocations ON allocations.referral_id = referrals.id AND allocations.ended_at IS NULL").
		Where("referrals.status IN ?", []models.Status{models.StatusCaseload, models.StatusMedicalReview}).
		Where("((referrals.stage = ? AND referrals.baby_date_of_birth <= ?) OR (referrals.stage = ? AND referrals.expected_delivery_date <= ?))",
			models.StagePostnatal, latest, models.StagePregnant, latest).
		Where("NOT EXISTS (SELECT 1 FROM tasks WHERE tasks.referral_id = referrals.id AND tasks.kind = ?)", models.TaskPlanDischarge).
		Order("referrals.id").Scan(&list).Error
	due := list[:0]
	for _, c := range list {
		_, c.ends = models.StageToday(c.Stage, c.ExpectedDeliveryDate, c.BabyDateOfBirth, today)
		if !c.ends.IsZero() && !c.ends.After(horizon) {
			due = append(due, c)
		}
	}
	return due, err
}

// planDischargeTitle says when her period ends: "Perinatal period ends in 4
// weeks: plan discharge", or "… ended on 01/03/2027: plan discharge".
func planDischargeTitle(ends, today models.Date) string {
	left := today.DaysUntil(ends)
	switch {
	case left < 0:
		return "Perinatal period ended on " + ends.UK() + ": plan discharge"
	case left == 0:
		return "Perinatal period ends today: plan discharge"
	case left < 7:
		return fmt.Sprintf("Perinatal period ends in %d days: plan discharge", left)
	case left < 14:
		return "Perinatal period ends in 1 week: plan discharge"
	}
	return fmt.Sprintf("Perinatal period ends in %d weeks: plan discharge", left/7)
}
