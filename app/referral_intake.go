package app

import (
	"time"

	"perinatal-caseload/models"
)

// intakeLimits checks a referral against the limits of what intake
// accepts (see models.CheckText, models.CheckReceivedAt and
// models.CheckCopyRecipients): text the program can store, show and print,
// a time of receipt not in the future, and at most
// models.MaxCopyRecipients professionals copied in. Each fault names the
// field, never its content.
func intakeLimits(r *models.Referral, now time.Time) models.FieldErrors {
	var v models.FieldErrors
	add := func(err error) {
		if err != nil {
			v = append(v, models.FieldErrorsIn(err)...)
		}
	}
	p := &r.Patient
	texts := []struct {
		field models.FieldID
		text  string
		rule  models.TextRule
	}{
		{models.FieldGivenName, p.GivenName, models.ShortText},
		{models.FieldFamilyName, p.FamilyName, models.ShortText},
		{models.FieldNameForLetters, p.NameForLetters, models.ShortText},
		{models.FieldAddress, p.AddressLines, models.Address},
		{models.FieldPostcode, p.Postcode, models.ShortText},
		{"patient.phone", p.Phone, models.ShortText},
		{"patient.email", p.Email, models.ShortText},
		{"patient.gp_practice", p.GPPractice, models.ShortText},
		{models.FieldReferrerName, r.Referrer.Name, models.ShortText},
		{"referrer.organisation", r.Referrer.Organisation, models.ShortText},
		{"referrer.phone", r.Referrer.Phone, models.ShortText},
		{"referrer.email", r.Referrer.Email, models.ShortText},
		{"referrer.address", r.Referrer.Address, models.Address},
		{"current_services.cmht_team", r.CMHTTeam, models.ShortText},
		{"current_services.care_coordinator", r.CareCoordinator, models.ShortText},
		{"current_services.ward", r.Ward, models.ShortText},
		{models.FieldReasonForReferral, r.ReasonForReferral, models.FreeText},
		{"risk_summary", r.RiskSummary, models.FreeText},
	}
	for _, t := range texts {
		add(models.CheckText(t.field, t.text, t.rule))
	}
	for _, c := range r.Conditions {
		add(models.CheckText(models.FieldConditions, c.Note, models.TextRule{MaxRunes: 500}))
	}
	for _, m := range r.Medications {
		add(models.CheckText(models.FieldMedication, m.Name+" "+m.Dose, models.ShortText))
	}
	add(models.CheckCopyRecipients(len(r.CopyRecipients)))
	for _, c := range r.CopyRecipients {
		pro := c.Professional
		for _, text := range []string{pro.Name, pro.Role, pro.Organisation, pro.Phone, pro.Email} {
			add(models.CheckText(models.FieldOtherProfessional, text, models.ShortText))
		}
		add(models.CheckText(models.FieldOtherProfessional, pro.Address, models.Address))
	}
	if !r.ReceivedAt.IsZero() {
		add(models.CheckReceivedAt(r.ReceivedAt, now))
	}
	return v
}
