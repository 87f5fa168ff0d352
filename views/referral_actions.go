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
		decision := NewDecisionPanel(s.Services, s.Actor, s.Window, r, reopen)
		timeline := NewReferralTimeline(s.Services, s.Actor, r.ID)
		issue := widget.NewButtonWithIcon("Issue letters…", theme.MailSendIcon(), func() {
			ShowIssueLettersDialog(s.Services, s.Actor, s.Window, r.ID, reopen)
		})
		if r.Status == models.StatusReceived || r.Status == models.StatusDiscuss {
			issue.Disable() // no letter until the team has decided
		}
		return container.NewVBox(
			section("Decision", decision.Content()),
			container.NewHBox(issue),
			widget.NewAccordion(widget.NewAccordionItem("Timeline", timeline.Content())),
		)
	}
}

// newReferralPage opens the new-referral form on the Referrals screen; a
// saved referral opens in its place.
func newReferralPage(s *Session, screen *ReferralsScreen) {
	var form *ReferralForm
	form = NewReferralForm(s.Services, s.Actor, s.Window, func(id uint) {
		screen.Reload()
		screen.Open(id)
	})
	back := widget.NewButtonWithIcon("Back to referrals", theme.NavigateBackIcon(), screen.CloseDetail)
	screen.ShowPage(container.NewBorder(container.NewHBox(back), nil, nil, nil, form.Content()))
	if f := form.FirstField(); f != nil && s.Window != nil {
		s.Window.Canvas().Focus(f)
	}
}
