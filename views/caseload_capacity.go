package views

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/views/widgets"
)

// teamCapacityView is the Caseload screen's Team tab: each key worker's
// caseload against their capacity ("18 / 25 (72%)"), those over capacity
// in red and saying so, and anyone who has left but still holds women.
// Choosing a worker shows their caseload.
type teamCapacityView struct {
	// Summary totals the team's caseloads against capacity.
	Summary *widget.Label
	List    *widget.List
	// Rows are the workers listed, by name.
	Rows []app.CapacityRow

	choose  func(staffID uint)
	table   *widgets.Table
	content fyne.CanvasObject
}

// Columns of the Team tab.
const (
	capName = iota
	capJob
	capTime
	capCaseload
	capBar
)

func newTeamCapacityView(choose func(staffID uint)) *teamCapacityView {
	v := &teamCapacityView{choose: choose, Summary: messageLabel("")}
	v.table = widgets.NewTable([]widgets.Column{
		capName:     {Title: "Key worker", Weight: 1.5},
		capJob:      {Title: "Job title", Weight: 1.5},
		capTime:     {Title: "Working time", Sample: "Working time"},
		capCaseload: {Title: "Caseload against capacity", Sample: "100 / 100 (100%), over capacity"},
		capBar:      {Title: "", Weight: 1.5},
	})
	v.List = widgets.NewList(func() int { return len(v.Rows) }, v.newRow, v.updateRow)
	v.List.OnSelected = func(id widget.ListItemID) {
		v.List.UnselectAll()
		if id >= 0 && id < len(v.Rows) {
			v.choose(v.Rows[id].StaffID)
		}
	}
	hint := widget.NewLabel("Choose a key worker to see their caseload.")
	hint.Importance = widget.LowImportance
	top := container.NewVBox(v.Summary, hint, v.table.Header(), widget.NewSeparator())
	v.content = container.NewBorder(top, nil, nil, nil, v.List)
	return v
}

// Content returns the tab's widget tree.
func (v *teamCapacityView) Content() fyne.CanvasObject { return v.content }

// Show lists team, or says why it could not be read.
func (v *teamCapacityView) Show(team []app.CapacityRow, err error) {
	v.Rows = team
	v.List.Refresh()
	if err != nil {
		showMessage(v.Summary, "The team's caseloads could not be read: "+sentence(err), true)
		return
	}
	women, capacity, over := 0, 0, 0
	for _, w := range team {
		women += w.Open
		capacity += w.Capacity
		if w.Over() {
			over++
		}
	}
	text := fmt.Sprintf("%s hold %s", countText(int64(len(team)), "key worker", "key workers"), countText(int64(women), "woman", "women"))
	if capacity > 0 {
		text += fmt.Sprintf(" against a total capacity of %s (%d%%)", groupThousands(int64(capacity)), women*100/capacity)
	}
	text += "."
	if over > 0 {
		text += fmt.Sprintf(" %s over capacity.", capitalised(countText(int64(over), "worker is", "workers are")))
	}
	showMessage(v.Summary, text, over > 0)
}

func (v *teamCapacityView) newRow() fyne.CanvasObject {
	row := v.table.Row().(*fyne.Container)
	bar := widget.NewProgressBar()
	bar.TextFormatter = func() string { return "" }
	row.Objects[capBar] = bar
	return row
}

func (v *teamCapacityView) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id < 0 || id >= len(v.Rows) {
		return
	}
	w := v.Rows[id]
	name := w.Name
	if !w.Active {
		name += " (has left: reallocate)"
	}
	widgets.SetRowText(o, name, w.JobTitle, strconv.FormatFloat(w.WorkingFraction, 'f', -1, 64)+" WTE", capacityText(w))
	load := widgets.RowCell(o, capCaseload)
	load.Importance = widget.MediumImportance
	if w.Over() || !w.Active {
		load.Importance = widget.DangerImportance
	}
	load.TextStyle.Bold = w.Over()
	load.Refresh()
	bar := o.(*fyne.Container).Objects[capBar].(*widget.ProgressBar)
	bar.SetValue(min(float64(w.Percent())/100, 1))
}
