package main

import (
	"fmt"
	"io"

	"perinatal-caseload/app"
)

// runMigrate is `caseload migrate`: it applies the migrations the database
// lacks and lists them, or says the schema is already up to date. It asks
// for no sign-in: the database account is what permits a schema change (on
// a shared PostgreSQL server, IT runs it with the migration role; the
// desktops' application role may not change tables). A database made by a
// newer version is refused and left as it is.
func runMigrate(dbFlag string, args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		fmt.Fprintln(stderr, "caseload: migrate takes no arguments; name the database with --db before it")
		return 2
	}
	target, err := app.ResolveDB(dbFlag)
	if err != nil {
		fmt.Fprintln(stderr, "caseload:", err)
		return 1
	}
	db, err := app.Connect(target)
	if err != nil {
		fmt.Fprintln(stderr, "caseload:", err)
		return 1
	}
	defer app.Close(db)
	applied, err := app.Upgrade(db)
	if err != nil {
		fmt.Fprintf(stderr, "caseload: %s: %v\n", app.DescribeTarget(target), err)
		return 1
	}
	for _, id := range applied {
		fmt.Fprintln(stdout, "applied", id)
	}
	if len(applied) == 0 {
		fmt.Fprintln(stdout, "The database schema is up to date; nothing to do.")
	} else {
		fmt.Fprintf(stdout, "The database schema is up to date after %d migrations.\n", len(applied))
	}
	return 0
}
