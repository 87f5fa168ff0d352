package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

// cmdUsers adds accounts and resets passwords, signed in as a team manager
// (or, for the first team manager of a new database, without a sign-in).
// The new password is read after the sign-in's, from the terminal or the
// next line of standard input, never from the command line.
func cmdUsers(e *env, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usageError{"users: say add or reset-password"}
	}
	switch args[0] {
	case "add":
		fs := commandFlags("users add", stderr)
		name := fs.String("name", "", "the person's full name")
		username := fs.String("username", "", "the sign-in name")
		roles := fs.String("role", "", "roles, comma-separated: administrator, clinician, key_worker, team_manager")
		title := fs.String("job-title", "", "job title")
		capacity := fs.Int("capacity", 0, "caseload capacity (key workers)")
		if err := parseFlags(fs, args[1:]); err != nil {
			return err
		}
		m := &models.StaffMember{Name: *name, Username: *username, JobTitle: *title, CaseloadCapacity: *capacity}
		var rs []models.Role
		for _, part := range strings.Split(*roles, ",") {
			if strings.TrimSpace(part) == "" {
				continue
			}
			r, ok := models.ParseRole(part)
			if !ok {
				return usageError{fmt.Sprintf("users add: --role: %q is not a role; use administrator, clinician, key_worker or team_manager", part)}
			}
			rs = append(rs, r)
		}
		m.SetRoles(rs...)
		password, err := readSecret(stdin, stderr, "New password: ")
		if err != nil {
			return err
		}
		if err := e.svc.Staff.Add(e.actor, m, password); errors.Is(err, app.ErrNotSignedIn) {
			return errors.New("users add: sign in with --user as a team manager; without it, only the first team manager of a database that has nobody who can sign in can be added")
		} else if err != nil {
			return err
		}
		fmt.Fprintln(stdout, m.Username)
		return nil
	case "reset-password":
		if len(args) != 2 {
			return usageError{"users reset-password: give exactly one username"}
		}
		password, err := readSecret(stdin, stderr, "New password: ")
		if err != nil {
			return err
		}
		if err := e.svc.Auth.ResetPassword(e.actor, args[1], password); err != nil {
			return err
		}
		fmt.Fprintln(stdout, strings.ToLower(args[1]))
		return nil
	}
	return usageError{fmt.Sprintf("users: unknown subcommand %q; use add or reset-password", args[0])}
}
