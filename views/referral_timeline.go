package views

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// timelineHeight is the height the timeline asks for in a detail view.
const timelineHeight = 260

// referralTimeline lists everything that happened to a referral, oldest
// first: when, what, and who. Choosing an entry shows its full text below
// the list, since a long reason is cut short in the row.
type referralTimeline struct {
	List *widget.List
	// Detail shows the chosen entry in full.
	Detail *widget.Label
	// Message says why the timeline could not be read, or that it is empty.
	Message *widget.Label
	Entries []app.TimelineEntry

	svc     *app.Services
	actor   *models.StaffMember
	id      uint
	content fyne.CanvasObject
}

// newReferralTimeline builds the timeline of referral id and reads it.
func newReferralTimeline(s *session, id uint) *referralTimeline {
	t := &referralTimeline{svc: s.Services, actor: s.Actor, id: id, Detail: paragraph(""), Message: paragraph("")}
	t.List = widgets.NewList(func() int { return len(t.Entries) }, newTimelineRow, t.fillRow)
	t.List.OnSelected = func(i widget.ListItemID) {
		if i >= 0 && i < len(t.Entries) {
			e := t.Entries[i]
			t.Detail.SetText(ukDateTime(e.At) + " · " + e.Who + "\n" + e.What)
		}
	}
	room := canvas.NewRectangle(color.Transparent)
	room.SetMinSize(fyne.NewSize(0, timelineHeight))
	t.content = widget.NewCard("Timeline", "", container.NewVBox(t.Message, container.NewStack(room, t.List), t.Detail))
	t.Reload()
	return t
}

// Content returns the timeline's widget tree.
func (t *referralTimeline) Content() fyne.CanvasObject { return t.content }

// Reload reads the timeline again, as after a change to the referral.
func (t *referralTimeline) Reload() {
	entries, err := t.svc.Referrals.Timeline(t.actor, t.id)
	t.Detail.SetText("")
	switch {
	case err != nil:
		t.Entries = nil
		t.Message.SetText(sentence(err))
		t.Message.Importance = widget.DangerImportance
		t.Message.Show()
	case len(entries) == 0:
		t.Entries = nil
		t.Message.SetText("Nothing has been recorded about this referral yet.")
		t.Message.Importance = widget.MediumImportance
		t.Message.Show()
	default:
		t.Entries = entries
		t.Message.Hide()
	}
	t.List.UnselectAll()
	t.List.Refresh()
}

// newTimelineRow is one row: the time, what happened, and who did it.
func newTimelineRow() fyne.CanvasObject {
	when := widget.NewLabel("00/00/0000 00:00")
	what := widget.NewLabel("")
	what.Truncation = fyne.TextTruncateEllipsis
	who := widget.NewLabel("")
	who.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, when, who, what)
}

func (t *referralTimeline) fillRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i < 0 || i >= len(t.Entries) {
		return
	}
	e := t.Entries[i]
	row := o.(*fyne.Container)
	// NewBorder puts the centre first, then left and right.
	row.Objects[0].(*widget.Label).SetText(e.What)
	row.Objects[1].(*widget.Label).SetText(ukDateTime(e.At))
	row.Objects[2].(*widget.Label).SetText(e.Who)
}
