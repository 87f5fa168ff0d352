// Command caseload is Perinatal Caseload: with no arguments it starts the
// desktop application; with a subcommand it runs that command and exits.
// See the README for the command table.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// Version is the program version; release builds set it with -ldflags.
var Version = "0.1.0-dev"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run parses the global flags and dispatches to a subcommand or the GUI.
// It returns the exit status: 0 ok, 1 failure, 2 bad usage.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	dbFlag, userFlag, rest, err := globalFlags(args)
	if err != nil {
		fmt.Fprintln(stderr, "caseload:", err)
		return 2
	}
	if len(rest) == 0 {
		return runGUI(dbFlag, stderr)
	}
	cmd, cmdArgs := rest[0], rest[1:]
	if cmd == "version" {
		fmt.Fprintln(stdout, versionText())
		return 0
	}
	if cmd == "help" || cmd == "-h" || cmd == "--help" {
		fmt.Fprint(stdout, usage)
		return 0
	}
	if direct, ok := directCommands[cmd]; ok {
		return direct(directCall{db: dbFlag, user: userFlag, args: cmdArgs, in: stdin, stdout: stdout, stderr: stderr})
	}
	handler, ok := commands[cmd]
	if !ok {
		fmt.Fprintf(stderr, "caseload: unknown command %q\n%s", cmd, usage)
		return 2
	}
	env, err := openEnv(dbFlag, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "caseload:", err)
		return 1
	}
	defer env.svc.Close()
	in := newInput(stdin)
	if err := signIn(env, cmd, cmdArgs, userFlag, in, stderr); err != nil {
		fmt.Fprintln(stderr, "caseload:", err)
		return 1
	}
	if err := handler(env, cmdArgs, in, stdout, stderr); err != nil {
		var u usageError
		if errors.As(err, &u) {
			fmt.Fprintln(stderr, "caseload:", err)
			return 2
		}
		if !errors.Is(err, errReported) {
			fmt.Fprintln(stderr, "caseload:", err)
		}
		return 1
	}
	return 0
}

// directCommands are the commands that must not open the database for
// work first: they look at the file or schema as it is.
var directCommands = map[string]func(c directCall) int{
	"migrate":   runMigrate,
	"restore":   runRestore,
	"check":     runCheck,
	"configure": runConfigure,
}

// directCall is how a direct command was called: the global --db and
// --user, its arguments, and standard input and output.
type directCall struct {
	db, user       string
	args           []string
	in             io.Reader
	stdout, stderr io.Writer
}

// errReported means the command already told the user what went wrong.
var errReported = errors.New("reported")

// usageError is a mistake in how the command was called.
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

const usage = `Usage: caseload [--db FILE|URL] [--user USERNAME] [command]

With no command, starts the desktop application.

Commands:
  version                                   version and build info
  migrate                                   bring the database schema up to date
  demo [--referrals N] [--seed S]           fill the database with synthetic demo data
  triage FILE...                            screen referral-form files without saving
  import FILE|DIR...                        validate and save referral-form files
  users add --name N --username U --role R  add an account (password on stdin)
  users reset-password U                    set a new password (on stdin)
  letters --referral ID --out DIR [--kind K]  render a referral's letter pack as PDFs
  copy-db --to TARGET                       copy the whole caseload into an empty database
  backup --out FILE [--force]               a checked copy of the database, while others work
  restore FILE                              replace the database with a backup (all closed)
  check                                     integrity, foreign keys and schema; exit 1 on a fault
  export patient --nhs-number N --out DIR   her subject-access copy: record.json, record.pdf, her letters
  report --from D --to D --out DIR          the manager's reports as CSV files and one PDF
  export mhsds --month YYYY-MM --out DIR    the MHSDS-shaped tables of a month, with validation.csv
  configure --database URL                  point every user of this computer at URL (IT, installer)

--user signs in; the password is read from the terminal, or as the first
line of standard input when that is not a terminal. Every command but
version, migrate and triage needs it, except demo on a database with no
referrals and users add for the first team manager of a new database.

The database is --db, else $CASELOAD_DB, else the machine-wide configuration
file (` + "`database = \"...\"`" + ` in /etc/perinatal-caseload/config.toml, or
%ProgramData%\PerinatalCaseload\config.toml on Windows), else the default
file in your application-data folder. It is a SQLite file, or a PostgreSQL
server as postgres://user@host/database?sslmode=verify-full; the password
is never in the URL but in the PostgreSQL password file or PGPASSWORD.
`

// globalFlags takes --db and --user from the front of the arguments.
func globalFlags(args []string) (db, user string, rest []string, err error) {
	flags := map[string]*string{"db": &db, "user": &user}
	needs := map[string]string{"db": "a file path or a postgres:// URL", "user": "a username"}
	for len(args) > 0 {
		name, value, inline := strings.Cut(strings.TrimLeft(args[0], "-"), "=")
		target, ok := flags[name]
		if !ok || !strings.HasPrefix(args[0], "-") {
			return db, user, args, nil
		}
		switch {
		case inline:
			*target, args = value, args[1:]
		case len(args) < 2:
			return "", "", nil, fmt.Errorf("--%s needs %s", name, needs[name])
		default:
			*target, args = args[1], args[2:]
		}
	}
	return db, user, args, nil
}
