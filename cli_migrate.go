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
// newer version is refused and left as it is. With --check it changes
// nothing and lists the migrations that are due, so IT can see whether a
// new version needs the migration role before the desktops are upgraded.
func runMigrate(c directCall) int {
	args, stdout, stderr := c.args, c.stdout, c.stderr
	check := len(args) == 1 && args[0] == "--check"
	target, code := directTarget(c.db, len(args) == 0 || check, "migrate takes no arguments but --check; name the database with --db before it", stderr)
	if code != 0 {
		return code
	}
	db, err := app.Connect(target)
	if err != nil {
		fmt.Fprintln(stderr, "caseload:", err)
		return 1
	}
	defer app.Close(db)
	if check { // only read: list what is due
		pending, err := app.PendingMigrations(db)
		return listMigrations(stdout, stderr, target, err, "due", pending, "%d migrations are due; run caseload migrate with the migration role.")
	}
	var applied []string
	err = app.WhileBusy(busyNotice(stderr), func() error {
		applied, err = app.Upgrade(db)
		return err
	})
	return listMigrations(stdout, stderr, target, err, "applied", applied, "The database schema is up to date after %d migrations.")
}

// listMigrations prints one line per migration, each starting with word,
// then a summary: summary with the count, or that nothing is to do. When
// err says the migrations could not be read or applied, it reports that
// instead, naming the database target. It returns the exit status.
func listMigrations(stdout, stderr io.Writer, target string, err error, word string, ids []string, summary string) int {
	if err != nil {
		fmt.Fprintf(stderr, "caseload: %s: %v\n", app.DescribeTarget(target), err)
		return 1
	}
	for _, id := range ids {
		fmt.Fprintln(stdout, word, id)
	}
	if len(ids) == 0 {
		fmt.Fprintln(stdout, "The database schema is up to date; nothing to do.")
		return 0
	}
	fmt.Fprintf(stdout, summary+"\n", len(ids))
	return 0
}

// directTarget checks a direct command's arguments (argsOK; else it
// reports usage, exit status 2) and resolves its database target (see
// app.ResolveDB; else it reports why, status 1).
func directTarget(dbFlag string, argsOK bool, usage string, stderr io.Writer) (string, int) {
	if !argsOK {
		fmt.Fprintln(stderr, "caseload: "+usage)
		return "", 2
	}
	target, err := app.ResolveDB(dbFlag)
	if err != nil {
		fmt.Fprintln(stderr, "caseload:", err)
		return "", 1
	}
	return target, 0
}
