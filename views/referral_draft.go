package views

import (
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/views/widgets"
)

// newReferralPage opens the new-referral form on the Referrals screen; a
// saved referral opens in its place. The Referrals screen keeps one form,
// so a referral started and left (with Back, or for another screen) is
// still there when the form is opened again; if it was started, the person
// is asked whether to carry on with it or discard it and start afresh.
func newReferralPage(s *session, list *referralsScreen) {
	f := list.draft
	if f == nil {
		f = newReferralForm(s, func(id uint) {
			list.Reload()
			list.Open(id)
		})
		list.draft = f
		back := widget.NewButtonWithIcon("Back to referrals", theme.NavigateBackIcon(), list.CloseDetail)
		list.draftPage = container.NewBorder(container.NewHBox(back), nil, nil, nil, f.Content())
	} else if f.Started() {
		list.ShowPage(list.draftPage)
		askDiscardDraft(s, "A referral has been started",
			"You have started a new referral and not saved it. Carry on with it, or discard it and start a new one?",
			"Discard it and start afresh", "Carry on with it", func() {
				f.Reset()
				focusDraft(s, f)
			})
		return
	} else {
		f.Reset() // a form left empty starts again, received now
	}
	list.ShowPage(list.draftPage)
	focusDraft(s, f)
}

// focusDraft puts the keyboard in the form's first field.
func focusDraft(s *session, f *referralForm) {
	if first := f.FirstField(); first != nil && s.Window != nil {
		s.Window.Canvas().Focus(first)
	}
}

// askDiscardDraft asks whether to discard the referral started on the
// form; discard runs only if the person says so. Escape keeps it.
func askDiscardDraft(s *session, title, question, discardText, keepText string, discard func()) {
	ask := dialog.NewConfirm(title, question, func(yes bool) {
		if yes {
			discard()
		}
	}, s.Window)
	ask.SetConfirmText(discardText)
	ask.SetDismissText(keepText)
	widgets.ShowDialog(s.Window, ask, nil)
}

// DraftStarted reports whether a new referral has been typed into the
// form and not saved.
func (s *referralsScreen) DraftStarted() bool { return s.draft != nil && s.draft.Started() }
