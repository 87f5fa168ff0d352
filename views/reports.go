package views

import (
	"bytes"
	"fmt"
	"image/color"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"gonum.org/v1/plot/vg"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
	"perinatal-caseload/reports"
	"perinatal-caseload/views/widgets"
)

// reportsScreen is the team manager's Reports screen: a date range, then
// each report in its own tab as a table and a chart, with "Export CSV"
// (the report on show) and "Export PDF" (every report in one document).
// The reports are worked out off the UI goroutine; when that takes more
// than a second a progress bar shows.
type reportsScreen struct {
	From, To  *widget.Entry
	Run       *widget.Button
	ExportCSV *widget.Button
	ExportPDF *widget.Button
	// Message says what is wrong with the range, or what was saved.
	Message *widget.Label
	Tabs    *container.AppTabs
	// Progress shows while reports that take over a second are worked out.
	Progress *widget.ProgressBar
	// SaveCSV and SavePDF ask where to save a file; tests replace them.
	SaveCSV, SavePDF widgets.SaveFileFunc

	ses     *session
	current *app.Reports
	top     *fyne.Container
	content fyne.CanvasObject
}

// progressAfter is how long reports may take before the progress bar shows.
const progressAfter = time.Second

// newReportsScreen builds the Reports screen for the last three months.
func newReportsScreen(ses *session) *reportsScreen {
	s := &reportsScreen{ses: ses, Message: widget.NewLabel(""), Progress: widget.NewProgressBar(), Tabs: container.NewAppTabs()}
	s.Message.Wrapping = fyne.TextWrapWord
	s.Progress.Hide()
	today := ses.Services.Today()
	s.From = entryWithHint("DD/MM/YYYY", s.build)
	s.From.SetText(models.MonthOfDate(today).First().AddMonths(-2).UK())
	s.To = entryWithHint("DD/MM/YYYY", s.build)
	s.To.SetText(today.UK())
	s.Run = widget.NewButtonWithIcon("Show reports", theme.SearchIcon(), s.build)
	s.Run.Importance = widget.HighImportance
	s.ExportCSV = widget.NewButtonWithIcon("Export CSV", theme.DocumentSaveIcon(), s.exportCSV)
	s.ExportPDF = widget.NewButtonWithIcon("Export PDF", theme.DocumentPrintIcon(), s.exportPDF)
	s.ExportCSV.Disable()
	s.ExportPDF.Disable()
	s.SaveCSV = widgets.SaveWithDialog(ses.Window, ".csv")
	s.SavePDF = widgets.SaveWithDialog(ses.Window, ".pdf")
	bar := container.NewHBox(widget.NewLabel("From"), sized(s.From, 130), widget.NewLabel("to"), sized(s.To, 130),
		s.Run, s.ExportCSV, s.ExportPDF)
	s.top = container.NewVBox(bar, s.Progress, s.Message)
	s.content = container.NewBorder(s.top, nil, nil, nil, s.Tabs)
	return s
}

// Content returns the screen.
func (s *reportsScreen) Content() fyne.CanvasObject { return s.content }

// sized keeps o at least width wide.
func sized(o fyne.CanvasObject, width float32) fyne.CanvasObject {
	room := canvas.NewRectangle(color.Transparent)
	room.SetMinSize(fyne.NewSize(width, 0))
	return container.NewStack(room, o)
}

// dates reads the range typed.
func (s *reportsScreen) dates() (from, to models.Date, err error) {
	if from, err = models.ParseUKDate(s.From.Text); err != nil {
		return from, to, fmt.Errorf("from: %s", fieldText(err))
	}
	if to, err = models.ParseUKDate(s.To.Text); err != nil {
		return from, to, fmt.Errorf("to: %s", fieldText(err))
	}
	return from, to, nil
}

// fieldText returns a field error's message, or the error's text.
func fieldText(err error) string {
	if fe, ok := err.(*models.FieldError); ok {
		return fe.Message
	}
	return err.Error()
}

// build works out the reports off the UI goroutine and shows them.
func (s *reportsScreen) build() {
	from, to, err := s.dates()
	if err != nil {
		showMessage(s.Message, sentence(err), true)
		return
	}
	showMessage(s.Message, "Working out the reports…", false)
	s.Run.Disable()
	var mu sync.Mutex
	done := false
	timer := time.AfterFunc(progressAfter, func() {
		fyne.Do(func() {
			mu.Lock()
			defer mu.Unlock()
			if !done {
				s.Progress.SetValue(0)
				s.Progress.Show()
				s.top.Refresh()
			}
		})
	})
	svc, actor := s.ses.Services.Reports, s.ses.Actor
	s.ses.Background.Go(func() func() {
		var charts [][]byte
		r, err := svc.Build(actor, from, to, func(step, total int) {
			fyne.Do(func() { s.Progress.Max = float64(total + 1); s.Progress.SetValue(float64(step)) })
		})
		if err == nil {
			charts = drawCharts(r.Tables())
		}
		return func() {
			timer.Stop()
			mu.Lock()
			done = true
			mu.Unlock()
			s.Progress.Hide()
			s.top.Refresh()
			s.Run.Enable()
			if err != nil {
				showMessage(s.Message, sentence(err), true)
				return
			}
			s.show(r, charts)
		}
	})
}

