package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// unallocatedView is the Caseload screen's Unallocated tab: the accepted
// women with no key worker, longest accepted first, each with Allocate.
// Choosing a woman opens her referral. The list is fed a page at a time.
type unallocatedView struct {
	// Count says how many women wait, or why the list could not be read.
	Count *widget.Label
	List  *widget.List

	s       *session
	open    func(referralID uint)
	changed func()
	onCount func(n int) // the screen names the count on the tab
	rows    *widgets.Pager[app.UnallocatedRow]
	table   *widgets.Table
	content fyne.CanvasObject
}

// Columns of the Unallocated tab.
const (
	unAccepted = iota
	unWaiting
	unPriority
	unName
	unNHS
	unStage
	unStatus
	unReferrer
	unAction
)

// newUnallocatedView builds the tab; open opens a referral and changed
// runs after an allocation.
func newUnallocatedView(s *session, open func(uint), changed func()) *unallocatedView {
	v := &unallocatedView{s: s, open: open, changed: changed, Count: messageLabel("")}
	v.rows = widgets.NewPager[app.UnallocatedRow](s.Background, referralPageSize)
	v.table = widgets.NewTable([]widgets.Column{
		unAccepted: {Title: "Accepted", Sample: "00/00/0000"},
		unWaiting:  {Title: "Waiting", Sample: "999 days"},
		unPriority: {Title: "Priority", Sample: "Routine"},
		unName:     {Title: "Name", Weight: 2},
		unNHS:      {Title: "NHS number", Sample: "000 000 0000"},
		unStage:    {Title: "Stage", Weight: 1.2},
		unStatus:   {Title: "Status", Weight: 1.4},
		unReferrer: {Title: "Referrer", Weight: 1.4},
		unAction:   {Title: "", Sample: "Allocate… ."},
	})
	v.List = widgets.NewList(v.rows.Len, v.newRow, v.updateRow)
	v.rows.OnPage, v.rows.OnError = v.List.Refresh, reportIn(v.Count)
	v.List.OnSelected = func(id widget.ListItemID) {
		v.List.UnselectAll()
		if r, ok := v.rows.Row(id); ok {
			v.open(r.ID)
		}
	}
	top := container.NewVBox(v.Count, v.table.Header(), widget.NewSeparator())
	v.content = container.NewBorder(top, nil, nil, nil, v.List)
	return v
}

// Content returns the tab's widget tree.
func (v *unallocatedView) Content() fyne.CanvasObject { return v.content }

// Reload reads the list again from its first page.
func (v *unallocatedView) Reload() {
	svc, actor := v.s.Services.Caseload, v.s.Actor
	v.rows.Query(
		func() (int64, error) { return svc.UnallocatedCount(actor) },
		func(offset, limit int) ([]app.UnallocatedRow, error) { return svc.Unallocated(actor, offset, limit) },
		func(total int, err error) {
			if err != nil {
				showMessage(v.Count, "The women waiting for a key worker could not be read: "+sentence(err), true)
			} else {
				showMessage(v.Count, countText(int64(total), "accepted woman waits", "accepted women wait")+
					" for a key worker, longest waiting first.", false)
			}
			if v.onCount != nil {
				v.onCount(total)
			}
			v.List.UnselectAll()
			v.List.Refresh()
		})
}

func (v *unallocatedView) newRow() fyne.CanvasObject {
	row := v.table.Row().(*fyne.Container)
	row.Objects[unAction] = widget.NewButton("Allocate…", nil)
	return row
}

func (v *unallocatedView) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	allocate := o.(*fyne.Container).Objects[unAction].(*widget.Button)
	r, ok := v.rows.Row(id)
	if !ok {
		allocate.Hide()
		widgets.SetRowText(o, "", "Loading…", "", "", "", "", "", "") // the button cell is no label
		return
	}
	allocate.Show()
	allocate.OnTapped = func() { showAllocateDialog(v.s, r.ID, r.PatientName(), v.changed) }
	accepted, waiting := "", ""
	if r.AcceptedAt != nil {
		accepted = ukDate(*r.AcceptedAt)
		today := models.LondonDate(v.s.Services.Clock().Now())
		waiting = countText(int64(models.LondonDate(*r.AcceptedAt).DaysUntil(today)), "day", "days")
	}
	nhs := r.NHSNumberText()
	if nhs == "" {
		nhs = "Not known"
	}
	priority := widgets.RowCell(o, unPriority)
	priority.Importance = widget.MediumImportance
	if r.Priority == models.PriorityUrgent {
		priority.Importance = widget.DangerImportance
	}
	widgets.SetRowText(o, accepted, waiting, priorityText(r.Priority), r.PatientName(), nhs, r.Stage.Label(), r.Status.Label(), r.ReferrerName)
}
