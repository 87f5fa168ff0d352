package views

import (
	"errors"
	"fmt"
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

// letterTemplateEditor is the Letters screen's Templates tab, where an
// administrator edits the body of each kind of letter. Fields from the list
// are inserted at the cursor; the preview beside the text fills the
// template with sample data (never a patient's) as it is typed; "Preview
// PDF" opens the sample letter as it would print. Save (Ctrl+S) is refused
// by the service, with the reason, for a template that does not parse or
// uses an unknown field, and for anyone without the Administrator role.
//
// Language chooses English or a language a woman may read: a kind of letter
// can have a template in her language, which her letters then use, with the
// English letter beside it. A language without one opens on the English
// text, to translate.
type letterTemplateEditor struct {
	// Kind chooses the template; Language its language (English first).
	Kind     *widget.Select
	Language *widget.Select
	// Body is the template text.
	Body *widgets.FormEntry
	// Fields lists the fields that can be used; choosing one inserts it.
	Fields *widget.List
	// Preview shows the sample letter as text; PreviewProblem says why the
	// preview cannot be filled in.
	Preview        *widget.RichText
	PreviewProblem *widget.Label
	PreviewPDF     *widget.Button
	Save           *widget.Button
	// Revert puts back the saved text.
	Revert *widget.Button
	// Version says which version of the template is saved.
	Version *widget.Label
	// Message says whether Save worked, or why not.
	Message *widget.Label
	// Standing says whether the English template is the standard text, and
	// offers to compare it with the standard text and reset or keep it.
	Standing *templateStanding

	svc     *app.Services
	actor   *models.StaffMember
	win     fyne.Window
	bg      *widgets.Background
	files   *widgets.LetterFiles
	fields  []fieldHelp
	current models.LetterTemplate
	typing  *widgets.Debouncer
	content fyne.CanvasObject
}

// fieldHelp is one row of the field list.
type fieldHelp struct{ Name, Help, Example string }

// newLetterTemplateEditor builds the editor and opens the first kind of
// letter. files opens the sample PDF.
func newLetterTemplateEditor(s *session, files *widgets.LetterFiles) *letterTemplateEditor {
	actor := s.Actor
	e := &letterTemplateEditor{svc: s.Services, actor: actor, win: s.Window, bg: s.Background, files: files, typing: widgets.NewDebouncer(s.Background)}
	for _, f := range app.TemplateFields() {
		e.fields = append(e.fields, fieldHelp{f.Name, f.Help, f.Example})
	}
	e.Kind = widget.NewSelect(letterKindLabels(), e.kindChosen)
	languages := []string{"English"}
	for _, l := range models.Languages {
		languages = append(languages, l.Name)
	}
	e.Language = widget.NewSelect(languages, func(string) { e.kindChosen(e.Kind.Selected) })
	e.Body = widgets.NewFormTextArea(e.SaveTemplate, 18)
	e.Body.TextStyle.Monospace = true
	e.Body.OnChanged = func(string) {
		showMessage(e.Message, "", false)
		e.typing.Trigger(e.RefreshPreview)
	}
	e.Preview = widget.NewRichText()
	e.Preview.Wrapping = fyne.TextWrapWord
	e.PreviewProblem = messageLabel("")
	e.PreviewPDF = widget.NewButtonWithIcon("Preview PDF", theme.FileIcon(), e.OpenPreviewPDF)
	e.Save = widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), e.SaveTemplate)
	e.Save.Importance = widget.HighImportance
	e.Revert = widget.NewButtonWithIcon("Discard changes", theme.ContentUndoIcon(), func() { e.load(e.current.Kind, e.current.Language) })
	e.Version = widget.NewLabel("")
	e.Message = messageLabel("")
	e.Standing = newTemplateStanding(e)
	roleNote := messageLabel("")
	if !models.Allows(actor.RoleSet(), models.PermEditTemplates) {
		showMessage(roleNote, "You can read and preview the templates. Changing them needs the Administrator role.", false)
	}

	fields := fieldTable()
	e.Fields = widgets.NewList(func() int { return len(e.fields) }, fields.Row, e.fillFieldRow)
	e.Fields.OnSelected = func(id widget.ListItemID) {
		e.InsertField(e.fields[id].Name)
		e.Fields.UnselectAll()
	}

	head := container.NewVBox(roleNote, container.NewBorder(nil, nil, widget.NewLabel("Letter"), e.Version,
		container.New(widgets.WeightedRow{2, 1}, e.Kind, e.Language)), e.Standing.row)
	buttons := container.NewHBox(e.Save, e.Revert, e.PreviewPDF)
	editor := container.NewBorder(head, container.NewVBox(e.Message, buttons), nil, nil, e.Body)
	fieldHint := paragraph("Choose a field to put it where the cursor is. A field in {{if .Name}} … {{end}} may be empty; any other must have a value.")
	fieldHint.Importance = widget.LowImportance
	fieldPane := container.NewBorder(container.NewVBox(subheading("Fields"), fieldHint, fields.Header()), nil, nil, nil, e.Fields)
	previewPane := container.NewBorder(container.NewVBox(subheading("Preview with sample details"), e.PreviewProblem), nil, nil, nil,
		container.NewVScroll(e.Preview))
	right := container.NewVSplit(previewPane, fieldPane)
	right.Offset = 0.6
	split := container.NewHSplit(editor, right)
	split.Offset = 0.55
	e.content = split
	e.Language.SetSelectedIndex(0)
	e.Kind.SetSelectedIndex(0)
	return e
}

