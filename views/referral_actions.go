package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/models"
)

// referralActions adds to an open referral the screening decision (while
// it awaits one), the appointment, caseload and letter actions and the
// timeline. reopen reloads the referral after any of them changes it.
func referralActions(s *session) func(d *referralDetail, reopen func()) {
	return func(d *referralDetail, reopen func()) {
		r := d.Referral
		timeline := newReferralTimeline(s, r.ID)
		issue := widget.NewButtonWithIcon("Issue letters…", theme.MailSendIcon(), func() {
			showIssueLettersDialog(s, r.ID, reopen)
		})
		if r.Status == models.StatusReceived || r.Status == models.StatusDiscuss {
			// Awaiting a decision: the decision panel, with the
			// recommendation and its reasons, follows what the referrer
			// said, and there is no letter to send yet. Once decided, the
			// detail's own Decision section shows what was decided.
			d.SetDecision(section("Decision", newDecisionPanel(s, r, reopen).Content()))
			issue.Disable()
		}
		// The parts are gathered first and laid out once: adding them one
		// by one would lay the panel out again after each.
		parts := []fyne.CanvasObject{
			appointmentActions(s, r, reopen),
			caseloadActions(s, r, reopen),
			newContactsSection(s, r).Content(),
			addMeasuresSection(s, d, reopen),
			newPeopleSection(s, r, reopen).Content(),
			newRiskSection(s, r, reopen).Content(),
			newCarePlanSection(s, r, reopen).Content(),
		}
		d.SetBadges(safeguardingBadges(s, r))
		// Only the letters that fit where she stands are offered; with none,
		// the button stays off and says so.
		if kinds, err := s.Services.Letters.FittingKinds(s.Actor, r.ID); err == nil && len(kinds) == 0 {
			issue.Disable()
			issue.SetText("Issue letters… (none fits yet)")
		}
		needs := widget.NewButtonWithIcon("Communication needs…", theme.AccountIcon(), func() {
			showNeedsDialog(s, r.Patient, reopen)
		})
		copyRecord := widget.NewButtonWithIcon("Copy of her record…", theme.DocumentSaveIcon(), newRecordExport(s, &r.Patient).Choose)
		parts = append(parts, container.NewHBox(issue, needs, copyRecord),
			notPermitted(s, onlyWith(models.PermIssueLetters, issue), onlyWith(models.PermExportRecords, copyRecord)),
			widget.NewAccordion(widget.NewAccordionItem("Timeline", timeline.Content())))
		d.AddActions(container.NewVBox(parts...))
	}
}
