package app

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"runtime"
	"strings"

	"github.com/BurntSushi/toml"
)

// EnvDB names the environment variable that picks the database.
const EnvDB = "CASELOAD_DB"

// MachineConfigPath is the machine-wide configuration file that IT writes
// once per desktop to point every user of it at the team's database:
// %ProgramData%\PerinatalCaseload\config.toml on Windows and
// /etc/perinatal-caseload/config.toml elsewhere. It holds one setting:
//
//	database = "postgres://caseload@db.example.nhs.uk/caseload?sslmode=verify-full"
//
// Tests point it somewhere else.
var MachineConfigPath = machineConfigPathFor(runtime.GOOS, os.Getenv)

// machineConfigPathFor returns the machine-wide configuration file on the
// system goos, reading the environment through getenv.
func machineConfigPathFor(goos string, getenv func(string) string) string {
	if goos == "windows" {
		dir := getenv("ProgramData")
		if dir == "" {
			dir = `C:\ProgramData`
		}
		return joinFor(goos, dir, "PerinatalCaseload", "config.toml")
	}
	return "/etc/perinatal-caseload/config.toml"
}

// DefaultDBPath returns the SQLite file in the user's application-data
// folder, shared by the GUI and the command line: on Windows
// %AppData%\PerinatalCaseload\caseload.db, which roams with the person's
// profile and is private to them; elsewhere the folder os.UserConfigDir
// names.
func DefaultDBPath() (string, error) {
	return defaultDBPathFor(runtime.GOOS, os.Getenv)
}

// defaultDBPathFor is DefaultDBPath on the system goos, reading the
// environment through getenv. It follows os.UserConfigDir.
func defaultDBPathFor(goos string, getenv func(string) string) (string, error) {
	var dir string
	switch goos {
	case "windows":
		dir = getenv("AppData")
	case "darwin", "ios":
		if home := getenv("HOME"); home != "" {
			dir = joinFor(goos, home, "Library", "Application Support")
		}
	default:
		dir = getenv("XDG_CONFIG_HOME")
		if dir != "" && !strings.HasPrefix(dir, "/") {
			return "", errors.New("cannot find your application-data folder: the path in $XDG_CONFIG_HOME is relative; give a database with --db")
		}
		if home := getenv("HOME"); dir == "" && home != "" {
			dir = joinFor(goos, home, ".config")
		}
	}
	if dir == "" {
		return "", errors.New("cannot find your application-data folder (%AppData% on Windows, $HOME elsewhere, is not set); give a database with --db")
	}
	return joinFor(goos, dir, "PerinatalCaseload", "caseload.db"), nil
}

// joinFor joins path elements with the separator of the system goos, so
// that the paths of another system can be worked out (and tested) here.
func joinFor(goos string, elem ...string) string {
	sep := "/"
	if goos == "windows" {
		sep = `\`
	}
	for i := range elem[:len(elem)-1] {
		elem[i] = strings.TrimRight(elem[i], `/\`)
	}
	return strings.Join(elem, sep)
}

// ResolveDB picks the database: the --db flag, else CASELOAD_DB, else the
// machine-wide configuration file, else the default file. The target is a
// SQLite file path or a postgres:// URL; a URL that carries a password is
// refused wherever it came from.
func ResolveDB(flag string) (string, error) {
	target, err := resolveTarget(flag)
	if err != nil {
		return "", err
	}
	if IsPostgresURL(target) {
		if err := checkPostgresURL(target); err != nil {
			return "", err
		}
	}
	return target, nil
}

func resolveTarget(flag string) (string, error) {
	if flag != "" {
		return flag, nil
	}
	if env := os.Getenv(EnvDB); env != "" {
		return env, nil
	}
	configured, err := readMachineConfig(MachineConfigPath)
	if err != nil || configured != "" {
		return configured, err
	}
	return DefaultDBPath()
}

// machineConfig is the content of the machine-wide configuration file.
type machineConfig struct {
	Database string `toml:"database"`
}

// readMachineConfig returns the database the file at path names, or ""
// when there is no such file.
func readMachineConfig(path string) (string, error) {
	var c machineConfig
	meta, err := toml.DecodeFile(path, &c)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("the configuration file %s cannot be read (%v); ask IT to correct it", path, err)
	}
	if extra := meta.Undecoded(); len(extra) > 0 {
		return "", fmt.Errorf("the configuration file %s has the unknown setting %q; the only setting is database", path, extra[0].String())
	}
	return strings.TrimSpace(c.Database), nil
}

// IsPostgresURL reports whether target names a PostgreSQL database rather
// than a SQLite file.
func IsPostgresURL(target string) bool {
	lower := strings.ToLower(target)
	return strings.HasPrefix(lower, "postgres://") || strings.HasPrefix(lower, "postgresql://")
}

// ErrPasswordInTarget refuses a database URL that carries a password.
var ErrPasswordInTarget = errors.New("the database address contains a password, which must never be given on the command line " +
	"or in a configuration file; remove it and put the password in the PostgreSQL password file " +
	`(~/.pgpass, or %APPDATA%\postgresql\pgpass.conf on Windows) or in the PGPASSWORD environment variable`)

// checkPostgresURL refuses a URL that cannot be read or that carries a
// password, as user:password@ or as a password parameter.
func checkPostgresURL(target string) error {
	u, err := url.Parse(target)
	if err != nil {
		return errors.New("the PostgreSQL address is not a valid URL; write it as postgres://user@host/database")
	}
	if _, set := u.User.Password(); set {
		return ErrPasswordInTarget
	}
	for key := range u.Query() {
		if strings.EqualFold(key, "password") {
			return ErrPasswordInTarget
		}
	}
	return nil
}

// DescribeTarget names a database for messages and the status bar: the
// file path, or the PostgreSQL database and its server. The user name is
// left out, and a URL never carries a password.
func DescribeTarget(target string) string {
	if !IsPostgresURL(target) {
		return target
	}
	u, err := url.Parse(target)
	if err != nil {
		return "(PostgreSQL URL)"
	}
	db := strings.TrimPrefix(u.Path, "/")
	if db == "" {
		db = "(default)"
	}
	host := u.Host
	if host == "" {
		host = "the local server"
	}
	return fmt.Sprintf("%s on %s (PostgreSQL)", db, host)
}
