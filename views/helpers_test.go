package views

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"perinatal-caseload/app"
	"perinatal-caseload/app/apptest"
	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// testPassword is the password of every account the tests make.
const testPassword = apptest.Password

// testEnv is a real SQLite database in a temporary folder, the services
// over it with a clock the test moves, and a Fyne test app.
type testEnv struct {
	t     testing.TB
	app   fyne.App
	setup *apptest.Env
	// Short names for the setup's services, clock and system user.
	svc    *app.Services
	clock  *app.ManualClock
	system *models.StaffMember
}

// newTestEnv makes the environment with that many demo referrals.
func newTestEnv(t testing.TB, referrals int) *testEnv {
	t.Helper()
	return newTestEnvAt(t, filepath.Join(t.TempDir(), "caseload.db"), referrals)
}

// newTestEnvAt opens (or makes) the database at path and adds that many
// demo referrals.
func newTestEnvAt(t testing.TB, path string, referrals int) *testEnv {
	t.Helper()
	e := &testEnv{t: t, app: test.NewTempApp(t)}
	e.setup = apptest.Open(t, path)
	e.svc, e.clock, e.system = e.setup.Services, e.setup.Clock, e.setup.System
	if referrals > 0 {
		e.setup.AddDemo(referrals)
	}
	return e
}

// newBenchEnv opens the database named by CASELOAD_BENCH_DB for a
// benchmark, or else makes a new one with 2,000 demo referrals.
func newBenchEnv(b *testing.B) *testEnv {
	b.Helper()
	if path := os.Getenv("CASELOAD_BENCH_DB"); path != "" {
		return newTestEnvAt(b, path, 0)
	}
	return newTestEnv(b, 2000)
}

// addStaff adds an account with testPassword and the given roles.
func (e *testEnv) addStaff(username string, roles ...models.Role) *models.StaffMember {
	e.t.Helper()
	return e.setup.AddStaff(username, roles...)
}

// mainWindow opens the main window with work done inline, at the default size.
func (e *testEnv) mainWindow() *MainWindow {
	m := NewMainWindow(e.app, e.svc, Options{background: &widgets.Background{Inline: true}, DatabaseLabel: "test database"})
	m.window.Resize(widgets.DefaultWindowSize)
	e.t.Cleanup(m.window.Close)
	return m
}

// newSignedInWindow makes a test environment with that many demo
// referrals and one account, username with role, and signs it in on the
// main window.
func newSignedInWindow(t testing.TB, referrals int, username string, role models.Role) (*testEnv, *MainWindow) {
	t.Helper()
	e := newTestEnv(t, referrals)
	e.addStaff(username, role)
	m := e.mainWindow()
	e.signIn(m, username, testPassword)
	return e, m
}

// signIn types a username and password into the sign-in screen and presses Sign in.
func (e *testEnv) signIn(m *MainWindow, username, password string) {
	e.t.Helper()
	s := m.signIn
	if s == nil {
		e.t.Fatal("the sign-in screen is not on show")
	}
	s.Username.SetText("")
	test.Type(s.Username, username)
	test.Type(s.Password, password)
	test.Tap(s.SignIn)
}

// showInWindow puts content in a test window at the default size.
func (e *testEnv) showInWindow(content fyne.CanvasObject) fyne.Window {
	w := test.NewWindow(content)
	w.Resize(widgets.DefaultWindowSize)
	e.t.Cleanup(w.Close)
	return w
}

// referralsScreen builds the Referrals screen for actor, on show in a window.
func (e *testEnv) referralsScreen(actor *models.StaffMember) (*referralsScreen, fyne.Window) {
	s := newReferralsScreen(e.sessionIn(actor, nil), false)
	return s, e.showInWindow(s.Content())
}

// patientIdentifiers returns every patient's family name and NHS number
// (as shown, 3-3-4), read directly through the services.
func (e *testEnv) patientIdentifiers() []string {
	e.t.Helper()
	rows, err := e.svc.Referrals.Page(e.system, app.ReferralFilter{}, 0, 100000)
	if err != nil {
		e.t.Fatal(err)
	}
	var out []string
	for _, r := range rows {
		out = append(out, r.PatientName(), r.NHSNumberText())
	}
	return out
}

// assertNoPatientData fails if any patient's name or NHS number is in
// the text drawn on the window (dialogs included).
func (e *testEnv) assertNoPatientData(w fyne.Window) {
	e.t.Helper()
	drawn := test.RenderToMarkup(w.Canvas())
	for _, id := range e.patientIdentifiers() {
		if id != "" && strings.Contains(drawn, id) {
			e.t.Fatalf("patient data %q is on screen before sign-in", id)
		}
	}
}

// drawn reports whether text is drawn on the window.
func drawn(w fyne.Window, text string) bool {
	return strings.Contains(test.RenderToMarkup(w.Canvas()), text)
}
