package views

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// settingsScreen lists the service settings, each with its own Save.
// Anyone may read them; the settings service refuses changes from anyone
// without the Administrator role, and the refusal is shown by the row.
type settingsScreen struct {
	Rows []*settingRow
	// Logo is the letterhead logo's chooser.
	Logo *logoRow
	// Message says who may change settings, or why they could not be read.
	Message *widget.Label
	// About names the version and opens the clinical safety case.
	About *aboutRow
	// Backup says when the last automatic backup ran and how it went.
	Backup *widget.Label

	settings *app.SettingsService
	actor    *models.StaffMember
	win      fyne.Window
	saved    func(key string) // the session's SettingSaved
	content  fyne.CanvasObject
}

// settingRow is one setting: its value to edit, Save, and the outcome.
type settingRow struct {
	Setting app.SettingView
	Entry   *widgets.NamedEntry
	Save    *widget.Button
	Status  *widget.Label
}

// newSettingsScreen builds the screen from the settings as they stand.
func newSettingsScreen(ses *session) *settingsScreen {
	settings, actor := ses.Services.Settings, ses.Actor
	s := &settingsScreen{settings: settings, actor: actor, win: ses.Window, saved: ses.SettingSaved, About: newAboutRow(ses.About, ses.Window)}
	s.Message = messageLabel("")
	if !models.Allows(actor.RoleSet(), models.PermEditSettings) {
		showMessage(s.Message, "You can read these settings. Changing them needs the Administrator role.", false)
	}
	list := container.NewVBox()
	views, err := settings.All()
	if err != nil {
		showMessage(s.Message, "The settings could not be read. "+sentence(err), true)
	}
	for _, v := range views {
		label := widget.NewLabelWithStyle(v.Label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		key := widget.NewLabel(v.Key)
		key.Importance = widget.LowImportance
		var edit fyne.CanvasObject
		if v.Image {
			s.Logo = s.newLogoRow(v)
			edit = s.Logo.content
		} else {
			row := s.newRow(v)
			s.Rows = append(s.Rows, row)
			edit = container.NewVBox(container.NewBorder(nil, nil, nil, row.Save, row.Entry), row.Status)
		}
		list.Add(container.NewVBox(container.NewHBox(label, key), edit, widget.NewSeparator()))
	}
	title := widget.NewLabelWithStyle("Settings", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	s.Backup = widget.NewLabel(ses.Services.BackupStatus().Text())
	s.Backup.Wrapping = fyne.TextWrapWord
	s.content = container.NewPadded(container.NewBorder(container.NewVBox(container.NewBorder(nil, nil, title, s.About.content), s.Message, s.Backup), nil, nil, nil,
		container.NewVScroll(container.New(widgets.FixedWidth(760), list))))
	return s
}

// Content returns the screen's widget tree.
func (s *settingsScreen) Content() fyne.CanvasObject { return s.content }

// Row returns the row for a setting key, or nil.
func (s *settingsScreen) Row(key string) *settingRow {
	for _, r := range s.Rows {
		if r.Setting.Key == key {
			return r
		}
	}
	return nil
}

func (s *settingsScreen) newRow(v app.SettingView) *settingRow {
	r := &settingRow{Setting: v, Status: messageLabel("")}
	multiLine := v.Key == app.SetServiceAddress || v.Key == app.SetBases
	r.Entry = widgets.NewNamedEntry(v.Label, multiLine)
	if multiLine {
		r.Entry.SetMinRowsVisible(3)
	}
	r.Entry.SetText(v.Value)
	r.Entry.OnChanged = func(string) { showMessage(r.Status, "", false) }
	r.Save = widget.NewButton("Save", func() { s.save(r) })
	r.showProblem()
	return r
}

// showProblem says what is missing from the setting as it stands, such as
// the postcode of the return address letters print.
func (r *settingRow) showProblem() {
	if r.Setting.Problem != "" {
		showMessage(r.Status, sentence(errors.New(r.Setting.Problem)), true)
	}
}

// view reads one setting again, with its current version.
func (s *settingsScreen) view(key string) (app.SettingView, bool) {
	all, err := s.settings.All()
	if err != nil {
		return app.SettingView{}, false
	}
	for _, v := range all {
		if v.Key == key {
			return v, true
		}
	}
	return app.SettingView{}, false
}

// save stores a row's value and shows the outcome beside it.
func (s *settingsScreen) save(r *settingRow) {
	err := s.settings.Set(s.actor, r.Setting.Key, r.Entry.Text, r.Setting.Version)
	var conflict *app.ConflictError
	if err != nil && !errors.As(err, &conflict) {
		showMessage(r.Status, sentence(err), true)
		return
	}
	s.reload(r) // after a conflict, this shows the other person's value
	if err != nil {
		showMessage(r.Status, sentence(err), true)
		return
	}
	if s.saved != nil {
		s.saved(r.Setting.Key)
	}
	showMessage(r.Status, "Saved.", false)
	r.Status.Importance = widget.SuccessImportance
	r.Status.Refresh()
}

// reload reads a row's setting again, with its new version.
func (s *settingsScreen) reload(r *settingRow) {
	if v, ok := s.view(r.Setting.Key); ok {
		r.Setting = v
		r.Entry.SetText(v.Value)
	}
}
