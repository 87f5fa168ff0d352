package views

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// directoryPageSize is how many directory rows are fetched at a time.
const directoryPageSize = 100

// directoryScreen is the Directory screen: the organisations letters are
// copied to (GP practices with their ODS codes, community mental health
// teams, midwifery and health-visiting teams, wards and others) with their
// postal addresses, and, on its second tab, the professionals who refer or
// get copies, each of whom can be linked to their organisation. Everyone
// can search it; administrators and team managers add, edit and retire
// entries, which the service checks and audits.
type directoryScreen struct {
	Tabs *container.AppTabs

	// Search finds organisations by name or ODS code; Kind narrows them to
	// one kind; Retired shows those that have closed or merged.
	Search  *widget.Entry
	Kind    *widgets.Choice
	Retired *widget.Check
	// Count says how many match, or what went wrong.
	Count *widget.Label
	List  *widget.List
	// Add, Edit and Retire act on the directory; Retire reads "Bring back"
	// for a retired organisation.
	Add, Edit, Retire *widget.Button
	// Message says what happened, or why not.
	Message *widget.Label
	// Dialog is the add or edit dialog last opened.
	Dialog *organisationDialog

	// Professionals is the Professionals tab.
	Professionals *directoryProfessionals

	s       *session
	rows    *widgets.Pager[models.Organisation]
	chosen  *models.Organisation
	typing  *widgets.Debouncer
	content fyne.CanvasObject
}

// organisationTable lays out the directory's columns.
func organisationTable() *widgets.Table {
	return widgets.NewTable([]widgets.Column{
		{Title: "Name", Weight: 2}, {Title: "Kind", Weight: 1.2}, {Title: "ODS code", Sample: "ODS code"},
		{Title: "Postal address", Weight: 2.5}, {Title: "Telephone", Weight: 1},
	})
}

// newDirectoryScreen builds the Directory screen and lists the directory.
func newDirectoryScreen(s *session) *directoryScreen {
	d := &directoryScreen{s: s, Message: messageLabel(""), Count: messageLabel("")}
	d.Search = entryWithHint("Name or ODS code…", d.Reload)
	d.typing = widgets.NewDebouncer(s.Background)
	d.Search.OnChanged = func(string) { d.typing.Trigger(d.Reload) }
	kinds := []string{""}
	for _, k := range models.OrganisationKinds {
		kinds = append(kinds, string(k))
	}
	d.Kind = widgets.NewChoice(kinds, func(k string) string {
		if k == "" {
			return "Every kind"
		}
		return models.OrganisationKind(k).Label()
	}, "Every kind", d.Reload)
	d.Retired = widget.NewCheck("Show retired", func(bool) { d.Reload() })
	cols := organisationTable()
	d.rows, d.List = widgets.NewPagedList(s.Background, directoryPageSize, cols.Row, fillOrganisationRow, nil, reportIn(d.Count))
	d.List.OnSelected = d.choose
	d.List.OnUnselected = func(widget.ListItemID) { d.choose(-1) }
	d.Add = widget.NewButtonWithIcon("Add organisation…", theme.ContentAddIcon(), func() {
		d.Dialog = showOrganisationDialog(s, nil, d.done("Added to the directory."))
	})
	d.Add.Importance = widget.HighImportance
	d.Edit = widget.NewButtonWithIcon("Edit…", theme.DocumentCreateIcon(), func() {
		if d.chosen != nil {
			d.Dialog = showOrganisationDialog(s, d.chosen, d.done("Saved."))
		}
	})
	d.Retire = widget.NewButtonWithIcon("Retire", theme.DeleteIcon(), d.toggleRetired)
	hint := widget.NewLabel("Letters to a professional go to their organisation's address here. Retire a practice or team that has closed or merged: letters already sent keep it.")
	hint.Importance = widget.LowImportance
	hint.Wrapping = fyne.TextWrapWord
	filters := container.NewBorder(nil, nil, nil, d.Retired, container.New(widgets.WeightedRow{2, 1.2}, d.Search, d.Kind.Select))
	top := container.NewVBox(container.NewHBox(d.Add, d.Edit, d.Retire), hint, filters, d.Count, d.Message, cols.Header(), widget.NewSeparator())
	organisations := container.NewBorder(top, nil, nil, nil, d.List)

	d.Professionals = newDirectoryProfessionals(s)
	d.Tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Organisations", theme.HomeIcon(), organisations),
		container.NewTabItemWithIcon("Professionals", theme.AccountIcon(), d.Professionals.Content()),
	)
	d.content = container.NewPadded(d.Tabs)
	d.choose(-1)
	d.Reload()
	return d
}

