package views

import (
	"fmt"
	"image"
	"image/color"
	"slices"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/app/measurechart"
	"perinatal-caseload/models"
)

// Chart size on her record, in pixels: two fit side by side in a window
// 1024 wide, and they wrap one under another in a narrower one.
const measureChartWidth, measureChartHeight = 360, 190

// measuresSection is the Measures part of her record: a line per measure
// (latest total and band, change from the first, when it is next due),
// each measure's trajectory as a chart, and Record a measure. When the
// latest result of a measure has a positive risk item, Banner, a red
// strip, goes at the top of her record.
type measuresSection struct {
	Overview *app.MeasuresOverview
	// Banner is the red "risk item positive" strip; nil when none is.
	Banner fyne.CanvasObject
	// BannerText holds the banner's words.
	BannerText string
	Record     *widget.Button
	// Lines says, per measure, where she stands.
	Lines *widget.Label
	// Charts are the trajectories of the measures she has done.
	Charts []*canvas.Image

	content fyne.CanvasObject
}

// addMeasuresSection builds the Measures section of d's referral and
// puts its red banner, if any, at the head of the record's actions.
// reopen reloads the record after a measure is saved.
func addMeasuresSection(s *session, d *referralDetail, reopen func()) fyne.CanvasObject {
	m := newMeasuresSection(s, d.Referral.ID, reopen)
	if m.Banner != nil {
		d.AddActions(m.Banner)
	}
	return m.Content()
}

// newMeasuresSection reads her measures and builds the section.
func newMeasuresSection(s *session, referralID uint, reopen func()) *measuresSection {
	m := &measuresSection{Lines: paragraph("")}
	m.Record = widget.NewButtonWithIcon("Record a measure…", theme.ContentAddIcon(), func() {
		showMeasureDialog(s, referralID, m.Overview, "", reopen)
	})
	o, err := s.Services.Measures.Overview(s.Actor, referralID)
	if err != nil {
		m.Lines.SetText("Her measures could not be read: " + sentence(err))
		m.content = section("Outcome measures", container.NewVBox(m.Lines))
		return m
	}
	m.Overview = o
	if len(o.RiskAlerts) > 0 {
		m.BannerText = "Risk item positive: " + strings.Join(o.RiskAlerts, "; ") + ". Check her risk today."
		m.Banner = riskBanner(m.BannerText)
	}
	var lines []string
	for _, sum := range o.Measures {
		lines = append(lines, measureLine(sum))
	}
	charts := container.NewGridWrap(fyne.NewSize(measureChartWidth, measureChartHeight))
	for _, img := range measureCharts(o) {
		c := canvas.NewImageFromImage(img)
		c.FillMode = canvas.ImageFillContain
		c.SetMinSize(fyne.NewSize(measureChartWidth, measureChartHeight))
		m.Charts = append(m.Charts, c)
		charts.Add(c)
	}
	m.Lines.SetText(strings.Join(lines, "\n"))
	m.content = section("Outcome measures", container.NewVBox(
		container.NewHBox(m.Record),
		notPermitted(s, onlyWith(models.PermUpdateCaseload, m.Record)),
		m.Lines, charts))
	return m
}

// measureCharts draws the chart of each measure she has done, in the
// overview's order. Drawing text is most of a chart's cost, so the charts
// are drawn side by side, one goroutine each.
func measureCharts(o *app.MeasuresOverview) []image.Image {
	out := make([]image.Image, len(o.Measures))
	var wg sync.WaitGroup
	for i, sum := range o.Measures {
		if len(sum.Results) == 0 {
			continue
		}
		wg.Go(func() {
			out[i], _ = measurechart.Render(sum.Def, sum.Results, measureChartWidth, measureChartHeight)
		})
	}
	wg.Wait()
	return slices.DeleteFunc(out, func(img image.Image) bool { return img == nil })
}

// Content returns the section's widget tree.
func (m *measuresSection) Content() fyne.CanvasObject { return m.content }

// riskBanner is a red strip with white words, wrapped to the record's width.
func riskBanner(text string) fyne.CanvasObject {
	bg := canvas.NewRectangle(color.NRGBA{R: 0xb0, G: 0x10, B: 0x10, A: 0xff})
	return container.NewStack(bg, container.NewPadded(whiteText(text)))
}

// whiteText is wrapped bold white text for the banner.
func whiteText(text string) fyne.CanvasObject {
	rt := widget.NewRichText(&widget.TextSegment{Text: text, Style: widget.RichTextStyle{
		ColorName: theme.ColorNameForegroundOnError, TextStyle: fyne.TextStyle{Bold: true}}})
	rt.Wrapping = fyne.TextWrapWord
	return rt
}

// measureLine says where she stands on one measure.
func measureLine(sum app.MeasureSummary) string {
	d := sum.Def
	latest := sum.Latest()
	var parts []string
	if latest == nil {
		parts = append(parts, d.Code+": not done")
	} else {
		text := fmt.Sprintf("%s: %d on %s", d.Code, latest.Total, latest.TakenOn.UK())
		if latest.Band != "" {
			text += " (" + latest.Band + ")"
		}
		if d.GoalBased {
			text = fmt.Sprintf("%s: %d goal(s), latest on %s", d.Code, len(latest.GoalList()), latest.TakenOn.UK())
		}
		parts = append(parts, text)
	}
	if sum.HasChange && sum.Change.Results > 1 {
		parts = append(parts, changeSummary(d, sum.Change))
	}
	if sum.HasDue {
		due := "next due " + sum.Due.On.UK() + " (" + string(sum.Due.Reason) + ")"
		if sum.Due.Due {
			due = "due now (" + string(sum.Due.Reason) + ")"
		}
		parts = append(parts, due)
	}
	return strings.Join(parts, " · ")
}

// changeSummary words the first-to-latest change: the raw change, with
// "meaningful" only where the measure publishes a threshold.
func changeSummary(d *models.MeasureDef, c models.MeasureChange) string {
	if d.GoalBased {
		var goals []string
		for _, g := range c.Goals {
			text := fmt.Sprintf("goal %d %+d", g.Goal+1, g.Change)
			if g.Meaningful {
				text += " (meaningful)"
			}
			goals = append(goals, text)
		}
		return "change since " + c.First.UK() + ": " + strings.Join(goals, ", ")
	}
	way := "no change"
	switch {
	case c.Change != 0 && c.Improved:
		way = "better"
	case c.Change != 0:
		way = "worse"
	}
	return fmt.Sprintf("change since %s: %+d (%s)", c.First.UK(), c.Change, way)
}
