package views

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// allocateDialog allocates a woman's key worker, or reallocates her to
// another. The choice of worker shows each one's caseload against their
// capacity. A reallocation needs a reason. Going beyond a worker's capacity
// shows the figures and asks "Allocate anyway?" before trying again. The
// allocation history (who, when, by whom and why) is listed underneath.
type allocateDialog struct {
	*formDialog
	// Worker chooses the key worker; its options say "Name · 18 / 25 (72%)".
	Worker *widget.Select
	Reason *widgets.FormEntry
	// Current names her key worker now, or says she has none.
	Current *widget.Label
	// History lists every allocation, oldest first.
	History *widget.Label
	// Confirm is the over-capacity question while it is on show.
	Confirm *dialog.ConfirmDialog

	s          *session
	referralID uint
	workers    []app.CapacityRow // in the order of Worker's options
	current    *models.Allocation
}

// showAllocateDialog shows the dialog for referral referralID, about the
// woman named who. onDone runs after an allocation is saved.
func showAllocateDialog(s *session, referralID uint, who string, onDone func()) *allocateDialog {
	d := &allocateDialog{s: s, referralID: referralID}
	d.Worker = widget.NewSelect(nil, nil)
	d.Worker.PlaceHolder = "Choose a key worker"
	d.Current = widget.NewLabel("")
	d.Reason = widgets.NewFormTextArea(nil, 2)
	d.History = paragraph("")
	title, action, reasonHint := "Allocate a key worker", "Allocate", "Optional for a first allocation"
	problems := d.load()
	if d.current != nil {
		title, action, reasonHint = "Reallocate her key worker", "Reallocate", "Required: why she is moving to another key worker"
	}
	d.Reason.SetPlaceHolder("Why this key worker, for her allocation history")
	form := widget.NewForm(
		widget.NewFormItem("Woman", widget.NewLabelWithStyle(who, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})),
		widget.NewFormItem("Key worker now", d.Current),
		hinted("New key worker", d.Worker, "Each worker's caseload against capacity"),
		hinted("Reason", d.Reason, reasonHint),
		widget.NewFormItem("History", d.History),
	)
	d.formDialog = newFormDialog(title, action, 600, form, s.Window, func() error { return d.allocate(false) }, onDone)
	d.Reason.OnSave = d.Submit
	if problems != nil {
		d.Fail(problems)
	}
	d.Show()
	return d
}

// load reads the team's caseloads and her allocation history.
func (d *allocateDialog) load() error {
	team, err := d.s.Services.Caseload.TeamCapacity(d.s.Actor)
	if err != nil {
		return err
	}
	history, err := d.s.Services.Allocations.History(d.s.Actor, d.referralID)
	if err != nil {
		return err
	}
	for i := range history {
		if history[i].Current() {
			d.current = &history[i]
		}
	}
	var options []string
	for _, w := range team {
		if w.Active && (d.current == nil || w.StaffID != d.current.KeyWorkerID) {
			d.workers = append(d.workers, w)
			options = append(options, w.Name+" · "+capacityText(w))
		}
	}
	d.Worker.SetOptions(options)
	d.Current.SetText("Not allocated")
	if d.current != nil {
		d.Current.SetText(d.current.KeyWorker.Name + " since " + ukDate(d.current.AllocatedAt))
	}
	d.History.SetText(allocationHistoryText(d.s.Services.Staff, history))
	return nil
}

// allocate asks the service to allocate the chosen worker; confirm says
// the person has agreed to go over capacity.
func (d *allocateDialog) allocate(confirm bool) error {
	i := d.Worker.SelectedIndex()
	if i < 0 {
		return fieldProblem(models.FieldNewKeyWorker, "choose who will be her key worker")
	}
	worker := d.workers[i]
	allocate := d.s.Services.Allocations.Allocate
	if d.current != nil {
		allocate = d.s.Services.Allocations.Reallocate
	}
	_, err := allocate(d.s.Actor, d.referralID, worker.StaffID, d.Reason.Text, confirm)
	var over *app.OverCapacityError
	if errors.As(err, &over) {
		d.askOverCapacity(over)
		return errAsking
	}
	return err
}

// askOverCapacity shows the worker's figures and allocates anyway on Yes.
func (d *allocateDialog) askOverCapacity(over *app.OverCapacityError) {
	after := app.CapacityRow{Open: over.Caseload + 1, Capacity: over.Capacity}
	question := fmt.Sprintf("%s holds %s against a caseload capacity of %d.\nThis allocation makes %s.\n\nAllocate anyway?",
		over.Worker, countText(int64(over.Caseload), "woman", "women"), over.Capacity, capacityText(after))
	d.Confirm = dialog.NewConfirm("Over capacity", question, func(yes bool) {
		d.Confirm = nil
		if !yes {
			return
		}
		if err := d.allocate(true); err != nil {
			d.Fail(err)
			return
		}
		d.Finish()
	}, d.s.Window)
	d.Confirm.SetConfirmText("Allocate anyway")
	d.Confirm.SetDismissText("Cancel")
	d.Confirm.Show()
}

// capacityText writes a caseload against capacity: "18 / 25 (72%)", "27 /
// 25 (108%), over capacity", or "18, no capacity set".
func capacityText(w app.CapacityRow) string {
	if w.Capacity <= 0 {
		return fmt.Sprintf("%d, no capacity set", w.Open)
	}
	text := fmt.Sprintf("%d / %d (%d%%)", w.Open, w.Capacity, w.Percent())
	if w.Over() {
		text += ", over capacity"
	}
	return text
}

// allocationHistoryText lists allocations, oldest first: when, to whom, by
// whom and why, and when each ended.
func allocationHistoryText(staff *app.StaffService, history []models.Allocation) string {
	if len(history) == 0 {
		return "She has never had a key worker."
	}
	names := staffNamer(staff)
	lines := make([]string, len(history))
	for i, a := range history {
		line := ukDateTime(a.AllocatedAt) + " " + a.KeyWorker.Name + ", by " + names(a.AllocatedByID)
		if r := strings.TrimSpace(a.Reason); r != "" {
			line += ": " + r
		}
		if a.EndedAt != nil {
			line += " (ended " + ukDate(*a.EndedAt) + ")"
		}
		lines[i] = "• " + line
	}
	return strings.Join(lines, "\n")
}

// staffNamer returns a function naming staff by ID, reading each once.
func staffNamer(staff *app.StaffService) func(id uint) string {
	known := map[uint]string{}
	return func(id uint) string {
		if n, ok := known[id]; ok {
			return n
		}
		n := "someone no longer listed"
		if m, err := staff.Get(id); err == nil {
			n = m.Name
		}
		known[id] = n
		return n
	}
}
