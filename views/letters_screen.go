package views

import (
	"fmt"
	"strings"

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

// anyKind is the kind filter's choice meaning "every kind".
const anyKind = "Any kind"

// registerPageSize is how many register rows are fetched at a time.
const registerPageSize = 100

// letterRegisterTable lays out the register's columns.
func letterRegisterTable() *widgets.Table {
	return widgets.NewTable([]widgets.Column{
		{Title: "Issued", Sample: "00/00/0000 00:00"}, {Title: "Kind", Weight: 1.5},
		{Title: "Recipient", Weight: 2}, {Title: "Author", Weight: 1},
		{Title: "Template", Sample: "v000"}, {Title: "Referral", Sample: "PMH-000000"},
	})
}

// lettersScreen is the Letters screen. Its Register tab lists and searches
// every letter issued, a page at a time, opens one in the system's PDF
// viewer, saves a copy, and prints the day's letters as one PDF. Its Due tab
// lists the outcome letters owed under the two-week clock, and its Templates
// tab edits the letter templates. Permissions are the services' to check.
type lettersScreen struct {
	Tabs *container.AppTabs

	// Register filters: the start of the recipient's name, the kind, and
	// the UK day it was issued (dd/mm/yyyy).
	Recipient *widget.Entry
	Kind      *widget.Select
	Day       *widget.Entry
	Search    *widget.Button
	// Count says how many letters match, or what is wrong with the filter.
	Count *widget.Label
	List  *widget.List
	// Open, SaveCopy and PrintToday act on the selected letter, or on all
	// of today's.
	Open       *widget.Button
	SaveCopy   *widget.Button
	PrintToday *widget.Button
	// Message reports what Open, Save a copy and Print did.
	Message *widget.Label

	Due       *dueLetters
	Templates *letterTemplateEditor
	// Files opens and saves PDFs; tests replace its Opener.
	Files *widgets.LetterFiles

	svc      *app.Services
	actor    *models.StaffMember
	win      fyne.Window
	bg       *widgets.Background
	rows     *widgets.Pager[app.LetterRow]
	selected *app.LetterRow
	typing   *widgets.Debouncer // searches as the recipient's name is typed
	content  fyne.CanvasObject
	// printDialog offers the day's merged PDF; printOpen opens it.
	printDialog *dialog.CustomDialog
	printOpen   *widget.Button
}

// newLettersScreen builds the Letters screen for the session's actor and
// shows the newest letters.
func newLettersScreen(ses *session) *lettersScreen {
	bg := ses.Background
	s := &lettersScreen{svc: ses.Services, actor: ses.Actor, win: ses.Window, bg: bg, Files: widgets.NewLetterFiles(ses.Window)}

	s.Recipient = entryWithHint("Recipient's name starts with…", s.Reload)
	s.typing = widgets.NewDebouncer(bg)
	s.Recipient.OnChanged = func(string) { s.typing.Trigger(s.Reload) }
	s.Kind = widget.NewSelect(append([]string{anyKind}, letterKindLabels()...), func(string) { s.Reload() })
	s.Day = entryWithHint("Issued on dd/mm/yyyy", s.Reload)
	s.Search = widget.NewButtonWithIcon("Search", theme.SearchIcon(), s.Reload)
	s.Count = messageLabel("")
	s.Message = messageLabel("")
	s.Open = widget.NewButtonWithIcon("Open", theme.FileIcon(), s.OpenSelected)
	s.SaveCopy = widget.NewButtonWithIcon("Save a copy…", theme.DocumentSaveIcon(), s.SaveSelected)
	s.PrintToday = widget.NewButtonWithIcon("Print today's letters", theme.DocumentPrintIcon(), s.PrintTodaysLetters)
	s.Open.Disable()
	s.SaveCopy.Disable()

	cols := letterRegisterTable()
	s.rows, s.List = widgets.NewPagedList(bg, registerPageSize, cols.Row, fillLetterRow, nil, reportIn(s.Count))
	s.List.OnSelected = s.choose
	s.List.OnUnselected = func(widget.ListItemID) { s.choose(-1) }

	filters := container.NewBorder(nil, nil, nil, s.Search, container.New(widgets.WeightedRow{2, 1.6, 1.2}, s.Recipient, s.Kind, s.Day))
	top := container.NewVBox(filters, s.Count, cols.Header(), widget.NewSeparator())
	actions := container.NewVBox(widget.NewSeparator(),
		container.NewHBox(s.Open, s.SaveCopy, layout.NewSpacer(), s.PrintToday), s.Message)
	register := container.NewBorder(top, actions, nil, nil, s.List)

	s.Templates = newLetterTemplateEditor(ses, s.Files)
	s.Due = newDueLetters(ses, s.Reload)
	s.Tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Register", theme.ListIcon(), register),
		container.NewTabItemWithIcon("Due", theme.HistoryIcon(), s.Due.Content()),
		container.NewTabItemWithIcon("Templates", theme.DocumentCreateIcon(), s.Templates.Content()),
	)
	s.content = container.NewPadded(s.Tabs)
	s.Kind.SetSelectedIndex(0) // runs the first search
	return s
}

// Content returns the screen's widget tree.
func (s *lettersScreen) Content() fyne.CanvasObject { return s.content }

