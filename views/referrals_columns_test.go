package views

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"perinatal-caseload/views/widgets"
)

// tableParts returns the header and the rows on show that table lays
// out in w, and the header's dividers in order.
func tableParts(w fyne.Window, table *widgets.Table) (header *fyne.Container, rows []*fyne.Container, dividers []fyne.CanvasObject) {
	for _, o := range test.LaidOutObjects(w.Canvas().Content()) {
		c, ok := o.(*fyne.Container)
		if !ok || c.Layout != table || !c.Visible() {
			continue
		}
		var ds []fyne.CanvasObject
		for _, cell := range c.Objects {
			if _, ok := cell.(fyne.Draggable); ok {
				ds = append(ds, cell)
			}
		}
		if len(ds) > 0 {
			header, dividers = c, ds
		} else {
			rows = append(rows, c)
		}
	}
	return header, rows, dividers
}

func TestReferralsNameColumnWidensInTheHeaderAndEveryRow(t *testing.T) {
	e := newTestEnv(t, 12)
	s, w := e.referralsScreen(e.system)
	w.Resize(fyne.NewSize(1024, 768))
	header, rows, dividers := tableParts(w, s.Columns)
	if header == nil || len(rows) < 10 {
		t.Fatalf("found a header %v and %d rows", header != nil, len(rows))
	}
	const name = 1
	before := header.Objects[name].Size().Width
	d := dividers[name]
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(d).Add(fyne.NewPos(d.Size().Width/2, d.Size().Height/2))
	test.Drag(w.Canvas(), at, 90, 0)

	got := header.Objects[name].Size().Width
	if got < before+89 || got > before+91 {
		t.Fatalf("the Name heading is %v wide after a drag of 90 from %v", got, before)
	}
	for i, r := range rows {
		if rw := r.Objects[name].Size().Width; rw != got {
			t.Errorf("row %d's name is %v wide; the heading is %v", i, rw, got)
		}
	}
	test.DoubleTap(d.(fyne.DoubleTappable))
	if back := header.Objects[name].Size().Width; back != before || rows[0].Objects[name].Size().Width != before {
		t.Errorf("after a double click the Name column is %v wide (first row %v); want %v again", back, rows[0].Objects[name].Size().Width, before)
	}
}
