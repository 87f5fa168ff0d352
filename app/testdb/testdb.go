// Package testdb gives each test a new, empty database of its own, on the
// engine the environment chooses, so that a test is written once and runs
// on both:
//
//   - by default, a SQLite file in the test's temporary folder;
//   - with CASELOAD_TEST_PG=1, a PostgreSQL database with a unique name,
//     created on the server that libpq's environment names (PGHOST,
//     PGPORT, PGUSER, PGPASSWORD, as pg_virtualenv sets them) and dropped
//     when the test ends. The account needs the right to create databases.
//
// With CASELOAD_TEST_PG set, a server that cannot be reached fails the
// test: it never quietly falls back to SQLite.
//
// Only tests import it: app's own tests, apptest and the command-line tests.
package testdb

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	_ "github.com/mattn/go-sqlite3" // ExecSQLite's driver
)

// EnvPG names the environment variable that runs the tests on PostgreSQL.
const EnvPG = "CASELOAD_TEST_PG"

// OnPostgres reports whether the tests run against PostgreSQL.
func OnPostgres() bool {
	v := os.Getenv(EnvPG)
	return v != "" && v != "0"
}

// Target returns the target (a SQLite file path or a postgres:// URL) of a
// new, empty database that lives as long as the test.
func Target(t testing.TB) string {
	t.Helper()
	if !OnPostgres() {
		return filepath.Join(t.TempDir(), "caseload.db")
	}
	return newPostgres(t, "template0")
}

// Prepared is Target for a test that starts from a database that prepare
// (which opens the target, migrates it and closes it again) has made
// ready. On SQLite it returns a new file and leaves the preparing to the
// test's own opening. On PostgreSQL, where a migration takes a second,
// each test process prepares one template database per key, the first
// time it is asked, and every test then gets a copy of it.
func Prepared(t testing.TB, key string, prepare func(target string) error) string {
	t.Helper()
	if !OnPostgres() {
		return filepath.Join(t.TempDir(), "caseload.db")
	}
	tmpl, err := template(key, prepare)
	if err != nil {
		t.Fatalf("%s is set, but the template database could not be prepared on the PostgreSQL server: %v", EnvPG, err)
	}
	return newPostgres(t, tmpl)
}

// newPostgres creates a database copied from the template from, and drops
// it when the test ends.
func newPostgres(t testing.TB, from string) string {
	t.Helper()
	name := "caseload_test_" + randomHex(8)
	if err := createDatabase(name, from); err != nil {
		t.Fatalf("%s is set, but no test database could be created on the PostgreSQL server: %v", EnvPG, err)
	}
	t.Cleanup(func() {
		if err := adminExec(fmt.Sprintf("DROP DATABASE IF EXISTS %s WITH (FORCE)", name)); err != nil {
			t.Errorf("drop the test database %s: %v", name, err)
		}
	})
	// No host, user or password in the URL: pgx takes them from the
	// environment, as the program does from a desktop's.
	return "postgres:///" + name
}

// SkipOnPostgres skips a test that is about the SQLite file itself (its
// permissions, its journal, a file that is not a database) when the tests
// run against PostgreSQL, saying why.
func SkipOnPostgres(t testing.TB, why string) {
	t.Helper()
	if OnPostgres() {
		t.Skip("about the SQLite file, not the database engine: " + why)
	}
}

// createDatabase creates the database name as a copy of the template
// from. It asks for ICU's British English collation where the server has
// it, which orders text as a server set up for a UK team does, unlike the
// C order of a bare test cluster: the tests then catch any query that
// leans on byte order. (A copy of another template keeps its collation.)
func createDatabase(name, from string) error {
	if from != "template0" {
		return adminExec(fmt.Sprintf(`CREATE DATABASE %s TEMPLATE %s`, name, from))
	}
	err := adminExec(fmt.Sprintf(`CREATE DATABASE %s TEMPLATE %s ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'en-GB' LOCALE 'C.UTF-8'`, name, from))
	if err == nil {
		return nil
	}
	return adminExec(fmt.Sprintf(`CREATE DATABASE %s TEMPLATE %s ENCODING 'UTF8'`, name, from))
}

// templates are the template databases this process has prepared, by key.
var templates = struct {
	sync.Mutex
	byKey map[string]string
}{byKey: map[string]string{}}

// templatePrefix starts the name of every template database; the
// creation time follows, so that a later run can drop the templates of
// runs long finished (a test process cannot know when it ends).
const templatePrefix = "caseload_tmpl_"

// staleTemplate is the age after which a template belongs to a finished run.
const staleTemplate = 6 * time.Hour

func template(key string, prepare func(target string) error) (string, error) {
	templates.Lock()
	defer templates.Unlock()
	if name, ok := templates.byKey[key]; ok {
		return name, nil
	}
	dropStaleTemplates()
	name := fmt.Sprintf("%s%d_%s", templatePrefix, time.Now().Unix(), randomHex(4))
	if err := createDatabase(name, "template0"); err != nil {
		return "", err
	}
	if err := prepare("postgres:///" + name); err != nil {
		_ = adminExec(fmt.Sprintf("DROP DATABASE IF EXISTS %s WITH (FORCE)", name))
		return "", err
	}
	templates.byKey[key] = name
	return name, nil
}

// dropStaleTemplates drops the templates of earlier runs.
func dropStaleTemplates() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn, err := AdminConn(ctx)
	if err != nil {
		return
	}
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, "SELECT datname FROM pg_database WHERE datname LIKE $1", templatePrefix+"%")
	if err != nil {
		return
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return
	}
	for _, name := range names {
		var made int64
		if _, err := fmt.Sscanf(strings.TrimPrefix(name, templatePrefix), "%d_", &made); err != nil {
			continue
		}
		if time.Since(time.Unix(made, 0)) > staleTemplate {
			_, _ = conn.Exec(ctx, fmt.Sprintf("DROP DATABASE IF EXISTS %s WITH (FORCE)", name))
		}
	}
}

// adminExec runs one statement on the server's maintenance database.
func adminExec(sql string) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn, err := AdminConn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, sql)
	return err
}

// AdminConn connects to the server's maintenance database (PGDATABASE,
// else postgres) as the environment's user, for set-up that a test does
// outside its own database.
func AdminConn(ctx context.Context) (*pgx.Conn, error) {
	dsn := ""
	if os.Getenv("PGDATABASE") == "" {
		dsn = "dbname=postgres"
	}
	return pgx.Connect(ctx, dsn)
}

func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on supported systems
	}
	return hex.EncodeToString(b)
}

// ExecSQLite runs statements on the SQLite file path through a plain
// connection, as another program would (no caseload settings).
func ExecSQLite(t testing.TB, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

// CountSQLite runs a query that returns one number on the SQLite file at
// path, outside the program, and returns it.
func CountSQLite(t testing.TB, path, query string) int64 {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int64
	if err := db.QueryRow(query).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}
