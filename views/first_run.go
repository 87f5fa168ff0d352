package views

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

// firstRunScreen asks for the first team manager's account on a new,
// empty database. That person then adds everyone else from the Team screen
// or with `caseload users add`.
type firstRunScreen struct {
	Name     *widget.Entry
	Username *widget.Entry
	Password *widget.Entry
	Confirm  *widget.Entry
	Create   *widget.Button
	// Message says what to correct.
	Message *widget.Label

	staff      *app.StaffService
	auth       *app.AuthService
	onSignedIn func(*models.StaffMember)
	content    fyne.CanvasObject
}

// newFirstRunScreen builds the first-run screen. Once the account is made,
// the person is signed in with it and onSignedIn is called.
func newFirstRunScreen(staff *app.StaffService, auth *app.AuthService, serviceName string, onSignedIn func(*models.StaffMember)) *firstRunScreen {
	s := &firstRunScreen{staff: staff, auth: auth, onSignedIn: onSignedIn}
	s.Name = widget.NewEntry()
	s.Name.SetPlaceHolder("For example, Sarah Jones")
	s.Username = widget.NewEntry()
	s.Username.SetPlaceHolder("For example, sjones")
	s.Password = widget.NewPasswordEntry()
	s.Password.SetPlaceHolder("At least 10 characters")
	s.Confirm = widget.NewPasswordEntry()
	s.Confirm.OnSubmitted = func(string) { s.Submit() }
	s.Create = widget.NewButton("Create account and sign in", s.Submit)
	s.Create.Importance = widget.HighImportance
	s.Message = messageLabel("")
	form := widget.NewForm(
		widget.NewFormItem("Your name", s.Name),
		widget.NewFormItem("Username", s.Username),
		widget.NewFormItem("Password", s.Password),
		widget.NewFormItem("Password again", s.Confirm),
	)
	prompt := "This database has no accounts yet. Create the first one, for the team manager, who can then add the rest of the team."
	s.content = authCard(serviceName, prompt, s.Message, form, s.Create)
	return s
}

// Content returns the screen's widget tree.
func (s *firstRunScreen) Content() fyne.CanvasObject { return s.content }

// FirstField returns the field to focus when the screen is shown.
func (s *firstRunScreen) FirstField() fyne.Focusable { return s.Name }

// Submit creates the team manager's account and signs in with it, or says
// what to correct.
func (s *firstRunScreen) Submit() {
	if err := passwordsMatch(s.Password.Text, s.Confirm.Text); err != nil {
		showMessage(s.Message, sentence(err), true)
		s.Password.SetText("")
		s.Confirm.SetText("")
		return
	}
	m := &models.StaffMember{Name: strings.TrimSpace(s.Name.Text), Username: s.Username.Text, JobTitle: models.RoleManager.Label()}
	m.SetRoles(models.RoleManager)
	if err := s.staff.Add(nil, m, s.Password.Text); err != nil {
		showMessage(s.Message, sentence(err), true)
		return
	}
	who, err := s.auth.SignIn(m.Username, s.Password.Text)
	s.Password.SetText("")
	s.Confirm.SetText("")
	if err != nil || who == nil {
		showMessage(s.Message, "The account was created, but signing in failed: "+sentence(err), true)
		return
	}
	s.onSignedIn(who)
}
