package views

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// decisionPanel is the part of a referral's detail view where a clinician
// records the screening decision and priority. It shows the recommendation
// stored with the referral and its reasons, then the choice, with nothing
// chosen: the clinician reads and decides rather than accepting a default.
// Deciding otherwise than recommended needs a reason: the service refuses
// the decision without one, and the panel shows why.
type decisionPanel struct {
	// Recommendation shows the stored recommendation; Reasons its reasons.
	Recommendation *widget.Label
	Reasons        *widget.Label
	// Outcome and Priority are the decision being recorded.
	Outcome  *widget.RadioGroup
	Priority *widget.RadioGroup
	// Reason is required when the decision differs from the recommendation.
	Reason *widgets.FormEntry
	// OverrideNote says when the choice overrides the recommendation.
	OverrideNote *widget.Label
	Save         *widget.Button
	// Message shows the service's answer: a refusal, or a conflict with
	// someone else's change.
	Message *widget.Label
	// ReloadButton appears after a conflict; it calls onDone to read the
	// referral again.
	ReloadButton *widget.Button
	// NotAllowed says which role recording a decision needs, when the
	// person signed in has none of them; the choice is then off.
	NotAllowed *widget.Label

	svc      *app.Services
	actor    *models.StaffMember
	win      fyne.Window
	referral *models.Referral
	rec      models.Recommendation // what the service compares the decision with
	onDone   func()
	content  fyne.CanvasObject
}

// decisionOutcomes are the choices, in the order shown.
var decisionOutcomes = []models.Decision{models.DecisionAccept, models.DecisionDiscuss, models.DecisionSignpost, models.DecisionDecline}

// decisionPriorities are the priorities, in the order shown.
var decisionPriorities = []models.Priority{models.PriorityUrgent, models.PriorityRoutine}

// newDecisionPanel builds the panel for referral r, as read from the
// service. onDone is called after the decision is saved, or when the
// person asks to reload after a conflict, so the detail view can read
// the referral again.
func newDecisionPanel(s *session, r *models.Referral, onDone func()) *decisionPanel {
	svc := s.Services
	p := &decisionPanel{svc: svc, actor: s.Actor, win: s.Window, referral: r, onDone: onDone}
	p.Recommendation = widget.NewLabel("")
	p.Recommendation.TextStyle.Bold = true
	p.Reasons = paragraph("")
	stored, err := app.StoredRecommendation(r)
	// The service compares a decision with the recommendation the rules
	// give now; it differs from the stored one only if a setting changed.
	p.rec = svc.Referrals.Screen(r)
	if err != nil {
		stored = p.rec
	}
	p.Recommendation.SetText("Recommended: " + stored.Decision.Label() + " · " + priorityText(stored.Priority))
	if stored.Priority == models.PriorityUrgent {
		p.Recommendation.Importance = widget.DangerImportance
	}
	p.Reasons.SetText(bulletText(stored.Reasons, "No rule gave a reason."))

	p.Outcome = widget.NewRadioGroup(decisionLabels(), func(string) { p.choiceChanged() })
	p.Outcome.Required = true
	p.Priority = widget.NewRadioGroup([]string{priorityText(decisionPriorities[0]), priorityText(decisionPriorities[1])}, func(string) { p.choiceChanged() })
	p.Priority.Horizontal = true
	p.Priority.Required = true
	p.Reason = widgets.NewFormTextArea(p.Submit, 3)
	p.Reason.SetPlaceHolder("Why you are deciding other than the recommendation")
	p.OverrideNote = paragraph("")
	p.OverrideNote.Importance = widget.WarningImportance
	p.Message = paragraph("")
	p.Message.Importance = widget.DangerImportance
	p.Message.Hide()
	p.Save = widget.NewButtonWithIcon("Record decision", theme.ConfirmIcon(), p.Submit)
	p.Save.Importance = widget.HighImportance
	p.ReloadButton = widget.NewButtonWithIcon("Reload the referral", theme.ViewRefreshIcon(), p.done)
	p.ReloadButton.Hide()

	if stored.Decision != p.rec.Decision || stored.Priority != p.rec.Priority {
		p.Reasons.SetText(p.Reasons.Text + "\n\nScreened again with today's settings, the recommendation is " +
			p.rec.Decision.Label() + " · " + priorityText(p.rec.Priority) + "; a different choice needs a reason.")
	}
	form := widget.NewForm(
		widget.NewFormItem("Decision", p.Outcome),
		widget.NewFormItem("Priority", p.Priority),
		hinted("Reason", p.Reason, "Required when you decide other than the recommendation"),
	)
	p.NotAllowed = notPermitted(s, onlyWith(models.PermScreeningDecision, p.Outcome, p.Priority, p.Reason, p.Save))
	p.content = widget.NewCard("Screening decision", "", container.NewVBox(
		p.Recommendation, p.Reasons, widget.NewSeparator(), form, p.OverrideNote, p.Message,
		container.NewHBox(p.Save, p.ReloadButton), p.NotAllowed))
	if r.Status != models.StatusReceived && r.Status != models.StatusDiscuss {
		p.decided() // screening is over for this referral
		p.NotAllowed.Hide()
	}
	return p
}