// drawCharts draws each table's chart as a PNG (nil for a table without
// one, or whose chart could not be drawn), off the UI goroutine.
func drawCharts(tables []reports.Table) [][]byte {
	out := make([][]byte, len(tables))
	for i, t := range tables {
		if t.Chart != nil {
			out[i], _ = reports.ChartPNG(t.Title, *t.Chart, 16*vg.Centimeter, 7*vg.Centimeter)
		}
	}
	return out
}

// show puts each report in a tab, with its chart drawn already.
func (s *reportsScreen) show(r *app.Reports, charts [][]byte) {
	s.current = r
	selected := s.Tabs.SelectedIndex()
	s.Tabs.Items = nil
	for i, t := range r.Tables() {
		s.Tabs.Append(container.NewTabItem(tabTitle(t.Key), container.NewVScroll(reportView(t, charts[i]))))
	}
	s.Tabs.Refresh()
	if selected > 0 && selected < len(s.Tabs.Items) {
		s.Tabs.SelectIndex(selected)
	}
	s.ExportCSV.Enable()
	s.ExportPDF.Enable()
	text := fmt.Sprintf("Reports for %s to %s.", r.From.UK(), r.To.UK())
	if r.Demo {
		text += " The database holds demo records: these figures are not real."
	}
	showMessage(s.Message, text, false)
}

// tabTitles are the short names of the reports on their tabs.
var tabTitles = map[string]string{
	"access": "Access", "referrals": "Referrals", "referral-sources": "Sources", "waits": "Waits",
	"attendance": "Attendance", "caseload": "Caseload", "caseload-stages": "Stages", "outcomes": "Outcomes",
	"data-quality": "Data quality",
}

func tabTitle(key string) string {
	if t, ok := tabTitles[key]; ok {
		return t
	}
	return key
}

// reportView shows one report: its title and note, its table and its
// chart (a PNG, or nil for none).
func reportView(t reports.Table, chart []byte) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(t.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	note := widget.NewLabel(t.Note)
	note.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(title, note, tableRow(t.Columns, len(t.Columns), true))
	for _, r := range t.Rows {
		box.Add(tableRow(r, len(t.Columns), false))
	}
	if chart != nil {
		img := canvas.NewImageFromReader(bytes.NewReader(chart), t.Key+".png")
		img.FillMode = canvas.ImageFillContain
		img.SetMinSize(fyne.NewSize(600, 262))
		box.Add(img)
	}
	return box
}

// tableRow lays out one row of a report's table in n equal columns, each
// row only as tall as its own cells.
func tableRow(cells []string, n int, head bool) fyne.CanvasObject {
	row := container.NewGridWithColumns(n)
	for i := 0; i < n; i++ {
		text := ""
		if i < len(cells) {
			text = cells[i]
		}
		l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: head})
		l.Wrapping = fyne.TextWrapWord
		row.Add(l)
	}
	return row
}

// exportCSV saves the report on show as CSV.
func (s *reportsScreen) exportCSV() {
	if s.current == nil {
		return
	}
	files, err := s.ses.Services.Reports.ExportCSV(s.ses.Actor, s.current)
	if err != nil {
		showMessage(s.Message, sentence(err), true)
		return
	}
	t := s.current.Tables()[max(s.Tabs.SelectedIndex(), 0)]
	name := t.Key + "-" + s.current.From.ISO() + "-to-" + s.current.To.ISO() + ".csv"
	s.SaveCSV(name, files[t.Key+".csv"], s.saved)
}

// exportPDF saves every report as one PDF.
func (s *reportsScreen) exportPDF() {
	if s.current == nil {
		return
	}
	pdf, err := s.ses.Services.Reports.ExportPDF(s.ses.Actor, s.current)
	if err != nil {
		showMessage(s.Message, sentence(err), true)
		return
	}
	s.SavePDF("reports-"+s.current.From.ISO()+"-to-"+s.current.To.ISO()+".pdf", pdf, s.saved)
}

// saved says where a file went, or why it did not.
func (s *reportsScreen) saved(name string, err error) {
	if err != nil {
		showMessage(s.Message, sentence(err), true)
		return
	}
	showMessage(s.Message, "Saved "+name+".", false)
}
