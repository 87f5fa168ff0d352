// Package referralform reads the JSON files the online referral form
// exports (the exchange format in docs/referral-form.md) into
// models.Referral values.
//
// Parsing is strict: a field the format does not define, a value of the wrong
// type, a missing required field, a value outside its list, an impossible
// date, an invalid NHS number or postcode are all errors. Every problem in a
// file is reported together, each with its JSON path, so the sender can fix
// them in one go.
package referralform

import (
	"slices"
	"strings"

	"perinatal-caseload/models"
)

// Allowed values of the format's enumerated fields.
var (
	referrerRoles = func() []string {
		out := make([]string, len(models.ReferrerRoles))
		for i, r := range models.ReferrerRoles {
			out[i] = string(r)
		}
		return out
	}()
	stageCodes         = []string{string(models.StagePreconception), string(models.StagePregnant), string(models.StagePostnatal)}
	severityCodes      = []string{string(models.SeverityMild), string(models.SeverityModerate), string(models.SeveritySevere)}
	statusCodes        = []string{string(models.ConditionCurrent), string(models.ConditionPrevious)}
	familyHistoryCodes = []string{"postpartum_psychosis", "bipolar_disorder"}
)

// Parse reads one referral-form submission. It returns the referral ready to
// save, with Status received and routine priority (the caller screens it
// and sets the priority from the recommendation).
//
// A file that is not JSON at all (empty, cut short, broken syntax) gives a
// plain error saying where; a cut-short file's error wraps ErrTruncated. A
// JSON file with problems in its fields gives a models.FieldErrors listing
// all of them, each field named by its JSON path ("patient.postcode",
// "conditions[1].code"; none for the file as a whole). Error text never
// repeats names, NHS numbers, postcodes or dates from the file, since it may
// be logged.
func Parse(data []byte) (*models.Referral, error) {
	root, err := decode(data)
	if err != nil {
		return nil, err
	}
	if root.kind != kindObject {
		return nil, models.FieldErrors{
			models.NewFieldError("", "the file should hold one JSON object, the referral, not %s", root.kind.describe()),
		}
	}
	c := &checker{}
	r := c.referral(root)
	if err := c.errs.Err(); err != nil {
		return nil, err
	}
	return r, nil
}

// referral reads the whole document.
func (c *checker) referral(root *value) *models.Referral {
	top := c.obj(root, "")
	r := &models.Referral{Status: models.StatusReceived}
	r.SetPriority(models.PriorityRoutine)

	if id := top.str("form_id", optional); id != "" {
		r.FormID = &id
	}
	var asOf models.Date // the UK date the referral was received, if known
	if at, ok := top.instant("received_at", true); ok {
		r.ReceivedAt = at
		asOf = models.LondonDate(at)
	}
	if o := top.sub("referrer", true); o != nil {
		r.Referrer = models.Professional{
			Name:         o.str("name", filled),
			Role:         o.oneOf("role", true, referrerRoles),
			Organisation: o.str("organisation", optional),
			Phone:        o.str("phone", optional),
			Email:        o.str("email", optional),
			Address:      o.str("address", optional),
		}
		o.done()
	}
	if o := top.sub("patient", true); o != nil {
		c.patient(o, r, asOf)
		o.done()
	}
	r.ConsentObtained, _ = top.flag("consent_obtained", true)
	if o := top.sub("perinatal", true); o != nil {
		c.perinatal(o, r, asOf)
		o.done()
	}
	r.Severity = models.Severity(top.oneOf("severity", false, severityCodes))
	if m, ok := top.flag("manageable_in_primary_care", false); ok {
		r.ManageableInPrimaryCare = &m
	}
	r.Conditions = c.conditions(top)
	r.FamilyHistory = c.familyHistory(top)
	r.PreviousPerinatalIllnessTreated, _ = top.flag("previous_perinatal_illness_treated_by_psychiatric_services", false)
	r.SevereImpactOnFunctioning, _ = top.flag("severe_impact_on_functioning_or_baby_care", false)
	r.Medications = c.medications(top)
	r.Breastfeeding, _ = top.flag("breastfeeding", false)
	r.MedicationAdviceRequested, _ = top.flag("medication_advice_requested", false)
	if o := top.sub("current_services", false); o != nil {
		r.CurrentServices = c.currentServices(o)
		o.done()
	}
	r.CopyRecipients = c.otherProfessionals(top)
	r.ReasonForReferral = top.str("reason_for_referral", filled)
	r.RiskSummary = top.str("risk_summary", optional)
	top.done()
	return r
}

