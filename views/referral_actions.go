package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/models"
)

// referralActions builds the panel above an open referral: the screening
// decision, the letter actions and the timeline. reopen reloads the
// referral after any of them changes it.
func referralActions(s *Session) func(r *models.Referral, reopen func()) fyne.CanvasObject {
	return func(r *models.Referral, reopen func()) fyne.CanvasObject {
		timeline := NewReferralTimeline(s.Services, s.Actor, r.ID)
		issue := widget.NewButtonWithIcon("Issue letters…", theme.MailSendIcon(), func() {
			ShowIssueLettersDialog(s.Services, s.Actor, s.Window, r.ID, reopen)
		})
		panel := container.NewVBox()
		if r.Status == models.StatusReceived || r.Status == models.StatusDiscuss {
			// Awaiting a decision: the decision comes first, and there is no
			// letter to send yet. Once decided, the detail's own Decision
			// section shows what was decided.
			panel.Add(section("Decision", NewDecisionPanel(s.Services, s.Actor, s.Window, r, reopen).Content()))
			issue.Disable()
		}
		panel.Add(appointmentActions(s, r, reopen))
		panel.Add(caseloadActions(s, r, reopen))
		panel.Add(container.NewHBox(issue))
		panel.Add(widget.NewAccordion(widget.NewAccordionItem("Timeline", timeline.Content())))
		return panel
	}
}

// newReferralPage opens the new-referral form on the Referrals screen; a
// saved referral opens in its place.
func newReferralPage(s *Session, screen *ReferralsScreen) {
	form := NewReferralForm(s.Services, s.Actor, s.Window, func(id uint) {
		screen.Reload()
		screen.Open(id)
	})
	back := widget.NewButtonWithIcon("Back to referrals", theme.NavigateBackIcon(), screen.CloseDetail)
	screen.ShowPage(container.NewBorder(container.NewHBox(back), nil, nil, nil, form.Content()))
	if f := form.FirstField(); f != nil && s.Window != nil {
		s.Window.Canvas().Focus(f)
	}
}
