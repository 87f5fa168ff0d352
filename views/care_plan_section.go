package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// carePlanSection shows, on her record, her care plan as it stands under
// the NHS care-plan headings (goals, crisis plan, signs of relapse,
// contingency plan) with its review date, and its earlier versions. The
// key worker changes it (each save is a new version) and prints it for
// her in the letter layout, kept in the letter register.
type carePlanSection struct {
	// Version says which version is shown, who wrote it and when, and its
	// review date (in red once passed).
	Version                             *widget.Label
	Goals, Crisis, Relapse, Contingency *widget.Label
	Edit, Print                         *widget.Button
	// Earlier lists the earlier versions, newest first.
	Earlier  *widget.Label
	versions []models.CarePlan
	s        *session
	referral *models.Referral
	content  fyne.CanvasObject
}

// newCarePlanSection builds the section for r, as read from the service.
// reopen reloads the record after a change.
func newCarePlanSection(s *session, r *models.Referral, reopen func()) *carePlanSection {
	p := &carePlanSection{s: s, referral: r}
	p.Version = widget.NewLabel("")
	p.Version.TextStyle.Bold = true
	p.Goals, p.Crisis, p.Relapse, p.Contingency = paragraph(""), paragraph(""), paragraph(""), paragraph("")
	p.Earlier = paragraph("")
	p.Edit = widget.NewButtonWithIcon("Write the care plan…", theme.DocumentCreateIcon(), func() {
		showCarePlanDialog(s, r.ID, p.current(), reopen)
	})
	p.Print = widget.NewButtonWithIcon("Print for her…", theme.DocumentPrintIcon(), p.AskToPrint)
	p.show()
	sections := container.NewVBox(
		subheading("Goals"), p.Goals, subheading("Crisis plan"), p.Crisis,
		subheading("Signs of relapse"), p.Relapse, subheading("Contingency plan"), p.Contingency)
	if p.current() == nil {
		sections.Hide()
	}
	p.content = section("Care plan", container.NewVBox(
		p.Version, sections,
		container.NewHBox(p.Edit, p.Print),
		notPermitted(s, onlyWith(models.PermUpdateCaseload, p.Edit, p.Print)),
		widget.NewAccordion(widget.NewAccordionItem("Earlier versions", p.Earlier)),
	))
	return p
}

// Content returns the section's widget tree.
func (p *carePlanSection) Content() fyne.CanvasObject { return p.content }

// current returns the plan as it stands, or nil when none is written.
func (p *carePlanSection) current() *models.CarePlan {
	if len(p.versions) == 0 {
		return nil
	}
	return &p.versions[0]
}

// show reads every version and shows the latest.
func (p *carePlanSection) show() {
	var err error
	if p.versions, err = p.s.Services.CarePlans.Versions(p.s.Actor, p.referral.ID); err != nil {
		p.Version.SetText("The care plan could not be read: " + sentence(err))
		return
	}
	cur := p.current()
	if cur == nil {
		p.Version.SetText("No care plan written yet.")
		p.Version.Importance = widget.WarningImportance
		p.Print.Disable()
		p.Earlier.SetText("None.")
		return
	}
	names := staffNames(p.s.Services)
	today := p.s.Services.Today()
	p.Version.SetText(fmt.Sprintf("Version %d · written %s by %s · review by %s",
		cur.Number, ukDateTime(cur.SavedAt), orNotStated(names[cur.AuthorID]), cur.ReviewDate.UK()))
	if cur.ReviewDate.Before(today) {
		p.Version.Importance = widget.DangerImportance
		p.Version.SetText(p.Version.Text + " (review overdue)")
	}
	p.Goals.SetText(cur.Goals)
	p.Crisis.SetText(cur.CrisisPlan)
	p.Relapse.SetText(orNotStated(cur.RelapseSigns))
	p.Contingency.SetText(orNotStated(cur.Contingency))
	p.Edit.SetText("Change the care plan…")
	var lines []string
	for _, v := range p.versions[1:] {
		lines = append(lines, fmt.Sprintf("Version %d · written %s by %s · review by %s\n   Goals: %s",
			v.Number, ukDateTime(v.SavedAt), orNotStated(names[v.AuthorID]), v.ReviewDate.UK(), firstLine(v.Goals)))
	}
	p.Earlier.SetText(bulletText(lines, "None."))
}

// firstLine returns the first line of s.
func firstLine(s string) string {
	for i, r := range s {
		if r == '\n' {
			return s[:i] + " …"
		}
	}
	return s
}

// AskToPrint asks whether to print the plan for her, and does so on Yes.
func (p *carePlanSection) AskToPrint() {
	cur := p.current()
	if cur == nil {
		return
	}
	ask := dialog.NewConfirm("Print the care plan",
		fmt.Sprintf("Print version %d of her care plan for her?\n\nIt is kept in the letter register, to print from the Letters screen.", cur.Number),
		func(yes bool) {
			if yes {
				p.print()
			}
		}, p.s.Window)
	ask.SetConfirmText("Print")
	widgets.ShowDialog(p.s.Window, ask, nil)
}

// print puts the care plan in the register and says where to find it.
func (p *carePlanSection) print() {
	l, err := p.s.Services.CarePlans.IssuePDF(p.s.Actor, p.referral.ID)
	if err != nil {
		dialog.ShowError(fmt.Errorf("the care plan was not printed: %s", sentence(err)), p.s.Window)
		return
	}
	dialog.ShowInformation("Care plan ready",
		fmt.Sprintf("Her care plan is in the letter register, issued %s. Open it from the Letters screen to print it.", ukDateTime(l.IssuedAt)), p.s.Window)
}
