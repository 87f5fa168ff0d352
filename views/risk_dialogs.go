package views

import (
	"strings"

	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// riskSummaryDialog records a review of her risk: the summary, the level
// (or not rated), the date of the review and the date of the next one.
// The service checks that nobody has changed the summary since it was read.
type riskSummaryDialog struct {
	*formDialog
	Summary    *widgets.FormEntry
	Level      *widgets.Choice
	ReviewedOn *widgets.FormEntry
	ReviewDue  *widgets.FormEntry
}

// showRiskSummaryDialog shows the dialog for referral referralID, filled
// in from current (nil for the first summary). onDone runs once it is saved.
func showRiskSummaryDialog(s *session, referralID uint, current *models.RiskSummary, onDone func()) *riskSummaryDialog {
	d := &riskSummaryDialog{}
	submit := func() { d.Submit() }
	codes := []string{""}
	for _, l := range models.RiskLevels {
		codes = append(codes, string(l))
	}
	d.Summary = widgets.NewHintedFormTextArea("What the risks are, to her and to others, and what is in place", submit, 6)
	d.Level = widgets.NewChoice(codes, func(c string) string { return models.RiskLevel(c).Label() }, "Not rated", nil)
	today := s.Services.Today()
	d.ReviewedOn = widgets.NewHintedFormEntry("DD/MM/YYYY", submit)
	d.ReviewedOn.SetText(today.UK())
	d.ReviewDue = widgets.NewHintedFormEntry("DD/MM/YYYY", submit)
	d.ReviewDue.SetText(today.AddDays(28).UK())
	version := 0
	if current != nil {
		version = current.Version
		d.Summary.SetText(current.Summary)
		d.Level.SetCode(string(current.Level))
	}
	form := widget.NewForm(
		required("Risk summary", d.Summary),
		widget.NewFormItem("Risk level", d.Level.Select),
		required("Reviewed on", d.ReviewedOn),
		required("Next review", d.ReviewDue),
	)
	save := func() error {
		reviewed, err := dateField(models.FieldRiskReviewedOn, d.ReviewedOn.Text)
		if err != nil {
			return err
		}
		due, err := dateField(models.FieldRiskReviewDue, d.ReviewDue.Text)
		if err != nil {
			return err
		}
		sum := models.RiskSummary{Summary: d.Summary.Text, Level: models.RiskLevel(d.Level.Code()), ReviewedOn: reviewed, ReviewDue: due}
		_, err = s.Services.Risk.SaveSummary(s.Actor, referralID, version, sum)
		return err
	}
	d.formDialog = newFormDialog("Review the risk", "Save", 600, form, s.Window, save, onDone)
	d.ShowFocused(d.Summary)
	return d
}

// raiseFlagDialog raises a safeguarding flag on her: which concern, the
// date it was raised and a note.
type raiseFlagDialog struct {
	*formDialog
	Kind   *widgets.Choice
	Raised *widgets.FormEntry
	Note   *widgets.FormEntry
}

// showRaiseFlagDialog shows the dialog for referral referralID. onDone
// runs once the flag is raised.
func showRaiseFlagDialog(s *session, referralID uint, onDone func()) *raiseFlagDialog {
	d := &raiseFlagDialog{}
	submit := func() { d.Submit() }
	codes := make([]string, len(models.SafeguardingKinds))
	for i, k := range models.SafeguardingKinds {
		codes[i] = string(k)
	}
	d.Kind = widgets.NewChoice(codes, func(c string) string { return models.SafeguardingKind(c).Label() }, "Choose the concern", nil)
	d.Raised = widgets.NewHintedFormEntry("DD/MM/YYYY", submit)
	d.Raised.SetText(s.Services.Today().UK())
	d.Note = widgets.NewHintedFormTextArea("For example, who leads the plan and how to reach them", submit, 3)
	hint := paragraph("Whether it is safe to write to her home is kept with her communication needs, and shows beside these flags.")
	hint.Importance = widget.LowImportance
	form := widget.NewForm(
		required("Flag", d.Kind.Select),
		required("Date raised", d.Raised),
		widget.NewFormItem("Note", d.Note),
		widget.NewFormItem("", hint),
	)
	save := func() error {
		raised, err := dateField(models.FieldSafeguardRaised, d.Raised.Text)
		if err != nil {
			return err
		}
		_, err = s.Services.Risk.RaiseFlag(s.Actor, referralID, models.SafeguardingKind(d.Kind.Code()), raised, strings.TrimSpace(d.Note.Text))
		return err
	}
	d.formDialog = newFormDialog("Raise a safeguarding flag", "Raise", 560, form, s.Window, save, onDone)
	d.ShowFocused(d.Kind.Select)
	return d
}

// endFlagDialog ends one of the standing safeguarding flags on a date.
type endFlagDialog struct {
	*formDialog
	Flag  *widgets.Choice
	Ended *widgets.FormEntry
}

// showEndFlagDialog shows the dialog offering the standing flags. onDone
// runs once the flag is ended.
func showEndFlagDialog(s *session, standing []models.SafeguardingFlag, onDone func()) *endFlagDialog {
	d := &endFlagDialog{}
	submit := func() { d.Submit() }
	codes := make([]string, len(standing))
	byCode := make(map[string]models.SafeguardingFlag, len(standing))
	for i, f := range standing {
		codes[i] = string(f.Kind)
		byCode[codes[i]] = f
	}
	d.Flag = widgets.NewChoice(codes, func(c string) string {
		return models.SafeguardingKind(c).Label() + " (raised " + byCode[c].RaisedOn.UK() + ")"
	}, "Choose the flag", nil)
	if len(codes) == 1 {
		d.Flag.SetCode(codes[0])
	}
	d.Ended = widgets.NewHintedFormEntry("DD/MM/YYYY", submit)
	d.Ended.SetText(s.Services.Today().UK())
	form := widget.NewForm(required("Flag", d.Flag.Select), required("Date ended", d.Ended))
	save := func() error {
		f, ok := byCode[d.Flag.Code()]
		if !ok {
			return models.NewFieldError(models.FieldSafeguardingKind, "choose the flag that has ended")
		}
		end, err := dateField(models.FieldSafeguardEnded, d.Ended.Text)
		if err != nil {
			return err
		}
		return s.Services.Risk.EndFlag(s.Actor, f.ID, f.Version, end)
	}
	d.formDialog = newFormDialog("End a safeguarding flag", "End flag", 520, form, s.Window, save, onDone)
	d.ShowFocused(d.Flag.Select)
	return d
}