func (c *checker) patient(o *object, r *models.Referral, asOf models.Date) {
	p := &r.Patient
	if s := o.str("nhs_number", optional); s != "" {
		n, err := models.NormaliseNHSNumber(s)
		if err != nil {
			c.addModel(join(o.path, "nhs_number"), err)
		} else {
			p.NHSNumber = &n
		}
	}
	p.GivenName = o.str("given_name", filled)
	p.FamilyName = o.str("family_name", filled)
	p.DateOfBirth = o.date("date_of_birth", true)
	if !p.DateOfBirth.IsZero() && !asOf.IsZero() {
		switch {
		case p.DateOfBirth.After(asOf):
			c.add(join(o.path, "date_of_birth"), "is later than the date the referral was received; check the date")
		case p.DateOfBirth.Before(asOf.AddMonths(-100 * 12)):
			c.add(join(o.path, "date_of_birth"), "is more than 100 years before the referral; check the year")
		}
	}
	if lines, given := c.lines(o, "address_lines"); given {
		p.AddressLines = lines
	}
	if s := o.str("postcode", filled); s != "" {
		pc, err := models.NormalisePostcode(s)
		if err != nil {
			c.addModel(join(o.path, "postcode"), err)
		}
		p.Postcode = pc
	}
	p.Phone = o.str("phone", optional)
	p.Email = o.str("email", optional)
	p.GPPractice = o.str("gp_practice", optional)
	r.RegisteredWithGP, _ = o.flag("registered_with_gp", true)
	r.LivesInArea, _ = o.flag("lives_in_area", true)
	p.Language, p.LanguageOtherName = models.LanguageFromText(o.str("preferred_language", optional))
	p.InterpreterNeeded, _ = o.flag("interpreter_needed", false)
	p.NameForLetters = o.str("name_for_letters", optional)
	if n := o.sub("communication_needs", false); n != nil {
		c.needs(n, &p.CommunicationNeeds)
		n.done()
	}
	c.lettersCanPrint(o, p)
	p.UpdateSearchKeys()
}

// lines reads the list of address lines at key, leaving out empty ones,
// and returns them joined with "\n"; given reports whether the list is in
// the file at all.
func (c *checker) lines(o *object, key string) (joined string, given bool) {
	items, path := o.list(key)
	if path == "" {
		return "", false
	}
	var lines []string
	for i, item := range items {
		if s, ok := c.text(item, index(path, i)); ok && s != "" {
			lines = append(lines, s)
		}
	}
	return strings.Join(lines, "\n"), true
}

// contactCodes are the values of communication_needs.preferred_contact.
var contactCodes = func() []string {
	out := make([]string, len(models.ContactMethods))
	for i, m := range models.ContactMethods {
		out[i] = string(m)
	}
	return out
}()

// needs reads the patient's communication_needs object.
func (c *checker) needs(o *object, n *models.CommunicationNeeds) {
	n.BSL, _ = o.flag("bsl", false)
	n.LargePrint, _ = o.flag("large_print", false)
	n.EasyRead, _ = o.flag("easy_read", false)
	n.Braille, _ = o.flag("braille", false)
	n.PreferredContact = models.ContactMethod(o.oneOf("preferred_contact", false, contactCodes))
	if safe, given := o.flag("safe_to_write_home", false); given {
		n.UnsafeToWriteHome = !safe
	}
	if lines, given := c.lines(o, "safe_address_lines"); given {
		n.SafeAddressLines = lines
	}
	n.SafePostcode = o.str("safe_postcode", optional)
	n.Notes = o.str("notes", optional)
}

// needsPaths names the fields of models.CommunicationNeeds by their JSON
// paths under patient.
var needsPaths = map[models.FieldID]string{
	models.FieldLanguage:         "preferred_language",
	models.FieldPreferredContact: "communication_needs.preferred_contact",
	models.FieldSafeAddress:      "communication_needs.safe_address_lines",
	models.FieldSafePostcode:     "communication_needs.safe_postcode",
}

