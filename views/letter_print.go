package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// PrintTodaysLetters joins the letters issued today (UK), as the register
// holds them, into one PDF for the printer, ordered by recipient. It runs
// off the UI goroutine with a progress bar, then offers to open the PDF to
// print it or to save it.
func (s *lettersScreen) PrintTodaysLetters() {
	bar := widget.NewProgressBar()
	note := widget.NewLabel("Gathering today's letters from the register…")
	progress := dialog.NewCustomWithoutButtons("Print today's letters", container.NewVBox(note, bar), s.win)
	progress.Resize(fyne.NewSize(420, progress.MinSize().Height))
	progress.Show()
	now := s.svc.Clock().Now()
	s.bg.Go(func() func() {
		pdf, n, err := s.svc.Letters.PrintDay(s.actor, now, func(done, total int) {
			fyne.Do(func() {
				bar.SetValue(float64(done) / float64(max(total, 1)))
				note.SetText(fmt.Sprintf("Added %d of %d letters…", done, total))
			})
		})
		return func() {
			progress.Hide()
			if err != nil {
				showMessage(s.Message, sentence(err), true)
				return
			}
			s.printReady(pdf, n, "letters-"+now.In(models.London).Format("2006-01-02")+".pdf")
		}
	})
}

// printReady offers the merged PDF of n letters: open it to print, or save it.
func (s *lettersScreen) printReady(pdf []byte, n int, name string) {
	showMessage(s.Message, countText(int64(n), "letter is", "letters are")+" ready to print, in one PDF ordered by recipient.", false)
	text := paragraph(countText(int64(n), "letter", "letters") + " issued today are in one PDF, ordered by recipient, exactly as the register holds them. " +
		"Each letter starts on a new page. Open it to print, or save it.")
	var d *dialog.CustomDialog
	open := widget.NewButtonWithIcon("Open to print", theme.DocumentPrintIcon(), func() {
		d.Hide()
		if err := s.Files.Show(name, pdf); err != nil {
			showMessage(s.Message, sentence(err), true)
			s.Files.OfferSave(name, pdf, sentence(err), s.saved)
		}
	})
	open.Importance = widget.HighImportance
	save := widget.NewButtonWithIcon("Save…", theme.DocumentSaveIcon(), func() {
		d.Hide()
		s.Files.SaveAs(name, pdf, s.saved)
	})
	d = dialog.NewCustom("Today's letters are ready", "Close", container.New(widgets.FixedWidth(420), text), s.win)
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("Close", func() { d.Hide() }), save, open})
	d.Show()
	s.printDialog, s.printOpen = d, open
}
