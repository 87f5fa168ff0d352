package main

import (
	"fmt"

	"perinatal-caseload/app"
)

// runConfigure writes the machine-wide configuration file so that every
// user of this computer opens the database given with --database. The
// Windows installer runs it, as the system account, when IT sets the
// SERVER_URL property (packaging/windows/caseload.wxs); elsewhere it needs
// the rights to write /etc/perinatal-caseload. It opens no database and
// needs no sign-in.
func runConfigure(c directCall) int {
	args, stdout, stderr := c.args, c.stdout, c.stderr
	fs := commandFlags("configure", stderr)
	database := fs.String("database", "", "the database every user of this computer opens: postgres://user@host/database?sslmode=verify-full")
	if err := parseFlags(fs, args); err != nil {
		fmt.Fprintln(stderr, "caseload:", err)
		return 2
	}
	if fs.NArg() > 0 || *database == "" {
		fmt.Fprintln(stderr, "caseload: configure needs --database URL and nothing else")
		return 2
	}
	if err := app.WriteMachineConfig(app.MachineConfigPath, *database); err != nil {
		fmt.Fprintln(stderr, "caseload:", err)
		return 1
	}
	fmt.Fprintf(stdout, "This computer now opens %s (set in %s).\n", app.DescribeTarget(*database), app.MachineConfigPath)
	return 0
}
