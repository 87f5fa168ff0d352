package widgets

import (
	"weak"

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

// Table lays out a list's header and rows in the same columns. The
// header has a divider after each column but the last, which the user
// drags to widen or narrow the column in the header and every row at once
// (see column_widths.go).
type Table struct {
	cols  []Column
	fixed []float32 // width of each sampled column; 0 for shared ones
	set   []float32 // width the user dragged each column to; 0 for its usual width
	// header is the header made by Header, and rows the rows made by Row
	// that are still in use: a change of width lays them all out again.
	header *fyne.Container
	rows   []weak.Pointer[fyne.Container]
}

// NewTable measures the sampled columns once, for every row to share.
func NewTable(cols []Column) *Table {
	t := &Table{cols: cols, fixed: make([]float32, len(cols)), set: make([]float32, len(cols))}
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

// Header returns the column headings, each followed by its divider. Its
// first objects are the headings, one per column, in order.
func (t *Table) Header() fyne.CanvasObject {
	cells := make([]fyne.CanvasObject, 0, 2*len(t.cols))
	for _, col := range t.cols {
		l := widget.NewLabelWithStyle(col.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		cells = append(cells, l)
	}
	for i := range len(t.cols) - 1 {
		cells = append(cells, newColumnDivider(t, i))
	}
	t.header = container.New(t, cells...)
	return t.header
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
	row := container.New(t, cells...)
	t.keepRow(row)
	return row
}

// MinSize is the tallest cell, and the fixed columns' width plus a little
// for each shared one. A column the user widened asks for no more room:
// it takes its width from the others.
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

// Layout gives each column its width (see widths) and puts each divider
// over the gap after its column.
func (t *Table) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	widths := t.widths(size.Width)
	ends := make([]float32, len(widths)) // where each column's gap begins
	x := float32(0)
	for i, w := range widths {
		x += w
		ends[i] = x
		x += pad
	}
	for i, o := range objects {
		switch {
		case i < len(t.cols):
			o.Move(fyne.NewPos(ends[i]-widths[i], 0))
			o.Resize(fyne.NewSize(widths[i], size.Height))
		case isDivider(o):
			t.placeDivider(o.(*columnDivider), objects, ends, size.Height)
		default:
			o.Hide()
		}
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
