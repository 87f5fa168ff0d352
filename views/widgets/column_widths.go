package widgets

import (
	"weak"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// MinColumnWidth is the narrowest a column that shares the spare width
// can be dragged to. A sampled column (one with a Sample) is never made
// narrower than its sample, which it must show whole.
const MinColumnWidth float32 = 48

// ResetColumnsLabel is the divider menu's item that gives every column
// its usual width back.
const ResetColumnsLabel = "Reset column widths"

// widths returns each column's width in a row total wide. A column the
// user dragged keeps that width; a sampled column is as wide as its
// sample; the others share what is left by weight. If the window has
// become too narrow for the dragged widths, they give way first, down to
// their floors, so that every shared column keeps MinColumnWidth.
func (t *Table) widths(total float32) []float32 {
	pad := theme.Padding()
	w := make([]float32, len(t.cols))
	spare, weights, needed := total, float32(0), float32(0)
	for i, c := range t.cols {
		w[i] = t.fixed[i]
		if t.set[i] > 0 {
			w[i] = t.set[i]
		}
		spare -= w[i] + pad
		if w[i] == 0 && c.Weight > 0 {
			weights += c.Weight
			needed += MinColumnWidth
		}
	}
	for i := len(w) - 1; i >= 0 && spare < needed; i-- {
		if t.set[i] > 0 {
			cut := min(needed-spare, w[i]-t.floor(i))
			w[i] -= cut
			spare += cut
		}
	}
	spare = max(spare, 0)
	for i, c := range t.cols {
		if w[i] == 0 && weights > 0 {
			w[i] = spare * c.Weight / weights
		}
	}
	return w
}

// floor returns the narrowest column i may be dragged to.
func (t *Table) floor(i int) float32 { return max(t.fixed[i], MinColumnWidth) }

// Width returns column i's width in the header as last laid out, or 0
// before the header is shown.
func (t *Table) Width(i int) float32 {
	if t.header == nil {
		return 0
	}
	return t.widths(t.header.Size().Width)[i]
}

// SetWidth makes column i w wide in the header and every row, no
// narrower than its floor and no wider than leaves the other shared
// columns MinColumnWidth each. The width holds for as long as the table
// does (the screen's session), until reset.
func (t *Table) SetWidth(i int, w float32) {
	w = max(w, t.floor(i))
	if t.header != nil && t.header.Size().Width > 0 {
		others := float32(len(t.cols)) * theme.Padding()
		for j, c := range t.cols {
			switch {
			case j == i:
			case t.set[j] > 0:
				others += t.set[j]
			case t.fixed[j] > 0:
				others += t.fixed[j]
			case c.Weight > 0:
				others += MinColumnWidth
			}
		}
		w = max(min(w, t.header.Size().Width-others), t.floor(i))
	}
	t.set[i] = w
	t.relayout()
}

// ResetWidth gives column i its usual width back.
func (t *Table) ResetWidth(i int) {
	t.set[i] = 0
	t.relayout()
}

// ResetWidths gives every column its usual width back.
func (t *Table) ResetWidths() {
	clear(t.set)
	t.relayout()
}

// keepRow remembers a row, weakly, so that a change of width reaches it
// while it is in use and it is forgotten once the list lets it go.
func (t *Table) keepRow(row *fyne.Container) {
	if len(t.rows) == cap(t.rows) { // before growing, drop the rows let go
		live := t.rows[:0]
		for _, r := range t.rows {
			if r.Value() != nil {
				live = append(live, r)
			}
		}
		t.rows = live
	}
	t.rows = append(t.rows, weak.Make(row))
}

// relayout lays out the header and every row again in the new widths.
func (t *Table) relayout() {
	if t.header != nil {
		t.header.Refresh()
	}
	for _, r := range t.rows {
		if row := r.Value(); row != nil {
			row.Refresh()
		}
	}
}

// placeDivider puts d over the gap after its column, or hides it with a
// heading that is hidden.
func (t *Table) placeDivider(d *columnDivider, objects []fyne.CanvasObject, ends []float32, height float32) {
	if !objects[d.col].Visible() {
		d.Hide()
		return
	}
	d.Show()
	grip := dividerGrip()
	d.Move(fyne.NewPos(ends[d.col]+theme.Padding()/2-grip/2, 0))
	d.Resize(fyne.NewSize(grip, height))
}

// dividerGrip is how wide a divider is to the mouse.
func dividerGrip() float32 { return 2 * theme.Padding() }

func isDivider(o fyne.CanvasObject) bool {
	_, ok := o.(*columnDivider)
	return ok
}

// columnDivider is the handle between two headings: dragging it sideways
// widens or narrows the column on its left; a double click gives that
// column its usual width back; a right click offers to reset them all.
type columnDivider struct {
	widget.BaseWidget
	table    *Table
	col      int
	dragging bool
	start    float32 // the column's width when the drag began
	moved    float32 // how far the drag has gone
}

func newColumnDivider(t *Table, col int) *columnDivider {
	d := &columnDivider{table: t, col: col}
	d.ExtendBaseWidget(d)
	return d
}

// Dragged widens or narrows the column by the distance dragged.
func (d *columnDivider) Dragged(e *fyne.DragEvent) {
	if !d.dragging {
		d.dragging, d.start, d.moved = true, d.table.Width(d.col), 0
	}
	d.moved += e.Dragged.DX
	d.table.SetWidth(d.col, d.start+d.moved)
}

// DragEnd ends the drag; the column keeps its width.
func (d *columnDivider) DragEnd() { d.dragging = false }

// DoubleTapped gives the column its usual width back.
func (d *columnDivider) DoubleTapped(*fyne.PointEvent) { d.table.ResetWidth(d.col) }

// TappedSecondary offers to give every column its usual width back.
func (d *columnDivider) TappedSecondary(e *fyne.PointEvent) {
	c := fyne.CurrentApp().Driver().CanvasForObject(d)
	if c == nil {
		return
	}
	menu := fyne.NewMenu("", fyne.NewMenuItem(ResetColumnsLabel, d.table.ResetWidths))
	widget.ShowPopUpMenuAtPosition(menu, c, e.AbsolutePosition)
}

// Cursor shows the mouse that the divider can be dragged sideways.
func (d *columnDivider) Cursor() desktop.Cursor { return desktop.HResizeCursor }

// CreateRenderer draws the divider as a thin upright line.
func (d *columnDivider) CreateRenderer() fyne.WidgetRenderer {
	line := canvas.NewRectangle(theme.Color(theme.ColorNameSeparator))
	return &dividerRenderer{line: line}
}

// dividerRenderer draws a columnDivider: a line one pixel wide down the
// middle of its grip, inset from the top and bottom.
type dividerRenderer struct{ line *canvas.Rectangle }

func (r *dividerRenderer) Layout(size fyne.Size) {
	inset := size.Height / 4
	r.line.Move(fyne.NewPos(size.Width/2-0.5, inset))
	r.line.Resize(fyne.NewSize(1, size.Height-2*inset))
}

func (r *dividerRenderer) MinSize() fyne.Size { return fyne.NewSize(dividerGrip(), 1) }

func (r *dividerRenderer) Refresh() {
	r.line.FillColor = theme.Color(theme.ColorNameSeparator)
	r.line.Refresh()
}

func (r *dividerRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.line} }

func (r *dividerRenderer) Destroy() {}
