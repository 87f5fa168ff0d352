package views

import (
	"strings"

	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// birthDialog records the birth of her baby on a referral: the date and
// the baby's name. The referral then moves to after birth from that date.
type birthDialog struct {
	*formDialog
	BornOn   *widgets.FormEntry
	BabyName *widgets.FormEntry

	s *session
	r *models.Referral
}

// showBirthDialog records a birth on r (as read); onDone runs once saved.
func showBirthDialog(s *session, r *models.Referral, onDone func()) *birthDialog {
	d := &birthDialog{s: s, r: r}
	submit := func() { d.Submit() }
	d.BornOn = widgets.NewHintedFormEntry("DD/MM/YYYY", submit)
	d.BabyName = widgets.NewHintedFormEntry("Blank if not yet named", submit)
	form := widget.NewForm(required("Baby's date of birth", d.BornOn), widget.NewFormItem("Baby's name", d.BabyName))
	d.formDialog = newFormDialog("Record a birth", "Record", 480, form, s.Window, d.save, onDone)
	d.ShowFocused(d.BornOn)
	return d
}

func (d *birthDialog) save() error {
	born, err := dateField(models.FieldBirthDate, d.BornOn.Text)
	if err != nil {
		return err
	}
	return d.s.Services.Patients.RecordBirth(d.s.Actor, d.r.Version, &models.Birth{ReferralID: d.r.ID, BornOn: born, BabyName: d.BabyName.Text})
}

// supportPersonDialog adds or changes someone around her: relationship,
// name, telephone, address, whether they care for her, her consent to
// share information with them, and for her partner the partner's
// assessment offered and its outcome.
type supportPersonDialog struct {
	*formDialog
	Relationship      *widgets.Choice
	Name, Phone       *widgets.FormEntry
	Address, Postcode *widgets.FormEntry
	Carer             *widget.Check
	Consent           *widgets.Choice
	ConsentOn         *widgets.FormEntry
	Assessment        *widgets.Choice
	OfferedOn         *widgets.FormEntry
	Outcome           *widgets.FormEntry

	s      *session
	person models.SupportPerson
}

// showSupportPersonDialog edits p (as read; a zero ID adds someone for
// p.PatientID); onDone runs once saved.
func showSupportPersonDialog(s *session, p models.SupportPerson, onDone func()) *supportPersonDialog {
	d := &supportPersonDialog{s: s, person: p}
	submit := func() { d.Submit() }
	rels := make([]string, len(models.Relationships))
	for i, r := range models.Relationships {
		rels[i] = string(r)
	}
	states := make([]string, len(models.PartnerAssessments))
	for i, a := range models.PartnerAssessments {
		states[i] = string(a)
	}
	d.Relationship = widgets.NewChoice(rels, func(c string) string { return models.Relationship(c).Label() }, "Choose", nil)
	d.Name, d.Phone, d.Postcode = widgets.NewFormEntry(submit), widgets.NewFormEntry(submit), widgets.NewFormEntry(submit)
	d.Address = widgets.NewFormTextArea(submit, 2)
	d.Carer = widget.NewCheck("Cares for her", nil)
	d.Consent = widgets.NewChoice(answerCodes(), func(c string) string { return models.Answer(c).Label() }, "Not asked", nil)
	d.ConsentOn = widgets.NewHintedFormEntry("DD/MM/YYYY", submit)
	d.Assessment = widgets.NewChoice(states, func(c string) string { return models.PartnerAssessment(c).Label() }, "Not offered", nil)
	d.OfferedOn = widgets.NewHintedFormEntry("DD/MM/YYYY", submit)
	d.Outcome = widgets.NewFormTextArea(submit, 2)
	d.Relationship.SetCode(string(p.Relationship))
	d.Name.SetText(p.Name)
	d.Phone.SetText(p.Phone)
	d.Address.SetText(p.AddressLines)
	d.Postcode.SetText(p.Postcode)
	d.Carer.SetChecked(p.Carer)
	d.Consent.SetCode(string(p.ConsentToShare))
	d.Assessment.SetCode(string(p.PartnerAssessment))
	d.Outcome.SetText(p.PartnerOutcome)
	for _, x := range []struct {
		e    *widgets.FormEntry
		date models.Date
	}{{d.ConsentOn, p.ConsentOn}, {d.OfferedOn, p.PartnerOfferedOn}} {
		if !x.date.IsZero() {
			x.e.SetText(x.date.UK())
		}
	}
	form := widget.NewForm(
		required("Relationship", d.Relationship.Select), required("Name", d.Name),
		widget.NewFormItem("Telephone", d.Phone), hinted("Address", d.Address, "Without the postcode"),
		widget.NewFormItem("Postcode", d.Postcode), widget.NewFormItem("", d.Carer),
		hinted("Consent to share", d.Consent.Select, "Her consent to the team sharing information about her care with them"),
		widget.NewFormItem("Consent given on", d.ConsentOn),
		hinted("Partner's assessment", d.Assessment.Select, "Her partner only: an assessment of their own mental health"),
		widget.NewFormItem("Offered on", d.OfferedOn),
		widget.NewFormItem("Outcome", d.Outcome),
	)
	title := "Add a person around her"
	if p.ID != 0 {
		title = "Change a person around her"
	}
	d.formDialog = newFormDialog(title, "Save", 560, form, s.Window, d.save, onDone)
	d.ShowFocused(d.Relationship.Select)
	return d
}

func (d *supportPersonDialog) save() error {
	consentOn, err := dateField(models.FieldConsentOn, d.ConsentOn.Text)
	if err != nil {
		return err
	}
	offeredOn, err := dateField(models.FieldPartnerOfferedOn, d.OfferedOn.Text)
	if err != nil {
		return err
	}
	p := d.person
	p.Relationship, p.Name, p.Phone = models.Relationship(d.Relationship.Code()), d.Name.Text, d.Phone.Text
	p.AddressLines, p.Postcode, p.Carer = strings.Join(nonBlankLines(d.Address.Text), "\n"), d.Postcode.Text, d.Carer.Checked
	p.ConsentToShare, p.ConsentOn = models.Answer(d.Consent.Code()), consentOn
	p.PartnerAssessment, p.PartnerOfferedOn, p.PartnerOutcome = models.PartnerAssessment(d.Assessment.Code()), offeredOn, d.Outcome.Text
	return d.s.Services.Patients.SaveSupportPerson(d.s.Actor, &p)
}
