package models

// Birth is the birth of a baby to a woman under the care of the service,
// recorded by her key worker or an administrator. Recording it moves her
// referral to after birth, with the baby's real date of birth, so where
// she is in the perinatal period, and when it ends, come from that date
// (see Referral.Timeframe). Twins are two births on the same day.
type Birth struct {
	Record
	PatientID  uint `gorm:"not null;index" json:"patient_id"`
	ReferralID uint `gorm:"not null;index" json:"referral_id"`
	// BornOn is the baby's date of birth.
	BornOn Date `gorm:"not null" json:"born_on"`
	// BabyName is the baby's name, or "" while the baby is not yet named.
	BabyName     string `gorm:"size:100" json:"baby_name"`
	RecordedByID uint   `gorm:"not null" json:"recorded_by_id"`
	Demo         bool   `json:"demo,omitempty"`
}

// The fields of a birth.
const (
	FieldBirthDate FieldID = "birth.born_on"
	FieldBabyName  FieldID = "birth.baby_name"
)

func init() {
	DefineFields(map[FieldID]string{FieldBirthDate: "Baby's date of birth", FieldBabyName: "Baby's name"})
}

// Limits on a birth's date against her due date: a baby is rarely born
// alive before 22 weeks of pregnancy (18 weeks before a due date at 40),
// and labour is induced by 42 weeks (maxGestationWeeks). A date beyond
// these is taken as a typing error in the birth or in the due date.
const (
	maxWeeksBornEarly = 18
	maxDaysBornLate   = (maxGestationWeeks-40)*7 + 7
)

// CheckBirth tidies and checks a birth to be recorded: the date is given,
// not in the future (today is the date in the UK), not before the
// mother's own birth, and near her due date (due, zero when not known);
// the baby's name is one line that fits. Every problem is a *FieldError in
// a FieldErrors; messages never repeat a name or a date of birth.
func CheckBirth(b *Birth, motherBorn, due, today Date) error {
	var v FieldErrors
	if b.BornOn.IsZero() {
		v.Add(FieldBirthDate, "enter the baby's date of birth as DD/MM/YYYY")
	} else if b.BornOn.After(today) {
		v.Add(FieldBirthDate, "it is in the future; a birth is recorded once the baby is born")
	} else if !motherBorn.IsZero() && !b.BornOn.After(motherBorn.AddMonths(12*MinAgeAtReferral)) {
		v.Add(FieldBirthDate, "it is before the mother was %d years old; check the year", MinAgeAtReferral)
	} else if !due.IsZero() && b.BornOn.Before(due.AddDays(-7*maxWeeksBornEarly)) {
		v.Add(FieldBirthDate, "it is more than %d weeks before her due date, %s; check the date, or correct the due date first", maxWeeksBornEarly, due.UK())
	} else if !due.IsZero() && b.BornOn.After(due.AddDays(maxDaysBornLate)) {
		v.Add(FieldBirthDate, "it is more than %d weeks after her due date, %s; check the date, or correct the due date first", maxDaysBornLate/7, due.UK())
	}
	b.BabyName = tidyName(b.BabyName)
	if err := CheckText(FieldBabyName, b.BabyName, TextRule{MaxRunes: 100}); err != nil {
		v = append(v, FieldErrorsIn(err)...)
	}
	return v.Err()
}

// LatestBirth returns the latest date of births, or zero when there are none.
func LatestBirth(births []Birth) Date {
	var latest Date
	for _, b := range births {
		if latest.IsZero() || b.BornOn.After(latest) {
			latest = b.BornOn
		}
	}
	return latest
}
