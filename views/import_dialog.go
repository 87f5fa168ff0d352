package views

import (
	"fmt"
	"image/color"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/views/widgets"
)

// showImportDialog is "Import referral files…": it asks for a folder of
// referral files or a single file, imports it off the UI goroutine with a
// progress bar, then says what was imported, what was imported before and
// what was refused and why. onDone (if set) runs after the import, so a
// list can show the new referrals.
func showImportDialog(s *session, onDone func()) {
	win := s.Window
	var chooser dialog.Dialog
	start := func(paths []string) { runImport(s, paths, onDone) }
	folder := widget.NewButtonWithIcon("A folder of referral files…", theme.FolderOpenIcon(), func() {
		chooser.Hide()
		d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
			if err != nil {
				dialog.ShowError(err, win)
				return
			}
			if dir != nil {
				start([]string{dir.Path()})
			}
		}, win)
		d.Show()
	})
	file := widget.NewButtonWithIcon("One referral file…", theme.FileIcon(), func() {
		chooser.Hide()
		d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
			if err != nil {
				dialog.ShowError(err, win)
				return
			}
			if rc != nil {
				path := rc.URI().Path()
				_ = rc.Close() // the import reads the file itself
				start([]string{path})
			}
		}, win)
		d.SetFilter(storage.NewExtensionFileFilter([]string{".json"}))
		d.Show()
	})
	intro := paragraph("Referral files are the JSON files the online referral form exports. " +
		"Each file is checked and saved whole or not at all, and a form imported before is not imported again.")
	chooser = dialog.NewCustom("Import referral files", "Cancel",
		container.New(widgets.FixedWidth(480), container.NewVBox(intro, folder, file)), win)
	chooser.Show()
}

// importRun is an import under way: a progress dialog while it runs, then
// a summary dialog.
type importRun struct {
	Progress *widget.ProgressBar
	// Status says how many files are done.
	Status *widget.Label
	// Results are set, and Summary filled, when the import has finished.
	Results []app.ImportResult
	Summary *widget.Label
	// Details lists the refused and already-imported files.
	Details *widget.Label
}

// runImport imports the files and folders in paths through the session's
// Background (off the UI goroutine in the application; at once in tests),
// showing progress in its window, then the summary. onDone (if set) runs
// on the UI goroutine after.
func runImport(s *session, paths []string, onDone func()) *importRun {
	svc, actor, win := s.Services, s.Actor, s.Window
	run := &importRun{Progress: widget.NewProgressBar(), Status: widget.NewLabel("Looking for referral files…"),
		Summary: paragraph(""), Details: paragraph("")}
	progress := dialog.NewCustomWithoutButtons("Importing referral files",
		container.New(widgets.FixedWidth(420), container.NewVBox(run.Status, run.Progress)), win)
	progress.Show()
	s.Background.Go(func() func() {
		shown := -1
		results := svc.ImportPaths(actor, paths, func(done, total int) {
			percent := 100
			if total > 0 {
				percent = done * 100 / total
			}
			if percent == shown && done != total {
				return // at most a hundred updates, however many files
			}
			shown = percent
			fyne.Do(func() {
				run.Progress.Max = float64(max(total, 1))
				run.Progress.SetValue(float64(done))
				run.Status.SetText(fmt.Sprintf("%s of %s", groupThousands(int64(done)), countText(int64(total), "file", "files")))
			})
		})
		return func() {
			progress.Hide()
			run.Results = results
			summary, details := importSummary(results)
			run.Summary.SetText(summary)
			run.Details.SetText(details)
			body := container.NewVBox(run.Summary)
			if details != "" {
				room := canvas.NewRectangle(color.Transparent)
				room.SetMinSize(fyne.NewSize(560, 240))
				body.Add(container.NewStack(room, container.NewVScroll(run.Details)))
			}
			dialog.ShowCustom("Import finished", "Close", body, win)
			if onDone != nil {
				onDone()
			}
		}
	})
	return run
}

// importSummary says in words what an import did: a headline with the
// counts; then each woman imported, with her referral's reference; each
// file refused, with the woman it is about and every problem in words an
// administrator can act on; and each form imported before. Names are for
// the screen only (see app.ImportResult).
func importSummary(results []app.ImportResult) (summary, details string) {
	var imported, refused, repeated []string
	for _, r := range results {
		about := filepath.Base(r.Path)
		if r.Woman != "" {
			about += ", about " + r.Woman
		}
		switch {
		case r.Duplicate:
			repeated = append(repeated, about+": "+problemText(r, "imported before as referral "+r.Reference()))
		case r.Err != nil:
			refused = append(refused, about+":\n    – "+problemText(r, sentence(r.Err)))
		default:
			imported = append(imported, fmt.Sprintf("%s, referral %s (%s)", orNotStated(r.Woman), r.Reference(), filepath.Base(r.Path)))
		}
	}
	if len(results) == 0 {
		return "No referral files were found. Referral files end in .json.", ""
	}
	summary = fmt.Sprintf("%s imported, %s imported before, %s refused.",
		countText(int64(len(imported)), "referral", "referrals"), countText(int64(len(repeated)), "form", "forms"),
		countText(int64(len(refused)), "file", "files"))
	var parts []string
	if len(imported) > 0 {
		parts = append(parts, "Imported:\n"+bulletText(imported, ""))
	}
	if len(refused) > 0 {
		parts = append(parts, "Refused, with nothing saved from them (put each right, then import the file again):\n"+bulletText(refused, ""))
	}
	if len(repeated) > 0 {
		parts = append(parts, "Imported before, so not imported again:\n"+bulletText(repeated, ""))
	}
	return summary, strings.Join(parts, "\n\n")
}

// problemText joins a result's problems, one a line, or gives fallback
// when the service gave none.
func problemText(r app.ImportResult, fallback string) string {
	if len(r.Problems) == 0 {
		return fallback
	}
	lines := make([]string, len(r.Problems))
	for i, p := range r.Problems {
		lines[i] = p.Sentence
	}
	return strings.Join(lines, "\n    – ")
}