// Content returns the editor's widget tree.
func (e *letterTemplateEditor) Content() fyne.CanvasObject { return e.content }

// kindChosen opens the chosen kind's template in the chosen language,
// first asking whether to discard unsaved changes to the one open.
func (e *letterTemplateEditor) kindChosen(label string) {
	kind, lang := kindByLabel(label), e.languageCode()
	if kind == "" || kind == e.current.Kind && lang == e.current.Language {
		return
	}
	if e.current.Kind == "" || e.Body.Text == e.current.Body {
		e.load(kind, lang)
		return
	}
	from, fromLang := e.current.Kind, e.current.Language
	dialog.ShowConfirm("Discard changes?", fmt.Sprintf("Your changes to the %q template are not saved. Discard them and open %q?", from.Label(), label),
		func(discard bool) {
			if discard {
				e.load(kind, lang)
				return
			}
			e.Kind.SetSelected(from.Label()) // back to the one being edited
			e.Language.SetSelected(languageOrEnglish(fromLang))
		}, e.win)
}

// languageCode is the code of the language chosen, "" for English.
func (e *letterTemplateEditor) languageCode() string {
	for _, l := range models.Languages {
		if l.Name == e.Language.Selected {
			return l.Code
		}
	}
	return ""
}

// languageOrEnglish names the language of a template.
func languageOrEnglish(code string) string {
	if code == "" {
		return "English"
	}
	return models.LanguageName(code)
}

// template reads the saved template of kind in language lang ("" English).
func (e *letterTemplateEditor) template(kind models.LetterKind, lang string) (models.LetterTemplate, error) {
	if lang == "" {
		return e.svc.Letters.Template(kind)
	}
	return e.svc.Letters.LanguageTemplate(e.actor, kind, lang)
}

// load reads the saved template of kind in language lang into the editor.
func (e *letterTemplateEditor) load(kind models.LetterKind, lang string) {
	t, err := e.template(kind, lang)
	if err != nil {
		showMessage(e.Message, "The template could not be read. "+sentence(err), true)
		return
	}
	e.current = t
	e.Body.SetText(t.Body)
	e.showVersion()
	e.RefreshPreview()
}

func (e *letterTemplateEditor) showVersion() {
	e.Standing.show(e)
	e.Version.SetText(fmt.Sprintf("Version %d", e.current.Version))
	switch {
	case e.current.Version == 0 && e.current.Language != "":
		e.Version.SetText("None in " + models.LanguageName(e.current.Language) + " yet: translate the English text")
	case e.current.Version == 0:
		e.Version.SetText("Standard text, not yet saved")
	}
}

