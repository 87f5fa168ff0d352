package views

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// organisationDialog adds an organisation to the directory, or edits one:
// kind, name, ODS code (required for a GP practice), postal address,
// telephone and email. The service checks every field and the permission,
// and the dialog shows its answer.
type organisationDialog struct {
	*formDialog
	Kind              *widgets.Choice
	Name, ODSCode     *widgets.FormEntry
	Address, Postcode *widgets.FormEntry
	Phone, Email      *widgets.FormEntry
	s                 *session
	editing           *models.Organisation // nil when adding
}

// showOrganisationDialog shows the dialog for o, or for a new organisation
// when o is nil; onDone runs once it is saved.
func showOrganisationDialog(s *session, o *models.Organisation, onDone func()) *organisationDialog {
	d := &organisationDialog{s: s}
	if o != nil {
		copied := *o
		d.editing = &copied
	}
	submit := func() { d.Submit() }
	kinds := labelsOf(models.OrganisationKinds, func(k models.OrganisationKind) string { return string(k) })
	d.Kind = widgets.NewChoice(kinds, func(k string) string { return models.OrganisationKind(k).Label() }, "Choose the kind", nil)
	d.Name = widgets.NewHintedFormEntry("For example, Charnwood Practice", submit)
	d.ODSCode = widgets.NewHintedFormEntry("For example, C82001", submit)
	d.Address = widgets.NewFormTextArea(submit, 3)
	d.Postcode = widgets.NewHintedFormEntry("For example, LE11 3TU", submit)
	d.Phone = widgets.NewFormEntry(submit)
	d.Email = widgets.NewFormEntry(submit)
	title, action := "Add an organisation", "Add"
	if o != nil {
		title, action = "Edit "+o.Name, "Save"
		d.Kind.SetCode(string(o.Kind))
		d.Name.SetText(o.Name)
		d.ODSCode.SetText(o.ODSCode)
		d.Address.SetText(o.AddressLines)
		d.Postcode.SetText(o.Postcode)
		d.Phone.SetText(o.Phone)
		d.Email.SetText(o.Email)
	}
	form := widget.NewForm(
		required("Kind", d.Kind.Select), required("Name", d.Name),
		hinted("ODS code", d.ODSCode, "Required for a GP practice: a letter and five digits"),
		hinted("Address", d.Address, fmt.Sprintf("Up to %d lines of up to %d characters, without the postcode", models.MaxAddressLines, models.MaxAddressLineRunes)),
		hinted("Postcode", d.Postcode, "Letters to it are refused until it has an address and postcode"),
		widget.NewFormItem("Telephone", d.Phone), widget.NewFormItem("Email", d.Email),
	)
	d.formDialog = newFormDialog(title, action, 560, form, s.Window, d.save, onDone)
	d.ShowFocused(d.Name)
	return d
}

// save reads the form and asks the service to add or update it.
func (d *organisationDialog) save() error {
	o := &models.Organisation{}
	if d.editing != nil {
		o = d.editing
	}
	o.Kind, o.Name, o.ODSCode = models.OrganisationKind(d.Kind.Code()), d.Name.Text, d.ODSCode.Text
	o.AddressLines, o.Postcode, o.Phone, o.Email = d.Address.Text, d.Postcode.Text, d.Phone.Text, d.Email.Text
	if d.editing != nil {
		return d.s.Services.Directory.UpdateOrganisation(d.s.Actor, o)
	}
	return d.s.Services.Directory.AddOrganisation(d.s.Actor, o)
}

// notLinked is the organisation choice meaning "not linked".
const notLinked = "Not linked"

// professionalDialog edits a professional: their name, organisation in
// words, its entry in the directory (letters then go to its address),
// their own address, telephone and email. Their role is shown but kept,
// since screening and reports read a referrer's role.
type professionalDialog struct {
	*formDialog
	Name, Organisation *widgets.FormEntry
	// Link chooses their organisation in the directory, or notLinked.
	Link         *widget.Select
	Address      *widgets.FormEntry
	Phone, Email *widgets.FormEntry

	s       *session
	p       models.Professional
	linkIDs []uint // the organisations Link offers, after notLinked
}

// showProfessionalDialog edits p; onDone runs once the change is saved.
func showProfessionalDialog(s *session, p models.Professional, onDone func()) *professionalDialog {
	d := &professionalDialog{s: s, p: p}
	submit := func() { d.Submit() }
	d.Name = widgets.NewFormEntry(submit)
	d.Organisation = widgets.NewFormEntry(submit)
	d.Address = widgets.NewFormTextArea(submit, 3)
	d.Phone, d.Email = widgets.NewFormEntry(submit), widgets.NewFormEntry(submit)
	options := []string{notLinked}
	orgs, err := s.Services.Directory.Organisations(s.Actor, app.OrganisationFilter{}, 0, 1000)
	for _, o := range orgs {
		options = append(options, o.Name+" ("+strings.ToLower(o.Kind.Label())+")")
		d.linkIDs = append(d.linkIDs, o.ID)
	}
	d.Link = widget.NewSelect(options, nil)
	d.Link.SetSelectedIndex(0)
	for i, id := range d.linkIDs {
		if p.OrganisationID != nil && *p.OrganisationID == id {
			d.Link.SetSelectedIndex(i + 1)
		}
	}
	d.Name.SetText(p.Name)
	d.Organisation.SetText(p.Organisation)
	d.Address.SetText(p.Address)
	d.Phone.SetText(p.Phone)
	d.Email.SetText(p.Email)
	form := widget.NewForm(
		required("Name", d.Name),
		widget.NewFormItem("Role", widget.NewLabel(orNotStated(professionalRoleText(p.Role)))),
		widget.NewFormItem("Organisation", d.Organisation),
		hinted("In the directory", d.Link, "Letters go to the address of the organisation chosen here"),
		hinted("Own address", d.Address, "Only if not linked above: the full postal address, with the postcode last"),
		widget.NewFormItem("Telephone", d.Phone), widget.NewFormItem("Email", d.Email),
	)
	d.formDialog = newFormDialog("Edit "+p.Name, "Save", 560, form, s.Window, d.save, onDone)
	if err != nil {
		d.Fail(err)
	}
	d.ShowFocused(d.Name)
	return d
}

// save reads the form and asks the service to save the professional.
func (d *professionalDialog) save() error {
	p := d.p
	p.Name, p.Organisation, p.Address = d.Name.Text, d.Organisation.Text, d.Address.Text
	p.Phone, p.Email = d.Phone.Text, d.Email.Text
	p.OrganisationID = nil
	if i := d.Link.SelectedIndex(); i > 0 && i <= len(d.linkIDs) {
		id := d.linkIDs[i-1]
		p.OrganisationID = &id
	}
	if err := d.s.Services.Directory.UpdateProfessional(d.s.Actor, &p); err != nil {
		return err
	}
	d.p = p
	return nil
}

// professionalRoleText is a professional's role in words.
func professionalRoleText(role string) string {
	return models.ProfessionalRole(role).Label()
}
