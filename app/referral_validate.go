package app

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"perinatal-caseload/models"
)

// validateReferral checks a referral typed in or imported before it is saved,
// normalising the NHS number and postcode in place. Every field at fault is
// named in a models.FieldErrors; nothing is saved while any is. Besides
// what is missing or malformed, it refuses what cannot be true (see
// models.CheckDateOfBirth and models.CheckDueDate): a date of birth in the
// future or making her under 10 or over 60 when referred, and a due date
// too far from the referral for a pregnancy; and it refuses what is past
// the intake limits (see intakeLimits). now is the time on the clock.
func validateReferral(r *models.Referral, now time.Time) error {
	today := models.LondonDate(now)
	v := intakeLimits(r, now)
	p := &r.Patient
	p.GivenName, p.FamilyName = strings.TrimSpace(p.GivenName), strings.TrimSpace(p.FamilyName)
	if p.GivenName == "" {
		v.Add(models.FieldGivenName, "enter the woman's given name")
	}
	if p.FamilyName == "" {
		v.Add(models.FieldFamilyName, "enter the woman's family name")
	}
	if p.NHSNumber != nil && strings.TrimSpace(*p.NHSNumber) == "" {
		p.NHSNumber = nil
	}
	if p.NHSNumber != nil {
		n, err := models.NormaliseNHSNumber(*p.NHSNumber)
		if err != nil {
			v = append(v, models.OnField(models.FieldNHSNumber, err))
		} else {
			p.NHSNumber = &n
		}
	}
	// Her age and the due date are judged on the day she was referred.
	referred := today
	if !r.ReceivedAt.IsZero() {
		referred = models.LondonDate(r.ReceivedAt)
	}
	if err := models.CheckDateOfBirth(p.DateOfBirth, referred, today); err != nil {
		v = append(v, models.OnField(models.FieldDateOfBirth, err))
	}
	v = append(v, lettersCanPrint(p)...)
	v = append(v, r.CheckAnswered()...)
	if pc, err := models.NormalisePostcode(p.Postcode); err != nil {
		v = append(v, models.OnField(models.FieldPostcode, err))
	} else {
		p.Postcode = pc
	}
	if strings.TrimSpace(r.Referrer.Name) == "" {
		v.Add(models.FieldReferrerName, "enter the referrer's name")
	}
	if !slices.Contains(models.ReferrerRoles, models.ProfessionalRole(r.Referrer.Role)) {
		v.Add(models.FieldReferrerRole, "choose the referrer's role")
	}
	switch r.Stage {
	case models.StagePreconception:
	case models.StagePregnant:
		// The due date is optional, as in the referral-form format: a
		// pregnant woman is in scope whether or not the referrer gave it.
		if err := models.CheckDueDate(r.Stage, r.ExpectedDeliveryDate, referred); err != nil {
			v = append(v, models.OnField(models.FieldDueDate, err))
		}
	case models.StagePostnatal:
		if r.BabyDateOfBirth.IsZero() {
			v.Add(models.FieldBabyDateOfBirth, "enter the baby's date of birth for a woman after birth")
		} else if r.BabyDateOfBirth.After(today) {
			v.Add(models.FieldBabyDateOfBirth, "the baby's date of birth cannot be in the future")
		}
	default:
		v.Add(models.FieldStage, "choose planning a pregnancy, pregnant, or after birth")
	}
	if strings.TrimSpace(r.ReasonForReferral) == "" {
		v.Add(models.FieldReasonForReferral, "say why the woman is being referred")
	}
	if r.ReceivedAt.IsZero() {
		v.Add(models.FieldReceived, "enter when the referral was received")
	}
	return v.Err()
}

// lettersCanPrint checks, and tidies, what her letters will print, so that
// nothing intake accepts is refused later by a letter: a name in a script
// the letters cannot print needs her name in Latin script for letters as
// well; her name fits the page (models.MaxNameRunes); her address fits the
// envelope window (models.CheckAddressLines); and her communication needs
// hold together (a safe address needs its postcode, and so on).
func lettersCanPrint(p *models.Patient) models.FieldErrors {
	var v models.FieldErrors
	p.NameForLetters = strings.Join(strings.Fields(p.NameForLetters), " ")
	for _, n := range []struct {
		field models.FieldID
		name  string
	}{{models.FieldGivenName, p.GivenName}, {models.FieldFamilyName, p.FamilyName}} {
		if c, _ := models.CheckNameScript(n.name); c == models.NameNotAName {
			v.Add(n.field, "remove the digits or symbols; a name holds letters, spaces, hyphens and apostrophes")
		}
	}
	if len(v) == 0 && p.GivenName != "" && p.FamilyName != "" {
		_, err := models.NameForLetters(p.FullName(), p.NameForLetters)
		for _, fe := range models.FieldErrorsIn(err) {
			if fe.Field == models.FieldName {
				fe = &models.FieldError{Field: models.FieldFamilyName, Message: fmt.Sprintf(
					"her given and family names together have %d characters; letters print at most %d, so shorten them",
					utf8.RuneCountInString(p.FullName()), models.MaxNameRunes)}
			}
			v = append(v, fe)
		}
	}
	if own, _ := models.CheckNameScript(p.FullName()); own == models.NamePrintable && p.NameForLetters != "" {
		if c, _ := models.CheckNameScript(p.NameForLetters); c != models.NamePrintable {
			v.Add(models.FieldNameForLetters, "enter it in Latin script (English letters), with only letters, spaces, hyphens and apostrophes")
		}
	}
	p.AddressLines = strings.Join(models.AddressLines(p.AddressLines), "\n")
	if err := models.CheckAddressLines(models.AddressLines(p.AddressLines)); err != nil {
		v = append(v, models.FieldErrorsIn(err)...)
	}
	needs, err := p.CommunicationNeeds.Normalised()
	if err != nil {
		return append(v, models.FieldErrorsIn(err)...)
	}
	p.CommunicationNeeds = needs
	return v
}
