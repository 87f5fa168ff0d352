package views

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/views/widgets"
)

// directoryProfessionals is the Directory screen's Professionals tab: the
// referrers and the professionals letters are copied to, with where letters
// to them go. Edit links one to their organisation in the directory, or
// records their own full postal address, so that letters to them can be
// posted.
type directoryProfessionals struct {
	// Search finds professionals by name or organisation.
	Search *widget.Entry
	Count  *widget.Label
	List   *widget.List
	Edit   *widget.Button
	// Message says what happened, or why not.
	Message *widget.Label
	// Dialog is the edit dialog last opened.
	Dialog *professionalDialog

	s       *session
	rows    *widgets.Pager[app.ProfessionalRow]
	chosen  *app.ProfessionalRow
	typing  *widgets.Debouncer
	content fyne.CanvasObject
}

func professionalTable() *widgets.Table {
	return widgets.NewTable([]widgets.Column{
		{Title: "Name", Weight: 1.5}, {Title: "Role", Weight: 1.2}, {Title: "Organisation", Weight: 1.8},
		{Title: "Letters go to", Weight: 2.5},
	})
}

// newDirectoryProfessionals builds the tab and lists the professionals.
func newDirectoryProfessionals(s *session) *directoryProfessionals {
	p := &directoryProfessionals{s: s, Count: messageLabel(""), Message: messageLabel("")}
	p.Search = entryWithHint("Name or organisation…", p.Reload)
	p.typing = widgets.NewDebouncer(s.Background)
	p.Search.OnChanged = func(string) { p.typing.Trigger(p.Reload) }
	cols := professionalTable()
	p.rows, p.List = widgets.NewPagedList(s.Background, directoryPageSize, cols.Row, fillProfessionalRow, nil, reportIn(p.Count))
	p.List.OnSelected = p.choose
	p.List.OnUnselected = func(widget.ListItemID) { p.choose(-1) }
	p.Edit = widget.NewButtonWithIcon("Edit…", theme.DocumentCreateIcon(), func() {
		if p.chosen != nil {
			p.Dialog = showProfessionalDialog(s, p.chosen.Professional, func() {
				showMessage(p.Message, "Saved.", false)
				p.Reload()
			})
		}
	})
	hint := widget.NewLabel("Link a professional to their organisation so that letters to them go to its address, or type their own full address.")
	hint.Importance = widget.LowImportance
	hint.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(container.NewBorder(nil, nil, nil, p.Edit, p.Search), hint, p.Count, p.Message, cols.Header(), widget.NewSeparator())
	p.content = container.NewBorder(top, nil, nil, nil, p.List)
	p.choose(-1)
	p.Reload()
	return p
}

// Content returns the tab's widget tree.
func (p *directoryProfessionals) Content() fyne.CanvasObject { return p.content }

// Reload runs the search.
func (p *directoryProfessionals) Reload() {
	text, dir, actor := strings.TrimSpace(p.Search.Text), p.s.Services.Directory, p.s.Actor
	p.rows.Query(
		func() (int64, error) { return dir.CountProfessionals(actor, text) },
		func(offset, limit int) ([]app.ProfessionalRow, error) {
			return dir.Professionals(actor, text, offset, limit)
		},
		listShown(p.Count, p.List, p.choose, "professional", "professionals"))
}

// fillProfessionalRow shows r in a row of professionalTable.
func fillProfessionalRow(o fyne.CanvasObject, r app.ProfessionalRow) {
	org := r.Organisation
	if r.DirectoryName != "" {
		org = r.DirectoryName + " (in the directory)"
	}
	to := "No postal address: letters to them are refused"
	if len(r.Address) > 0 {
		to = strings.Join(r.Address, ", ")
	}
	widgets.SetRowText(o, r.Name, professionalRoleText(r.Role), orNotStated(org), to)
	widgets.RowCell(o, 3).Importance = widget.MediumImportance
	if len(r.Address) == 0 {
		widgets.RowCell(o, 3).Importance = widget.DangerImportance
	}
}

// choose makes row id the professional Edit acts on; -1 chooses none.
func (p *directoryProfessionals) choose(id widget.ListItemID) {
	p.chosen = nil
	if id >= 0 {
		if r, ok := p.rows.Row(id); ok {
			p.chosen = &r
		}
	}
	if p.chosen != nil {
		p.Edit.Enable()
	} else {
		p.Edit.Disable()
	}
}
