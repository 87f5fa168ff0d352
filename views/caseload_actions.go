package views

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

// caseloadActions builds the caseload part of the panel above an open
// referral; reopen reloads the referral after an action changes it.
func caseloadActions(s *session, r *models.Referral, reopen func()) fyne.CanvasObject {
	return newCaseloadPanel(s, r, reopen).Content()
}

// caseloadPanel shows, for one referral, her key worker with Allocate or
// Reallocate, the other services working with her (the CMHT flag among
// them), her tasks, Discharge, and her earlier episodes with the service.
// The services check every permission; a refusal shows in the dialog.
type caseloadPanel struct {
	// KeyWorker names her key worker and since when, or says she has none.
	KeyWorker       *widget.Label
	Allocate        *widget.Button
	AddJointWorking *widget.Button
	// EditJointWorking edits or ends a joint-working record.
	EditJointWorking *widget.Button
	Discharge        *widget.Button
	// JointWorking lists the joint-working records, one line each.
	JointWorking *widget.Label
	// Flags shows the CMHT flag while CMHT joint working is active.
	Flags    *fyne.Container
	Tasks    *tasksPanel
	Episodes *fyne.Container

	s        *session
	referral *models.Referral
	reopen   func()
	content  fyne.CanvasObject
}

// newCaseloadPanel builds the panel for r, as read from the service.
func newCaseloadPanel(s *session, r *models.Referral, reopen func()) *caseloadPanel {
	p := &caseloadPanel{s: s, referral: r, reopen: reopen}
	p.KeyWorker = widget.NewLabel("")
	p.Allocate = widget.NewButtonWithIcon("Allocate…", theme.AccountIcon(), func() {
		showAllocateDialog(s, r.ID, r.Patient.FullName(), reopen)
	})
	p.AddJointWorking = widget.NewButtonWithIcon("Add joint working…", theme.ContentAddIcon(), func() {
		showJointWorkingDialog(s, r.ID, reopen)
	})
	p.EditJointWorking = widget.NewButtonWithIcon("Edit or end joint working…", theme.DocumentCreateIcon(), func() {
		if records, err := s.Services.JointWorking.ForReferral(s.Actor, r.ID); err == nil {
			showEditJointWorkingDialog(s, r.ID, records, reopen)
		}
	})
	p.Discharge = widget.NewButtonWithIcon("Discharge…", theme.LogoutIcon(), func() {
		showDischargeDialog(s, r, reopen)
	})
	p.JointWorking = paragraph("")
	p.Flags = container.NewHBox()
	p.Tasks = newReferralTasksPanel(s, r.ID)
	p.Episodes = container.NewVBox()
	p.showKeyWorker()
	p.showJointWorking()
	p.showEpisodes()
	if !r.Status.Open() {
		p.Allocate.Disable()
		p.AddJointWorking.Disable()
		p.EditJointWorking.Disable()
		p.Discharge.Disable()
	}
	closed := widget.NewLabel("")
	if r.ClosedAt != nil {
		closed.SetText(fmt.Sprintf("Closed on %s: %s. The referral stays readable.", ukDate(*r.ClosedAt), r.ClosureReason))
	} else {
		closed.Hide()
	}
	p.content = section("Caseload", container.NewVBox(
		container.NewHBox(p.KeyWorker, p.Flags), closed,
		container.NewHBox(p.Allocate, p.AddJointWorking, p.EditJointWorking, p.Discharge),
		notPermitted(s, onlyWith(models.PermAllocate, p.Allocate), onlyWith(models.PermUpdateCaseload, p.AddJointWorking, p.EditJointWorking, p.Discharge)),
		subheading("Joint working"), p.JointWorking,
		subheading("Tasks"), p.Tasks.Content(),
		widget.NewAccordion(widget.NewAccordionItem("Earlier episodes", p.Episodes)),
	))
	return p
}

// Content returns the panel's widget tree.
func (p *caseloadPanel) Content() fyne.CanvasObject { return p.content }

