package views

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// shell is the main window's content for one signed-in person: a header
// saying who is signed in, with Lock and Sign out; the navigation; the
// current screen; and a status bar. Screens are built the first time they
// are opened and then kept, so switching screens loses nothing typed.
type shell struct {
	Session *session
	Nav     *widget.List
	// Who names the person signed in and their roles.
	Who           *widget.Label
	LockButton    *widget.Button
	SignOutButton *widget.Button

	defs    []screenDef
	built   map[string]screen
	current int
	body    *fyne.Container
	scroll  *container.Scroll // holds body; a screen that fits never scrolls it
	content fyne.CanvasObject
	onLock  func()
	signOut func()
	// dbLabel names the database in the status bar, or says that its
	// server cannot be reached (see showConnection).
	dbLabel *widget.Label
	dbText  string
}

// newShell builds the shell for a session and opens the first screen.
// databaseLabel is shown in the status bar; onLock and onSignOut are what
// Lock and Sign out do.
func newShell(s *session, databaseLabel string, onLock, onSignOut func()) *shell {
	sh := &shell{Session: s, built: map[string]screen{}, current: -1, onLock: onLock}
	sh.signOut = func() { sh.SignOut(onSignOut) }
	s.OpenReferral = sh.OpenReferral
	for _, d := range screenDefs() {
		if d.Needs == "" || models.Allows(s.Actor.RoleSet(), d.Needs) {
			sh.defs = append(sh.defs, d)
		}
	}
	sh.Nav = widgets.NewList(
		func() int { return len(sh.defs) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel(longestTitle(sh.defs)))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Icon).SetResource(sh.defs[i].Icon)
			row.Objects[1].(*widget.Label).SetText(sh.defs[i].Title)
		},
	)
	sh.Nav.OnSelected = sh.showIndex
	sh.Who = widget.NewLabel("Signed in as " + s.Actor.Name + " (" + s.Actor.RoleLabels() + ")")
	sh.LockButton = widget.NewButtonWithIcon("Lock", theme.VisibilityOffIcon(), onLock)
	sh.SignOutButton = widget.NewButtonWithIcon("Sign out", theme.LogoutIcon(), sh.signOut)
	title := widget.NewLabelWithStyle("Perinatal Caseload", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	header := container.NewBorder(nil, widget.NewSeparator(), title,
		container.NewHBox(sh.Who, sh.LockButton, sh.SignOutButton))
	hints := widget.NewLabel("Ctrl+F find a referral · Ctrl+N new referral · Ctrl+1 to Ctrl+" +
		strconv.Itoa(min(len(sh.defs), 9)) + " switch screens · Ctrl+L lock")
	hints.Importance = widget.LowImportance
	dbLabel := widget.NewLabel(databaseLabel)
	dbLabel.Importance = widget.LowImportance
	dbLabel.Truncation = fyne.TextTruncateEllipsis
	sh.dbLabel, sh.dbText = dbLabel, databaseLabel
	status := container.NewBorder(widget.NewSeparator(), nil, hints, nil, dbLabel)
	sh.body = container.NewStack()
	// The navigation is as wide as its longest title (the list's template
	// row) and no wider: at 1024×768 the rest belongs to the screen.
	nav := container.NewBorder(nil, nil, nil, widget.NewSeparator(), sh.Nav)
	// Every screen is laid out to fit a 1024×768 window; should one not,
	// it scrolls rather than making the window grow past the screen.
	sh.scroll = container.NewScroll(sh.body)
	sh.content = container.NewBorder(header, status, nav, nil, sh.scroll)
	sh.Nav.Select(0)
	return sh
}

// longestTitle returns the title of defs that takes the most width, for
// the navigation's template row: the navigation is as wide as that row.
func longestTitle(defs []screenDef) string {
	longest, width := "", float32(0)
	for _, d := range defs {
		if w := fyne.MeasureText(d.Title, theme.TextSize(), fyne.TextStyle{}).Width; w > width {
			longest, width = d.Title, w
		}
	}
	return longest
}

// Content returns the shell's widget tree.
func (sh *shell) Content() fyne.CanvasObject { return sh.content }

// Show opens the screen with that ID (see screenDashboard and the others)
// and returns it, or nil if this person's navigation does not have it.
func (sh *shell) Show(id string) screen {
	for i, d := range sh.defs {
		if d.ID == id {
			sh.Nav.Select(i)
			return sh.built[id]
		}
	}
	return nil
}

// Current returns the screen on show and its ID.
func (sh *shell) Current() (string, screen) {
	if sh.current < 0 {
		return "", nil
	}
	id := sh.defs[sh.current].ID
	return id, sh.built[id]
}

