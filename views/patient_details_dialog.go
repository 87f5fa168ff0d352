package views

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// patientDetailsDialog corrects a woman's details after intake, from one
// of her referrals: her names, NHS number, address (the old one is kept
// with the day she moved), telephone and whether messages may be left, GP
// practice from the directory, ethnic category, the referral's due date,
// and, under its own heading, her communication needs and whether it is safe
// to write to her home. Her key worker and the administrators may save;
// the service checks it, and the versions read, and names each field at
// fault.
type patientDetailsDialog struct {
	*formDialog
	*needsFields
	GivenName, FamilyName, PreferredName *widgets.FormEntry
	NameForLetters, NHSNumber            *widgets.FormEntry
	Address, Postcode, MovedOn           *widgets.FormEntry
	Phone                                *widgets.FormEntry
	Messages                             *widgets.Choice
	// GP is her practice in the directory ("" for one not in it, named in
	// GPName).
	GP        *widgets.Choice
	GPName    *widgets.FormEntry
	Ethnicity *widgets.Choice
	DueDate   *widgets.FormEntry

	s *session
	r *models.Referral
}

// showPatientDetailsDialog edits the details of the woman of r (as read,
// with her record); onDone runs once they are saved.
func showPatientDetailsDialog(s *session, r *models.Referral, onDone func()) *patientDetailsDialog {
	d := &patientDetailsDialog{s: s, r: r}
	submit := func() { d.Submit() }
	entry := func() *widgets.FormEntry { return widgets.NewFormEntry(submit) }
	d.needsFields = newDialogNeedsFields(submit)
	d.GivenName, d.FamilyName, d.PreferredName, d.NameForLetters = entry(), entry(), entry(), entry()
	d.NHSNumber, d.Postcode, d.GPName = entry(), entry(), entry()
	d.Phone = widgets.NewHintedFormEntry("Mobile or landline", submit)
	d.Address = widgets.NewFormTextArea(submit, 3)
	d.MovedOn = widgets.NewHintedFormEntry("DD/MM/YYYY", submit)
	d.DueDate = widgets.NewHintedFormEntry("DD/MM/YYYY", submit)
	d.Messages = widgets.NewChoice(answerCodes(), func(c string) string { return models.Answer(c).Label() }, "Not asked", nil)
	ethnic := []string{""}
	for _, e := range models.EthnicCategories {
		ethnic = append(ethnic, string(e))
	}
	d.Ethnicity = widgets.NewChoice(ethnic, func(c string) string { return models.EthnicCategory(c).Label() }, "Not recorded", nil)
	d.GP = d.gpChoice()
	d.show(models.DetailsOf(&r.Patient, r))

	herItems := []*widget.FormItem{
		required("Given name", d.GivenName), required("Family name", d.FamilyName),
		hinted("Preferred name", d.PreferredName, "What she likes to be called, if not her given name"),
		hinted("NHS number", d.NHSNumber, "Ten digits; blank if not known"),
		hinted("Address", d.Address, "Without the postcode"), required("Postcode", d.Postcode),
		hinted("Moved on", d.MovedOn, "If the address changed: her last day at the old one (blank for today)"),
		widget.NewFormItem("Telephone", d.Phone),
		widget.NewFormItem("Messages may be left", d.Messages.Select),
		hinted("GP practice", d.GP.Select, "From the directory"),
		hinted("GP not in the directory", d.GPName, "Only if her practice is not in the list"),
		widget.NewFormItem("Ethnic category", d.Ethnicity.Select),
		hinted("Due date", d.DueDate, "On this referral; once the baby is born, record the birth instead"),
	}
	needsItems := append([]*widget.FormItem{hinted("Name for letters", d.NameForLetters,
		"Only if her name is written in another script: her name in English letters")}, d.Items()...)
	// One form scrolling under its two headings: tabs would hide a field
	// at fault on the tab not shown.
	body := container.NewVBox(widget.NewForm(herItems...),
		subheading("Communication needs (Accessible Information Standard)"), widget.NewForm(needsItems...))
	d.formDialog = newFormDialog("Her details", "Save", 700, body, s.Window, d.save, onDone)
	d.ShowFocused(d.GivenName)
	return d
}

// answerCodes are the codes of models.Answers.
func answerCodes() []string {
	out := make([]string, len(models.Answers))
	for i, a := range models.Answers {
		out[i] = string(a)
	}
	return out
}