// SearchEntry is the recipient search, which Ctrl+F focuses.
func (s *lettersScreen) SearchEntry() fyne.Focusable { return s.Recipient }

// Cleanup removes the letters written to the temporary folder for viewing.
// The shell calls it on signing out.
func (s *lettersScreen) Cleanup() { s.Files.Cleanup() }

// Filter returns the filter the widgets describe, or an error naming the
// field at fault.
func (s *lettersScreen) Filter() (app.LetterFilter, error) {
	f := app.LetterFilter{Recipient: strings.TrimSpace(s.Recipient.Text)}
	if i := s.Kind.SelectedIndex(); i > 0 {
		f.Kind = models.LetterKinds[i-1]
	}
	if day := strings.TrimSpace(s.Day.Text); day != "" {
		d, err := models.ParseUKDate(day)
		if err != nil {
			return f, fmt.Errorf("issued on: enter a date as dd/mm/yyyy, for example 23/11/2026, or leave it empty")
		}
		f.Day = models.StartOfLondonDay(d)
	}
	return f, nil
}

// Reload runs the search the filters describe.
func (s *lettersScreen) Reload() {
	if s.List == nil || s.Kind.Selected == "" {
		return // still being built
	}
	f, err := s.Filter()
	if err != nil {
		showMessage(s.Count, sentence(err), true)
		return
	}
	s.rows.Query(
		func() (int64, error) { return s.svc.Letters.RegisterCount(s.actor, f) },
		func(offset, limit int) ([]app.LetterRow, error) {
			return s.svc.Letters.Register(s.actor, f, offset, limit)
		},
		func(total int, err error) {
			if err != nil {
				showMessage(s.Count, sentence(err), true)
			} else {
				showMessage(s.Count, countText(int64(total), "letter", "letters")+" in the register", false)
			}
			s.choose(-1)
			widgets.ShowFromTop(s.List)
		})
}

// fillLetterRow shows r in a row of letterRegisterTable.
func fillLetterRow(o fyne.CanvasObject, r app.LetterRow) {
	widgets.SetRowText(o, ukDateTime(r.IssuedAt), r.Kind.Label(), recipientText(r), r.AuthorName,
		fmt.Sprintf("v%d", r.TemplateVersion), r.Reference())
}

// choose makes row id the letter the buttons act on; -1 chooses none.
func (s *lettersScreen) choose(id widget.ListItemID) {
	s.selected = nil
	if id >= 0 {
		if r, ok := s.rows.Row(id); ok {
			s.selected = &r
		}
	}
	for _, b := range []*widget.Button{s.Open, s.SaveCopy} {
		if s.selected != nil {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

// OpenSelected opens the selected letter, as it was issued, in the
// system's PDF viewer.
func (s *lettersScreen) OpenSelected() {
	row := s.selected
	if row == nil {
		return
	}
	s.bg.Go(func() func() {
		pdf, err := s.svc.Letters.PDF(s.actor, row.ID)
		if err != nil {
			return func() { showMessage(s.Message, sentence(err), true) }
		}
		err = s.Files.Show(letterFileName(row), pdf)
		return func() {
			if err != nil {
				showMessage(s.Message, sentence(err), true)
				s.Files.OfferSave(letterFileName(row), pdf, sentence(err), s.saved)
				return
			}
			showMessage(s.Message, "The letter is open in your PDF viewer. It is the document as issued.", false)
		}
	})
}

// SaveSelected asks where to save a copy of the selected letter.
func (s *lettersScreen) SaveSelected() {
	row := s.selected
	if row == nil {
		return
	}
	s.bg.Go(func() func() {
		pdf, err := s.svc.Letters.PDF(s.actor, row.ID)
		return func() {
			if err != nil {
				showMessage(s.Message, sentence(err), true)
				return
			}
			s.Files.SaveAs(letterFileName(row), pdf, s.saved)
		}
	})
}

// saved reports the outcome of a save.
func (s *lettersScreen) saved(name string, err error) {
	if err != nil {
		showMessage(s.Message, sentence(err), true)
		return
	}
	showMessage(s.Message, "Saved a copy as "+name+".", false)
}

// recipientText names a letter's recipient and their role, and says when
// the letter is in her language or was held rather than posted.
func recipientText(r app.LetterRow) string {
	text := r.RecipientName
	switch r.RecipientRole {
	case "":
	case "patient":
		text += " (the woman)"
	default:
		text += " (" + r.RecipientRole + ")"
	}
	if r.Language != "" {
		text += ", in " + models.LanguageName(r.Language)
	}
	if r.HoldReason != "" {
		text += ": held, not posted"
	}
	return text
}

// letterFileName suggests a file name for a letter that does not name the
// patient, since file names show in folders and recent-file lists.
func letterFileName(r *app.LetterRow) string {
	return fmt.Sprintf("letter-%d-%s-%s.pdf", r.ID, r.Reference(), r.IssuedAt.In(models.London).Format("2006-01-02"))
}

// letterKindLabels lists the kinds of letter in words, in models.LetterKinds order.
func letterKindLabels() []string {
	out := make([]string, len(models.LetterKinds))
	for i, k := range models.LetterKinds {
		out[i] = k.Label()
	}
	return out
}
