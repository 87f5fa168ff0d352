package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
)

// widthsWindow shows a header and two rows of a three-column table (a
// wide free-text column, a sampled date column and a narrower free-text
// column) in a window 600 wide.
func widthsWindow(t *testing.T) (*Table, *fyne.Container, []fyne.CanvasObject, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	table := NewTable([]Column{{Title: "Name", Weight: 2}, {Title: "Received", Sample: "00/00/0000"}, {Title: "Referrer", Weight: 1}})
	header := table.Header().(*fyne.Container)
	rows := []fyne.CanvasObject{table.Row(), table.Row()}
	SetRowText(rows[0], "Ní Bhriain-Ó Súilleabháin, Siobhán Máire", "26/11/2026", "Dr A Very Long Practice Name")
	w := test.NewTempWindow(t, container.NewVBox(header, rows[0], rows[1]))
	w.Resize(fyne.NewSize(600, 200))
	return table, header, rows, w
}

// cellWidths returns the width of each cell of a header or row.
func cellWidths(o fyne.CanvasObject, n int) []float32 {
	out := make([]float32, n)
	for i := range n {
		out[i] = o.(*fyne.Container).Objects[i].Size().Width
	}
	return out
}

// dragDivider drags the divider after column col by dx, from where it is
// drawn, as a mouse would.
func dragDivider(w fyne.Window, header *fyne.Container, col int, dx float32) {
	d := header.Objects[3+col]
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(d).Add(fyne.NewPos(d.Size().Width/2, d.Size().Height/2))
	test.Drag(w.Canvas(), pos, dx, 0)
}

// checkSameInRows fails unless every row's cells are as wide as the
// header's.
func checkSameInRows(t *testing.T, header *fyne.Container, rows []fyne.CanvasObject) {
	t.Helper()
	want := cellWidths(header, 3)
	for i, r := range rows {
		if got := cellWidths(r, 3); got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
			t.Errorf("row %d has columns %v wide; the header has %v", i, got, want)
		}
	}
}

func TestDraggingADividerWidensTheColumnInTheHeaderAndEveryRow(t *testing.T) {
	table, header, rows, w := widthsWindow(t)
	before := cellWidths(header, 3)
	checkSameInRows(t, header, rows)

	dragDivider(w, header, 0, 60)
	after := cellWidths(header, 3)
	if !near(after[0], before[0]+60) || after[1] != before[1] || !near(after[2], before[2]-60) {
		t.Fatalf("dragging the Name divider 60 to the right made the columns %v wide, from %v; want Name 60 wider, taken from Referrer", after, before)
	}
	checkSameInRows(t, header, rows)
	if table.Width(0) != after[0] {
		t.Errorf("Width(0) = %v, the header shows %v", table.Width(0), after[0])
	}

	// The sampled column widens too, and a later row takes the widths.
	dragDivider(w, header, 1, 30)
	late := table.Row()
	w.SetContent(container.NewVBox(header, rows[0], rows[1], late))
	w.Resize(fyne.NewSize(600, 250))
	if got := cellWidths(header, 3); got[1] != before[1]+30 {
		t.Errorf("the Received column is %v wide after a drag of 30; want %v", got[1], before[1]+30)
	}
	checkSameInRows(t, header, append(rows, late))
}

func TestAColumnHasAFloorAndLeavesTheOthersTheirs(t *testing.T) {
	_, header, rows, w := widthsWindow(t)
	sampled := cellWidths(header, 3)[1]

	dragDivider(w, header, 0, -1000)
	if got := cellWidths(header, 3)[0]; got != MinColumnWidth {
		t.Errorf("Name dragged far to the left is %v wide; want the floor, %v", got, MinColumnWidth)
	}
	dragDivider(w, header, 1, -1000)
	if got := cellWidths(header, 3)[1]; got != sampled {
		t.Errorf("Received dragged far to the left is %v wide; want its sample's width, %v, so a date is never cut", got, sampled)
	}
	dragDivider(w, header, 0, 5000)
	if got := cellWidths(header, 3)[2]; got != MinColumnWidth {
		t.Errorf("Name dragged far to the right left Referrer %v wide; want the floor, %v", got, MinColumnWidth)
	}
	if got := cellWidths(header, 3); got[0]+got[1]+got[2] > 600 {
		t.Errorf("the columns %v are wider together than the window", got)
	}
	checkSameInRows(t, header, rows)
}

func TestADoubleClickOrTheMenuResetsTheWidths(t *testing.T) {
	_, header, rows, w := widthsWindow(t)
	before := cellWidths(header, 3)
	dragDivider(w, header, 0, 80)
	dragDivider(w, header, 1, 20)

	test.DoubleTap(header.Objects[3].(*columnDivider))
	if got := cellWidths(header, 3); !near(got[0], 2*got[2]) || got[1] != before[1]+20 {
		t.Errorf("after a double click on the Name divider the columns are %v; want Name sharing the spare width with Referrer 2:1 again, and Received still widened", got)
	}
	checkSameInRows(t, header, rows)

	dragDivider(w, header, 0, 80)
	test.TapSecondary(header.Objects[4].(*columnDivider))
	tapText(t, w, ResetColumnsLabel)
	if got := cellWidths(header, 3); !near(got[0], before[0]) || got[1] != before[1] || !near(got[2], before[2]) {
		t.Errorf("after %q the columns are %v; want %v", ResetColumnsLabel, got, before)
	}
	checkSameInRows(t, header, rows)
}

// near reports whether two widths are the same to a hundredth of a pixel.
func near(a, b float32) bool { return a-b < 0.01 && b-a < 0.01 }

// tapText taps the item showing the text s in the window's top overlay,
// such as a menu's.
func tapText(t *testing.T, w fyne.Window, s string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no menu is shown")
	}
	var item fyne.Tappable // the last item passed, which holds the texts after it
	for _, o := range test.LaidOutObjects(top) {
		if tappable, ok := o.(fyne.Tappable); ok {
			item = tappable
		}
		if text, ok := o.(*canvas.Text); ok && text.Text == s && item != nil {
			test.Tap(item)
			return
		}
	}
	t.Fatalf("the menu does not offer %q", s)
}