// gpChoice offers the open GP practices of the directory, by name, with
// "Not in the directory" first.
func (d *patientDetailsDialog) gpChoice() *widgets.Choice {
	codes, names := []string{""}, map[string]string{"": "Not in the directory"}
	practices, err := d.s.Services.Directory.Organisations(d.s.Actor, app.OrganisationFilter{Kind: models.OrgGPPractice}, 0, 1000)
	if err == nil {
		for _, o := range practices {
			code := strconv.FormatUint(uint64(o.ID), 10)
			codes, names[code] = append(codes, code), o.Name
		}
	}
	return widgets.NewChoice(codes, func(c string) string { return names[c] }, "Not in the directory", nil)
}

// show puts her details in the widgets.
func (d *patientDetailsDialog) show(p models.PatientDetails) {
	d.GivenName.SetText(p.GivenName)
	d.FamilyName.SetText(p.FamilyName)
	d.PreferredName.SetText(p.PreferredName)
	d.NameForLetters.SetText(p.NameForLetters)
	d.NHSNumber.SetText(models.FormatNHSNumber(p.NHSNumber))
	d.Address.SetText(p.AddressLines)
	d.Postcode.SetText(p.Postcode)
	d.Phone.SetText(p.Phone)
	d.Messages.SetCode(string(p.PhoneMessages))
	d.GPName.SetText(p.GPPractice)
	if p.GPPracticeID != nil {
		d.GP.SetCode(strconv.FormatUint(uint64(*p.GPPracticeID), 10))
		d.GPName.SetText("")
	}
	d.Ethnicity.SetCode(string(p.EthnicCategory))
	if !p.DueDate.IsZero() {
		d.DueDate.SetText(p.DueDate.UK())
	}
	d.SetNeeds(p.Needs)
}

// details reads her details from the widgets.
func (d *patientDetailsDialog) details() (models.PatientDetails, error) {
	due, err := dateField(models.FieldDueDate, d.DueDate.Text)
	if err != nil {
		return models.PatientDetails{}, err
	}
	moved, err := dateField(models.FieldMovedOn, d.MovedOn.Text)
	if err != nil {
		return models.PatientDetails{}, err
	}
	p := models.PatientDetails{
		GivenName: d.GivenName.Text, FamilyName: d.FamilyName.Text, PreferredName: d.PreferredName.Text,
		NameForLetters: d.NameForLetters.Text, NHSNumber: d.NHSNumber.Text,
		AddressLines: strings.Join(nonBlankLines(d.Address.Text), "\n"), Postcode: d.Postcode.Text,
		Phone: d.Phone.Text, PhoneMessages: models.Answer(d.Messages.Code()), GPPractice: trimmed(d.GPName),
		EthnicCategory: models.EthnicCategory(d.Ethnicity.Code()), DueDate: due, MovedOn: moved, Needs: d.Needs(),
	}
	if id, err := strconv.ParseUint(d.GP.Code(), 10, 64); err == nil {
		gp := uint(id)
		p.GPPracticeID = &gp
	}
	return p, nil
}

// save asks the service to record the details, marking the fields at fault.
func (d *patientDetailsDialog) save() error {
	p, err := d.details()
	if err == nil {
		err = d.s.Services.Patients.UpdateDetails(d.s.Actor, app.DetailsUpdate{
			ReferralID: d.r.ID, PatientVersion: d.r.Patient.Version, ReferralVersion: d.r.Version, Details: p,
		})
	}
	entries := map[models.FieldID]*widgets.FormEntry{
		models.FieldGivenName: d.GivenName, models.FieldFamilyName: d.FamilyName, models.FieldPreferredName: d.PreferredName,
		models.FieldNameForLetters: d.NameForLetters, models.FieldNHSNumber: d.NHSNumber, models.FieldAddress: d.Address,
		models.FieldPostcode: d.Postcode, models.FieldMovedOn: d.MovedOn, models.FieldPatientPhone: d.Phone,
		models.FieldGPPracticeName: d.GPName, models.FieldDueDate: d.DueDate,
	}
	for _, fe := range models.FieldErrorsIn(err) {
		e := entries[fe.Field]
		if e == nil {
			e = d.entryFor(fe.Field)
		}
		if e != nil {
			e.SetValidationError(errors.New(fe.Error()))
		}
	}
	return err
}

// herDetailsLines describes what the details dialog adds to her record,
// as label and value pairs for facts.
func herDetailsLines(p *models.Patient) []string {
	return []string{
		"Preferred name", orNotStated(p.PreferredName),
		"Messages may be left", p.PhoneMessages.Label(),
		"Ethnic category", p.EthnicCategory.Label(),
	}
}
