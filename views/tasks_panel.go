package views

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// tasksPanel lists tasks, open ones first, soonest due first: those of one
// referral, or those one member of staff holds. Each open task can be
// completed (with a note of what was done) or reassigned (to whom, and
// why); every task shows its history. A referral or a person has a few
// tasks at a time, and the service caps a list at app.TaskListLimit, so
// the rows are laid out in a box rather than a scrolling list, to sit
// inside the referral's own scrolling page.
type tasksPanel struct {
	// Tasks are the tasks on show, in order.
	Tasks []app.TaskRow
	// Message says there are none, or why they could not be read.
	Message *widget.Label
	// Add adds a task by hand (see task_add_dialog.go), and Adding is its
	// dialog while on show.
	Add    *widget.Button
	Adding *taskAddDialog

	s          *session
	load       func() ([]app.TaskRow, error)
	showWoman  bool // each row names the woman (a person's list)
	referralID uint // the referral listed, or 0 for a person's tasks
	rows       *fyne.Container
	content    fyne.CanvasObject
}

// newReferralTasksPanel lists referral referralID's tasks.
func newReferralTasksPanel(s *session, referralID uint) *tasksPanel {
	p := newTasksPanel(s, false, func() ([]app.TaskRow, error) {
		return s.Services.Tasks.ForReferral(s.Actor, referralID)
	})
	p.referralID = referralID
	return p
}

func newTasksPanel(s *session, showWoman bool, load func() ([]app.TaskRow, error)) *tasksPanel {
	p := &tasksPanel{s: s, load: load, showWoman: showWoman, Message: messageLabel(""), rows: container.NewVBox()}
	p.Add = widget.NewButtonWithIcon("Add task…", theme.ContentAddIcon(), func() { p.Adding = p.AddTask() })
	p.content = container.NewVBox(container.NewHBox(p.Add), notPermitted(s, onlyWith(models.PermUpdateCaseload, p.Add)), p.Message, p.rows)
	p.Reload()
	return p
}

// Content returns the panel's widget tree.
func (p *tasksPanel) Content() fyne.CanvasObject { return p.content }

// Reload reads the tasks again and shows them.
func (p *tasksPanel) Reload() {
	tasks, err := p.load()
	p.Tasks = tasks
	p.rows.RemoveAll()
	switch {
	case err != nil:
		showMessage(p.Message, "The tasks could not be read: "+sentence(err), true)
		return
	case len(tasks) == 0:
		showMessage(p.Message, "No tasks.", false)
		return
	}
	showMessage(p.Message, "", false)
	today := models.LondonDate(p.s.Services.Clock().Now())
	rows := make([]fyne.CanvasObject, len(tasks))
	for i, t := range tasks {
		rows[i] = p.row(t, today)
	}
	p.rows.Objects = rows // laid out once, not after each row
	p.rows.Refresh()
}

// row shows one task: what, when due and who holds it, or how it ended,
// with its actions.
func (p *tasksPanel) row(t app.TaskRow, today models.Date) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(t.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: t.Open()})
	title.Wrapping = fyne.TextWrapWord
	detail := widget.NewLabel(taskDetail(t, today, p.showWoman))
	detail.Wrapping = fyne.TextWrapWord
	if t.Overdue(today) {
		detail.Importance = widget.DangerImportance
	}
	history := widget.NewButtonWithIcon("History", theme.HistoryIcon(), func() { p.ShowHistory(t) })
	history.Importance = widget.LowImportance
	buttons := container.NewHBox(history)
	if t.Open() {
		complete := widget.NewButtonWithIcon("Complete…", theme.ConfirmIcon(), func() { p.Complete(t) })
		reassign := widget.NewButtonWithIcon("Reassign…", theme.AccountIcon(), func() { p.Reassign(t) })
		buttons.Objects = []fyne.CanvasObject{complete, reassign, history}
	}
	return container.NewBorder(nil, widget.NewSeparator(), nil, container.NewCenter(buttons), container.NewVBox(title, detail))
}

// taskDetail says when a task is due and who holds it, or how it ended.
func taskDetail(t app.TaskRow, today models.Date, showWoman bool) string {
	var parts []string
	if showWoman {
		parts = append(parts, t.PatientName())
	}
	switch {
	case !t.Open() && t.Cancelled:
		parts = append(parts, "Cancelled "+ukDate(*t.CompletedAt))
	case !t.Open():
		parts = append(parts, "Done "+ukDate(*t.CompletedAt))
	case t.DueDate.IsZero():
		parts = append(parts, "No due date")
	case t.Overdue(today):
		parts = append(parts, "Overdue: was due "+t.DueDate.UK())
	default:
		parts = append(parts, "Due "+t.DueDate.UK())
	}
	if t.Open() {
		parts = append(parts, "held by "+orNobody(t.AssigneeName))
	} else if note := strings.TrimSpace(t.CompletionNote); note != "" {
		parts[len(parts)-1] += ": " + note
	}
	return strings.Join(parts, " · ")
}

// orNobody names the holder of a task, or says nobody holds it yet.
func orNobody(name string) string {
	if name == "" {
		return "nobody yet (she has no key worker)"
	}
	return name
}

// ShowHistory shows a task's history: its creation, reassignments and
// completion, each with who and when.
func (p *tasksPanel) ShowHistory(t app.TaskRow) {
	events, err := p.s.Services.Tasks.History(p.s.Actor, t.ID)
	text := sentence(err)
	if err == nil {
		lines := make([]string, len(events))
		for i, e := range events {
			lines[i] = "• " + ukDateTime(e.At) + " " + e.ActorName + ": " + taskEventText(e)
		}
		text = strings.Join(lines, "\n")
	}
	body := container.New(widgets.FixedWidth(520), paragraph(orNotStated(text)))
	dialog.ShowCustom("History of the task: "+t.Title, "Close", body, p.s.Window)
}

// taskEventText says what happened to a task; a task added by hand records
// only its kind, which is shown in words.
func taskEventText(e app.TaskEvent) string {
	if e.Action == app.ActionCreate {
		if label := models.TaskKind(e.Detail).Label(); label != e.Detail {
			return "added (" + strings.ToLower(label) + ")"
		}
		return "added, " + e.Detail
	}
	return e.Detail
}
