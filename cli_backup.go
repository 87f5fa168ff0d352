package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"perinatal-caseload/app"
)

// cmdBackup is `caseload backup --out FILE [--force]`: a consistent copy
// of the SQLite caseload, taken while others keep working, checked, and
// written as a private file (0600) that replaces an existing one only with
// --force. A PostgreSQL caseload is backed up with the server's tools.
func cmdBackup(e *env, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "the backup file to write")
	force := fs.Bool("force", false, "replace the file if it exists")
	if err := fs.Parse(args); err != nil {
		return usageError{"backup: " + err.Error()}
	}
	if *out == "" || fs.NArg() > 0 {
		return usageError{"backup: give --out FILE (and --force to replace an existing file)"}
	}
	r, err := e.svc.TakeBackup(e.actor, *out, *force)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s\nThe backup was checked: %d bytes; %s.\n", r.Path, r.Bytes, r.Summary())
	printAuditHead(stdout, &r.AuditHead)
	return nil
}

// runRestore is `caseload --user U restore FILE`. It does not open the
// database for work (it must be closed everywhere); U must be a team
// manager in the backup, with that password (see app.RestoreSigned).
func runRestore(c directCall) int {
	args, stdout, stderr := c.args, c.stdout, c.stderr
	target, code := directTarget(c.db, len(args) == 1, "restore: name one backup file; the database it replaces is --db", stderr)
	if code != 0 {
		return code
	}
	if c.user == "" {
		fmt.Fprintln(stderr, "caseload: restore: sign in first with --user USERNAME (before the command), as a team manager of the backup")
		return 1
	}
	password, err := readSecret(c.in, stderr, "Password for "+c.user+": ")
	if err != nil {
		fmt.Fprintln(stderr, "caseload: --user:", err)
		return 1
	}
	r, err := app.RestoreSigned(target, args[0], time.Now(), c.user, password, osUser())
	if err != nil && r == nil {
		fmt.Fprintln(stderr, "caseload: restore:", err)
		return 1
	}
	fmt.Fprintf(stdout, "Restored %s from %s; it passed its check.\n", target, args[0])
	if r.Kept != "" {
		fmt.Fprintf(stdout, "The database it replaced is kept as %s.\n", r.Kept)
	}
	for _, f := range r.MovedAside {
		fmt.Fprintf(stdout, "Moved aside: %s\n", f)
	}
	if err != nil {
		fmt.Fprintln(stderr, "caseload: restore:", err)
		return 1
	}
	return 0
}

// runCheck is `caseload check`: SQLite's integrity check, the foreign keys
// and the schema version (on PostgreSQL, the constraints and the schema
// version). It prints what it checked and any fault, one a line, and
// exits 1 on any fault. It only reads: a damaged file is examined as it is.
func runCheck(c directCall) int {
	args, stdout, stderr := c.args, c.stdout, c.stderr
	target, code := directTarget(c.db, len(args) == 0, "check takes no arguments; name the database with --db before it", stderr)
	if code != 0 {
		return code
	}
	r, err := app.CheckDatabase(target)
	var oe *app.OpenError
	if errors.As(err, &oe) || r == nil {
		fmt.Fprintln(stderr, "caseload: check:", err)
		return 1
	}
	for _, name := range r.Passed {
		fmt.Fprintf(stdout, "ok     %s\n", name)
	}
	for _, f := range r.Faults {
		fmt.Fprintf(stdout, "FAULT  %s\n", f)
	}
	if err != nil {
		fmt.Fprintf(stdout, "FAULT  %s\n", err)
	}
	if err != nil || !r.OK() {
		fmt.Fprintf(stdout, "%s has faults; restore the latest backup (see docs/backup.md).\n", app.DescribeTarget(target))
		printAuditHead(stdout, r.AuditHead)
		return 1
	}
	fmt.Fprintf(stdout, "%s passed every check.\n", app.DescribeTarget(target))
	printAuditHead(stdout, r.AuditHead)
	return 0
}

// printAuditHead prints the audit trail's head, for the team to record
// away from the machine: a later check or backup that finds fewer events,
// or another hash for the same event, shows events removed from its end
// even by someone who rewrote the head record in the file.
func printAuditHead(w io.Writer, h *app.AuditHead) {
	if h != nil {
		fmt.Fprintf(w, "Audit head: %s. Record it away from this computer.\n", h)
	}
}