// showKeyWorker names her key worker and makes Allocate say Reallocate
// when she has one.
func (p *caseloadPanel) showKeyWorker() {
	history, err := p.s.Services.Allocations.History(p.s.Actor, p.referral.ID)
	if err != nil {
		p.KeyWorker.SetText("Her key worker could not be read: " + sentence(err))
		return
	}
	p.KeyWorker.SetText("Key worker: not allocated")
	for _, a := range history {
		switch {
		case a.Current():
			p.KeyWorker.SetText("Key worker: " + a.KeyWorker.Name + " since " + ukDate(a.AllocatedAt))
			p.Allocate.SetText("Reallocate…")
		case !p.referral.Status.Open():
			p.KeyWorker.SetText("Key worker: " + a.KeyWorker.Name + " until " + ukDate(*a.EndedAt))
		}
	}
	p.KeyWorker.TextStyle.Bold = true
}

// showJointWorking lists the joint-working records, and shows the CMHT
// flag while a CMHT record is active today.
func (p *caseloadPanel) showJointWorking() {
	records, err := p.s.Services.JointWorking.ForReferral(p.s.Actor, p.referral.ID)
	if err != nil {
		p.JointWorking.SetText("The joint working could not be read: " + sentence(err))
		return
	}
	today := models.LondonDate(p.s.Services.Clock().Now())
	lines := make([]string, len(records))
	cmht := false
	for i := range records {
		j := &records[i]
		lines[i] = jointWorkingLine(j, today)
		cmht = cmht || (j.Service == models.JointCMHT && j.Active(today))
	}
	p.JointWorking.SetText(bulletText(lines, "None recorded."))
	if len(records) == 0 {
		p.EditJointWorking.Disable()
	}
	if cmht && p.referral.Status.Open() {
		p.Flags.Add(container.NewCenter(newFlagBadge(app.FlagCMHT)))
	}
}

// jointWorkingLine describes one joint-working record on one line.
func jointWorkingLine(j *models.JointWorking, today models.Date) string {
	parts := []string{j.Service.Label()}
	for _, s := range []string{j.Team, careCoordinatorOrContact(j), j.Phone, j.Email, strings.ReplaceAll(strings.TrimSpace(j.Address), "\n", ", ")} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	switch {
	case !j.EndDate.IsZero() && j.EndDate.Before(today):
		parts = append(parts, "ended "+j.EndDate.UK())
	case !j.StartDate.IsZero() && !j.EndDate.IsZero():
		parts = append(parts, "from "+j.StartDate.UK()+" to "+j.EndDate.UK())
	case !j.StartDate.IsZero():
		parts = append(parts, "since "+j.StartDate.UK())
	}
	line := strings.Join(parts, " · ")
	if n := strings.TrimSpace(j.Notes); n != "" {
		line += "\n   " + n
	}
	return line
}

// careCoordinatorOrContact names the contact, as the CMHT care coordinator
// for a CMHT.
func careCoordinatorOrContact(j *models.JointWorking) string {
	if j.ContactName == "" || j.Service != models.JointCMHT {
		return j.ContactName
	}
	return "care coordinator " + j.ContactName
}

// showEpisodes lists her other referrals, newest first, each with a
// button to open it.
func (p *caseloadPanel) showEpisodes() {
	episodes, err := p.s.Services.Referrals.Episodes(p.s.Actor, p.referral.PatientID)
	if err != nil {
		p.Episodes.Add(paragraph("Her earlier referrals could not be read: " + sentence(err)))
		return
	}
	for _, e := range episodes {
		if e.ID == p.referral.ID {
			continue
		}
		text := "Referred " + ukDate(e.ReceivedAt) + " by " + e.ReferrerName + " · " + e.Status.Label()
		if e.ClosedAt != nil {
			text += " " + ukDate(*e.ClosedAt) + ": " + e.ClosureReason
		}
		id := e.ID
		open := widget.NewButtonWithIcon("Open", theme.NavigateNextIcon(), func() {
			if p.s.OpenReferral != nil {
				p.s.OpenReferral(id)
			}
		})
		open.Importance = widget.LowImportance
		p.Episodes.Add(container.NewBorder(nil, nil, nil, open, widget.NewLabel(text)))
	}
	if len(p.Episodes.Objects) == 0 {
		p.Episodes.Add(widget.NewLabel("This is her first referral to the service."))
	}
}
