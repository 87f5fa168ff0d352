package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"

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
	"backup":  cmdBackup,
}

func openEnv(dbFlag string) (*env, error) {
	path, err := app.ResolveDB(dbFlag)
	if err != nil {
		return nil, err
	}
	db, err := app.Open(path)
	if err != nil {
		return nil, err
	}
	svc := app.New(db, app.SystemClock{})
	actor, err := svc.Staff.SystemUser()
	if err != nil {
		app.Close(db)
		return nil, err
	}
	return &env{path: path, svc: svc, actor: actor}, nil
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
