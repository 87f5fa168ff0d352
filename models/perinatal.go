package models

import (
	"errors"
	"fmt"
	"strings"
)

// Stages lists the perinatal stages in the order the referral form offers them.
var Stages = []Stage{StagePreconception, StagePregnant, StagePostnatal}

// Valid reports whether s is one of the stages of the referral form.
func (s Stage) Valid() bool {
	return s == StagePreconception || s == StagePregnant || s == StagePostnatal
}

// Label returns the stage in words.
func (s Stage) Label() string { return labelOf(stageLabels, s) }

// stageLabels holds the words for each Stage.
var stageLabels = map[Stage]string{
	StagePreconception: "Planning a pregnancy",
	StagePregnant:      "Pregnant",
	StagePostnatal:     "After birth",
}

// Band places a woman in the perinatal period for screening.
type Band string

// The perinatal bands. Only the last two fall outside the period the service
// accepts without discussion.
const (
	BandPreconception  Band = "preconception"
	BandPregnant       Band = "pregnant"
	BandUpTo9Months    Band = "up_to_9_months"
	Band9To12Months    Band = "9_to_12_months"
	BandBeyond12Months Band = "beyond_12_months"
)

// Label returns the band in words.
func (b Band) Label() string { return labelOf(bandLabels, b) }

// bandLabels holds the words for each Band.
var bandLabels = map[Band]string{
	BandPreconception:  "Planning a pregnancy",
	BandPregnant:       "Pregnant",
	BandUpTo9Months:    "Up to 9 months after birth",
	Band9To12Months:    "9 to 12 months after birth",
	BandBeyond12Months: "More than 12 months after birth",
}

// Limits on an expected delivery date for a woman said to be pregnant.
const (
	// maxWeeksToDueDate: a due date further ahead than this cannot belong to
	// a current pregnancy (a pregnancy lasts about 40 weeks from the last
	// period), so it is taken as a typing error.
	maxWeeksToDueDate = 44
	// maxGestationWeeks: labour is induced by 42 weeks, so a woman more than
	// 42 weeks past the start of pregnancy has almost certainly given birth
	// and the stage on the referral is out of date.
	maxGestationWeeks = 42
	fullTermDays      = 40 * 7
)

// Errors from ComputeTimeframe. Each names the field at fault and says what
// to do; all but ErrStageUnknown are a *FieldError for that field.
var (
	ErrStageUnknown            = errors.New("Perinatal stage: choose planning a pregnancy, pregnant or after birth")
	ErrBabyDateOfBirthMissing  = NewFieldError(FieldBabyDateOfBirth, "enter it, since the woman has given birth")
	ErrBabyBornAfterReference  = NewFieldError(FieldBabyDateOfBirth, "it is later than the date the referral was received; check the date")
	ErrDueDateTooFarAhead      = NewFieldError(FieldDueDate, "it is more than %d weeks after the date the referral was received; check the date", maxWeeksToDueDate)
	ErrDueDatePassedLongBefore = NewFieldError(FieldDueDate, "it is more than 2 weeks before the date the referral was received, so the baby is probably born; give the baby's date of birth and choose after birth")
)

// Timeframe is where a woman is in the perinatal period on a given date.
type Timeframe struct {
	Stage Stage
	// AsOf is the reference date: for a referral, the date it was received.
	AsOf Date
	// WeeksPregnant is the completed weeks of pregnancy worked out from the
	// expected delivery date: 40 weeks less the time still to go, rounded
	// down. It is meaningful only when HasWeeks is true.
	WeeksPregnant int
	// HasWeeks is true when the stage is pregnant and a due date was given.
	HasWeeks bool
	// BabyMonths and BabyWeeks give the baby's age after birth: whole
	// calendar months, then whole weeks since the last month-day.
	BabyMonths int
	BabyWeeks  int
	Band       Band
	// PeriodEnds is the date the perinatal period ends: 12 calendar months
	// after the baby's birth, or after the due date while she is pregnant.
	// It is zero when not known.
	PeriodEnds Date
}