// lettersCanPrint refuses what a letter could not print, so that nothing
// the form accepts is refused later by a letter: a name in a script the
// letters cannot print without her name in Latin script for letters, a
// name longer than letters allow, more address lines than an envelope
// window shows, and communication needs that do not hold together (a safe
// address without its postcode, say).
func (c *checker) lettersCanPrint(o *object, p *models.Patient) {
	if p.GivenName != "" && p.FamilyName != "" {
		if _, err := models.NameForLetters(p.FullName(), p.NameForLetters); err != nil {
			path := "given_name"
			if fe := models.FieldErrorsIn(err); len(fe) > 0 && fe[0].Field == models.FieldNameForLetters {
				path = "name_for_letters"
			}
			c.addModel(join(o.path, path), err)
		}
	}
	if err := models.CheckAddressLines(models.AddressLines(p.AddressLines)); err != nil {
		c.addModel(join(o.path, "address_lines"), err)
	}
	needs, err := p.CommunicationNeeds.Normalised()
	for _, fe := range models.FieldErrorsIn(err) {
		c.addModel(join(o.path, needsPaths[fe.Field]), fe)
	}
	if err == nil {
		p.CommunicationNeeds = needs
	}
}

func (c *checker) perinatal(o *object, r *models.Referral, asOf models.Date) {
	r.Stage = models.Stage(o.oneOf("stage", true, stageCodes))
	r.ExpectedDeliveryDate = o.date("expected_delivery_date", false)
	r.BabyDateOfBirth = o.date("baby_date_of_birth", false)
	dobPath := join(o.path, "baby_date_of_birth")
	if r.Stage == models.StagePostnatal && !o.has("baby_date_of_birth") {
		c.add(dobPath, "is missing; it is required when the stage is postnatal")
	}
	if !r.BabyDateOfBirth.IsZero() && !asOf.IsZero() && r.BabyDateOfBirth.After(asOf) {
		c.addModel(dobPath, models.ErrBabyBornAfterReference)
	}
}

func (c *checker) conditions(top *object) []models.Condition {
	return eachObject(c, top, "conditions", func(o *object) models.Condition {
		cond := models.Condition{
			Code:   o.oneOf("code", true, models.ConditionCodes),
			Status: models.ConditionStatus(o.oneOf("status", true, statusCodes)),
		}
		cond.Primary, _ = o.flag("primary", false)
		cond.Note = o.str("note", optional)
		return cond
	})
}

// eachObject reads the list of objects at key with read, and refuses any
// field of an object that read did not take (see object.done).
func eachObject[T any](c *checker, top *object, key string, read func(o *object) T) []T {
	items, path := top.list(key)
	var out []T
	for i, item := range items {
		o := c.obj(item, index(path, i))
		out = append(out, read(o))
		o.done()
	}
	return out
}

// familyHistory returns the family-history codes, each once.
func (c *checker) familyHistory(top *object) []string {
	items, path := top.list("family_history")
	var codes []string
	for i, item := range items {
		s, ok := c.text(item, index(path, i))
		if !ok {
			continue
		}
		if code := c.enum(index(path, i), s, familyHistoryCodes); code != "" && !slices.Contains(codes, code) {
			codes = append(codes, code)
		}
	}
	return codes
}

func (c *checker) medications(top *object) []models.Medication {
	return eachObject(c, top, "medication", func(o *object) models.Medication {
		return models.Medication{
			Name:  o.str("name", filled),
			Class: o.oneOf("class", true, models.MedicationClasses),
			Dose:  o.str("dose", optional),
		}
	})
}

func (c *checker) currentServices(o *object) models.CurrentServices {
	var cs models.CurrentServices
	cs.CMHTOpen, _ = o.flag("cmht_open", false)
	cs.CMHTTeam = o.str("cmht_team", optional)
	cs.CareCoordinator = o.str("care_coordinator", optional)
	cs.PsychiatricInpatient, _ = o.flag("psychiatric_inpatient", false)
	cs.Ward = o.str("ward", optional)
	cs.MBUAdmission, _ = o.flag("mbu_admission", false)
	cs.MBUExpectedDischarge = o.date("mbu_expected_discharge", false)
	cs.SubstanceMisuseService, _ = o.flag("substance_misuse_service", false)
	cs.EatingDisorderService, _ = o.flag("eating_disorder_service", false)
	return cs
}

func (c *checker) otherProfessionals(top *object) []models.CopyRecipient {
	return eachObject(c, top, "other_professionals", func(o *object) models.CopyRecipient {
		return models.CopyRecipient{Professional: models.Professional{
			Name:         o.str("name", filled),
			Role:         o.str("role", present),
			Organisation: o.str("organisation", optional),
			Address:      o.str("address", optional),
			Email:        o.str("email", optional),
			Phone:        o.str("phone", optional),
		}}
	})
}
