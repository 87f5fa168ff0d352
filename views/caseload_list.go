package views

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// The caseload list's columns. The sortable ones have a heading button;
// their samples leave room for the arrow marking the order in use.
const (
	colName = iota
	colNHS
	colStage
	colNext
	colLast
	colMeasure
	colFlags
	colPeriodEnd
	colKeyWorker
)

// sortArrow marks the heading the list is sorted by.
const sortArrow = " ▼"

// caseloadSorts maps the sortable columns to the order each asks for.
var caseloadSorts = map[int]app.CaseloadSort{
	colName: app.SortByName, colNext: app.SortByNextAppointment, colLast: app.SortByLastContact,
	colPeriodEnd: app.SortByPeriodEnd, colKeyWorker: app.SortByKeyWorker,
}

// caseloadTable lays out the caseload list's columns.
func caseloadTable() *widgets.Table {
	return widgets.NewTable([]widgets.Column{
		// At 1024×768 the fixed columns leave about 250 pixels to share,
		// so her name takes most of them and the headings are short.
		colName:    {Title: "Name", Weight: 3},
		colNHS:     {Title: "NHS number", Sample: "000 000 0000"},
		colStage:   {Title: "Stage", Weight: 1.5},
		colNext:    {Title: "Next appt", Sample: "07/12/2026 12:30"},
		colLast:    {Title: "Last contact", Sample: "Last contact" + sortArrow},
		colMeasure: {Title: "Score", Sample: "CORE 40 ↑"}, // latest EPDS, else CORE-10

		colFlags:     {Title: "Flags", Weight: 1},
		colPeriodEnd: {Title: "Period ends", Sample: "Period ends" + sortArrow},
		colKeyWorker: {Title: "Key worker", Weight: keyWorkerWeight},
	})
}

// caseloadHeader returns t's headings with a button on each sortable
// column, which calls sortBy; the buttons are returned by order.
func caseloadHeader(t *widgets.Table, sortBy func(app.CaseloadSort)) (fyne.CanvasObject, map[app.CaseloadSort]*widget.Button) {
	header := t.Header().(*fyne.Container)
	buttons := map[app.CaseloadSort]*widget.Button{}
	for col, by := range caseloadSorts {
		b := widget.NewButton(t.Title(col), func() { sortBy(by) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		header.Objects[col] = b
		buttons[by] = b
	}
	return header, buttons
}

// markSort puts the arrow on the heading of the order in use.
func markSort(t *widgets.Table, buttons map[app.CaseloadSort]*widget.Button, by app.CaseloadSort) {
	for col, sort := range caseloadSorts {
		text := t.Title(col)
		if sort == by {
			text += sortArrow
		}
		buttons[sort].SetText(text)
	}
}

// showKeyWorkerColumn shows the key worker column for the whole team's
// caseload, and gives its width to the others for one worker's, where it
// would say the same name on every row.
func showKeyWorkerColumn(t *widgets.Table, header fyne.CanvasObject, show bool) {
	t.SetWeight(colKeyWorker, 0)
	cell := header.(*fyne.Container).Objects[colKeyWorker]
	cell.Hide()
	if show {
		t.SetWeight(colKeyWorker, keyWorkerWeight)
		cell.Show()
	}
	header.Refresh()
}

// keyWorkerWeight is the key worker column's share of the spare width:
// half her name's, as the team manager reads the two together.
const keyWorkerWeight = 1.5

// newCaseloadRow returns an empty row of t with room for flag badges.
func newCaseloadRow(t *widgets.Table) fyne.CanvasObject {
	row := t.Row().(*fyne.Container)
	row.Objects[colFlags] = newFlagBadges()
	return row
}

// fillCaseloadRow shows r in a row made by newCaseloadRow; a perinatal
// period that ended before today shows in red.
func fillCaseloadRow(t *widgets.Table, o fyne.CanvasObject, r app.CaseloadRow, today models.Date) {
	next := ""
	if r.NextAppointment != nil {
		next = ukDateTime(*r.NextAppointment)
	}
	last := "Not yet seen"
	if r.LastContact != nil {
		last = ukDate(*r.LastContact)
	}
	nhs := r.NHSNumberText()
	if nhs == "" {
		nhs = "Not known"
	}
	widgets.SetRowText(o, r.PatientName(), nhs, r.StageText, next, last)
	widgets.RowCell(o, colMeasure).SetText(strings.Replace(r.MeasureText(), "CORE-10", "CORE", 1))
	setFlagBadges(o.(*fyne.Container).Objects[colFlags], r.Flags)
	periodEnd := widgets.RowCell(o, colPeriodEnd)
	periodEnd.Importance = widget.MediumImportance
	if r.PeriodEnds.IsZero() {
		periodEnd.SetText("")
	} else {
		if r.PeriodEnds.Before(today) {
			periodEnd.Importance = widget.DangerImportance // ended: plan her discharge
		}
		periodEnd.SetText(r.PeriodEnds.UK())
	}
	keyWorker := widgets.RowCell(o, colKeyWorker)
	keyWorker.SetText(r.KeyWorkerName)
	if show := t.Weight(colKeyWorker) > 0; show != keyWorker.Visible() {
		if show {
			keyWorker.Show()
		} else {
			keyWorker.Hide()
		}
		o.(*fyne.Container).Refresh() // lay the row out again in the new widths
	}
}

// clearCaseloadRow empties a row, for a moment when the list is shorter
// than a row it is asked to show.
func clearCaseloadRow(o fyne.CanvasObject) {
	widgets.SetRowText(o, "", "", "", "", "")
	setFlagBadges(o.(*fyne.Container).Objects[colFlags], nil)
	widgets.RowCell(o, colMeasure).SetText("")
	widgets.RowCell(o, colPeriodEnd).SetText("")
	widgets.RowCell(o, colKeyWorker).SetText("")
}
