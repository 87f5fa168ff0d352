// Package measurechart draws a woman's outcome-measure trajectory as an
// image: her totals over time (each goal's rating, for goal-based
// outcomes), over the measure's bands shaded from well to unwell, with its
// clinical cut-offs as dashed lines. It takes plain data and does no I/O,
// so the record screen and reports can both use it.
package measurechart

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"slices"
	"strconv"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"perinatal-caseload/models"
)

// bandColours shade bands from the healthiest to the most severe.
var bandColours = []color.NRGBA{
	{0xd8, 0xf0, 0xd8, 0xff}, {0xe9, 0xf5, 0xd0, 0xff}, {0xfb, 0xf3, 0xc8, 0xff},
	{0xfd, 0xe2, 0xc2, 0xff}, {0xfb, 0xcf, 0xc4, 0xff}, {0xf5, 0xb8, 0xb8, 0xff},
}

// lineColours draw the total, or goals 1 to 3.
var lineColours = []color.NRGBA{{0x1f, 0x4e, 0x9a, 0xff}, {0x8a, 0x2b, 0x8f, 0xff}, {0x1b, 0x7a, 0x3d, 0xff}}

// day is a date as the chart's x value, in seconds.
func day(d models.Date) float64 { return float64(d.Time().Unix()) }

// scoreTicks labels the score axis in whole numbers: 0, each band's
// lower edge and the maximum (0, 5 and 10 for goal ratings).
func scoreTicks(d *models.MeasureDef) []plot.Tick {
	edges := []int{0, d.MaxTotal()}
	for _, b := range d.Bands {
		edges = append(edges, b.From)
	}
	if len(d.Bands) == 0 {
		edges = append(edges, d.MaxTotal()/2)
	}
	slices.Sort(edges)
	var ticks []plot.Tick
	for _, e := range slices.Compact(edges) {
		ticks = append(ticks, plot.Tick{Value: float64(e), Label: strconv.Itoa(e)})
	}
	return ticks
}

// Render draws results of measure d, oldest first, as a w by h pixel image.
func Render(d *models.MeasureDef, results []models.MeasureResult, w, h int) (image.Image, error) {
	if d == nil || len(results) == 0 {
		return nil, errors.New("there are no results to chart")
	}
	p := plot.New()
	p.Title.Text = d.Code
	p.Y.Label.Text = "Total"
	if d.GoalBased {
		p.Y.Label.Text = "Goal rating"
	}
	p.X.Tick.Marker = plot.TimeTicks{Format: "02/01/06", Time: func(t float64) time.Time { return time.Unix(int64(t), 0).UTC() }}
	xmin, xmax := day(results[0].TakenOn), day(results[len(results)-1].TakenOn)
	if xmax-xmin < 30*86400 {
		xmin, xmax = xmin-15*86400, xmax+15*86400
	}
	top := float64(d.MaxTotal())
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = xmin, xmax, 0, top
	p.Y.Tick.Marker = plot.ConstantTicks(scoreTicks(d))

	for i, b := range d.Bands {
		upper := top
		if i+1 < len(d.Bands) {
			upper = float64(d.Bands[i+1].From)
		}
		poly, err := plotter.NewPolygon(plotter.XYs{{X: xmin, Y: float64(b.From)}, {X: xmax, Y: float64(b.From)}, {X: xmax, Y: upper}, {X: xmin, Y: upper}})
		if err != nil {
			return nil, err
		}
		poly.Color = bandColours[i*(len(bandColours)-1)/max(1, len(d.Bands)-1)]
		poly.LineStyle.Width = 0
		p.Add(poly)
	}
	for _, c := range d.CutOffs {
		l, err := plotter.NewLine(plotter.XYs{{X: xmin, Y: float64(c.Score)}, {X: xmax, Y: float64(c.Score)}})
		if err != nil {
			return nil, err
		}
		l.Color = color.NRGBA{0xb0, 0x20, 0x20, 0xff}
		l.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
		l.Width = vg.Points(1)
		p.Add(l)
		p.Legend.Add(fmt.Sprintf("%d: %s", c.Score, c.Label), l)
	}
	series := 1
	if d.GoalBased {
		series = len(d.Items)
	}
	for s := range series {
		var pts plotter.XYs
		for _, r := range results {
			y := float64(r.Total)
			if d.GoalBased {
				scores := r.ItemScores()
				if s >= len(scores) || scores[s] < 0 {
					continue
				}
				y = float64(scores[s])
			}
			pts = append(pts, plotter.XY{X: day(r.TakenOn), Y: y})
		}
		if len(pts) == 0 {
			continue
		}
		line, dots, err := plotter.NewLinePoints(pts)
		if err != nil {
			return nil, err
		}
		line.Color, dots.Color = lineColours[s], lineColours[s]
		line.Width = vg.Points(2)
		dots.Shape = draw.CircleGlyph{}
		dots.Radius = vg.Points(3)
		p.Add(line, dots)
		if d.GoalBased {
			p.Legend.Add(d.Items[s].Label, line, dots)
		}
	}
	p.Legend.Top = true
	p.Legend.TextStyle.Font.Size = vg.Points(8)
	c := vgimg.NewWith(vgimg.UseWH(vg.Points(float64(w)), vg.Points(float64(h))), vgimg.UseDPI(72), vgimg.UseBackgroundColor(color.White))
	p.Draw(draw.New(c))
	return c.Image(), nil
}
