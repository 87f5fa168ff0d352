package app

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestTheDefaultDatabaseAndTheMachineConfigurationAreWhereEachSystemKeepsThem(t *testing.T) {
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	for _, c := range []struct {
		goos   string
		getenv func(string) string
		db     string
		config string
	}{
		{"windows", env("AppData", `C:\Users\sw01\AppData\Roaming`, "ProgramData", `D:\ProgramData\`),
			`C:\Users\sw01\AppData\Roaming\PerinatalCaseload\caseload.db`, `D:\ProgramData\PerinatalCaseload\config.toml`},
		{"windows", env("AppData", `C:\Users\sw01\AppData\Roaming`),
			`C:\Users\sw01\AppData\Roaming\PerinatalCaseload\caseload.db`, `C:\ProgramData\PerinatalCaseload\config.toml`},
		{"linux", env("HOME", "/home/sw01", "AppData", `C:\ignored`),
			"/home/sw01/.config/PerinatalCaseload/caseload.db", "/etc/perinatal-caseload/config.toml"},
		{"linux", env("HOME", "/home/sw01", "XDG_CONFIG_HOME", "/srv/config/"),
			"/srv/config/PerinatalCaseload/caseload.db", "/etc/perinatal-caseload/config.toml"},
		{"darwin", env("HOME", "/Users/sw01"),
			"/Users/sw01/Library/Application Support/PerinatalCaseload/caseload.db", "/etc/perinatal-caseload/config.toml"},
	} {
		db, err := defaultDBPathFor(c.goos, c.getenv)
		if err != nil || db != c.db {
			t.Errorf("%s: database %q, %v; want %q", c.goos, db, err, c.db)
		}
		if got := machineConfigPathFor(c.goos, c.getenv); got != c.config {
			t.Errorf("%s: configuration %q; want %q", c.goos, got, c.config)
		}
	}
	for _, c := range []struct {
		goos   string
		getenv func(string) string
	}{{"windows", env("HOME", `C:\Users\sw01`)}, {"linux", env()}, {"linux", env("XDG_CONFIG_HOME", "config", "HOME", "/home/sw01")}} {
		if db, err := defaultDBPathFor(c.goos, c.getenv); err == nil {
			t.Errorf("%s without its application-data folder: %q, want an error", c.goos, db)
		}
	}
}

func TestTheInstallersServerSettingIsTheDatabaseTheProgramThenOpens(t *testing.T) {
	path := filepath.Join(t.TempDir(), "PerinatalCaseload", "config.toml")
	old := MachineConfigPath
	MachineConfigPath = path
	t.Cleanup(func() { MachineConfigPath = old })
	t.Setenv(EnvDB, "")
	const server = "postgres://caseload@db.example.nhs.uk/caseload?sslmode=verify-full"
	if err := WriteMachineConfig(path, " "+server+"\n"); err != nil {
		t.Fatal(err)
	}
	if got, err := ResolveDB(""); err != nil || got != server {
		t.Errorf("ResolveDB after configure = %q, %v; want %q", got, err, server)
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o644 {
		t.Errorf("the configuration file is %v, %v; want readable by every user (0644)", info.Mode(), err)
	}
	// A second run (an upgrade with a new server) replaces the setting.
	const moved = "postgres://caseload@db2.example.nhs.uk/caseload?sslmode=verify-full"
	if err := WriteMachineConfig(path, moved); err != nil {
		t.Fatal(err)
	}
	if got, _ := ResolveDB(""); got != moved {
		t.Errorf("after the second configure the database is %q; want %q", got, moved)
	}
	err := WriteMachineConfig(path, "postgres://caseload:Sup3rSecret@db.example.nhs.uk/caseload")
	if !errors.Is(err, ErrPasswordInTarget) {
		t.Errorf("a URL with a password: %v; want ErrPasswordInTarget", err)
	}
	if err := WriteMachineConfig(path, "  "); err == nil {
		t.Error("an empty server was accepted")
	}
	if got, _ := ResolveDB(""); got != moved {
		t.Errorf("a refused setting changed the file: the database is %q", got)
	}
}
