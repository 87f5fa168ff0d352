package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// wholeTeam is the worker choice that shows every key worker's caseload.
const wholeTeam = "Whole team"

// allFlags is the flag filter's "no filter" choice.
const allFlags = "Any flags"

// caseloadScreen is where key workers live. Its first tab is a caseload:
// at first the signed-in key worker's own (the whole team's for anyone
// who holds no women), with a choice of any worker's or the team's. Each
// woman shows her name and NHS number, her stage today, her next
// appointment and last contact, her flags, the date her perinatal period
// ends and her key worker; the headings sort, and a search and a flag
// filter narrow the list. The Team tab shows each worker's caseload
// against capacity, and the Unallocated tab the accepted women waiting
// for a key worker, oldest first, each with Allocate. Choosing a woman
// opens her referral.
//
// A whole team's open caseload is a few thousand women, read by the
// service in five queries however many there are, and listed with a
// widget.List, which draws only the rows on screen.
type caseloadScreen struct {
	Tabs *container.AppTabs
	// Worker chooses whose caseload: wholeTeam, then each worker with their
	// caseload against capacity.
	Worker *widget.Select
	Search *widget.Entry
	Flag   *widget.Select
	// SortButtons are the sortable headings.
	SortButtons map[app.CaseloadSort]*widget.Button
	// Count says how many women are listed, or why they could not be read.
	Count *widget.Label
	List  *widget.List
	// Rows are the women listed, in order.
	Rows        []app.CaseloadRow
	Team        *teamCapacityView
	Unallocated *unallocatedView

	s         *session
	sort      app.CaseloadSort
	workerIDs []uint // Worker's options' staff IDs; 0 for the whole team
	names     map[uint]string
	quiet     bool // setting Worker's options, not a choice
	rowsGen   int
	teamGen   int
	loaded    bool
	debounce  *widgets.Debouncer
	table     *widgets.Table
	header    fyne.CanvasObject
	today     models.Date // of the last reading, for periods that have ended
	// unallocatedTitle names the Unallocated tab with its count.
	unallocatedTitle string
	content          fyne.CanvasObject
}

// newCaseloadScreen builds the screen and starts reading the caseloads.
func newCaseloadScreen(s *session) *caseloadScreen {
	c := &caseloadScreen{s: s, sort: app.SortByName, debounce: widgets.NewDebouncer(s.Background), names: map[uint]string{}, unallocatedTitle: "Unallocated"}
	c.Worker = widget.NewSelect(nil, func(string) {
		if !c.quiet {
			c.reloadCaseload()
		}
	})
	c.Search = widgets.NewSearchEntry(patientSearchHint, c.debounce, c.reloadCaseload)
	flags := []string{allFlags}
	for _, f := range app.CaseloadFlags {
		flags = append(flags, f.Label())
	}
	c.Flag = widget.NewSelect(flags, func(string) { c.reloadCaseload() })
	c.Flag.SetSelectedIndex(0)
	c.Count = widgets.NewCountLabel()
	refresh := widgets.NewIconButton("Refresh the caseload", theme.ViewRefreshIcon(), c.Reload)

	c.table = caseloadTable()
	c.header, c.SortButtons = caseloadHeader(c.table, c.SortBy)
	markSort(c.table, c.SortButtons, c.sort)
	c.List = widgets.NewList(func() int { return len(c.Rows) }, func() fyne.CanvasObject { return newCaseloadRow(c.table) }, c.updateRow)
	c.List.OnSelected = c.selected
	legend := widget.NewLabel(flagLegend)
	legend.Importance = widget.LowImportance
	legend.Truncation = fyne.TextTruncateEllipsis

	filters := container.NewBorder(nil, nil, nil, refresh,
		container.New(widgets.WeightedRow{1.3, 1.7, 1}, c.Worker, c.Search, c.Flag))
	top := container.NewVBox(filters, c.Count, c.header, widget.NewSeparator())
	caseload := container.NewBorder(top, legend, nil, nil, c.List)

	c.Team = newTeamCapacityView(c.ShowWorker)
	c.Unallocated = newUnallocatedView(s, c.open, c.Reload)
	c.Unallocated.onCount = c.countUnallocated
	// Read before the tabs are made, so that an answer already in hand
	// names the Unallocated tab without redrawing them all.
	c.Reload()
	c.Tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Caseload", theme.AccountIcon(), caseload),
		container.NewTabItemWithIcon("Team", theme.GridIcon(), c.Team.Content()),
		container.NewTabItemWithIcon(c.unallocatedTitle, theme.WarningIcon(), c.Unallocated.Content()),
	)
	c.content = container.NewPadded(c.Tabs)
	return c
}

// countUnallocated names the Unallocated tab with how many women wait.
func (c *caseloadScreen) countUnallocated(n int) {
	c.unallocatedTitle = "Unallocated (" + groupThousands(int64(n)) + ")"
	if c.Tabs != nil {
		c.Tabs.Items[2].Text = c.unallocatedTitle
		c.Tabs.Refresh()
	}
}

// Content returns the screen's widget tree.
func (c *caseloadScreen) Content() fyne.CanvasObject { return c.content }

