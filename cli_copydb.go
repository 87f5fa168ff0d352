package main

import (
	"fmt"
	"io"

	"perinatal-caseload/app"
)

// cmdCopyDB is `caseload copy-db --to TARGET`: it copies the whole caseload
// from --db into the empty database TARGET (see app.Services.CopyDatabase)
// and prints each table's rows as counted in both, or changes nothing.
func cmdCopyDB(e *env, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	var to string
	switch {
	case len(args) == 2 && args[0] == "--to":
		to = args[1]
	case len(args) == 1 && len(args[0]) > 5 && args[0][:5] == "--to=":
		to = args[0][5:]
	default:
		return usageError{"copy-db needs --to TARGET: a new SQLite file, or an empty PostgreSQL database as postgres://user@host/database"}
	}
	target, err := app.ResolveDB(to)
	if err != nil {
		return err
	}
	if target == e.path {
		return usageError{"copy-db: the target is the database being copied; name another with --to"}
	}
	counts, err := e.svc.CopyDatabase(e.actor, target)
	if err != nil {
		return fmt.Errorf("the caseload was not copied, and %s is as it was: %w", app.DescribeTarget(target), err)
	}
	fmt.Fprintf(stdout, "%-20s %10s %10s\n", "table", "source", "target")
	var total int64
	for _, c := range counts {
		fmt.Fprintf(stdout, "%-20s %10d %10d\n", c.Table, c.Source, c.Target)
		total += c.Target
	}
	fmt.Fprintf(stderr, "copy-db: copied %d rows in %d tables from %s to %s; every count checked on both sides\n",
		total, len(counts), app.DescribeTarget(e.path), app.DescribeTarget(target))
	return nil
}
