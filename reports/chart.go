package reports

import (
	"bytes"
	"fmt"
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// palette holds the series colours: dark enough to read when printed in
// grey, and told apart by the legend.
var palette = []color.RGBA{
	{0, 94, 184, 255},   // NHS blue
	{0, 150, 57, 255},   // green
	{237, 139, 0, 255},  // orange
	{125, 85, 199, 255}, // purple
	{218, 41, 28, 255},  // red
	{66, 85, 99, 255},   // grey
}

// ChartPNG draws the chart as a PNG image of the size given in points, at
// 2 pixels a point so that it stays sharp in the PDF.
func ChartPNG(title string, c Chart, width, height vg.Length) ([]byte, error) {
	p, err := newPlot(title, c)
	if err != nil {
		return nil, err
	}
	canvas := vgimg.NewWith(vgimg.UseWH(width, height), vgimg.UseDPI(144))
	p.Draw(draw.New(canvas))
	var buf bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: canvas}).WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("reports: drawing the chart %q: %w", title, err)
	}
	return buf.Bytes(), nil
}

// newPlot builds the plot of c.
func newPlot(title string, c Chart) (*plot.Plot, error) {
	p := plot.New()
	p.Title.Text = title
	p.Y.Label.Text = c.YLabel
	p.Y.Min = 0
	p.Legend.Top = true
	p.X.Tick.Label.Rotation = 0
	if len(c.Labels) > 6 {
		p.X.Tick.Label.Rotation = 0.6
		p.X.Tick.Label.XAlign = draw.XRight
	}
	if len(c.Labels) == 0 || len(c.Series) == 0 {
		p.NominalX("no data")
		return p, nil
	}
	p.NominalX(c.Labels...)
	var err error
	if c.Kind == Lines {
		err = addLines(p, c)
	} else {
		err = addBars(p, c)
	}
	if err != nil {
		return nil, fmt.Errorf("reports: drawing the chart %q: %w", title, err)
	}
	top := 0.0
	for _, s := range c.Series {
		for _, v := range s.Values {
			top = max(top, v)
		}
	}
	if c.Target != nil {
		top = max(top, *c.Target)
		if err := addTarget(p, *c.Target, len(c.Labels)); err != nil {
			return nil, err
		}
	}
	if top > 0 {
		p.Y.Max = top * 1.15 // room above the tallest bar for the legend
	}
	return p, nil
}

// addBars draws the series as bars grouped by label.
func addBars(p *plot.Plot, c Chart) error {
	n := float64(len(c.Series))
	width := vg.Points(min(40, 240/float64(len(c.Labels))/n))
	for i, s := range c.Series {
		bars, err := plotter.NewBarChart(plotter.Values(s.Values), width)
		if err != nil {
			return err
		}
		bars.Color = palette[i%len(palette)]
		bars.LineStyle.Width = 0
		bars.Offset = vg.Length(float64(i)-(n-1)/2) * width
		p.Add(bars)
		if n > 1 {
			p.Legend.Add(s.Name, bars)
		}
	}
	return nil
}

// addLines draws each series as a line with points.
func addLines(p *plot.Plot, c Chart) error {
	for i, s := range c.Series {
		xy := make(plotter.XYs, len(s.Values))
		for j, v := range s.Values {
			xy[j] = plotter.XY{X: float64(j), Y: v}
		}
		line, points, err := plotter.NewLinePoints(xy)
		if err != nil {
			return err
		}
		line.Color = palette[i%len(palette)]
		line.Width = vg.Points(1.5)
		points.Color = line.Color
		p.Add(line, points)
		p.Legend.Add(s.Name, line)
	}
	return nil
}

// addTarget draws the target as a dashed line across the chart.
func addTarget(p *plot.Plot, target float64, labels int) error {
	line, err := plotter.NewLine(plotter.XYs{{X: -0.5, Y: target}, {X: float64(labels) - 0.5, Y: target}})
	if err != nil {
		return err
	}
	line.Color = color.RGBA{218, 41, 28, 255}
	line.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
	p.Add(line)
	p.Legend.Add(fmt.Sprintf("Target (%g)", target), line)
	return nil
}
