package views

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

// referralDetail shows one referral, read-only. It reads in the order a
// clinician screens: first what the referrer said (the reason and the
// risk), then the screening recommendation with its reasons (or, while
// the referral awaits a decision, the decision panel, which carries them),
// then the actions, then the facts: the woman, her referrer and the
// professionals copied in, where she is in the perinatal period, her
// mental health and medication.
type referralDetail struct {
	Referral *models.Referral
	Back     *widget.Button
	content  fyne.CanvasObject
	// decision holds the recommendation, until SetDecision replaces it.
	decision *fyne.Container
	// actions holds what the shell adds to the detail: the appointments,
	// the caseload, the letter actions and the timeline.
	actions *fyne.Container
	// Reload reads the referral again; it is shown, with changedBy, once
	// someone else has changed it (see showChangedBy).
	Reload    *widget.Button
	changedBy *widget.Label
	// badges beside her name show her safeguarding flags (see SetBadges).
	badges *fyne.Container
}

// newReferralDetail builds the detail of r; today is the date in the UK,
// for the timeframe now. onBack returns to the list.
func newReferralDetail(r *models.Referral, today models.Date, onBack func()) *referralDetail {
	d := &referralDetail{Referral: r, badges: container.NewHBox()}
	d.Back = widget.NewButtonWithIcon("Back to referrals", theme.NavigateBackIcon(), onBack)
	p := &r.Patient
	name := widget.NewLabel(p.FullName())
	name.TextStyle.Bold = true
	name.SizeName = theme.SizeNameHeadingText
	summary := widget.NewLabel(fmt.Sprintf("Referral %s · NHS number %s · born %s · %s · %s", models.ReferralReference(r.ID),
		orNotStated(p.NHSNumberText()), p.DateOfBirth.UK(), r.Status.Label(), priorityText(r.Priority)))
	said := section("What the referrer said", container.NewVBox(
		subheading("Reason for referral"), paragraph(r.ReasonForReferral),
		subheading("Risk"), paragraph(orNotStated(r.RiskSummary))))
	left := container.NewVBox(
		section("The woman", facts(
			"Name", p.FullName(), "NHS number", orNotStated(p.NHSNumberText()),
			"Date of birth", p.DateOfBirth.UK()+ageText(p.DateOfBirth, today),
			"Address", strings.Join(p.Address(), "\n"), "Telephone", orNotStated(p.Phone),
			"Email", orNotStated(p.Email), "GP practice", orNotStated(p.GPPractice),
			"Name for letters", p.LetterName(), "Language and needs", languageText(p))),
		section("Referral", facts(
			"Received", ukDateTime(r.ReceivedAt), "Status", r.Status.Label(), "Priority", priorityText(r.Priority),
			"Consent obtained", yesNo(r.ConsentObtained), "Registered with a GP", yesNo(r.RegisteredWithGP),
			"Lives in LLR", yesNo(r.LivesInArea))),
		section("Perinatal stage", perinatalFacts(r, today)),
		section("Referrer", facts(
			"Name", r.Referrer.Name, "Role", models.ProfessionalRole(r.Referrer.Role).Label(),
			"Organisation", orNotStated(r.Referrer.Organisation), "Telephone", orNotStated(r.Referrer.Phone),
			"Email", orNotStated(r.Referrer.Email))),
		section("Copies of letters to", bullets(copyRecipients(r), "Nobody else named.")),
		section("Current services", bullets(currentServices(r), "None named.")),
	)
	right := container.NewVBox(
		section("Mental health", mentalHealth(r)),
		section("Medication", medication(r)),
	)
	if r.Decision != "" || r.ClosedAt != nil {
		right.Add(section("Decision", decision(r)))
	}
	body := container.NewGridWithColumns(2, left, right)
	d.decision = container.NewVBox(section("Screening recommendation", recommendation(r)))
	d.actions = container.NewVBox()
	d.content = container.NewBorder(container.NewVBox(container.NewHBox(d.Back), container.NewHBox(name, container.NewCenter(d.badges)), summary), nil, nil, nil,
		container.NewVScroll(container.NewVBox(said, d.decision, d.actions, body)))
	return d
}

// Content returns the detail's widget tree.
func (d *referralDetail) Content() fyne.CanvasObject { return d.content }

