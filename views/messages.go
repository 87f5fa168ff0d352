package views

import "fyne.io/fyne/v2/widget"

// patientSearchHint is the hint in the search boxes that find a woman.
const patientSearchHint = "Search by name, NHS number or postcode"

// reportIn returns a function that shows an error as a problem in the
// message label l, as a sentence.
func reportIn(l *widget.Label) func(error) {
	return func(err error) { showMessage(l, sentence(err), true) }
}

// showCount reports a paged list's answer in its count line: how many rows
// matched, in words, or why the list could not be read.
func showCount(l *widget.Label, total int, err error, one, many string) {
	if err != nil {
		showMessage(l, sentence(err), true)
		return
	}
	showMessage(l, countText(int64(total), one, many), false)
}
