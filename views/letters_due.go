package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// dueBands are the Due tab's bands, in the order offered.
var dueBands = []models.DueBand{models.BandOverdue, models.BandDueSoon, models.BandDue}

// dueLettersTable lays out the Due tab's columns.
func dueLettersTable() *widgets.Table {
	return widgets.NewTable([]widgets.Column{
		{Title: "Due by", Sample: "00/00/0000"}, {Title: "When", Sample: "00 days overdue"},
		{Title: "Woman", Weight: 2}, {Title: "NHS number", Sample: "000 000 0000"},
		{Title: "Status", Weight: 1}, {Title: "Referral", Sample: "PMH-000000"},
	})
}

// dueLetters is the Letters screen's Due tab: the referrals whose outcome
// letter is owed under the two-week clock from acceptance (the Dashboard's
// clock, app.ClockService.DueLetters), one band at a time and a page at a
// time. "Issue letters…" opens the issue dialog for the chosen referral; a
// referral leaves the list once an outcome letter is issued.
type dueLetters struct {
	// Band chooses overdue, due soon, or due later.
	Band *widget.RadioGroup
	// Counts says how many are in each band, or why they could not be read.
	Counts *widget.Label
	List   *widget.List
	Issue  *widget.Button

	s        *session
	rows     *widgets.Pager[app.DueLetterRow]
	selected *app.DueLetterRow
	onIssued func()
	content  fyne.CanvasObject
}

// newDueLetters builds the Due tab. onIssued runs after letters are issued
// from it, so the register can show them.
func newDueLetters(s *session, onIssued func()) *dueLetters {
	bg := s.Background
	d := &dueLetters{s: s, onIssued: onIssued}
	d.Band = widget.NewRadioGroup(labelsOf(dueBands, dueBandLabel), func(string) { d.Reload() })
	d.Band.Horizontal = true
	d.Band.Required = true
	d.Counts = messageLabel("")
	d.Issue = widget.NewButtonWithIcon("Issue letters…", theme.MailSendIcon(), d.IssueSelected)
	d.Issue.Importance = widget.HighImportance
	d.Issue.Disable()
	refresh := widget.NewButtonWithIcon("Refresh", theme.ViewRefreshIcon(), d.Reload)

	cols := dueLettersTable()
	d.rows, d.List = widgets.NewPagedList(bg, registerPageSize, cols.Row, fillDueLetterRow, nil, reportIn(d.Counts))
	d.List.OnSelected = d.choose
	d.List.OnUnselected = func(widget.ListItemID) { d.choose(-1) }

	intro := paragraph("Outcome letters owed: each is due within the team's target (14 days unless Settings say otherwise) " +
		"from the day the referral was accepted. A referral leaves this list when its outcome letter is issued.")
	top := container.NewVBox(intro, container.NewBorder(nil, nil, nil, refresh, d.Band), d.Counts, cols.Header(), widget.NewSeparator())
	bottom := container.NewVBox(widget.NewSeparator(), container.NewHBox(layout.NewSpacer(), d.Issue))
	d.content = container.NewBorder(top, bottom, nil, nil, d.List)
	d.Band.SetSelected(d.Band.Options[0]) // runs the first query
	return d
}

// Content returns the tab's widget tree.
func (d *dueLetters) Content() fyne.CanvasObject { return d.content }

// band returns the chosen band.
func (d *dueLetters) band() models.DueBand {
	for _, b := range dueBands {
		if dueBandLabel(b) == d.Band.Selected {
			return b
		}
	}
	return models.BandOverdue
}

// Reload counts each band as of today and lists the chosen one.
func (d *dueLetters) Reload() {
	if d.List == nil {
		return // still being built
	}
	band, today := d.band(), d.s.Services.Today()
	var lists *app.DueLetterLists
	d.rows.Query(
		func() (int64, error) {
			var err error
			if lists, err = d.s.Services.Clocks.DueLetters(d.s.Actor, today, 1); err != nil {
				return 0, err
			}
			return map[models.DueBand]int64{models.BandOverdue: lists.OverdueCount, models.BandDueSoon: lists.DueSoonCount, models.BandDue: lists.DueCount}[band], nil
		},
		func(offset, limit int) ([]app.DueLetterRow, error) {
			return d.s.Services.Clocks.DueLetterPage(d.s.Actor, today, band, offset, limit)
		},
		func(_ int, err error) {
			if err != nil {
				showMessage(d.Counts, sentence(err), true)
			} else {
				showMessage(d.Counts, fmt.Sprintf("On %s: %d overdue, %d due soon, %d due later.",
					today.UK(), lists.OverdueCount, lists.DueSoonCount, lists.DueCount), lists.OverdueCount > 0)
			}
			d.choose(-1)
			widgets.ShowFromTop(d.List)
		})
}

// fillDueLetterRow shows r in a row of dueLettersTable.
func fillDueLetterRow(o fyne.CanvasObject, r app.DueLetterRow) {
	nhs := ""
	if r.NHSNumber != nil {
		nhs = models.FormatNHSNumber(*r.NHSNumber)
	}
	widgets.SetRowText(o, r.Due.UK(), daysLeftText(r.DaysLeft), r.PatientName(), nhs, r.Status.Label(), r.Reference())
}

// choose makes row id the referral Issue acts on; -1 chooses none.
func (d *dueLetters) choose(id widget.ListItemID) {
	d.selected = nil
	if id < 0 {
		d.Issue.Disable()
		return
	}
	if r, ok := d.rows.Row(id); ok {
		d.selected = &r
		d.Issue.Enable()
		return
	}
	d.Issue.Disable()
}

// IssueSelected opens the issue dialog for the chosen referral.
func (d *dueLetters) IssueSelected() {
	if d.selected == nil {
		return
	}
	showIssueLettersDialog(d.s, d.selected.ReferralID, func() {
		d.Reload()
		if d.onIssued != nil {
			d.onIssued()
		}
	})
}

// dueBandLabel names a band on the Due tab.
func dueBandLabel(b models.DueBand) string {
	if b == models.BandDue {
		return "Due later"
	}
	return b.Label()
}

// daysLeftText says how long is left: "due today", "in 3 days", "2 days overdue".
func daysLeftText(n int) string {
	switch {
	case n == 0:
		return "due today"
	case n == 1:
		return "tomorrow"
	case n > 0:
		return fmt.Sprintf("in %d days", n)
	case n == -1:
		return "1 day overdue"
	}
	return fmt.Sprintf("%d days overdue", -n)
}
