package app

import (
	"strings"

	"perinatal-caseload/models"
)

// validateReferral checks a referral typed in or imported before it is saved,
// normalising the NHS number and postcode in place. Every field at fault is
// named; nothing is saved while any is.
func validateReferral(r *models.Referral, today models.Date) error {
	v := &ValidationError{}
	p := &r.Patient
	p.GivenName, p.FamilyName = strings.TrimSpace(p.GivenName), strings.TrimSpace(p.FamilyName)
	if p.GivenName == "" {
		v.add("Given name", "enter the woman's given name")
	}
	if p.FamilyName == "" {
		v.add("Family name", "enter the woman's family name")
	}
	if p.NHSNumber != nil && strings.TrimSpace(*p.NHSNumber) == "" {
		p.NHSNumber = nil
	}
	if p.NHSNumber != nil {
		n, err := models.NormaliseNHSNumber(*p.NHSNumber)
		if err != nil {
			v.add("NHS number", "%s", strings.TrimPrefix(err.Error(), "NHS number: "))
		} else {
			p.NHSNumber = &n
		}
	}
	switch {
	case p.DateOfBirth.IsZero():
		v.add("Date of birth", "enter the date of birth as DD/MM/YYYY")
	case p.DateOfBirth.After(today):
		v.add("Date of birth", "the date of birth cannot be in the future")
	case p.DateOfBirth.After(today.AddMonths(-12 * 10)):
		v.add("Date of birth", "the woman would be under 10 years old; check the year")
	}
	if pc, err := models.NormalisePostcode(p.Postcode); err != nil {
		v.add("Postcode", "%s", strings.TrimPrefix(err.Error(), "Postcode: "))
	} else {
		p.Postcode = pc
	}
	if strings.TrimSpace(r.Referrer.Name) == "" {
		v.add("Referrer name", "enter the referrer's name")
	}
	if !validReferrerRole(r.Referrer.Role) {
		v.add("Referrer role", "choose the referrer's role")
	}
	switch r.Stage {
	case models.StagePreconception:
	case models.StagePregnant:
		// The due date is optional, as in the referral-form format: a
		// pregnant woman is in scope whether or not the referrer gave it.
	case models.StagePostnatal:
		if r.BabyDateOfBirth.IsZero() {
			v.add("Baby's date of birth", "enter the baby's date of birth for a woman after birth")
		} else if r.BabyDateOfBirth.After(today) {
			v.add("Baby's date of birth", "the baby's date of birth cannot be in the future")
		}
	default:
		v.add("Stage", "choose planning a pregnancy, pregnant, or after birth")
	}
	if strings.TrimSpace(r.ReasonForReferral) == "" {
		v.add("Reason for referral", "say why the woman is being referred")
	}
	if r.ReceivedAt.IsZero() {
		v.add("Received", "enter when the referral was received")
	}
	return v.orNil()
}

func validReferrerRole(role string) bool {
	for _, r := range models.ReferrerRoles {
		if string(r) == role {
			return true
		}
	}
	return false
}