// SetDecision puts obj, a decision panel that shows the recommendation
// and its reasons above the choice, in place of the recommendation.
func (d *referralDetail) SetDecision(obj fyne.CanvasObject) {
	d.decision.Objects = []fyne.CanvasObject{obj}
	d.decision.Refresh()
}

// AddActions puts a panel after the recommendation (or the decision) and
// above the referral's facts.
func (d *referralDetail) AddActions(obj fyne.CanvasObject) { d.actions.Add(obj) }

// section is a titled card.
func section(title string, body fyne.CanvasObject) fyne.CanvasObject {
	heading := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.SizeName = theme.SizeNameSubHeadingText
	return widget.NewCard("", "", container.NewVBox(heading, body))
}

// facts lays out label and value pairs in two columns.
func facts(pairs ...string) fyne.CanvasObject {
	var cells []fyne.CanvasObject
	for i := 0; i+1 < len(pairs); i += 2 {
		key := widget.NewLabelWithStyle(pairs[i], fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		cells = append(cells, key, paragraph(pairs[i+1]))
	}
	return container.New(layout.NewFormLayout(), cells...)
}

// paragraph is wrapping, selectable text.
func paragraph(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Selectable = true
	return l
}

// bullets lists items, or says empty when there are none.
func bullets(items []string, empty string) fyne.CanvasObject {
	if len(items) == 0 {
		return paragraph(empty)
	}
	return paragraph("• " + strings.Join(items, "\n• "))
}

func priorityText(p models.Priority) string {
	if p == models.PriorityUrgent {
		return "Urgent"
	}
	return "Routine"
}

// ageText gives ", aged N" for a date of birth on date today.
func ageText(dob, today models.Date) string {
	if dob.IsZero() || today.IsZero() {
		return ""
	}
	years := today.Year - dob.Year
	if today.Month < dob.Month || (today.Month == dob.Month && today.Day < dob.Day) {
		years--
	}
	return fmt.Sprintf(" (aged %d)", years)
}

// languageText gives her language and her communication needs flagged, as
// the Accessible Information Standard asks wherever she appears.
func languageText(p *models.Patient) string {
	s := orNotStated(p.LanguageName())
	if flags := p.Flags(); len(flags) > 0 {
		s += "; " + strings.Join(flags, "; ")
	}
	return s
}

// perinatalFacts gives where she was at referral and where she is today.
func perinatalFacts(r *models.Referral, today models.Date) fyne.CanvasObject {
	timeframe := func(asOf models.Date) string {
		tf, err := r.Timeframe(asOf)
		if err != nil {
			return "Cannot be worked out. " + sentence(err)
		}
		return tf.Text() + " (" + tf.Band.Label() + ")"
	}
	pairs := []string{"Stage given", r.Stage.Label(), "At referral", timeframe(models.LondonDate(r.ReceivedAt)), "Today", timeframe(today)}
	if !r.ExpectedDeliveryDate.IsZero() {
		pairs = append(pairs, "Due date", r.ExpectedDeliveryDate.UK())
	}
	if !r.BabyDateOfBirth.IsZero() {
		pairs = append(pairs, "Baby born", r.BabyDateOfBirth.UK())
	}
	if tf, err := r.Timeframe(today); err == nil && !tf.PeriodEnds.IsZero() {
		pairs = append(pairs, "Perinatal period ends", tf.PeriodEnds.UK())
	}
	return facts(pairs...)
}

func copyRecipients(r *models.Referral) []string {
	var out []string
	for _, c := range r.CopyRecipients {
		p := c.Professional
		s := p.Name
		if role := models.ProfessionalRole(p.Role).Label(); role != "" {
			s += ", " + role
		}
		if p.Organisation != "" {
			s += ", " + p.Organisation
		}
		out = append(out, s)
	}
	return out
}

func currentServices(r *models.Referral) []string {
	cs := r.CurrentServices
	var out []string
	if cs.CMHTOpen {
		out = append(out, withDetail("Open to the CMHT", cs.CMHTTeam)+careCoordinator(cs.CareCoordinator))
	}
	if cs.PsychiatricInpatient {
		out = append(out, withDetail("Psychiatric inpatient", cs.Ward))
	}
	if cs.MBUAdmission {
		s := "In a mother and baby unit"
		if !cs.MBUExpectedDischarge.IsZero() {
			s += ", expected discharge " + cs.MBUExpectedDischarge.UK()
		}
		out = append(out, s)
	}
	if cs.SubstanceMisuseService {
		out = append(out, "Open to a drug and alcohol service")
	}
	if cs.EatingDisorderService {
		out = append(out, "Open to the eating disorder service")
	}
	return out
}

// withDetail adds detail after a colon, if there is any.
func withDetail(s, detail string) string {
	if detail = strings.TrimSpace(detail); detail != "" {
		return s + ": " + detail
	}
	return s
}

func careCoordinator(name string) string {
	if name == "" {
		return ""
	}
	return " (care coordinator " + name + ")"
}

func mentalHealth(r *models.Referral) fyne.CanvasObject {
	var conditions []string
	for _, c := range r.Conditions {
		s := capitalised(models.ConditionLabel(c.Code)) + " (" + string(c.Status)
		if c.Primary {
			s += ", primary"
		}
		s += ")"
		if c.Note != "" {
			s += ": " + c.Note
		}
		conditions = append(conditions, s)
	}
	var family []string
	for _, code := range r.FamilyHistory {
		family = append(family, models.ConditionLabel(code))
	}
	manageable := "Not stated"
	if r.ManageableInPrimaryCare != nil {
		manageable = yesNo(*r.ManageableInPrimaryCare)
	}
	severity := "Not stated"
	if r.Severity != models.SeverityNone {
		severity = capitalised(string(r.Severity))
	}
	return container.NewVBox(
		bullets(conditions, "No conditions named."),
		facts("Severity", severity, "Manageable in primary care", manageable,
			"Family history", orNotStated(strings.Join(family, ", ")),
			"Previous perinatal illness treated", yesNo(r.PreviousPerinatalIllnessTreated),
			"Severe impact on functioning", yesNo(r.SevereImpactOnFunctioning)),
	)
}

func medication(r *models.Referral) fyne.CanvasObject {
	var meds []string
	for _, m := range r.Medications {
		s := m.Name + " (" + strings.ReplaceAll(m.Class, "_", " ") + ")"
		if m.Dose != "" {
			s += ", " + m.Dose
		}
		meds = append(meds, s)
	}
	return container.NewVBox(
		bullets(meds, "No medication named."),
		facts("Breastfeeding", yesNo(r.Breastfeeding), "Medication advice asked for", yesNo(r.MedicationAdviceRequested)),
	)
}

// recommendation shows the screening result stored with the referral.
func recommendation(r *models.Referral) fyne.CanvasObject {
	rec, err := app.StoredRecommendation(r)
	if err != nil {
		return paragraph(sentence(err))
	}
	var signpost, flags []string
	for _, s := range rec.Signpost {
		signpost = append(signpost, models.SignpostLabel(s))
	}
	for _, f := range rec.Flags {
		flags = append(flags, models.FlagLabel(f))
	}
	head := widget.NewLabel(rec.Decision.Label() + " · " + priorityText(rec.Priority))
	head.TextStyle.Bold = true
	if rec.Priority == models.PriorityUrgent {
		head.Importance = widget.DangerImportance
	}
	out := container.NewVBox(head, widget.NewLabel("Why:"), bullets(rec.Reasons, "No rule gave a reason."))
	if len(signpost) > 0 {
		out.Add(widget.NewLabel("Signpost to:"))
		out.Add(bullets(signpost, ""))
	}
	if len(flags) > 0 {
		out.Add(widget.NewLabel("To act on:"))
		out.Add(bullets(flags, ""))
	}
	note := widget.NewLabel("The clinician makes the final decision.")
	note.Importance = widget.LowImportance
	out.Add(note)
	return out
}

func decision(r *models.Referral) fyne.CanvasObject {
	var pairs []string
	if r.Decision != "" {
		pairs = append(pairs, "Decision", models.Decision(r.Decision).Label())
		if r.DecidedAt != nil {
			pairs = append(pairs, "Decided", ukDateTime(*r.DecidedAt))
		}
		if r.DecisionReason != "" {
			pairs = append(pairs, "Reason given", r.DecisionReason)
		}
	}
	if r.ClosedAt != nil {
		pairs = append(pairs, "Closed", ukDateTime(*r.ClosedAt), "Closure reason", orNotStated(strings.ReplaceAll(r.ClosureReason, "_", " ")))
	}
	return facts(pairs...)
}
