package views

import (
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// referral reads the form into a referral. Text that does not parse (a
// half-typed date, say) reads as not given, so the screening panel can
// still show what the rest says; Save checks it all first.
func (f *referralForm) referral() *models.Referral {
	r := &models.Referral{Status: models.StatusReceived}
	r.SetPriority(models.PriorityRoutine)
	p := &r.Patient
	if nhs := strings.TrimSpace(f.NHSNumber.Text); nhs != "" {
		if n, err := models.NormaliseNHSNumber(nhs); err == nil {
			nhs = n
		}
		p.NHSNumber = &nhs
	}
	p.GivenName, p.FamilyName = trimmed(f.GivenName), trimmed(f.FamilyName)
	p.DateOfBirth = dateOrZero(f.DateOfBirth.Text)
	p.AddressLines = strings.Join(nonBlankLines(f.Address.Text), "\n")
	p.Postcode = trimmed(f.Postcode)
	if pc, err := models.NormalisePostcode(p.Postcode); err == nil {
		p.Postcode = pc
	}
	p.Phone, p.Email, p.GPPractice = trimmed(f.Phone), trimmed(f.Email), trimmed(f.GPPractice)
	p.NameForLetters = trimmed(f.NameForLetters)
	p.CommunicationNeeds = f.Needs()

	r.Referrer = models.Professional{
		Name: trimmed(f.ReferrerName), Role: f.ReferrerRole.Code(), Organisation: trimmed(f.ReferrerOrganisation),
		Phone: trimmed(f.ReferrerPhone), Email: trimmed(f.ReferrerEmail), Address: strings.TrimSpace(f.ReferrerAddress.Text),
	}

	if t, err := f.parseReceived(f.Received.Text); err == nil {
		r.ReceivedAt = t
	} else {
		r.ReceivedAt = f.svc.Clock().Now()
	}
	if id := trimmed(f.FormID); id != "" {
		r.FormID = &id
	}
	for i, c := range []*widgets.Choice{f.Consent, f.RegisteredWithGP, f.LivesInArea} { // in the order of models.Questions
		if c.Code() == "" {
			r.Unanswered = append(r.Unanswered, models.Questions[i])
		}
	}
	r.ConsentObtained, r.RegisteredWithGP, r.LivesInArea = f.Consent.Code() == "yes", f.RegisteredWithGP.Code() == "yes", f.LivesInArea.Code() == "yes"

	if i := indexOf(f.Stage.Options, f.Stage.Selected); i >= 0 {
		r.Stage = models.Stages[i]
	}
	r.ExpectedDeliveryDate, r.BabyDateOfBirth = dateOrZero(f.DueDate.Text), dateOrZero(f.BabyBorn.Text)
	r.Breastfeeding = f.Breastfeeding.Checked

	r.Severity = models.Severity(f.Severity.Code())
	if m := f.Manageable.Code(); m != "" {
		yes := m == "yes"
		r.ManageableInPrimaryCare = &yes
	}
	for _, c := range f.Conditions.Rows() {
		if c.Code.Code() != "" {
			r.Conditions = append(r.Conditions, models.Condition{Code: c.Code.Code(), Status: models.ConditionStatus(c.Status.Code()),
				Primary: c.Primary.Checked, Note: trimmed(c.Note)})
		}
	}
	var family []string
	if f.FamilyPP.Checked {
		family = append(family, "postpartum_psychosis")
	}
	if f.FamilyBipolar.Checked {
		family = append(family, "bipolar_disorder")
	}
	r.FamilyHistory = family
	r.PreviousPerinatalIllnessTreated, r.SevereImpactOnFunctioning = f.PreviousPerinatalTreated.Checked, f.SevereImpact.Checked

	for _, m := range f.Medicines.Rows() {
		if trimmed(m.Name) != "" || m.Class.Code() != "" {
			r.Medications = append(r.Medications, models.Medication{Name: trimmed(m.Name), Class: m.Class.Code(), Dose: trimmed(m.Dose)})
		}
	}
	r.MedicationAdviceRequested = f.MedicationAdvice.Checked

	r.CurrentServices = models.CurrentServices{
		CMHTOpen: f.CMHTOpen.Checked, CMHTTeam: trimmed(f.CMHTTeam), CareCoordinator: trimmed(f.CareCoordinator),
		PsychiatricInpatient: f.Inpatient.Checked, Ward: trimmed(f.Ward),
		MBUAdmission: f.MBU.Checked, MBUExpectedDischarge: dateOrZero(f.MBUDischarge.Text),
		SubstanceMisuseService: f.SubstanceService.Checked, EatingDisorderService: f.EatingService.Checked,
	}
	for _, o := range f.Professionals.Rows() {
		if trimmed(o.Name) != "" {
			r.CopyRecipients = append(r.CopyRecipients, models.CopyRecipient{Professional: models.Professional{
				Name: trimmed(o.Name), Role: trimmed(o.Role), Organisation: trimmed(o.Organisation),
				Address: trimmed(o.Address), Email: trimmed(o.Email), Phone: trimmed(o.Phone)}})
		}
	}
	r.ReasonForReferral, r.RiskSummary = strings.TrimSpace(f.Reason.Text), strings.TrimSpace(f.Risk.Text)
	return r
}

// typedProblems lists what was typed that cannot be read: every entry
// whose check fails, and rows left half filled in.
func (f *referralForm) typedProblems() models.FieldErrors {
	var out models.FieldErrors
	for _, e := range []*widgets.FormEntry{f.NHSNumber, f.DateOfBirth, f.Postcode, f.SafePostcode, f.Received, f.DueDate, f.BabyBorn, f.MBUDischarge} {
		var fe *models.FieldError
		if errors.As(e.Validate(), &fe) {
			out = append(out, fe)
		}
	}
	for i, m := range f.Medicines.Rows() {
		switch named := trimmed(m.Name) != ""; {
		case !named && (m.Class.Code() != "" || trimmed(m.Dose) != ""):
			out.Add(models.FieldMedication.Item(i), "enter the medicine's name, or remove the row")
		case named && m.Class.Code() == "":
			out.Add(models.FieldMedication.Item(i), "choose its class (mood stabiliser, antipsychotic, …)")
		}
	}
	for i, c := range f.Conditions.Rows() {
		if c.Code.Code() == "" && (trimmed(c.Note) != "" || c.Primary.Checked) {
			out.Add(models.FieldConditions.Item(i), "choose the condition, or remove the row")
		}
	}
	if f.Language.Code() == models.LanguageOther && trimmed(f.LanguageOther) == "" {
		out.Add(models.FieldLanguage, "type the name of her language in Other language")
	}
	for i, o := range f.Professionals.Rows() {
		if trimmed(o.Name) == "" && (trimmed(o.Role)+trimmed(o.Organisation)+trimmed(o.Address)+trimmed(o.Email)+trimmed(o.Phone)) != "" {
			out.Add(models.FieldOtherProfessional.Item(i), "enter the professional's name, or remove the row")
		}
	}
	return out
}

// entryFor returns the entry for a field, or nil.
func (f *referralForm) entryFor(field models.FieldID) *widgets.FormEntry {
	return map[models.FieldID]*widgets.FormEntry{
		models.FieldNHSNumber: f.NHSNumber, models.FieldGivenName: f.GivenName, models.FieldFamilyName: f.FamilyName,
		models.FieldDateOfBirth: f.DateOfBirth, models.FieldPostcode: f.Postcode, models.FieldReferrerName: f.ReferrerName,
		models.FieldReceived: f.Received, models.FieldFormID: f.FormID, models.FieldDueDate: f.DueDate,
		models.FieldBabyDateOfBirth: f.BabyBorn, models.FieldMBUDischarge: f.MBUDischarge, models.FieldReasonForReferral: f.Reason,
		models.FieldNameForLetters: f.NameForLetters, models.FieldAddress: f.Address,
		models.FieldLanguage: f.LanguageOther, models.FieldSafeAddress: f.SafeAddress, models.FieldSafePostcode: f.SafePostcode,
	}[field]
}

// prefill fills the woman's details from her record where the form is blank.
func (f *referralForm) prefill(p *models.Patient) {
	quiet := f.quiet
	f.quiet = true
	defer func() { f.quiet = quiet }()
	fill := func(e *widgets.FormEntry, value string) {
		if strings.TrimSpace(e.Text) == "" && value != "" {
			e.SetText(value)
		}
	}
	fill(f.GivenName, p.GivenName)
	fill(f.FamilyName, p.FamilyName)
	if !p.DateOfBirth.IsZero() {
		fill(f.DateOfBirth, p.DateOfBirth.UK())
	}
	fill(f.Address, p.AddressLines)
	fill(f.Postcode, p.Postcode)
	fill(f.Phone, p.Phone)
	fill(f.Email, p.Email)
	fill(f.GPPractice, p.GPPractice)
	fill(f.NameForLetters, p.NameForLetters)
	if f.Needs() == (models.CommunicationNeeds{}) {
		f.SetNeeds(p.CommunicationNeeds)
	}
}

// Reset empties the form for the next referral, received now.
func (f *referralForm) Reset() {
	f.quiet = true
	for _, e := range []*widgets.FormEntry{f.NHSNumber, f.GivenName, f.FamilyName, f.NameForLetters, f.DateOfBirth, f.Address, f.Postcode,
		f.Phone, f.Email, f.GPPractice, f.LanguageOther, f.SafeAddress, f.SafePostcode, f.NeedsNotes, f.ReferrerName, f.ReferrerOrganisation, f.ReferrerPhone,
		f.ReferrerEmail, f.ReferrerAddress, f.FormID, f.DueDate, f.BabyBorn, f.CMHTTeam, f.CareCoordinator, f.Ward,
		f.MBUDischarge, f.Reason, f.Risk} {
		e.SetText("")
		e.SetValidationError(nil)
	}
	for _, c := range []*widget.Check{f.InterpreterNeeded, f.BSL, f.LargePrint, f.EasyRead, f.Braille, f.UnsafeHome, f.Breastfeeding,
		f.FamilyPP, f.FamilyBipolar, f.PreviousPerinatalTreated, f.SevereImpact, f.MedicationAdvice, f.CMHTOpen,
		f.Inpatient, f.MBU, f.SubstanceService, f.EatingService} {
		c.SetChecked(false)
	}
	for _, c := range []*widgets.Choice{f.ReferrerRole, f.Consent, f.RegisteredWithGP, f.LivesInArea} {
		c.SetCode("")
	}
	f.Language.SetCode("")
	f.PreferredContact.SetCode("")
	f.Stage.SetSelected("")
	f.Severity.SetCode("")
	f.Manageable.SetCode("")
	f.Conditions.Clear()
	f.Medicines.Clear()
	f.Professionals.Clear()
	f.Received.SetText(f.svc.Clock().Now().In(models.London).Format("02/01/2006 15:04"))
	f.lookedUp = ""
	f.Panel.ShowKnown(false, nil)
	f.clearProblems()
	f.quiet = false
	f.changed()
	f.started = false
}

// parseReceived reads "Received", a date and a time typed in one box, as
// models.ParseUKDateTime reads them (the first word is the date, the rest
// the time), so it refuses what the booking dialog refuses, in the same
// words. It may not be in the future.
func (f *referralForm) parseReceived(s string) (time.Time, error) {
	words := strings.Fields(s)
	if len(words) == 0 {
		return time.Time{}, errors.New("enter the date and time it arrived as DD/MM/YYYY HH:MM, such as 23/11/2026 09:30")
	}
	t, err := models.ParseUKDateTime(words[0], strings.Join(words[1:], " "))
	var in *models.FieldError
	if errors.As(err, &in) {
		return time.Time{}, errors.New(in.Message)
	}
	if err != nil {
		return time.Time{}, err
	}
	if t.After(f.svc.Clock().Now().Add(5 * time.Minute)) {
		return time.Time{}, errors.New("this is in the future; enter when the referral arrived")
	}
	return t, nil
}

// checkReceived is the check for "Received": it is required.
func (f *referralForm) checkReceived(s string) error {
	_, err := f.parseReceived(s)
	return err
}

// checkNHSNumber accepts a blank or valid NHS number.
func checkNHSNumber(s string) error {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	_, err := models.NormaliseNHSNumber(s)
	return err
}

// checkPostcode accepts a blank or valid UK postcode.
func checkPostcode(s string) error {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	_, err := models.NormalisePostcode(s)
	return err
}

// checkDate accepts a blank or a real date typed as DD/MM/YYYY.
func checkDate(s string) error {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	if _, err := models.ParseUKDate(s); err != nil {
		return errors.New("enter a real date as DD/MM/YYYY, such as 23/11/2026")
	}
	return nil
}

// fieldError names field as at fault for err, keeping the message of a
// *models.FieldError from the models package.
func fieldError(field models.FieldID, err error) error {
	return models.OnField(field, err)
}

// timeframeText says where she was in the perinatal period when the
// referral was received, or why that cannot be worked out yet.
func timeframeText(r *models.Referral) string {
	if !r.Stage.Valid() {
		return "Choose the stage: planning a pregnancy, pregnant or after birth."
	}
	tf, err := r.Timeframe(models.LondonDate(r.ReceivedAt))
	if err != nil {
		return sentence(err)
	}
	text := "At referral: " + tf.Text()
	if tf.Stage == models.StagePostnatal {
		text += " (" + strings.ToLower(tf.Band.Label()) + ")"
	}
	return text + "."
}

// dateOrZero reads a DD/MM/YYYY date, or gives the zero date.
func dateOrZero(s string) models.Date {
	d, err := models.ParseUKDate(s)
	if err != nil {
		return models.Date{}
	}
	return d
}

func trimmed(e *widgets.FormEntry) string { return strings.TrimSpace(e.Text) }

func nonBlankLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func indexOf(options []string, s string) int {
	for i, o := range options {
		if o == s {
			return i
		}
	}
	return -1
}
