package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// Screen is one page of the main window, chosen from the navigation. Each
// screen is a small struct holding its widgets, built by a constructor that
// takes the Session, through which it reaches the services it needs (the
// Fyne calculator pattern). The panels and dialogs opened from a screen
// take the Session the same way.
type Screen interface {
	// Content returns the screen's widget tree. The shell asks once and
	// keeps it, so what the person typed survives switching screens and
	// the idle lock.
	Content() fyne.CanvasObject
}

// Searcher is a Screen with a search box, which Ctrl+F focuses.
type Searcher interface {
	SearchEntry() fyne.Focusable
}

// Session is one person's use of the program after signing in. Screens act
// through Services as Actor; every service checks Actor's permissions
// itself, so a screen never has to.
type Session struct {
	Actor      *models.StaffMember
	Services   *app.Services
	Window     fyne.Window
	Background *widgets.Background
	// OpenReferral, set by the shell, opens a referral on the Referrals
	// screen, for screens whose rows each name one.
	OpenReferral func(id uint)
}

// ScreenDef registers a screen in the navigation. To add a screen, write
// its constructor in its own file and replace its entry in screenDefs (or
// add one): the shell builds it the first time it is opened.
type ScreenDef struct {
	ID    string
	Title string
	Icon  fyne.Resource
	// Needs, if set, is the permission a person must hold to see the
	// screen in the navigation. The services check it again regardless.
	Needs models.Permission
	Build func(s *Session) Screen
}

// Screen IDs, for Shell.Show.
const (
	ScreenDashboard    = "dashboard"
	ScreenReferrals    = "referrals"
	ScreenCaseload     = "caseload"
	ScreenAppointments = "appointments"
	ScreenLetters      = "letters"
	ScreenTeam         = "team"
	ScreenSettings     = "settings"
	ScreenAudit        = "audit"
)

// screenDefs lists the screens in navigation order; Ctrl+1 opens the
// first, Ctrl+2 the second, and so on.
func screenDefs() []ScreenDef {
	return []ScreenDef{
		{ID: ScreenDashboard, Title: "Dashboard", Icon: theme.HomeIcon(), Build: func(s *Session) Screen { return NewDashboardScreen(s) }},
		{ID: ScreenReferrals, Title: "Referrals", Icon: theme.ListIcon(), Build: func(s *Session) Screen {
			screen := NewReferralsScreen(s)
			screen.DetailActions = referralActions(s)
			screen.OpenOnly.SetChecked(true) // the working list; closed referrals are one click away
			return screen
		}},
		{ID: ScreenCaseload, Title: "Caseload", Icon: theme.AccountIcon(), Build: func(s *Session) Screen { return NewCaseloadScreen(s) }},
		{ID: ScreenAppointments, Title: "Appointments", Icon: theme.HistoryIcon(), Build: func(s *Session) Screen { return NewAppointmentsScreen(s) }},
		{ID: ScreenLetters, Title: "Letters", Icon: theme.MailComposeIcon(), Build: func(s *Session) Screen { return NewLettersScreen(s) }},
		{ID: ScreenTeam, Title: "Team", Icon: theme.GridIcon(), Build: func(s *Session) Screen { return NewTeamScreen(s) }},
		{ID: ScreenSettings, Title: "Settings", Icon: theme.SettingsIcon(), Build: func(s *Session) Screen { return NewSettingsScreen(s) }},
		{ID: ScreenAudit, Title: "Audit", Icon: theme.VisibilityIcon(), Needs: models.PermViewAudit, Build: func(s *Session) Screen { return NewAuditScreen(s) }},
	}
}
