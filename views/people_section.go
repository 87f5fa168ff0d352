package views

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/models"
)

// peopleSection shows on her record what the team has learned about her
// since intake, and lets her key worker or an administrator keep it: Edit
// her details (see patientDetailsDialog), her previous addresses, the
// births of her babies with Record a birth, and the people around her
// (partner, family, carers) with their consent to share and the partner's
// assessment. The services check every permission; a refusal shows in
// the dialog.
type peopleSection struct {
	EditDetails *widget.Button
	RecordBirth *widget.Button
	AddPerson   *widget.Button
	Addresses   *widget.Label
	Births      *widget.Label
	// People holds one row per person, each with its Change button.
	People *fyne.Container
	// Dialog is the dialog last opened from the section, for tests.
	Dialog any

	s       *session
	r       *models.Referral
	reopen  func()
	content fyne.CanvasObject
}

// newPeopleSection builds the section for r, as read with her record;
// reopen reloads the referral after a change.
func newPeopleSection(s *session, r *models.Referral, reopen func()) *peopleSection {
	p := &peopleSection{s: s, r: r, reopen: reopen}
	p.EditDetails = widget.NewButtonWithIcon("Edit her details…", theme.DocumentCreateIcon(), func() {
		p.Dialog = showPatientDetailsDialog(s, r, reopen)
	})
	p.RecordBirth = widget.NewButtonWithIcon("Record a birth…", theme.ContentAddIcon(), func() {
		p.Dialog = showBirthDialog(s, r, reopen)
	})
	p.AddPerson = widget.NewButtonWithIcon("Add a person…", theme.ContentAddIcon(), func() {
		p.Dialog = showSupportPersonDialog(s, models.SupportPerson{PatientID: r.PatientID}, reopen)
	})
	if !r.Status.Open() {
		p.RecordBirth.Disable()
	}
	p.Addresses, p.Births = paragraph(""), paragraph("")
	p.People = container.NewVBox()
	p.showAddresses()
	p.showBirths()
	p.showPeople()
	p.content = section("Her details and the people around her", container.NewVBox(
		facts(herDetailsLines(&r.Patient)...),
		container.NewHBox(p.EditDetails),
		widget.NewAccordion(widget.NewAccordionItem("Previous addresses", p.Addresses)),
		subheading("Births"), p.Births, container.NewHBox(p.RecordBirth),
		subheading("Partner, family and carers"), p.People, container.NewHBox(p.AddPerson),
	))
	return p
}

// Content returns the section's widget tree.
func (p *peopleSection) Content() fyne.CanvasObject { return p.content }

func (p *peopleSection) showAddresses() {
	history, err := p.s.Services.Patients.AddressHistory(p.s.Actor, p.r.PatientID)
	if err != nil {
		p.Addresses.SetText("Her previous addresses could not be read: " + sentence(err))
		return
	}
	lines := make([]string, len(history))
	for i := range history {
		a := &history[i]
		from := "from her first referral"
		if !a.CurrentFrom.IsZero() {
			from = "from " + a.CurrentFrom.UK()
		}
		lines[i] = fmt.Sprintf("%s (%s until %s)", strings.Join(a.Address(), ", "), from, a.CurrentUntil.UK())
	}
	p.Addresses.SetText(bulletText(lines, "None recorded: she has lived at the address above since she was referred."))
}

func (p *peopleSection) showBirths() {
	births, err := p.s.Services.Patients.Births(p.s.Actor, p.r.PatientID)
	if err != nil {
		p.Births.SetText("The births could not be read: " + sentence(err))
		return
	}
	lines := make([]string, len(births))
	for i, b := range births {
		lines[i] = "Born " + b.BornOn.UK() + ": " + firstOf(b.BabyName, "not yet named")
	}
	p.Births.SetText(bulletText(lines, "None recorded."))
}

func (p *peopleSection) showPeople() {
	people, err := p.s.Services.Patients.SupportPeople(p.s.Actor, p.r.PatientID)
	if err != nil {
		p.People.Add(paragraph("The people around her could not be read: " + sentence(err)))
		return
	}
	if len(people) == 0 {
		p.People.Add(paragraph("None recorded."))
	}
	for _, person := range people {
		change := widget.NewButtonWithIcon("Change…", theme.DocumentCreateIcon(), func() {
			p.Dialog = showSupportPersonDialog(p.s, person, p.reopen)
		})
		p.People.Add(container.NewBorder(nil, nil, nil, change, paragraph(supportPersonLine(&person))))
	}
}

// supportPersonLine describes someone around her on one line: who they
// are, how to reach them, her consent to share, and for her partner the
// partner's assessment.
func supportPersonLine(p *models.SupportPerson) string {
	parts := []string{p.Relationship.Label() + ": " + p.Name}
	if p.Carer {
		parts = append(parts, "carer")
	}
	if p.Phone != "" {
		parts = append(parts, p.Phone)
	}
	if addr := strings.Join(append(models.AddressLines(p.AddressLines), p.Postcode), ", "); strings.Trim(addr, ", ") != "" {
		parts = append(parts, strings.Trim(addr, ", "))
	}
	consent := "consent to share: " + strings.ToLower(p.ConsentToShare.Label())
	if !p.ConsentOn.IsZero() {
		consent += " (" + p.ConsentOn.UK() + ")"
	}
	parts = append(parts, consent)
	if p.Relationship == models.RelPartner {
		a := "partner's assessment: " + strings.ToLower(p.PartnerAssessment.Label())
		if !p.PartnerOfferedOn.IsZero() {
			a += ", offered " + p.PartnerOfferedOn.UK()
		}
		if p.PartnerOutcome != "" {
			a += "; outcome: " + p.PartnerOutcome
		}
		parts = append(parts, a)
	}
	return strings.Join(parts, " · ")
}

// firstOf returns s, or otherwise when s is blank.
func firstOf(s, otherwise string) string {
	if strings.TrimSpace(s) == "" {
		return otherwise
	}
	return s
}
