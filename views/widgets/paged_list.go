package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// NewPagedList returns a pager of pages of size rows and the widget.List
// it feeds. The list makes rows with newRow and fills each with fill once
// its page has been fetched, showing it as loading until then; name, if
// given, is the sentence a screen reader says for a filled row (see Row).
// The list redraws as later pages arrive, and a page that cannot be read
// is passed to onError.
func NewPagedList[T any](bg *Background, size int, newRow func() fyne.CanvasObject, fill func(fyne.CanvasObject, T), name func(T) string, onError func(error)) (*Pager[T], *widget.List) {
	rows := NewPager[T](bg, size)
	list := newNamedList(rows.Len, newRow, func(id widget.ListItemID, o fyne.CanvasObject) string {
		r, ok := rows.Row(id)
		if !ok {
			setRowLoading(o)
			return ""
		}
		fill(o, r)
		if name == nil {
			return ""
		}
		return name(r)
	})
	rows.OnPage, rows.OnError = list.Refresh, onError
	return rows, list
}

// ShowFromTop shows a list's fresh answer: nothing selected, every row
// drawn again, scrolled to the first row.
func ShowFromTop(list *widget.List) {
	list.UnselectAll()
	list.Refresh()
	list.ScrollToTop()
}
