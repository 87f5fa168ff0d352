package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// screen is one page of the main window, chosen from the navigation. Each
// screen is a small struct holding its widgets, built by a constructor that
// takes the session, through which it reaches the services it needs (the
// Fyne calculator pattern). The panels and dialogs opened from a screen
// take the session the same way.
type screen interface {
	// Content returns the screen's widget tree. The shell asks once and
	// keeps it, so what the person typed survives switching screens and
	// the idle lock.
	Content() fyne.CanvasObject
}

// searcher is a screen with a search box, which Ctrl+F focuses.
type searcher interface {
	SearchEntry() fyne.Focusable
}

// session is one person's use of the program after signing in. Screens act
// through Services as Actor; every service checks Actor's permissions
// itself, so a screen never has to.
type session struct {
	Actor      *models.StaffMember
	Services   *app.Services
	Window     fyne.Window
	Background *widgets.Background
	// About is what the Settings screen says about the program.
	About About
	// OpenReferral, set by the shell, opens a referral on the Referrals
	// screen, for screens whose rows each name one.
	OpenReferral func(id uint)
	// SettingSaved, if set, is told the key of each setting saved in this
	// window, so that a setting the window itself uses (such as the idle
	// lock's minutes) takes effect at once.
	SettingSaved func(key string)
}

// screenDef registers a screen in the navigation. To add a screen, write
// its constructor in its own file and replace its entry in screenDefs (or
// add one): the shell builds it the first time it is opened.
type screenDef struct {
	ID    string
	Title string
	Icon  fyne.Resource
	// Needs, if set, is the permission a person must hold to see the
	// screen in the navigation. The services check it again regardless.
	Needs models.Permission
	Build func(s *session) screen
}

// Screen IDs, for shell.Show.
const (
	screenDashboard    = "dashboard"
	screenReferrals    = "referrals"
	screenCaseload     = "caseload"
	screenAppointments = "appointments"
	screenLetters      = "letters"
	screenTeam         = "team"
	screenDirectory    = "directory"
	screenSettings     = "settings"
	screenAudit        = "audit"
)

// screenDefs lists the screens in navigation order; Ctrl+1 opens the
// first, Ctrl+2 the second, and so on.
func screenDefs() []screenDef {
	return []screenDef{
		{ID: screenDashboard, Title: "Dashboard", Icon: theme.HomeIcon(), Build: func(s *session) screen { return newDashboardScreen(s) }},
		{ID: screenReferrals, Title: "Referrals", Icon: theme.ListIcon(), Build: func(s *session) screen {
			list := newReferralsScreen(s, true) // the working list; closed referrals are one click away
			list.DetailActions = referralActions(s)
			return list
		}},
		{ID: screenCaseload, Title: "Caseload", Icon: theme.AccountIcon(), Build: func(s *session) screen { return newCaseloadScreen(s) }},
		{ID: screenAppointments, Title: "Appointments", Icon: theme.HistoryIcon(), Build: func(s *session) screen { return newAppointmentsScreen(s) }},
		{ID: screenLetters, Title: "Letters", Icon: theme.MailComposeIcon(), Build: func(s *session) screen { return newLettersScreen(s) }},
		{ID: screenTeam, Title: "Team", Icon: theme.GridIcon(), Build: func(s *session) screen { return newTeamScreen(s) }},
		{ID: screenSettings, Title: "Settings", Icon: theme.SettingsIcon(), Build: func(s *session) screen { return newSettingsScreen(s) }},
		{ID: screenDirectory, Title: "Directory", Icon: theme.MailAttachmentIcon(), Build: func(s *session) screen { return newDirectoryScreen(s) }},
		{ID: screenAudit, Title: "Audit", Icon: theme.VisibilityIcon(), Needs: models.PermViewAudit, Build: func(s *session) screen { return newAuditScreen(s) }},
		{ID: "reports", Title: "Reports", Icon: theme.DocumentIcon(), Needs: models.PermViewReports, Build: func(s *session) screen { return newReportsScreen(s) }},
	}
}
