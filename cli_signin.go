package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/user"
	"strings"

	"golang.org/x/term"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

// withoutSignIn lists the commands that may run without --user, and when.
// Every other command reads or changes patient data or accounts, and needs
// a sign-in (see the command table in the README). Each rule returns the
// actor the command then runs as, or ok false when it needs a sign-in.
var withoutSignIn = map[string]func(e *env, args []string) (actor *models.StaffMember, ok bool, err error){
	// triage reads files only.
	"triage": func(e *env, _ []string) (*models.StaffMember, bool, error) { return e.actor, true, nil },
	// demo fills a database that holds no referrals yet.
	"demo": func(e *env, _ []string) (*models.StaffMember, bool, error) {
		n, err := e.svc.Referrals.Count(e.actor, app.ReferralFilter{})
		return e.actor, n == 0, err
	},
	// users add may make the first team manager of a database with nobody
	// who can sign in (Staff.Add checks it again, with no actor).
	"users": func(e *env, args []string) (*models.StaffMember, bool, error) {
		if len(args) == 0 || args[0] != "add" {
			return nil, false, nil
		}
		first, err := e.svc.Staff.NeedsFirstUser()
		return nil, first, err
	},
}

// signIn makes e's services audit every event as coming from the command
// line and the operating-system user, then signs in as username, reading
// the password from in; with no username, it checks the command may run
// without a sign-in.
func signIn(e *env, cmd string, args []string, username string, in io.Reader, stderr io.Writer) error {
	e.svc = e.svc.ForCommandLine(cmd, osUser())
	if username == "" {
		rule := withoutSignIn[cmd]
		if rule == nil {
			return fmt.Errorf("%s: sign in first with --user USERNAME (before the command); it reads or changes the caseload", cmd)
		}
		actor, ok, err := rule(e, args)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("%s: sign in first with --user USERNAME (before the command); without it, %s", cmd, withoutSignInText[cmd])
		}
		e.actor = actor
		return nil
	}
	password, err := readSecret(in, stderr, "Password for "+username+": ")
	if err != nil {
		return fmt.Errorf("--user: %w", err)
	}
	actor, err := e.svc.Auth.SignIn(username, password)
	if err != nil {
		return fmt.Errorf("--user: the sign-in failed: %w", err)
	}
	e.actor = actor
	return nil
}

// withoutSignInText says what each command of withoutSignIn may do unsigned.
var withoutSignInText = map[string]string{
	"demo":  "demo only fills a database that holds no referrals",
	"users": "users can only add the first team manager of a database that has nobody who can sign in",
}

// osUser names the operating-system account running the program.
func osUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	for _, v := range []string{"USER", "USERNAME"} {
		if s := os.Getenv(v); s != "" {
			return s
		}
	}
	return "unknown"
}

// cliInput is standard input, read a line at a time so that a sign-in
// password and a new password can follow one another; tty is set when it
// is a terminal, and passwords are then read without echo.
type cliInput struct {
	*bufio.Reader
	tty *os.File
}

// newInput wraps standard input.
func newInput(r io.Reader) *cliInput {
	in := &cliInput{Reader: bufio.NewReader(r)}
	if f, ok := r.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		in.tty = f
	}
	return in
}

// readSecret reads a password: from the terminal without echo after
// prompt (on stderr), or else as the next line of standard input.
func readSecret(stdin io.Reader, stderr io.Writer, prompt string) (string, error) {
	in, ok := stdin.(*cliInput)
	if !ok {
		in = newInput(stdin)
	}
	var line string
	if in.tty != nil {
		fmt.Fprint(stderr, prompt)
		b, err := term.ReadPassword(int(in.tty.Fd()))
		fmt.Fprintln(stderr)
		if err != nil {
			return "", fmt.Errorf("cannot read the password from the terminal: %w", err)
		}
		line = string(b)
	} else {
		var err error
		line, err = in.ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return "", fmt.Errorf("cannot read the password from standard input: %w", err)
		}
	}
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return "", errors.New("no password was given: type it at the prompt, or give it as one line on standard input")
	}
	return line, nil
}
