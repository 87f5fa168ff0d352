package views

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// auditTable lays out the audit list's columns.
func auditTable() *widgets.Table {
	return widgets.NewTable([]widgets.Column{
		{Title: "When", Sample: "00/00/0000 00:00"}, {Title: "Who", Weight: 1.6},
		{Title: "Action", Sample: "sign-in failed"}, {Title: "Record", Weight: 1},
		{Title: "Detail", Weight: 3},
	})
}

// auditActions are the actions the filter offers.
var auditActions = []string{
	app.ActionCreate, app.ActionUpdate, app.ActionStatus, app.ActionSignIn, app.ActionSignInFailed,
	app.ActionRefused, app.ActionExport, app.ActionIssueLetter, app.ActionPrint,
}

// Filter choices meaning "no filter".
const (
	everyone  = "Everyone"
	anyAction = "Any action"
)

// auditScreen is the audit viewer for team managers: the trail newest
// first, filtered by person, record, action and date range, a page at a
// time. Selecting an event shows what the record was before and after.
// The trail cannot be edited or deleted from here or anywhere else.
type auditScreen struct {
	Person     *widget.Select
	RecordType *widget.Entry
	RecordID   *widget.Entry
	Action     *widget.Select
	From, To   *widget.Entry
	Apply      *widget.Button
	// Count says how many events match, or what is wrong with the filter.
	Count *widget.Label
	List  *widget.List
	// Event shows the selected event's before and after.
	Event   *widget.Label
	History *widget.Button
	// Export saves the filtered events as CSV; the export is audited.
	Export *widget.Button

	audit    *app.AuditService
	actor    *models.StaffMember
	people   map[string]uint
	rows     *widgets.Pager[models.AuditEvent]
	selected *models.AuditEvent
	content  fyne.CanvasObject
	bg       *widgets.Background
	win      fyne.Window
}

// newAuditScreen builds the audit viewer and shows the newest events.
func newAuditScreen(ses *session) *auditScreen {
	staff, bg := ses.Services.Staff, ses.Background
	s := &auditScreen{audit: ses.Services.Audit, actor: ses.Actor, people: map[string]uint{}, bg: bg, win: ses.Window}

	names := []string{everyone}
	list, _ := staff.List(false)
	if sys, err := staff.ByUsername(app.SystemUsername); err == nil {
		list = append(list, *sys)
	}
	for _, m := range list {
		label := m.Name + " (" + m.Username + ")"
		names = append(names, label)
		s.people[label] = m.ID
	}
	s.Person = widget.NewSelect(names, func(string) { s.Reload() })
	s.Action = widget.NewSelect(append([]string{anyAction}, auditActions...), func(string) { s.Reload() })
	s.RecordType = entryWithHint("Record, e.g. referral", s.Reload)
	s.RecordID = entryWithHint("Number", s.Reload)
	s.From = entryWithHint("From dd/mm/yyyy", s.Reload)
	s.To = entryWithHint("To dd/mm/yyyy", s.Reload)
	s.Apply = widget.NewButtonWithIcon("Apply", theme.SearchIcon(), s.Reload)
	s.Count = messageLabel("")
	s.Event = paragraph("Choose an event to see the record before and after it.")
	s.History = widget.NewButton("Full history of this record", s.showHistory)
	s.History.Disable()
	s.Export = widget.NewButtonWithIcon("Export to CSV…", theme.DocumentSaveIcon(), s.export)

	cols := auditTable()
	s.rows, s.List = widgets.NewPagedList(bg, 100, cols.Row, fillAuditRow, nil, reportIn(s.Count))
	s.List.OnSelected = s.choose

	filters := container.NewGridWithColumns(4, s.Person, s.Action, s.RecordType, s.RecordID, s.From, s.To, layout.NewSpacer(), s.Apply)
	top := container.NewVBox(filters, s.Count, cols.Header(), widget.NewSeparator())
	detail := container.NewBorder(container.NewHBox(s.History, layout.NewSpacer(), s.Export), nil, nil, nil, container.NewVScroll(s.Event))
	split := container.NewVSplit(container.NewBorder(top, nil, nil, nil, s.List), detail)
	split.Offset = 0.65
	s.content = container.NewPadded(split)
	s.Person.SetSelectedIndex(0)
	s.Action.SetSelectedIndex(0)
	s.Reload()
	return s
}

// Content returns the screen's widget tree.
func (s *auditScreen) Content() fyne.CanvasObject { return s.content }

// Filter returns the filter the widgets describe, or an error naming the
// field at fault.
func (s *auditScreen) Filter() (app.AuditFilter, error) {
	f := app.AuditFilter{ActorID: s.people[s.Person.Selected], Entity: strings.TrimSpace(s.RecordType.Text)}
	if s.Action.SelectedIndex() > 0 {
		f.Action = s.Action.Selected
	}
	if id := strings.TrimSpace(s.RecordID.Text); id != "" {
		// A number, or a referral's reference such as PMH-000155.
		n, ok := models.ParseReferralReference(id)
		if !ok {
			return f, fmt.Errorf("Number: enter the record's number in digits (or a referral's reference, such as PMH-000155), or leave it empty")
		}
		f.EntityID = n
	}
	var err error
	if f.From, err = londonMidnight("From", s.From.Text, 0); err != nil {
		return f, err
	}
	if f.To, err = londonMidnight("To", s.To.Text, 1); err != nil { // To is inclusive
		return f, err
	}
	return f, nil
}