// InsertField types {{.name}} at the cursor, replacing any selection.
func (e *letterTemplateEditor) InsertField(name string) {
	for _, r := range "{{." + name + "}}" {
		e.Body.TypedRune(r)
	}
	if c := e.win.Canvas(); c != nil {
		c.Focus(e.Body)
	}
}

// RefreshPreview fills the text being edited with sample details.
func (e *letterTemplateEditor) RefreshPreview() {
	kind, body := e.current.Kind, e.Body.Text
	e.bg.Go(func() func() {
		l, err := e.svc.Letters.PreviewTemplate(e.actor, kind, body)
		return func() {
			if kind != e.current.Kind || body != e.Body.Text {
				return // the text has changed since; a newer preview follows
			}
			if err != nil {
				showMessage(e.PreviewProblem, "The preview cannot be filled in. "+sentence(err), true)
				return
			}
			showMessage(e.PreviewProblem, "", false)
			p := widgets.LetterPreview{To: append([]string{l.Recipient.Name}, l.Recipient.Address...), Date: l.Date.Long(),
				Re:   fmt.Sprintf("%s, born %s, NHS number %s", l.Patient.Name, l.Patient.DateOfBirth.UK(), models.FormatNHSNumber(l.Patient.NHSNumber)),
				Body: l.Body, Closing: l.Closing, Signature: nonEmpty(l.Author.Name, l.Author.Role, l.Service.Name)}
			for _, c := range l.CopyTo {
				p.CopyTo = append(p.CopyTo, strings.Join(nonEmpty(c.Name, c.Role, c.Organisation), ", "))
			}
			e.Preview.Segments = p.Segments()
			e.Preview.Refresh()
		}
	})
}

// OpenPreviewPDF opens the sample letter, as it would print, in the
// system's PDF viewer.
func (e *letterTemplateEditor) OpenPreviewPDF() {
	kind, body := e.current.Kind, e.Body.Text
	e.bg.Go(func() func() {
		pdf, err := e.svc.Letters.PreviewTemplatePDF(e.actor, kind, body)
		if err == nil {
			err = e.files.Show("sample-"+string(kind), pdf)
		}
		return func() {
			if err != nil {
				showMessage(e.PreviewProblem, "The sample PDF cannot be made. "+sentence(err), true)
			}
		}
	})
}

// SaveTemplate saves the text as the template's next version. A refusal is
// shown with the service's reason, and the text stays as typed.
func (e *letterTemplateEditor) SaveTemplate() {
	var err error
	if e.current.Language == "" {
		err = e.svc.Letters.SaveTemplate(e.actor, e.current.Kind, e.Body.Text, e.current.Version)
	} else {
		err = e.svc.Letters.SaveLanguageTemplate(e.actor, e.current.Kind, e.current.Language, e.Body.Text, e.current.Version)
	}
	var conflict *app.ConflictError
	switch {
	case errors.As(err, &conflict):
		showMessage(e.Message, sentence(err)+" Copy your text first if you want to keep it, then use Discard changes to load theirs.", true)
		return
	case err != nil:
		showMessage(e.Message, sentence(err), true)
		return
	}
	t, err := e.template(e.current.Kind, e.current.Language)
	if err != nil {
		showMessage(e.Message, "Saved, but the template could not be read again. "+sentence(err), true)
		return
	}
	e.current = t
	e.showVersion()
	showMessage(e.Message, fmt.Sprintf("Saved as version %d. Letters issued from now on use it; letters already issued keep the version they were issued with.", t.Version), false)
	e.Message.Importance = widget.SuccessImportance
	e.Message.Refresh()
}

// fieldTable lays out the field list's columns.
func fieldTable() *widgets.Table {
	return widgets.NewTable([]widgets.Column{{Title: "Field", Sample: "{{.ReviewClinician}}"}, {Title: "What it holds", Weight: 1}})
}