// showIndex opens the i-th screen of the navigation, building it if it is
// opened for the first time.
func (sh *shell) showIndex(i int) {
	if i < 0 || i >= len(sh.defs) {
		return
	}
	d := sh.defs[i]
	scr, ok := sh.built[d.ID]
	if !ok {
		scr = d.Build(sh.Session)
		sh.built[d.ID] = scr
	} else if r, reload := scr.(interface{ Shown() }); reload {
		r.Shown() // a screen of counts and lists reads them again on coming back
	} else if r, reload := scr.(interface{ Reload() }); reload {
		r.Reload() // so does a list that has no way of its own
	}
	sh.current = i
	sh.body.Objects = []fyne.CanvasObject{scr.Content()}
	sh.body.Refresh()
}

// FocusSearch opens the Referrals screen, unless the screen on show has a
// search box of its own, and puts the keyboard in the search box.
func (sh *shell) FocusSearch() {
	_, scr := sh.Current()
	s, ok := scr.(searcher)
	if !ok {
		s, ok = sh.Show(screenReferrals).(searcher)
	}
	if ok && sh.Session.Window != nil {
		sh.Session.Window.Canvas().Focus(s.SearchEntry())
	}
}

// OpenReferral opens referral id on the Referrals screen. Opened from
// another screen (the Caseload, the Dashboard, …), its Back button returns
// there rather than to the referral list.
func (sh *shell) OpenReferral(id uint) {
	from, _ := sh.Current()
	list, ok := sh.Show(screenReferrals).(*referralsScreen)
	if !ok {
		return
	}
	for _, d := range sh.defs {
		if d.ID == from && from != screenReferrals {
			list.OpenFrom(id, "Back to "+d.Title, func() { sh.Show(from) })
			return
		}
	}
	list.Open(id)
}

// NewReferral opens the referral form on the Referrals screen.
func (sh *shell) NewReferral() {
	if list, ok := sh.Show(screenReferrals).(*referralsScreen); ok {
		newReferralPage(sh.Session, list)
	}
}

// ImportReferrals asks for referral-form files or a folder and imports them.
func (sh *shell) ImportReferrals() {
	list, _ := sh.Show(screenReferrals).(*referralsScreen)
	showImportDialog(sh.Session, func() {
		if list != nil {
			list.Reload()
		}
	})
}

// MainMenu returns the window's menus. Their shortcuts work wherever the
// keyboard is, even in a text box, because menu shortcuts are tried first.
func (sh *shell) MainMenu() *fyne.MainMenu {
	key := func(k fyne.KeyName) fyne.Shortcut {
		return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
	}
	item := func(label string, k fyne.KeyName, action func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, action)
		if k != "" {
			it.Shortcut = key(k)
		}
		return it
	}
	var goItems []*fyne.MenuItem
	for i, d := range sh.defs {
		k := fyne.KeyName("")
		if i < 9 {
			k = fyne.KeyName(strconv.Itoa(i + 1))
		}
		id := d.ID
		goItems = append(goItems, item(d.Title, k, func() { sh.Show(id) }))
	}
	return fyne.NewMainMenu(
		fyne.NewMenu("File",
			item("My signature…", "", func() { showMySignatureDialog(sh.Session) }),
			item("Lock screen", fyne.KeyL, sh.onLock),
			item("Sign out", "", sh.signOut)),
		fyne.NewMenu("Referrals",
			item("New referral…", fyne.KeyN, sh.NewReferral),
			item("Import referral files…", fyne.KeyI, sh.ImportReferrals),
			item("Find a referral", fyne.KeyF, sh.FocusSearch)),
		fyne.NewMenu("Go", goItems...),
	)
}

// SignOut runs signOut, after asking if a new referral has been started
// and not saved, since signing out discards it.
func (sh *shell) SignOut(signOut func()) {
	sh.unlessDraft("Sign out?", "Signing out discards it.", "Sign out and discard it", "Stay signed in", signOut)
}

// Quit runs quit (closing the window), after asking as SignOut does.
func (sh *shell) Quit(quit func()) {
	sh.unlessDraft("Close Perinatal Caseload?", "Closing the program discards it.", "Close and discard it", "Keep it open", quit)
}

// unlessDraft runs action at once if no new referral has been started and
// left unsaved; otherwise it shows that referral and asks first, in the
// words given.
func (sh *shell) unlessDraft(title, consequence, discardText, keepText string, action func()) {
	list, ok := sh.built[screenReferrals].(*referralsScreen)
	if !ok || !list.DraftStarted() {
		action()
		return
	}
	sh.Show(screenReferrals)
	list.ShowPage(list.draftPage)
	askDiscardDraft(sh.Session, title, "You have started a new referral and not saved it. "+consequence, discardText, keepText, action)
}

// Close lets every screen that keeps temporary files (such as letters
// written for the PDF viewer) remove them; the shell calls it on sign-out.
func (sh *shell) Close() {
	for _, scr := range sh.built {
		if c, ok := scr.(interface{ Cleanup() }); ok {
			c.Cleanup()
		}
	}
}
