package app

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"

	"gorm.io/gorm"

	"perinatal-caseload/letters"
	"perinatal-caseload/models"
)

// referralColumnsV6 is the part of the referrals table that migration
// 2026120601 adds: the assessment outcome with what the clinician wrote,
// who closed the referral, and what its closure letter needs. A migration
// keeps its own copy of the columns it touches.
type referralColumnsV6 struct {
	AssessmentOutcome       string     `gorm:"size:20"`
	OutcomeByID             *uint      `gorm:"column:outcome_by_id"`
	OutcomeAt               *time.Time `gorm:"column:outcome_at"`
	OutcomeSummary          string     `gorm:"column:outcome_summary;type:text"`
	OutcomePlan             string     `gorm:"column:outcome_plan;type:text"`
	OutcomeMedicationAdvice string     `gorm:"column:outcome_medication_advice;type:text"`
	OutcomeGPActions        string     `gorm:"column:outcome_gp_actions;type:text"`
	ClosedByID              *uint      `gorm:"column:closed_by_id"`
	ClosureTransferredTo    string     `gorm:"column:closure_transferred_to;size:500"`
	ClosureWhatHelped       string     `gorm:"column:closure_what_helped;type:text"`
	ClosureWarningSigns     string     `gorm:"column:closure_warning_signs;type:text"`
}

func (referralColumnsV6) TableName() string { return "referrals" }

// staffColumnsV6 adds a staff member's profession, registration number and
// signature image.
type staffColumnsV6 struct {
	RegProfession string `gorm:"column:reg_profession;size:30"`
	RegNumber     string `gorm:"column:reg_number;size:20"`
	Signature     []byte `gorm:"column:signature"`
}

func (staffColumnsV6) TableName() string { return "staff_members" }

// appointmentColumnsV6 adds where a face-to-face appointment is held.
type appointmentColumnsV6 struct {
	Venue string `gorm:"size:500"`
}

func (appointmentColumnsV6) TableName() string { return "appointments" }

// migrateLetterPathway (migration 2026120601) lets letters follow the
// pathway:
//   - adds the columns above (a database made since has them from its
//     first migration, which creates the tables from today's models);
//   - records the assessment outcome of earlier referrals where their state
//     shows it: closed as "discharged with advice" is the outcome
//     discharged, and a referral on the caseload or awaiting its medical
//     review has that outcome;
//   - seeds the closure letters' templates;
//   - brings each of the six earlier standard templates up to date, but
//     only where an administrator never changed it (its body is still the
//     one first seeded): the new text gives each appointment's details and
//     names only the services screening chose. An edited template is left
//     as the administrator wrote it.
func migrateLetterPathway(tx *gorm.DB) error {
	m := tx.Migrator()
	for _, add := range []struct {
		model  any
		fields []string
	}{
		{&referralColumnsV6{}, []string{"AssessmentOutcome", "OutcomeByID", "OutcomeAt", "OutcomeSummary", "OutcomePlan",
			"OutcomeMedicationAdvice", "OutcomeGPActions", "ClosedByID", "ClosureTransferredTo", "ClosureWhatHelped", "ClosureWarningSigns"}},
		{&staffColumnsV6{}, []string{"RegProfession", "RegNumber", "Signature"}},
		{&appointmentColumnsV6{}, []string{"Venue"}},
	} {
		for _, f := range add.fields {
			if m.HasColumn(add.model, f) {
				continue
			}
			if err := m.AddColumn(add.model, f); err != nil {
				return fmt.Errorf("cannot add the column %s: %w", f, err)
			}
		}
	}
	derive := []struct {
		outcome models.AssessmentOutcome
		where   string
		args    []any
	}{
		{models.OutcomeDischarged, "status = ? AND closure_reason = ?", []any{models.StatusClosed, string(models.ClosureDischargedWithAdvice)}},
		{models.OutcomeCaseload, "status = ?", []any{models.StatusCaseload}},
		{models.OutcomeMedicalReview, "status = ?", []any{models.StatusMedicalReview}},
	}
	for _, d := range derive {
		q := tx.Table("referrals").Where("(assessment_outcome IS NULL OR assessment_outcome = '')").Where(d.where, d.args...)
		if err := q.Update("assessment_outcome", string(d.outcome)).Error; err != nil {
			return fmt.Errorf("cannot record the outcomes of earlier referrals: %w", err)
		}
	}
	if err := seedLetterTemplates(tx); err != nil {
		return err
	}
	return refreshUneditedTemplates(tx)
}

// firstSeededTemplates are the SHA-256 sums of the six standard template
// bodies as the program first seeded them (migration 2026112502).
var firstSeededTemplates = map[models.LetterKind]string{
	models.LetterAcceptance:          "fdd616c6821c178cfed78e10862008d0507228f41f3fe1df976efb58b31819bb",
	models.LetterOutcomeCaseload:     "863496b3c7c95f8f00a3f2861b38c197cab76319065316a3e71f4fffe8fafcac",
	models.LetterOutcomeMedical:      "c5d5f4251259482a6bfd4ce74b1e6d71383f20885f18778989c629e337973b7d",
	models.LetterOutcomeDischarge:    "0b1efd171485832d7bf4e77d5a792c38f781c7122b65e58cab56a4d70839d936",
	models.LetterNotAccepted:         "01d5bc52b3ce781dd2fc10d9d8ea2e6650c4959931f5ae5e3f3c40a0c362e64f",
	models.LetterAssessmentNotNeeded: "2d90b9d7297755134eb14671f0b6b102f1d44014020ef4432398ca61f19de206",
}

// refreshUneditedTemplates replaces each template whose body is still the
// first seeded one with today's standard body, as a new version.
func refreshUneditedTemplates(tx *gorm.DB) error {
	for kind, sum := range firstSeededTemplates {
		var t models.LetterTemplate
		if err := tx.Where("kind = ?", kind).Limit(1).Find(&t).Error; err != nil {
			return err
		}
		got := sha256.Sum256([]byte(t.Body))
		if t.ID == 0 || hex.EncodeToString(got[:]) != sum {
			continue
		}
		body, err := letters.DefaultTemplate(kind)
		if err != nil {
			return err
		}
		if err := tx.Model(&t).Updates(map[string]any{"body": body, "version": t.Version + 1}).Error; err != nil {
			return fmt.Errorf("cannot bring the %s template up to date: %w", kind, err)
		}
	}
	return nil
}
