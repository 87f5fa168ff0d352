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

// screeningPanel shows a screening recommendation as the referral form is
// filled in: the decision, the priority (urgent stands out), where she is
// in the perinatal period, the reasons, where to signpost and the flags,
// all in words. Below it, it says whether the woman is known to the
// service and lists her earlier referrals.
type screeningPanel struct {
	Decision  *widget.Label
	Priority  *widget.Label
	Stage     *widget.Label
	Reasons   *widget.Label
	Signposts *widget.Label
	Flags     *widget.Label
	// Known says "Known to the service: N earlier referrals", or is hidden.
	Known *widget.Label
	// Earlier lists her earlier referrals, newest first.
	Earlier *widget.Label
	// Shown is the recommendation on show.
	Shown models.Recommendation

	signpostBox, knownBox *fyne.Container
	content               fyne.CanvasObject
}

// notEnoughInformation is what the panel says instead of a decision while
// a question screening depends on is not answered.
const notEnoughInformation = "Not enough information yet"

// newScreeningPanel builds an empty panel.
func newScreeningPanel() *screeningPanel {
	p := &screeningPanel{
		Decision: widget.NewLabel(""), Priority: widget.NewLabel(""), Stage: paragraph(""),
		Reasons: paragraph(""), Signposts: paragraph(""), Flags: paragraph(""),
		Known: widget.NewLabel(""), Earlier: paragraph(""),
	}
	p.Decision.TextStyle.Bold = true
	p.Decision.SizeName = theme.SizeNameSubHeadingText
	p.Decision.Wrapping = fyne.TextWrapWord // "Not enough information yet" is wider than the panel
	p.Priority.TextStyle.Bold = true
	p.Known.TextStyle.Bold = true
	p.Known.Importance = widget.WarningImportance
	p.Known.Wrapping = fyne.TextWrapWord
	p.signpostBox = container.NewVBox(subheading("Signpost to"), p.Signposts)
	p.knownBox = container.NewVBox(p.Known, p.Earlier)
	p.knownBox.Hide()
	note := paragraph("The screening follows the service's published criteria. The clinician makes the final decision.")
	note.Importance = widget.LowImportance
	p.content = container.NewVScroll(container.NewVBox(
		subheading("Screening"),
		container.NewBorder(nil, nil, nil, p.Priority, p.Decision),
		p.Stage,
		subheading("Why"), p.Reasons,
		p.signpostBox,
		subheading("To act on"), p.Flags,
		note,
		widget.NewSeparator(),
		p.knownBox,
	))
	return p
}

// Content returns the panel's widget tree.
func (p *screeningPanel) Content() fyne.CanvasObject { return p.content }

// Show puts a recommendation on the panel. stage describes where she is in
// the perinatal period, in words.
func (p *screeningPanel) Show(rec models.Recommendation, stage string) {
	p.Shown = rec
	p.Decision.SetText(rec.Decision.Label())
	p.Priority.SetText(priorityText(rec.Priority))
	p.Priority.Importance = widget.MediumImportance
	if rec.Incomplete() {
		// A question screening depends on has no answer: never a decision
		// read from a blank.
		p.Decision.SetText(notEnoughInformation)
		p.Priority.SetText("")
	}
	if rec.Priority == models.PriorityUrgent {
		p.Priority.SetText("URGENT")
		p.Priority.Importance = widget.DangerImportance
	}
	p.Priority.Refresh()
	p.Stage.SetText(stage)
	p.Reasons.SetText(bulletText(rec.Reasons, "No rule gave a reason yet."))
	p.Signposts.SetText(bulletText(mapLabels(rec.Signpost, models.SignpostLabel), ""))
	if len(rec.Signpost) == 0 {
		p.signpostBox.Hide()
	} else {
		p.signpostBox.Show()
	}
	p.Flags.SetText(bulletText(mapLabels(rec.Flags, models.FlagLabel), "Nothing flagged."))
	p.content.Refresh() // wrapped text changes height: lay the panel out again
}

// ShowKnown says whether the woman is known to the service. rows are her
// earlier referrals; nil hides the section.
func (p *screeningPanel) ShowKnown(known bool, rows []app.ReferralRow) {
	if !known {
		p.knownBox.Hide()
		p.Known.SetText("")
		p.Earlier.SetText("")
		return
	}
	p.Known.SetText("Known to the service: " + countText(int64(len(rows)), "earlier referral", "earlier referrals"))
	lines := make([]string, len(rows))
	for i, r := range rows {
		lines[i] = fmt.Sprintf("%s · %s · %s · from %s", ukDate(r.ReceivedAt), r.Status.Label(), priorityText(r.Priority), r.ReferrerName)
	}
	p.Earlier.SetText(bulletText(lines, "") +
		"\nA new referral is linked to her record as a re-referral. Blank fields have been filled from her record; check them with the referrer.")
	p.knownBox.Show()
}

// subheading is a bold label for a part of a panel.
func subheading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// bulletText writes items one per line with bullets, or empty when there are none.
func bulletText(items []string, empty string) string {
	if len(items) == 0 {
		return empty
	}
	return "• " + strings.Join(items, "\n• ")
}

// mapLabels turns codes into words.
func mapLabels(codes []string, label func(string) string) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = label(c)
	}
	return out
}
