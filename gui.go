package main

import (
	"fmt"
	"io"
	"time"

	fyneapp "fyne.io/fyne/v2/app"

	"gorm.io/gorm"

	"perinatal-caseload/app"
	"perinatal-caseload/assets"
	"perinatal-caseload/views"
	"perinatal-caseload/views/widgets"
)

// appID is the application's stable ID; it matches FyneApp.toml and names
// the folder where Fyne keeps the window size and other preferences.
const appID = "uk.nhs.llr.perinatalcaseload"

// runGUI opens the database and runs the desktop application until its
// window closes. It returns the exit status: 1 if the database cannot be
// opened, which it reports on stderr.
func runGUI(dbFlag string, stderr io.Writer) int {
	db, path, err := openTarget(dbFlag, func(target string) (*gorm.DB, error) { return app.OpenNoticing(target, busyNotice(stderr)) })
	if err != nil {
		fmt.Fprintln(stderr, "caseload:", err)
		return 1
	}
	defer app.Close(db)
	svc := app.New(db, app.SystemClock{})
	// Automatic backups while the program runs (docs/backup.md); a failure
	// is recorded for Settings and the Dashboard, and noted here.
	stop := svc.StartAutoBackups(path, autoBackupCheck, func(err error) {
		fmt.Fprintln(stderr, "caseload: automatic backup:", err)
	})
	defer stop()

	a := fyneapp.NewWithID(appID)
	widgets.UsePrivateFiles() // every file saved from a dialog: 0600, never through a link
	a.SetIcon(assets.Icon)
	a.Settings().SetTheme(widgets.OfficeTheme{})
	w := views.NewMainWindow(a, svc, views.Options{DatabaseLabel: databaseLabel(path), ScreenArea: screenArea, About: about(), Changes: app.NewChangeFeed(db, path)})
	w.ShowAndRun()
	return 0
}

// autoBackupCheck is how often the running program looks whether an
// automatic backup is due.
const autoBackupCheck = 15 * time.Minute

// databaseLabel names the database for the status bar.
func databaseLabel(path string) string { return "Database: " + app.DescribeTarget(path) }
