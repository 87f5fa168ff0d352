package app

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"perinatal-caseload/app/testdb"
)

// useMachineConfig points MachineConfigPath at a file holding content
// (none if content is empty) for the test.
func useMachineConfig(t *testing.T, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	if content != "" {
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	old := MachineConfigPath
	MachineConfigPath = path
	t.Cleanup(func() { MachineConfigPath = old })
	return path
}

func TestTheDatabaseIsTheFlagThenTheEnvironmentThenTheMachineConfigurationThenTheDefault(t *testing.T) {
	useMachineConfig(t, `database = "postgres://caseload@db.example.nhs.uk/caseload?sslmode=verify-full"`+"\n")
	t.Setenv(EnvDB, "/data/from-env.db")
	check := func(flag, want string) {
		t.Helper()
		got, err := ResolveDB(flag)
		if err != nil || got != want {
			t.Errorf("ResolveDB(%q) = %q, %v; want %q", flag, got, err, want)
		}
	}
	check("/data/from-flag.db", "/data/from-flag.db")
	check("", "/data/from-env.db")
	t.Setenv(EnvDB, "")
	check("", "postgres://caseload@db.example.nhs.uk/caseload?sslmode=verify-full")
	useMachineConfig(t, "")
	def, err := DefaultDBPath()
	if err != nil {
		t.Fatal(err)
	}
	check("", def)
}

func TestAPasswordInTheDatabaseAddressIsRefusedWhereverItComesFrom(t *testing.T) {
	const secret = "Sup3rSecret"
	for _, url := range []string{
		"postgres://caseload:" + secret + "@db.example.nhs.uk/caseload",
		"postgresql://caseload@db.example.nhs.uk/caseload?sslmode=require&password=" + secret,
		"POSTGRES://caseload:" + secret + "@db.example.nhs.uk/caseload",
	} {
		useMachineConfig(t, `database = "`+url+`"`)
		t.Setenv(EnvDB, "")
		for _, flag := range []string{url, ""} {
			_, err := ResolveDB(flag)
			if !errors.Is(err, ErrPasswordInTarget) {
				t.Errorf("ResolveDB(%q) = %v; want ErrPasswordInTarget", flag, err)
				continue
			}
			if msg := err.Error(); strings.Contains(msg, secret) || !strings.Contains(msg, ".pgpass") || !strings.Contains(msg, "PGPASSWORD") {
				t.Errorf("the refusal %q should point to the password file and PGPASSWORD, and never repeat the password", msg)
			}
		}
		if _, err := Open(url); !errors.Is(err, ErrPasswordInTarget) || strings.Contains(err.Error(), secret) {
			t.Errorf("Open(%q) = %v; want ErrPasswordInTarget without the password", url, err)
		}
	}
}

func TestAMachineConfigurationThatCannotBeReadIsReportedNotIgnored(t *testing.T) {
	t.Setenv(EnvDB, "")
	for content, want := range map[string]string{
		`database = "/srv/caseload.db"` + "\nserver = \"x\"\n": `unknown setting "server"`,
		`database = `: "cannot be read",
	} {
		path := useMachineConfig(t, content)
		_, err := ResolveDB("")
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), path) {
			t.Errorf("config %q: %v; want an error naming the file and saying %q", content, err, want)
		}
	}
}

func TestTargetsAreToldApartAndNamedWithoutTheUser(t *testing.T) {
	for target, want := range map[string]bool{
		"postgres://h/db": true, "postgresql://h/db": true, "PostgreSQL://h/db": true,
		"/srv/caseload.db": false, `C:\caseload\postgres.db`: false, "postgres.db": false,
	} {
		if IsPostgresURL(target) != want {
			t.Errorf("IsPostgresURL(%q) = %v", target, !want)
		}
	}
	if got := DescribeTarget("postgres://alice@db.example.nhs.uk:5433/caseload?sslmode=verify-full"); got != "caseload on db.example.nhs.uk:5433 (PostgreSQL)" {
		t.Errorf("DescribeTarget = %q", got)
	}
}

func TestTLSSettingsInTheAddressReachTheConnection(t *testing.T) {
	if !testdb.OnPostgres() {
		t.Skip("needs a PostgreSQL server (" + testdb.EnvPG + ")")
	}
	target := testdb.Target(t)
	db, err := Connect(target)
	if err != nil {
		t.Fatal(err)
	}
	var ssl string
	db.Raw("SHOW ssl").Scan(&ssl)
	Close(db)
	if ssl == "on" {
		db, err := Connect(target + "?sslmode=require")
		if err != nil {
			t.Fatalf("sslmode=require: %v", err)
		}
		var encrypted bool
		db.Raw("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").Scan(&encrypted)
		Close(db)
		if !encrypted {
			t.Error("sslmode=require gave a connection without TLS")
		}
	}
	missing := filepath.Join(t.TempDir(), "no-such-root.crt")
	if _, err := Connect(target + "?sslmode=verify-full&sslrootcert=" + missing); err == nil {
		t.Error("sslmode=verify-full with no trusted root certificate connected; the setting was not used")
	}
}
