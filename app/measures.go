package app

import (
	"fmt"
	"slices"
	"strings"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// MeasureService records and reads a woman's outcome measures (issue 15).
// Each measure is defined once as data in models (see models.MeasureDef);
// this service only validates answers by that definition, stores them
// with what they score to, and reports each measure's trajectory, change
// and next due date. A positive risk item makes a same-day task for her
// key worker and for the duty clinician, in the same transaction.
type MeasureService struct{ *core }

// MeasureEntry is one completed measure as entered.
type MeasureEntry struct {
	ReferralID uint
	Measure    string      // a models.MeasureDef code, such as "EPDS"
	TakenOn    models.Date // the day she completed it
	// Answers are the positions of the chosen responses, 0 for the first
	// printed; -1 for an item not answered. For goal-based outcomes, each
	// goal's rating 0-10.
	Answers []int
	// Goals names each goal of a goal-based outcome, one per rating.
	Goals []string
}

// Record validates e by its measure's definition and saves it, audited,
// with its total, band and risk item. It returns the saved result.
func (s *MeasureService) Record(actor *models.StaffMember, e MeasureEntry) (*models.MeasureResult, error) {
	d := models.MeasureByCode(e.Measure)
	var errs models.FieldErrors
	if d == nil {
		errs.Add(models.FieldMeasure, "choose one of the measures")
	}
	today := models.LondonDate(s.clock.Now())
	switch {
	case e.TakenOn.IsZero():
		errs.Add(models.FieldMeasureDate, "enter the date she completed it")
	case e.TakenOn.After(today):
		errs.Add(models.FieldMeasureDate, "the date is in the future; enter the day she completed it")
	}
	var score models.MeasureScore
	goals := trimmedGoals(e.Goals)
	if d != nil {
		var err error
		score, err = d.Score(e.Answers)
		errs = append(errs, models.FieldErrorsIn(err)...)
		if d.GoalBased {
			for i := range d.Items {
				rated := i < len(e.Answers) && e.Answers[i] >= 0
				if rated && (i >= len(goals) || goals[i] == "") {
					errs.Add(models.FieldMeasureGoals.Item(i), "say what the goal is")
				}
			}
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	m := &models.MeasureResult{
		ReferralID: e.ReferralID, Measure: d.Code, TakenOn: e.TakenOn, Answers: models.EncodeAnswers(e.Answers),
		Total: score.Total, Band: score.Band, RiskItemPositive: score.RiskPositive, RecordedByID: actor.ID,
	}
	if d.GoalBased {
		m.Goals = strings.Join(goals[:score.Answered], "\n")
	}
	m.Version = 1
	err := s.write(actor, models.PermUpdateCaseload, func(tx *gorm.DB) error {
		r, err := s.loadReferral(tx, e.ReferralID)
		if err != nil {
			return err
		}
		m.Demo = r.Demo
		if err := tx.Create(m).Error; err != nil {
			return fmt.Errorf("cannot save the measure: %w", err)
		}
		detail := fmt.Sprintf("%s on %s: %d", m.Measure, m.TakenOn.UK(), m.Total)
		if m.RiskItemPositive {
			detail += ", risk item positive"
		}
		if err := s.audit(tx, actor, ActionCreate, "measure_result", m.ID, nil, m, detail); err != nil {
			return err
		}
		if m.RiskItemPositive {
			return s.riskItemTasks(tx, actor, d, m)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}

// trimmedGoals trims each goal's name.
func trimmedGoals(goals []string) []string {
	out := make([]string, len(goals))
	for i, g := range goals {
		out[i] = strings.TrimSpace(g)
	}
	return out
}

// riskItemTasks makes the same-day tasks a positive risk item calls for
// (DOMAIN.md: it must reach a clinician the same day): one for her key
// worker and one for the duty clinician (see SetDutyClinician). When they
// are the same person, one task; when neither is known, one task nobody
// holds, which the unassigned task list shows.
func (c *core) riskItemTasks(tx *gorm.DB, actor *models.StaffMember, d *models.MeasureDef, m *models.MeasureResult) error {
	worker, err := currentKeyWorker(tx, m.ReferralID)
	if err != nil {
		return err
	}
	duty, err := c.dutyClinician(tx)
	if err != nil {
		return err
	}
	title := fmt.Sprintf("%s item %d positive (%s): review her risk today", d.Code, d.Risk.Item+1, d.Risk.Label)
	notes := fmt.Sprintf("Recorded by %s for %s. Contact her and review her risk and safety plan today.", actor.Name, m.TakenOn.UK())
	if duty == 0 {
		notes += " No duty clinician is set in Settings, so this task went to her key worker only."
	}
	var assignees []uint
	for _, id := range []uint{worker, duty} {
		if id != 0 && !slices.Contains(assignees, id) {
			assignees = append(assignees, id)
		}
	}
	if len(assignees) == 0 {
		assignees = []uint{0}
	}
	today := models.LondonDate(c.clock.Now())
	for _, id := range assignees {
		t := &models.Task{ReferralID: m.ReferralID, Kind: models.TaskRiskItem, Title: title, AssigneeID: optionalID(id),
			DueDate: today, Notes: notes, Demo: m.Demo}
		if err := c.addTask(tx, actor, t, "made by a positive risk item"); err != nil {
			return err
		}
	}
	return nil
}

// dutyClinician returns the ID of the active member of staff named by
// the duty clinician setting, or 0 when it names nobody.
func (c *core) dutyClinician(tx *gorm.DB) (uint, error) {
	username := strings.TrimSpace(c.setting(SetDutyClinician))
	if username == "" {
		return 0, nil
	}
	var m models.StaffMember
	err := tx.Select("id").Where("username = ? AND active = ?", username, true).Limit(1).Find(&m).Error
	return m.ID, err
}

// ForReferral returns a referral's measures, oldest first. The look is
// audited as a view of her record.
func (s *MeasureService) ForReferral(actor *models.StaffMember, referralID uint) ([]models.MeasureResult, error) {
	if err := s.authorise(actor, models.PermViewReferrals); err != nil {
		return nil, err
	}
	var out []models.MeasureResult
	if err := s.db.Where("referral_id = ?", referralID).Order("taken_on, id").Find(&out).Error; err != nil {
		return nil, err
	}
	return out, s.auditView(actor, referralID, "her outcome measures")
}
