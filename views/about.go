package views

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// About is what the program says about itself on the Settings screen: its
// version, and the clinical safety case and hazard log it was released
// with (Markdown), so that a trust's clinical safety officer can read them
// on any desktop.
type About struct {
	Version    string
	SafetyCase string
	HazardLog  string
}

// aboutRow is the Settings screen's line naming the version, with a button
// that opens the clinical safety documents.
type aboutRow struct {
	Version *widget.Label
	Open    *widget.Button
	// Dialog is the documents' dialog once it has been opened.
	Dialog  dialog.Dialog
	content fyne.CanvasObject
}

// newAboutRow builds the row for a, whose dialogs open over win.
func newAboutRow(a About, win fyne.Window) *aboutRow {
	r := &aboutRow{Version: widget.NewLabel("Perinatal Caseload " + orNotStated(a.Version))}
	r.Open = widget.NewButtonWithIcon("Clinical safety case…", theme.DocumentIcon(), func() { r.show(a, win) })
	if a.SafetyCase == "" {
		r.Open.Disable()
	}
	r.content = container.NewHBox(r.Version, r.Open)
	return r
}

// show opens the safety case and the hazard log, a tab each.
func (r *aboutRow) show(a About, win fyne.Window) {
	doc := func(md string) fyne.CanvasObject {
		t := widget.NewRichTextFromMarkdown(markdownForScreen(md))
		t.Wrapping = fyne.TextWrapWord
		return container.NewVScroll(t)
	}
	tabs := container.NewAppTabs(
		container.NewTabItem("Safety case", doc(a.SafetyCase)),
		container.NewTabItem("Hazard log", doc(a.HazardLog)),
	)
	d := dialog.NewCustom("Clinical safety", "Close", tabs, win)
	d.Resize(fyne.NewSize(760, 560))
	r.Dialog = d
	d.Show()
}

// markdownForScreen rewrites Markdown tables, which the rich-text widget
// shows as raw text, as lists: a two-column row becomes "Name: value"
// (its header row dropped); a wider row becomes its cells joined by " · ",
// the header in bold. Table separator rows go.
func markdownForScreen(md string) string {
	lines := strings.Split(md, "\n")
	out := make([]string, 0, len(lines))
	header := true
	for _, line := range lines {
		t := strings.TrimSpace(line)
		if !strings.HasPrefix(t, "|") {
			header = true
			out = append(out, line)
			continue
		}
		cells := strings.Split(strings.Trim(t, "|"), "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		switch {
		case strings.Trim(cells[0], "-: ") == "":
			continue // separator row
		case len(cells) == 2 && header:
		case len(cells) == 2:
			out = append(out, "- **"+cells[0]+":** "+cells[1])
		case header:
			out = append(out, "", "**"+strings.Join(cells, " · ")+"**", "")
		default:
			out = append(out, "- "+strings.Join(cells, " · "))
		}
		header = false
	}
	return strings.Join(out, "\n")
}