// Content returns the panel's widget tree.
func (p *decisionPanel) Content() fyne.CanvasObject { return p.content }

// Submit asks the service to record the decision. A refusal is shown with
// the service's own words, and nothing chosen or typed is lost.
func (p *decisionPanel) Submit() {
	if p.Save.Disabled() {
		return
	}
	d := app.Decision{Outcome: p.outcome(), Priority: p.priority(), Reason: p.Reason.Text}
	err := p.svc.Referrals.Decide(p.actor, p.referral.ID, p.referral.Version, d)
	var conflict *app.ConflictError
	var v *models.FieldError
	switch {
	case err == nil:
		p.Message.Hide()
		p.decided()
		p.done()
	case errors.As(err, &conflict):
		p.showMessage(sentence(conflict))
		p.ReloadButton.Show()
	case errors.As(err, &v):
		p.showMessage("The decision was not recorded. " + sentence(models.FieldErrorsIn(err)))
		if v.Field == models.FieldDecisionReason && p.win != nil {
			p.win.Canvas().Focus(p.Reason)
		}
	default:
		p.showMessage(sentence(err))
	}
}

// choiceChanged says whether the choice overrides the recommendation.
func (p *decisionPanel) choiceChanged() {
	if p.OverrideNote == nil {
		return // still being built
	}
	if p.outcome() == "" || p.priority() == "" || (p.outcome() == p.rec.Decision && p.priority() == p.rec.Priority) {
		p.OverrideNote.SetText("")
		p.OverrideNote.Hide()
		return
	}
	p.OverrideNote.SetText("This overrides the recommendation: give your reason.")
	p.OverrideNote.Show()
}

func (p *decisionPanel) showMessage(text string) {
	p.Message.SetText(text)
	p.Message.Show()
}

// decided shows that the decision has been made and stops further changes here.
func (p *decisionPanel) decided() {
	p.Outcome.Disable()
	p.Priority.Disable()
	p.Reason.Disable()
	p.Save.Disable()
	p.Save.SetText("Decision recorded")
}

func (p *decisionPanel) done() {
	if p.onDone != nil {
		p.onDone()
	}
}

// outcome returns the chosen decision, or "" if none.
func (p *decisionPanel) outcome() models.Decision {
	if i := indexOf(p.Outcome.Options, p.Outcome.Selected); i >= 0 {
		return decisionOutcomes[i]
	}
	return ""
}

// priority returns the chosen priority, or "" if none.
func (p *decisionPanel) priority() models.Priority {
	if i := indexOf(p.Priority.Options, p.Priority.Selected); i >= 0 {
		return decisionPriorities[i]
	}
	return ""
}

func decisionLabels() []string {
	out := make([]string, len(decisionOutcomes))
	for i, d := range decisionOutcomes {
		out[i] = d.Label()
	}
	return out
}
