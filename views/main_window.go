package views

import (
	"fmt"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/layout"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// Options configure the main window.
type Options struct {
	// DatabaseLabel names the database in the status bar.
	DatabaseLabel string
	// About is the version and clinical safety documents the Settings
	// screen shows.
	About About
	// ScreenArea, if set, returns the usable area of the screen in
	// pixels once the application has started; the window is fitted to
	// it and centred.
	ScreenArea func() (width, height int, ok bool)
	// Changes, if set, tells the window of changes made elsewhere, so that
	// the lists on show are read again and an open referral says who
	// changed it (see followChanges).
	Changes *app.ChangeFeed

	// background runs queries off the UI goroutine; nil means
	// widgets.NewBackground(). Tests set one that works inline.
	background *widgets.Background
	// tickEvery is how often ShowAndRun's ticker checks the idle lock; 0 means
	// every 5 seconds.
	tickEvery time.Duration
}

// MainWindow is the application window. It shows the sign-in screen (or,
// on an empty database, the first-run screen) until someone signs in, and
// builds the shell only then, so no patient data is read before sign-in.
// After a spell without input the idle lock hides the shell behind the
// sign-in screen: the same person signing in gets it back as they left it;
// anyone else gets a new shell.
type MainWindow struct {
	app    fyne.App
	window fyne.Window

	svc   *app.Services
	opts  Options
	layer *widgets.ActivityLayer
	idle  *idleLock
	prefs fyne.Preferences

	shell    *shell // the signed-in (or locked-out) person's screens
	locked   bool
	stash    []fyne.CanvasObject // dialogs hidden by the lock
	focus    fyne.Focusable      // what had the keyboard when the lock engaged
	signIn   *signInScreen
	firstRun *firstRunScreen
	stop     chan struct{}
}

// NewMainWindow creates the window titled "Perinatal Caseload" at its
// remembered size, on the sign-in or first-run screen.
func NewMainWindow(a fyne.App, svc *app.Services, opts Options) *MainWindow {
	if opts.background == nil {
		opts.background = widgets.NewBackground()
	}
	if opts.tickEvery <= 0 {
		opts.tickEvery = 5 * time.Second
	}
	m := &MainWindow{app: a, window: a.NewWindow("Perinatal Caseload"), svc: svc, opts: opts, prefs: a.Preferences()}
	m.idle = newIdleLock(svc.Clock(), m.idleLock)
	m.layer = widgets.NewActivityLayer(layout.NewSpacer(), m.idle.Touch)
	m.window.SetContent(m.layer.Root())
	widgets.HandleEscape(m.window)
	widgets.RestoreWindowSize(m.prefs, m.window)
	m.window.SetCloseIntercept(func() {
		quit := func() {
			widgets.RememberWindowSize(m.prefs, m.window)
			m.window.Close()
		}
		if m.shell == nil || m.locked {
			quit()
			return
		}
		m.shell.Quit(quit)
	})
	m.showStart("", "")
	return m
}

// ShowAndRun shows the window, fitted to the screen, starts the idle-lock
// ticker and runs the application until the window closes or the person
// quits; either way the temporary files of letters opened are removed.
func (m *MainWindow) ShowAndRun() {
	lc := m.app.Lifecycle()
	lc.SetOnStarted(func() {
		if m.opts.ScreenArea == nil {
			return
		}
		if w, h, ok := m.opts.ScreenArea(); ok {
			widgets.FitWindow(m.window, w, h)
		}
	})
	lc.SetOnStopped(m.closeShell)
	m.stop = make(chan struct{})
	m.window.SetOnClosed(func() { close(m.stop) })
	if m.opts.Changes != nil {
		go m.followChanges(m.opts.Changes, m.stop)
		go m.watchConnection(m.stop)
	}
	go func() {
		t := time.NewTicker(m.opts.tickEvery)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				fyne.Do(m.tick)
			case <-m.stop:
				return
			}
		}
	}()
	m.window.ShowAndRun()
}

// showStart shows the first-run screen on an empty database, otherwise the
// sign-in screen with notice, and username filled in.
func (m *MainWindow) showStart(notice, username string) {
	service := m.svc.Settings.Get(app.SetServiceName)
	m.signIn, m.firstRun = nil, nil
	first, err := m.svc.Staff.NeedsFirstUser()
	if err == nil && first {
		m.firstRun = newFirstRunScreen(m.svc.Staff, m.svc.Auth, service, m.signedIn)
		m.setContent(m.firstRun.Content(), m.firstRun.FirstField())
		return
	}
	if err != nil {
		notice = "The list of accounts could not be read: " + sentence(err)
	}
	m.signIn = newSignInScreen(m.svc.Auth, m.opts.background, service, notice, username, m.signedIn)
	m.setContent(m.signIn.Content(), m.signIn.FirstField())
}

