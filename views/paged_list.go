package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// newPagedList returns a pager of pages of size rows and the widget.List
// it feeds. The list makes rows with newRow and fills each with fill once
// its page has been fetched, showing it as loading until then. The list
// redraws as later pages arrive, and a page that cannot be read is
// reported in status.
func newPagedList[T any](bg *Background, size int, status *widget.Label, newRow func() fyne.CanvasObject, fill func(fyne.CanvasObject, T)) (*pager[T], *widget.List) {
	rows := newPager[T](bg, size)
	list := widget.NewList(rows.Len, newRow, func(id widget.ListItemID, o fyne.CanvasObject) {
		if r, ok := rows.Row(id); ok {
			fill(o, r)
			return
		}
		setRowLoading(o)
	})
	rows.reportTo(list, status)
	return rows, list
}

// reportTo makes p redraw list when a page arrives and report a page that
// cannot be read in status.
func (p *pager[T]) reportTo(list *widget.List, status *widget.Label) {
	p.onPage = list.Refresh
	p.onError = func(err error) { showMessage(status, sentence(err), true) }
}

// showFromTop shows a list's fresh answer: nothing selected, every row
// drawn again, scrolled to the first row.
func showFromTop(list *widget.List) {
	list.UnselectAll()
	list.Refresh()
	list.ScrollToTop()
}