// ComputeTimeframe works out where a woman is in the perinatal period on the
// date asOf, from the stage the referrer gave, the expected delivery date and
// the baby's date of birth. Dates that do not apply to the stage are ignored.
//
// Months are calendar months counted with Date.AddMonths, so a baby born on
// 31 January is one month old on 28 (or 29) February, and a baby born on 29
// February 2024 is nine months old on 29 November 2024 and twelve months old
// on 28 February 2025. The boundaries are inclusive on the later side: on the
// day the baby is exactly nine months old the woman is in Band9To12Months,
// and on the baby's first birthday she is in BandBeyond12Months. The first
// year after birth is complete on that birthday, and the service accepts
// without discussion only "within nine months of childbirth".
//
// Errors, each one of the Err... values above:
//   - an unknown stage;
//   - after birth with no baby's date of birth, or a birth later than asOf;
//   - pregnant with a due date more than 44 weeks after asOf (no current
//     pregnancy can have it, so it is taken as a typing error);
//   - pregnant with a due date more than 2 weeks before asOf (past 42 weeks
//     she has almost certainly given birth, so the stage is out of date).
//
// A due date between 40 and 44 weeks ahead gives 0 weeks pregnant. A woman
// said to be pregnant with no due date is in BandPregnant with HasWeeks false.
// On error the returned Timeframe still carries Stage and AsOf.
func ComputeTimeframe(stage Stage, dueDate, babyDateOfBirth, asOf Date) (Timeframe, error) {
	tf := Timeframe{Stage: stage, AsOf: asOf}
	switch stage {
	case StagePreconception:
		tf.Band = BandPreconception
		return tf, nil
	case StagePregnant:
		tf.Band = BandPregnant
		if dueDate.IsZero() {
			return tf, nil
		}
		daysToGo := asOf.DaysUntil(dueDate)
		if daysToGo > maxWeeksToDueDate*7 {
			return Timeframe{Stage: stage, AsOf: asOf}, ErrDueDateTooFarAhead
		}
		gestation := fullTermDays - daysToGo
		if gestation > maxGestationWeeks*7 {
			return Timeframe{Stage: stage, AsOf: asOf}, ErrDueDatePassedLongBefore
		}
		tf.WeeksPregnant = max(gestation, 0) / 7
		tf.HasWeeks = true
		tf.PeriodEnds = dueDate.AddMonths(12)
		return tf, nil
	case StagePostnatal:
		if babyDateOfBirth.IsZero() {
			return tf, ErrBabyDateOfBirthMissing
		}
		if babyDateOfBirth.After(asOf) {
			return tf, ErrBabyBornAfterReference
		}
		tf.BabyMonths = wholeMonths(babyDateOfBirth, asOf)
		tf.BabyWeeks = babyDateOfBirth.AddMonths(tf.BabyMonths).DaysUntil(asOf) / 7
		tf.PeriodEnds = babyDateOfBirth.AddMonths(12)
		switch {
		case asOf.Before(babyDateOfBirth.AddMonths(9)):
			tf.Band = BandUpTo9Months
		case asOf.Before(tf.PeriodEnds):
			tf.Band = Band9To12Months
		default:
			tf.Band = BandBeyond12Months
		}
		return tf, nil
	}
	return tf, ErrStageUnknown
}

// wholeMonths returns the number of whole calendar months from from to to
// (to not before from), counted with AddMonths.
func wholeMonths(from, to Date) int {
	m := (to.Year-from.Year)*12 + int(to.Month) - int(from.Month)
	for m > 0 && from.AddMonths(m).After(to) {
		m--
	}
	return m
}

// Timeframe works out the referral's perinatal timeframe on the date asOf;
// see ComputeTimeframe.
func (r *Referral) Timeframe(asOf Date) (Timeframe, error) {
	return ComputeTimeframe(r.Stage, r.ExpectedDeliveryDate, r.BabyDateOfBirth, asOf)
}

// Text describes the timeframe in words: "Planning a pregnancy", "28 weeks
// pregnant", "4 months after birth", "4 months 2 weeks after birth".
func (tf Timeframe) Text() string {
	switch tf.Stage {
	case StagePregnant:
		if !tf.HasWeeks {
			return "Pregnant"
		}
		if tf.WeeksPregnant == 0 {
			return "Less than 1 week pregnant"
		}
		return plural(tf.WeeksPregnant, "week") + " pregnant"
	case StagePostnatal:
		var parts []string
		if tf.BabyMonths > 0 {
			parts = append(parts, plural(tf.BabyMonths, "month"))
		}
		if tf.BabyWeeks > 0 {
			parts = append(parts, plural(tf.BabyWeeks, "week"))
		}
		if len(parts) == 0 {
			return "Less than 1 week after birth"
		}
		return strings.Join(parts, " ") + " after birth"
	}
	return tf.Stage.Label()
}

func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}