// setContent puts content in the window and the keyboard in focus.
func (m *MainWindow) setContent(content fyne.CanvasObject, focus fyne.Focusable) {
	c := m.window.Canvas()
	c.Unfocus()
	m.layer.SetContent(content)
	if focus != nil {
		c.Focus(focus)
	}
}

// signedIn shows the shell for who: the one the lock hid if it is theirs,
// otherwise a new one.
func (m *MainWindow) signedIn(who *models.StaffMember) {
	resume := m.locked && m.shell != nil && m.shell.Session.Actor.ID == who.ID
	if !resume {
		m.stash, m.focus = nil, nil
		s := &session{Actor: who, Services: m.svc, Window: m.window, Background: m.opts.background, SettingSaved: m.settingSaved, About: m.opts.About}
		m.shell = newShell(s, m.opts.DatabaseLabel, m.lock, m.signOut)
	}
	m.locked, m.signIn, m.firstRun = false, nil, nil
	m.setContent(m.shell.Content(), m.focus)
	m.restoreOverlays()
	m.window.SetMainMenu(withActivity(m.shell.MainMenu(), m.idle.Touch, m.window.Canvas()))
	m.idle.Arm(m.idleTimeout())
}

// idleTimeout is the idle lock's setting.
func (m *MainWindow) idleTimeout() time.Duration {
	return time.Duration(m.svc.Settings.Int(app.SetIdleLockMinutes)) * time.Minute
}

// settingSaved applies at once a setting saved in this window that the
// window itself uses.
func (m *MainWindow) settingSaved(key string) {
	if key == app.SetIdleLockMinutes {
		m.idle.SetTimeout(m.idleTimeout())
	}
}

// lock hides the shell behind the sign-in screen, keeping it, and any open
// dialog, as it is for the same person's return.
func (m *MainWindow) lock() { m.lockWith("The screen is locked.") }

// idleLock is what the idle lock does when it engages.
func (m *MainWindow) idleLock() {
	mins := m.svc.Settings.Int(app.SetIdleLockMinutes)
	m.lockWith(fmt.Sprintf("The screen locked itself after %s without use.", countText(int64(mins), "minute", "minutes")))
}

func (m *MainWindow) lockWith(reason string) {
	if m.shell == nil || m.locked {
		return
	}
	m.locked = true
	m.idle.Disarm()
	m.focus = m.window.Canvas().Focused()
	m.stashOverlays()
	m.window.SetMainMenu(nil)
	who := m.shell.Session.Actor
	notice := reason + " " + who.Name + " can sign in to carry on where they left off; anyone else who signs in starts afresh."
	m.showStart(notice, who.Username)
}

// signOut closes the person's shell, losing anything unsaved, and shows
// the sign-in screen.
func (m *MainWindow) signOut() {
	m.closeShell()
	m.shell, m.locked, m.stash, m.focus = nil, false, nil, nil
	m.idle.Disarm()
	m.stashOverlays()
	m.stash = nil
	m.window.SetMainMenu(nil)
	m.showStart("You have signed out.", "")
}

// closeShell ends the shell's work, removing its temporary files, and
// signs its person out.
func (m *MainWindow) closeShell() {
	if m.shell != nil {
		m.shell.Close()
		_ = m.svc.Auth.SignOut(m.shell.Session.Actor)
	}
}

// tick is the ticker's work: notice typing, then lock if idle too long.
func (m *MainWindow) tick() {
	if !m.idle.Armed() {
		return
	}
	m.idle.Observe(widgets.TypingSample(m.window.Canvas()))
	m.idle.Check(m.svc.Clock().Now())
}

// stashOverlays hides the dialogs and pop-ups on show, keeping them.
func (m *MainWindow) stashOverlays() {
	o := m.window.Canvas().Overlays()
	list := slices.Clone(o.List()) // Remove clears the stack's own slice
	for i := len(list) - 1; i >= 0; i-- {
		list[i].Hide()
		o.Remove(list[i])
	}
	m.stash = list
}

// restoreOverlays shows again what stashOverlays hid.
func (m *MainWindow) restoreOverlays() {
	o := m.window.Canvas().Overlays()
	for _, obj := range m.stash {
		obj.Show()
		if !slices.Contains(o.List(), obj) {
			o.Add(obj)
		}
	}
	m.stash = nil
}

// withActivity makes every menu item (and so every keyboard shortcut) count
// as input for the idle lock. A shortcut typed while a dialog is open on c
// does nothing: it is meant for the dialog, not the screen behind it.
func withActivity(menu *fyne.MainMenu, touch func(), c fyne.Canvas) *fyne.MainMenu {
	for _, mn := range menu.Items {
		for _, it := range mn.Items {
			if act := it.Action; act != nil {
				it.Action = func() {
					touch()
					if !widgets.DialogOnShow(c) {
						act()
					}
				}
			}
		}
	}
	return menu
}
