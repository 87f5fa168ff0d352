package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"sync"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
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
}

// openEnv opens the database and finds the system user. While another
// program holds the write lock that either needs, it says so on stderr and
// waits (see app.WhileBusy).
func openEnv(dbFlag string, stderr io.Writer) (*env, error) {
	path, err := app.ResolveDB(dbFlag)
	if err != nil {
		return nil, err
	}
	notice := busyNotice(stderr)
	db, err := app.OpenNoticing(path, notice)
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
