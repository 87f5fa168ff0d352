package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Column is one column of a list laid out as a table. A column with a
// Sample is as wide as the wider of its sample text and its heading, so
// fixed-format values (dates, NHS numbers) always fit and are never cut.
// The other columns share the rest of the width by Weight and cut long
// text short with an ellipsis. (Truncating measures text again on every
// update, so only the free-text columns do it.)
type Column struct {
	Title  string
	Sample string
	Weight float32
}

// Table lays out a list's header and rows in the same columns.
type Table struct {
	cols  []Column
	fixed []float32 // width of each sampled column; 0 for shared ones
}

// NewTable measures the sampled columns once, for every row to share.
func NewTable(cols []Column) *Table {
	t := &Table{cols: cols, fixed: make([]float32, len(cols))}
	inner := 2 * theme.InnerPadding()
	for i, c := range cols {
		if c.Sample == "" {
			continue
		}
		size := theme.TextSize()
		head := fyne.MeasureText(c.Title, size, fyne.TextStyle{Bold: true}).Width
		sample := fyne.MeasureText(c.Sample, size, fyne.TextStyle{Bold: true}).Width
		t.fixed[i] = max(head, sample) + inner + 2
	}
	return t
}

// Title returns column i's heading.
func (t *Table) Title(i int) string { return t.cols[i].Title }

// Weight returns column i's share of the width the sampled columns leave.
func (t *Table) Weight(i int) float32 { return t.cols[i].Weight }

// SetWeight changes column i's share of the width; a weight of 0 leaves
// it none. The rows take it up when they are next laid out.
func (t *Table) SetWeight(i int, weight float32) { t.cols[i].Weight = weight }

// Header returns the column headings.
func (t *Table) Header() fyne.CanvasObject {
	cells := make([]fyne.CanvasObject, len(t.cols))
	for i, col := range t.cols {
		l := widget.NewLabelWithStyle(col.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		cells[i] = l
	}
	return container.New(t, cells...)
}

// Row returns an empty row: one label per column.
func (t *Table) Row() fyne.CanvasObject {
	cells := make([]fyne.CanvasObject, len(t.cols))
	for i, col := range t.cols {
		l := widget.NewLabel("")
		if col.Sample == "" {
			l.Truncation = fyne.TextTruncateEllipsis
		}
		cells[i] = l
	}
	return container.New(t, cells...)
}

// MinSize is the tallest cell, and the fixed columns' width plus a little
// for each shared one.
func (t *Table) MinSize(objects []fyne.CanvasObject) fyne.Size {
	h, w := float32(0), float32(0)
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	for i := range t.cols {
		w += max(t.fixed[i], 40) + theme.Padding()
	}
	return fyne.NewSize(w, h)
}

// Layout gives the sampled columns their width and shares the rest.
func (t *Table) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	spare, weights := size.Width, float32(0)
	for i, c := range t.cols {
		spare -= t.fixed[i] + pad
		if t.fixed[i] == 0 {
			weights += c.Weight
		}
	}
	spare = max(spare, 0)
	x := float32(0)
	for i, o := range objects {
		if i >= len(t.cols) {
			o.Hide()
			continue
		}
		w := t.fixed[i]
		if w == 0 && weights > 0 {
			w = spare * t.cols[i].Weight / weights
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w + pad
	}
}

// RowCell returns the label of column i of a row made by table.Row.
func RowCell(row fyne.CanvasObject, i int) *widget.Label {
	return row.(*fyne.Container).Objects[i].(*widget.Label)
}

// SetRowText fills a row's cells from the first column on.
func SetRowText(row fyne.CanvasObject, texts ...string) {
	for i, t := range texts {
		RowCell(row, i).SetText(t)
	}
}

// setRowLoading shows a row whose page is still being fetched. A cell
// that is not text (such as a row of badges) is hidden until the row is
// filled, which shows it again.
func setRowLoading(row fyne.CanvasObject) {
	cells := row.(*fyne.Container).Objects
	for i, cell := range cells {
		l, ok := cell.(*widget.Label)
		if !ok {
			cell.Hide()
			continue
		}
		text := ""
		if i == 1 {
			text = "Loading…"
		}
		l.SetText(text)
	}
}