// SearchEntry is the search box, for Ctrl+F.
func (c *caseloadScreen) SearchEntry() fyne.Focusable {
	c.Tabs.SelectIndex(0)
	return c.Search
}

// Shown reads everything again when the screen is opened again, so an
// allocation or joint working recorded elsewhere shows at once.
func (c *caseloadScreen) Shown() { c.Reload() }

// Filter returns the filter the widgets describe.
func (c *caseloadScreen) Filter() app.CaseloadFilter {
	f := app.CaseloadFilter{Query: c.Search.Text, Sort: c.sort}
	if i := c.Worker.SelectedIndex(); i >= 0 && i < len(c.workerIDs) {
		f.KeyWorkerID = c.workerIDs[i]
	}
	if i := c.Flag.SelectedIndex(); i > 0 {
		f.Flag = app.CaseloadFlags[i-1]
	}
	return f
}

// SortBy orders the caseload by, marking its heading.
func (c *caseloadScreen) SortBy(by app.CaseloadSort) {
	c.sort = by
	markSort(c.table, c.SortButtons, by)
	c.reloadCaseload()
}

// ShowWorker shows staffID's caseload (0 for the whole team) on the first tab.
func (c *caseloadScreen) ShowWorker(staffID uint) {
	if c.Tabs != nil {
		c.Tabs.SelectIndex(0)
	}
	for i, id := range c.workerIDs {
		if id == staffID {
			c.Worker.SetSelectedIndex(i) // reloads, unless already chosen
			return
		}
	}
}

// Reload reads the team's caseloads against capacity, then the caseload
// on show, and the unallocated women.
func (c *caseloadScreen) Reload() {
	c.teamGen++
	gen := c.teamGen
	svc, actor := c.s.Services.Caseload, c.s.Actor
	c.s.Background.Go(func() func() {
		team, err := svc.TeamCapacity(actor)
		return func() {
			if gen != c.teamGen {
				return
			}
			c.Team.Show(team, err)
			c.setWorkers(team)
			c.reloadCaseload()
		}
	})
	c.Unallocated.Reload()
}

// setWorkers offers wholeTeam and each worker, with their caseload against
// capacity, keeping the choice made; the first time, it chooses the
// signed-in person if they hold a caseload.
func (c *caseloadScreen) setWorkers(team []app.CapacityRow) {
	chosen := c.Filter().KeyWorkerID
	if !c.loaded {
		chosen, c.loaded = 0, true
		for _, w := range team {
			if w.StaffID == c.s.Actor.ID {
				chosen = w.StaffID
			}
		}
	}
	options, ids := []string{wholeTeam}, []uint{0}
	for _, w := range team {
		options = append(options, w.Name+" · "+capacityText(w))
		ids = append(ids, w.StaffID)
		c.names[w.StaffID] = w.Name
	}
	c.quiet = true
	defer func() { c.quiet = false }()
	c.Worker.SetOptions(options)
	c.workerIDs = ids
	c.Worker.SetSelectedIndex(0)
	for i, id := range ids {
		if id == chosen {
			c.Worker.SetSelectedIndex(i)
		}
	}
}

// reloadCaseload reads the caseload the widgets describe, off the UI
// goroutine, and shows it.
func (c *caseloadScreen) reloadCaseload() {
	if c.List == nil || !c.loaded {
		return // still being built, or the workers are not known yet
	}
	c.rowsGen++
	gen, f := c.rowsGen, c.Filter()
	svc, actor := c.s.Services.Caseload, c.s.Actor
	c.s.Background.Go(func() func() {
		rows, err := svc.Caseload(actor, f)
		return func() {
			if gen != c.rowsGen {
				return
			}
			c.Rows, c.today = rows, models.LondonDate(c.s.Services.Clock().Now())
			showKeyWorkerColumn(c.table, c.header, f.KeyWorkerID == 0)
			if err != nil {
				showMessage(c.Count, "The caseload could not be read: "+sentence(err), true)
			} else {
				showMessage(c.Count, c.countText(f), false)
			}
			widgets.ShowFromTop(c.List)
		}
	})
}

// countText says how many women are listed, and on whose caseload.
func (c *caseloadScreen) countText(f app.CaseloadFilter) string {
	whose := "the team's caseloads"
	if f.KeyWorkerID != 0 {
		whose = c.names[f.KeyWorkerID] + "'s caseload"
	}
	text := countText(int64(len(c.Rows)), "woman", "women") + " on " + whose
	if f.Query != "" || f.Flag != "" {
		text += " match"
	}
	return text
}

func (c *caseloadScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id < 0 || id >= len(c.Rows) {
		clearCaseloadRow(o)
		return
	}
	fillCaseloadRow(c.table, o, c.Rows[id], c.today)
}

// selected opens the woman chosen in the list.
func (c *caseloadScreen) selected(id widget.ListItemID) {
	c.List.UnselectAll() // so choosing her again opens her again
	if id >= 0 && id < len(c.Rows) {
		c.open(c.Rows[id].ReferralID)
	}
}

// open shows a referral's detail, where her caseload actions are.
func (c *caseloadScreen) open(referralID uint) {
	if c.s.OpenReferral != nil {
		c.s.OpenReferral(referralID)
	}
}
