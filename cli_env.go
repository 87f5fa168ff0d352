package main

import (
	"flag"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"sync"

	"perinatal-caseload/app"
	"perinatal-caseload/models"

	"gorm.io/gorm"
)

// env is what a command runs with: the services and the acting system user.
type env struct {
	path  string
	svc   *app.Services
	actor *models.StaffMember
}

// command is one subcommand.
type command func(e *env, args []string, stdin io.Reader, stdout, stderr io.Writer) error

var commands = map[string]command{
	"demo":    cmdDemo,
	"users":   cmdUsers,
	"letters": cmdLetters,
	"triage":  cmdTriage,
	"import":  cmdImport,
	"copy-db": cmdCopyDB,
	"backup":  cmdBackup,
	"report":  cmdReport,
	"export":  cmdExport,
}

// openTarget finds the database that --db names (or, without it, the
// environment or the configuration) and opens it with open: app.Open,
// which brings its schema up to date, or app.Connect, which leaves it as
// it is. It returns the database and its target.
func openTarget(dbFlag string, open func(target string) (*gorm.DB, error)) (*gorm.DB, string, error) {
	target, err := app.ResolveDB(dbFlag)
	if err != nil {
		return nil, "", err
	}
	db, err := open(target)
	if err != nil {
		return nil, "", err
	}
	return db, target, nil
}

// commandFlags makes the flag set of the subcommand name, which reports
// a wrong flag on stderr.
func commandFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// parseFlags parses a subcommand's arguments; a wrong one is a usage error
// naming the subcommand.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return usageError{fs.Name() + ": " + err.Error()}
	}
	return nil
}

// openEnv opens the database and finds the system user. While another
// program holds the write lock that either needs, it says so on stderr and
// waits (see app.WhileBusy).
func openEnv(dbFlag string, stderr io.Writer) (*env, error) {
	notice := busyNotice(stderr)
	db, path, err := openTarget(dbFlag, func(target string) (*gorm.DB, error) { return app.OpenNoticing(target, notice) })
	if err != nil {
		return nil, err
	}
	svc := app.New(db, app.SystemClock{})
	var actor *models.StaffMember
	err = app.WhileBusy(notice, func() error {
		actor, err = svc.Staff.SystemUser()
		return err
	})
	if err != nil {
		app.Close(db)
		return nil, err
	}
	return &env{path: path, svc: svc, actor: actor}, nil
}

// busyNotice returns what tells the person at stderr, once, that the
// program is waiting for a busy database.
func busyNotice(stderr io.Writer) func(string) {
	var once sync.Once
	return func(msg string) { once.Do(func() { fmt.Fprintln(stderr, "caseload:", msg) }) }
}

func versionText() string {
	s := fmt.Sprintf("Perinatal Caseload %s (%s, %s/%s)", Version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, kv := range info.Settings {
			if kv.Key == "vcs.revision" && len(kv.Value) >= 12 {
				s += " commit " + kv.Value[:12]
			}
		}
	}
	return s
}
