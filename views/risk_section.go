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

// riskSection shows, on her record, her risk summary with who reviewed it
// and when it is next due, and the safeguarding flags on her (raised on
// any of her referrals), with badges for those standing today. The key
// worker records a review, raises a flag and ends one from here; the
// services check every permission, and a refusal shows in the dialog.
type riskSection struct {
	// Badges shows a badge for each safeguarding flag standing today, and
	// for "unsafe to write home" from her communication needs.
	Badges *fyne.Container
	// Review says the level, who reviewed it and when, and when the next
	// review is due (in red once it falls due).
	Review  *widget.Label
	Summary *widget.Label
	// Flags lists every safeguarding flag, standing and ended, one line each.
	Flags                       *widget.Label
	EditSummary, Raise, EndFlag *widget.Button
	summary                     *models.RiskSummary
	flags                       []models.SafeguardingFlag
	s                           *session
	referral                    *models.Referral
	reopen                      func()
	content                     fyne.CanvasObject
}

// newRiskSection builds the section for r, as read from the services.
// reopen reloads the record after a change.
func newRiskSection(s *session, r *models.Referral, reopen func()) *riskSection {
	p := &riskSection{s: s, referral: r, reopen: reopen}
	p.Badges = container.NewHBox()
	p.Review = widget.NewLabel("")
	p.Summary = paragraph("")
	p.Flags = paragraph("")
	p.EditSummary = widget.NewButtonWithIcon("Review the risk…", theme.DocumentCreateIcon(), func() {
		showRiskSummaryDialog(s, r.ID, p.summary, reopen)
	})
	p.Raise = widget.NewButtonWithIcon("Raise a safeguarding flag…", theme.WarningIcon(), func() {
		showRaiseFlagDialog(s, r.ID, reopen)
	})
	p.EndFlag = widget.NewButtonWithIcon("End a flag…", theme.CancelIcon(), func() {
		showEndFlagDialog(s, p.standing(), reopen)
	})
	p.show()
	p.content = section("Risk and safeguarding", container.NewVBox(
		p.Badges, p.Review, p.Summary,
		subheading("Safeguarding flags"), p.Flags,
		container.NewHBox(p.EditSummary, p.Raise, p.EndFlag),
		notPermitted(s, onlyWith(models.PermUpdateCaseload, p.EditSummary, p.Raise, p.EndFlag)),
	))
	return p
}

// Content returns the section's widget tree.
func (p *riskSection) Content() fyne.CanvasObject { return p.content }

// show reads the summary and the flags and puts them on screen.
func (p *riskSection) show() {
	svc, actor, id := p.s.Services, p.s.Actor, p.referral.ID
	today := svc.Today()
	names := staffNames(svc)
	var err error
	if p.summary, err = svc.Risk.Summary(actor, id); err != nil {
		p.Review.SetText("The risk summary could not be read: " + sentence(err))
		return
	}
	if p.flags, err = svc.Risk.Flags(actor, id); err != nil {
		p.Flags.SetText("The safeguarding flags could not be read: " + sentence(err))
		return
	}
	p.Review.TextStyle.Bold = true
	if p.summary == nil {
		p.Review.SetText("No risk summary recorded yet.")
		p.Review.Importance = widget.WarningImportance
		p.Summary.Hide()
	} else {
		sum := p.summary
		p.Review.SetText(fmt.Sprintf("Risk: %s · reviewed %s by %s · next review %s",
			sum.Level.Label(), sum.ReviewedOn.UK(), orNotStated(names[sum.ReviewedByID]), sum.ReviewDue.UK()))
		if sum.ReviewFallingDue(today) {
			p.Review.Importance = widget.DangerImportance
			p.Review.SetText(p.Review.Text + dueWords(sum.ReviewDue, today))
		}
		p.Summary.SetText(sum.Summary)
	}
	lines := make([]string, len(p.flags))
	for i := range p.flags {
		lines[i] = flagLine(&p.flags[i], names)
	}
	p.Flags.SetText(bulletText(lines, "None raised."))
	p.Badges.RemoveAll()
	for _, f := range app.StandingFlags(p.flags, p.referral.Patient.UnsafeToWriteHome, today) {
		p.Badges.Add(newFlagBadge(f))
	}
	if len(p.standing()) == 0 {
		p.EndFlag.Disable()
	}
}

// standing returns the flags not yet ended.
func (p *riskSection) standing() []models.SafeguardingFlag {
	var out []models.SafeguardingFlag
	for _, f := range p.flags {
		if f.EndedOn.IsZero() {
			out = append(out, f)
		}
	}
	return out
}

// dueWords says when a review falling due is due: " (overdue)", " (due today)".
func dueWords(due, today models.Date) string {
	switch n := today.DaysUntil(due); {
	case n < 0:
		return " (overdue)"
	case n == 0:
		return " (due today)"
	default:
		return fmt.Sprintf(" (due in %s)", countText(int64(n), "day", "days"))
	}
}

// flagLine describes one safeguarding flag: what, when raised and by
// whom, when ended and by whom, and its note.
func flagLine(f *models.SafeguardingFlag, names map[uint]string) string {
	line := fmt.Sprintf("%s · raised %s by %s", f.Kind.Label(), f.RaisedOn.UK(), orNotStated(names[f.RaisedByID]))
	if !f.EndedOn.IsZero() {
		by := ""
		if f.EndedByID != nil {
			by = " by " + orNotStated(names[*f.EndedByID])
		}
		line += " · ended " + f.EndedOn.UK() + by
	}
	if n := strings.TrimSpace(f.Note); n != "" {
		line += "\n   " + n
	}
	return line
}

// staffNames maps every staff member's ID to their name, for saying who
// recorded what; a list that cannot be read names nobody.
func staffNames(svc *app.Services) map[uint]string {
	staff, err := svc.Staff.List(false)
	names := make(map[uint]string, len(staff))
	if err != nil {
		return names
	}
	for _, m := range staff {
		names[m.ID] = m.Name
	}
	return names
}

// SetBadges shows badges beside her name at the top of her record: the
// safeguarding flags standing on her (see safeguardingBadges).
func (d *referralDetail) SetBadges(badges []fyne.CanvasObject) {
	d.badges.Objects = badges
	d.badges.Refresh()
}

// safeguardingBadges returns a badge for each safeguarding flag standing on
// the woman of referral r today, and for "unsafe to write home"; none when
// they cannot be read (the Risk and safeguarding section then says why).
func safeguardingBadges(s *session, r *models.Referral) []fyne.CanvasObject {
	flags, err := s.Services.Risk.Flags(s.Actor, r.ID)
	if err != nil {
		return nil
	}
	var out []fyne.CanvasObject
	for _, f := range app.StandingFlags(flags, r.Patient.UnsafeToWriteHome, s.Services.Today()) {
		out = append(out, newFlagBadge(f))
	}
	return out
}
