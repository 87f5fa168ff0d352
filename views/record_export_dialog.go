package views

import (
	"fmt"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// recordExport is "Copy of her record…", her subject-access copy: it asks
// for a folder, makes a new folder in it for the copy, and writes the copy
// there off the UI goroutine, with a progress bar, then says where it is.
type recordExport struct {
	s *session
	p *models.Patient
	// Progress is shown while the copy is written.
	Progress dialog.Dialog
	// Done says where the copy went, or what went wrong; set when it ends.
	Done string
}

// newRecordExport prepares the export of p's whole record.
func newRecordExport(s *session, p *models.Patient) *recordExport {
	return &recordExport{s: s, p: p}
}

// Choose asks for the folder to write the copy in.
func (x *recordExport) Choose() {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			dialog.ShowError(err, x.s.Window)
			return
		}
		if dir != nil {
			x.Write(dir.Path())
		}
	}, x.s.Window)
	d.Show()
}

// Write writes the copy into a new folder inside parent, named by her
// patient record number and the time, never by her name.
func (x *recordExport) Write(parent string) {
	dir := filepath.Join(parent, fmt.Sprintf("record-copy-%d-%s", x.p.ID, time.Now().Format("20060102-150405")))
	bar := widget.NewProgressBarInfinite()
	x.Progress = dialog.NewCustomWithoutButtons("Writing the copy of her record",
		container.New(widgets.FixedWidth(420), container.NewVBox(paragraph("Everything held about her, across all her referrals, with her letters."), bar)), x.s.Window)
	x.Progress.Show()
	svc, actor, id := x.s.Services, x.s.Actor, x.p.ID
	x.s.Background.Go(func() func() {
		out, err := svc.Referrals.ExportPatient(actor, id, dir)
		return func() {
			bar.Stop()
			x.Progress.Hide()
			if err != nil {
				x.Done = err.Error()
				dialog.ShowError(err, x.s.Window)
				return
			}
			x.Done = fmt.Sprintf("The copy of her record is in %s: record.pdf to read, record.json for another system, and %d files in all. The export is in the audit trail.", out.Dir, len(out.Files))
			dialog.ShowInformation("Copy of her record written", x.Done, x.s.Window)
		}
	})
}
