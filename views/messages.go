package views

import (
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/views/widgets"
)

// patientSearchHint is the hint in the search boxes that find a woman.
const patientSearchHint = "Search by name, NHS number or postcode"

// reportIn returns a function that shows an error as a problem in the
// message label l, as a sentence.
func reportIn(l *widget.Label) func(error) {
	return func(err error) { showMessage(l, sentence(err), true) }
}

// listShown returns what a paged list runs once its query has answered:
// the count line says how many rows matched, in words, or why the list
// could not be read; the selection is cleared (choose(-1), when choose is
// set) and the list shows its first row.
func listShown(count *widget.Label, list *widget.List, choose func(widget.ListItemID), one, many string) func(int, error) {
	return func(total int, err error) {
		if err != nil {
			showMessage(count, sentence(err), true)
		} else {
			showMessage(count, countText(int64(total), one, many), false)
		}
		if choose != nil {
			choose(-1)
		}
		widgets.ShowFromTop(list)
	}
}