func (e *letterTemplateEditor) fillFieldRow(id widget.ListItemID, o fyne.CanvasObject) {
	f := e.fields[id]
	widgets.SetRowText(o, "{{."+f.Name+"}}", f.Help+" (e.g. "+f.Example+")")
}

// nonEmpty returns the strings that are not blank.
func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

// templateStanding is the row of the template editor that says how an
// English template stands against the program's standard text of its kind
// (see app.TemplateStanding): for a template the team edited, Compare shows
// the two side by side and Use standard text puts the standard text back;
// for one based on an older standard, Keep our wording records that the
// team compared them and keeps its own.
type templateStanding struct {
	Standing    *widget.Label
	Compare     *widget.Button
	UseStandard *widget.Button
	KeepOurs    *widget.Button

	standard string // today's standard text, for Compare
	row      *fyne.Container
}

func newTemplateStanding(e *letterTemplateEditor) *templateStanding {
	s := &templateStanding{Standing: messageLabel("")}
	s.Compare = widget.NewButtonWithIcon("Compare with the standard", theme.ViewRestoreIcon(), func() { s.showComparison(e) })
	s.UseStandard = widget.NewButtonWithIcon("Use the standard text", theme.ViewRefreshIcon(), func() {
		dialog.ShowConfirm("Use the standard text?", "Your team's wording of this template will be replaced by the standard text, as a new version. "+
			"Letters already issued keep the wording they were issued with.", func(ok bool) {
			if ok {
				e.changeStanding(e.svc.Letters.ResetTemplate, "The standard text is now the template")
			}
		}, e.win)
	})
	s.KeepOurs = widget.NewButtonWithIcon("Keep our wording", theme.ConfirmIcon(), func() {
		e.changeStanding(e.svc.Letters.KeepTemplate, "Your wording is kept")
	})
	s.row = container.NewVBox(s.Standing, container.NewHBox(s.Compare, s.UseStandard, s.KeepOurs))
	return s
}

// show reads how the open template stands and shows it, with the buttons
// that apply; a template in another language, or one not yet saved, has
// no standing.
func (s *templateStanding) show(e *letterTemplateEditor) {
	s.row.Hide()
	if e.current.Language != "" || e.current.Version == 0 {
		return
	}
	standing, standard, err := e.svc.Letters.TemplateStandingOf(e.actor, e.current.Kind)
	if err != nil {
		showMessage(e.Message, "Whether this template is the standard text could not be read. "+sentence(err), true)
		return
	}
	s.standard = standard
	showMessage(s.Standing, standing.Words(), standing == app.TemplateOlderStandard)
	for _, b := range []*widget.Button{s.Compare, s.UseStandard} {
		b.Hidden = standing == app.TemplateStandard
	}
	s.KeepOurs.Hidden = standing != app.TemplateOlderStandard
	s.row.Show()
	s.row.Refresh()
}

// showComparison shows the saved template beside today's standard text.
func (s *templateStanding) showComparison(e *letterTemplateEditor) {
	text := func(title, body string) fyne.CanvasObject {
		t := widget.NewMultiLineEntry()
		t.SetText(body)
		t.Wrapping = fyne.TextWrapWord
		t.TextStyle.Monospace = true
		t.Disable()
		return container.NewBorder(subheading(title), nil, nil, nil, t)
	}
	content := container.NewGridWithColumns(2, text("Your template (saved)", e.current.Body), text("Today's standard text", s.standard))
	d := dialog.NewCustom("Compare with the standard text: "+e.current.Kind.Label(), "Close", content, e.win)
	d.Resize(fyne.NewSize(1000, 640))
	d.Show()
}

// changeStanding resets or keeps the open template with change, then
// reloads it and says what was done.
func (e *letterTemplateEditor) changeStanding(change func(*models.StaffMember, models.LetterKind, int) error, done string) {
	if err := change(e.actor, e.current.Kind, e.current.Version); err != nil {
		showMessage(e.Message, sentence(err), true)
		return
	}
	e.load(e.current.Kind, "")
	showMessage(e.Message, fmt.Sprintf("%s, as version %d.", done, e.current.Version), false)
}
