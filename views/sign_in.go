package views

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/assets"
	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// signInScreen asks for a username and password. It is all the window shows
// until someone signs in: it reads no patient data.
type signInScreen struct {
	Username *widget.Entry
	Password *widget.Entry
	SignIn   *widget.Button
	// Message shows why signing in failed, or a notice such as "locked".
	Message *widget.Label

	// Busy shows while the password is checked, off the UI goroutine.
	Busy *widgets.Busy

	auth       *app.AuthService
	bg         *widgets.Background
	onSignedIn func(*models.StaffMember)
	content    fyne.CanvasObject
}

// newSignInScreen builds the sign-in screen. notice, if not empty, is shown
// above the form; username fills in the username (after a lock).
// onSignedIn is called with the person once the password is right. The
// check runs through bg, off the UI goroutine.
func newSignInScreen(auth *app.AuthService, bg *widgets.Background, serviceName, notice, username string, onSignedIn func(*models.StaffMember)) *signInScreen {
	s := &signInScreen{auth: auth, bg: bg, onSignedIn: onSignedIn, Busy: widgets.NewBusy()}
	s.Username = widget.NewEntry()
	s.Username.SetPlaceHolder("Username")
	s.Username.SetText(username)
	s.Password = widget.NewPasswordEntry()
	s.Password.SetPlaceHolder("Password")
	s.Username.OnSubmitted = func(string) { s.Submit() }
	s.Password.OnSubmitted = func(string) { s.Submit() }
	s.SignIn = widget.NewButton("Sign in", s.Submit)
	s.SignIn.Importance = widget.HighImportance
	s.Message = messageLabel(notice)
	form := widget.NewForm(
		widget.NewFormItem("Username", s.Username),
		widget.NewFormItem("Password", s.Password),
	)
	s.content = authCard(serviceName, "Sign in to continue.", s.Message, form, container.NewVBox(s.SignIn, s.Busy.Content()))
	return s
}

// Content returns the screen's widget tree.
func (s *signInScreen) Content() fyne.CanvasObject { return s.content }

// FirstField returns the field to focus when the screen is shown.
func (s *signInScreen) FirstField() fyne.Focusable {
	if s.Username.Text != "" {
		return s.Password
	}
	return s.Username
}

// Submit checks the username and password and, if they are right, calls
// onSignedIn. Otherwise it says why, and clears the password.
func (s *signInScreen) Submit() {
	username := strings.TrimSpace(s.Username.Text)
	switch {
	case username == "":
		showMessage(s.Message, "Enter your username.", true)
		return
	case s.Password.Text == "":
		showMessage(s.Message, "Enter your password.", true)
		return
	}
	password := s.Password.Text
	s.Password.SetText("")
	s.SignIn.Disable()
	showMessage(s.Message, "", false)
	s.Busy.Start("Signing in…")
	s.bg.Go(func() func() {
		who, err := s.auth.SignIn(username, password)
		return func() {
			s.Busy.Stop()
			s.SignIn.Enable()
			if err != nil || who == nil {
				if err == nil {
					err = app.ErrBadCredentials
				}
				showMessage(s.Message, sentence(err), true)
				return
			}
			s.onSignedIn(who)
		}
	})
}

// authCard lays out a sign-in or first-run form: the icon and name of the
// program, the service, a message line, the form and its button.
func authCard(serviceName, prompt string, message *widget.Label, form, button fyne.CanvasObject) fyne.CanvasObject {
	icon := canvas.NewImageFromResource(assets.Icon)
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSize(72, 72))
	title := widget.NewLabelWithStyle("Perinatal Caseload", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	service := widget.NewLabelWithStyle(serviceName, fyne.TextAlignCenter, fyne.TextStyle{})
	intro := widget.NewLabel(prompt)
	intro.Wrapping = fyne.TextWrapWord
	card := widgets.NewPanel(container.NewVBox(intro, widgets.ReserveLine(message), form, button))
	body := container.NewVBox(icon, title, service, card)
	return container.NewCenter(container.New(widgets.FixedWidth(440), body))
}

// messageLabel returns a wrapping label for inline messages, showing text.
func messageLabel(text string) *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	showMessage(l, text, false)
	return l
}

// showMessage puts text in a message label, in the danger colour if it is a
// problem, and hides the label when there is nothing to say.
func showMessage(l *widget.Label, text string, problem bool) {
	l.Importance = widget.MediumImportance
	if problem {
		l.Importance = widget.DangerImportance
	}
	l.SetText(text)
	if text == "" {
		l.Hide()
	} else {
		l.Show()
	}
}