// Content returns the screen's widget tree.
func (d *directoryScreen) Content() fyne.CanvasObject { return d.content }

// SearchEntry is the organisation search, which Ctrl+F focuses.
func (d *directoryScreen) SearchEntry() fyne.Focusable { return d.Search }

// Shown reads the directory again when the screen is opened again.
func (d *directoryScreen) Shown() {
	d.Reload()
	d.Professionals.Reload()
}

// Filter returns the filter the widgets describe.
func (d *directoryScreen) Filter() app.OrganisationFilter {
	return app.OrganisationFilter{Text: strings.TrimSpace(d.Search.Text), Kind: models.OrganisationKind(d.Kind.Code()), Retired: d.Retired.Checked}
}

// Reload runs the search the filters describe.
func (d *directoryScreen) Reload() {
	if d.List == nil || d.Retired == nil {
		return // still being built
	}
	f, dir, actor := d.Filter(), d.s.Services.Directory, d.s.Actor
	d.rows.Query(
		func() (int64, error) { return dir.CountOrganisations(actor, f) },
		func(offset, limit int) ([]models.Organisation, error) {
			return dir.Organisations(actor, f, offset, limit)
		},
		listShown(d.Count, d.List, d.choose, "organisation", "organisations"))
}

// fillOrganisationRow shows o in a row of organisationTable.
func fillOrganisationRow(obj fyne.CanvasObject, o models.Organisation) {
	name := o.Name
	if o.Retired {
		name += " (retired)"
	}
	address := "No postal address: letters to it are refused"
	if o.HasPostalAddress() {
		address = strings.Join(o.Address(), ", ")
	}
	widgets.SetRowText(obj, name, o.Kind.Label(), o.ODSCode, address, o.Phone)
	widgets.RowCell(obj, 3).Importance = widget.MediumImportance
	if !o.HasPostalAddress() {
		widgets.RowCell(obj, 3).Importance = widget.DangerImportance
	}
}

// choose makes row id the organisation the buttons act on; -1 chooses none.
func (d *directoryScreen) choose(id widget.ListItemID) {
	d.chosen = nil
	if id >= 0 {
		if o, ok := d.rows.Row(id); ok {
			d.chosen = &o
		}
	}
	for _, b := range []*widget.Button{d.Edit, d.Retire} {
		if d.chosen != nil {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	d.Retire.SetText("Retire")
	if d.chosen != nil && d.chosen.Retired {
		d.Retire.SetText("Bring back")
	}
}

// Choose selects the organisation at row i of the list, as a click does.
func (d *directoryScreen) Choose(i int) { d.List.Select(i) }

// toggleRetired retires the chosen organisation, or brings it back.
func (d *directoryScreen) toggleRetired() {
	o := d.chosen
	if o == nil {
		return
	}
	err := d.s.Services.Directory.SetRetired(d.s.Actor, o.ID, o.Version, !o.Retired)
	if err != nil {
		showMessage(d.Message, sentence(err), true)
		return
	}
	text := o.Name + " is retired: it stays for the letters already sent, and new letters no longer go to it."
	if o.Retired {
		text = o.Name + " is back in the directory."
	}
	d.done(text)()
}

// done returns what runs after a change: say so and read the list again.
func (d *directoryScreen) done(message string) func() {
	return func() {
		showMessage(d.Message, message, false)
		d.Reload()
		d.Professionals.Reload()
	}
}
