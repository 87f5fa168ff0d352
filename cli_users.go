package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"perinatal-caseload/models"
)

// cmdUsers adds accounts and resets passwords. Passwords are read from
// standard input (the first line), never from the command line.
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
		password, err := readPassword(stdin)
		if err != nil {
			return err
		}
		if err := e.svc.Staff.Add(e.actor, m, password); err != nil {
			return err
		}
		fmt.Fprintln(stdout, m.Username)
		return nil
	case "reset-password":
		if len(args) != 2 {
			return usageError{"users reset-password: give exactly one username"}
		}
		password, err := readPassword(stdin)
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

// readPassword reads the first line of stdin.
func readPassword(stdin io.Reader) (string, error) {
	line, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("cannot read the password from standard input: %w", err)
	}
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return "", errors.New("Password: type the password on standard input, for example: echo 'a long password' | caseload users add …")
	}
	return line, nil
}