// Reload runs the query the filters describe.
func (s *auditScreen) Reload() {
	if s.List == nil || s.Person.Selected == "" || s.Action.Selected == "" {
		return // still being built
	}
	f, err := s.Filter()
	if err != nil {
		showMessage(s.Count, sentence(err), true)
		return
	}
	s.rows.Query(
		func() (int64, error) { return s.audit.Count(s.actor, f) },
		func(offset, limit int) ([]models.AuditEvent, error) { return s.audit.Page(s.actor, f, offset, limit) },
		listShown(s.Count, s.List, nil, "event", "events"))
}

// fillAuditRow shows ev in a row of auditTable.
func fillAuditRow(o fyne.CanvasObject, ev models.AuditEvent) {
	who := ev.ActorName
	if who == "" {
		who = "Nobody signed in"
	}
	widgets.SetRowText(o, ukDateTime(ev.At), who, ev.Action, recordName(ev), ev.Detail)
}

// choose shows the chosen event's before and after.
func (s *auditScreen) choose(id widget.ListItemID) {
	ev, ok := s.rows.Row(id)
	if !ok {
		return
	}
	s.selected = &ev
	s.Event.SetText(fmt.Sprintf("%s: %s by %s, %s\n\nBefore:\n%s\n\nAfter:\n%s",
		ukDateTime(ev.At), ev.Action, ev.ActorName, recordName(ev), prettyJSON(ev.Before), prettyJSON(ev.After)))
	if ev.Entity != "" && ev.EntityID != 0 {
		s.History.Enable()
	} else {
		s.History.Disable()
	}
}

// showHistory filters the list to the selected event's record.
func (s *auditScreen) showHistory() {
	if s.selected == nil {
		return
	}
	s.Person.SetSelectedIndex(0)
	s.Action.SetSelectedIndex(0)
	s.From.SetText("")
	s.To.SetText("")
	s.RecordType.SetText(s.selected.Entity)
	id := strconv.FormatUint(uint64(s.selected.EntityID), 10)
	if s.selected.Entity == "referral" {
		id = models.ReferralReference(s.selected.EntityID)
	}
	s.RecordID.SetText(id)
	s.Reload()
}

// recordName names the record an event is about, such as "letter 12", or
// a referral by its reference, "referral PMH-000155".
func recordName(ev models.AuditEvent) string {
	switch {
	case ev.EntityID == 0:
		return ev.Entity
	case ev.Entity == "referral":
		return "referral " + models.ReferralReference(ev.EntityID)
	}
	return fmt.Sprintf("%s %d", ev.Entity, ev.EntityID)
}

// prettyJSON indents a stored JSON snapshot, or says there is none.
func prettyJSON(s string) string {
	if strings.TrimSpace(s) == "" {
		return "(nothing recorded)"
	}
	var b bytes.Buffer
	if json.Indent(&b, []byte(s), "", "  ") != nil {
		return s
	}
	return b.String()
}

// londonMidnight reads an optional UK date typed in field and returns the
// start of that day, plus addDays, in the UK; the zero time if it is empty.
func londonMidnight(field, text string, addDays int) (time.Time, error) {
	if strings.TrimSpace(text) == "" {
		return time.Time{}, nil
	}
	d, err := models.ParseUKDate(text)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s: enter a date as dd/mm/yyyy, for example 23/11/2026", field)
	}
	return models.StartOfLondonDay(d.AddDays(addDays)), nil
}

// entryWithHint returns an entry with placeholder text that runs submit on Enter.
func entryWithHint(hint string, submit func()) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder(hint)
	e.OnSubmitted = func(string) { submit() }
	return e
}

// export asks where to save the events the filters select and writes them
// as CSV off the UI goroutine. The export itself is audited by the service.
func (s *auditScreen) export() {
	f, err := s.Filter()
	if err != nil {
		showMessage(s.Count, sentence(err), true)
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		s.bg.Go(func() func() {
			n, err := s.ExportTo(f, w)
			return func() {
				if err != nil {
					showMessage(s.Count, sentence(err), true)
					return
				}
				showMessage(s.Count, fmt.Sprintf("Exported %d events to %s.", n, w.URI().Name()), false)
			}
		})
	}, s.win)
	d.SetFileName("audit-" + time.Now().Format("2006-01-02") + ".csv")
	d.Show()
}

// ExportTo writes the events matching f to w as CSV and closes w.
func (s *auditScreen) ExportTo(f app.AuditFilter, w io.WriteCloser) (int, error) {
	n, err := s.audit.ExportCSV(s.actor, f, w)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	return n, err
}
