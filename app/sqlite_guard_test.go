package app

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"perinatal-caseload/app/testdb"
)

// fileSHA returns the SHA-256 of the file at path, in hex.
func fileSHA(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// closedCaseload makes a current caseload file and closes it.
func closedCaseload(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "caseload.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	Close(db)
	return path
}

// corruptPage overwrites the middle of the file's third page.
func corruptPage(t *testing.T, path string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	junk := make([]byte, 2048)
	for i := range junk {
		junk[i] = byte(i*7 + 13)
	}
	if _, err := f.WriteAt(junk, 2*4096+8); err != nil {
		t.Fatal(err)
	}
}

// Hazard: HAZ-028.
func TestOpenRefusesFilesThatAreNotHealthyCaseloadsAndLeavesThemUntouched(t *testing.T) {
	testdb.SkipOnPostgres(t, "SQLite files of other programs and versions")
	cases := []struct {
		name string
		make func(t *testing.T) string
		want error
	}{
		{"another program's database", func(t *testing.T) string {
			path := filepath.Join(t.TempDir(), "other.db")
			testdb.ExecSQLite(t, path, "CREATE TABLE recipes (name TEXT)", "INSERT INTO recipes VALUES ('scones')")
			return path
		}, ErrNotCaseload},
		{"another program's database with a migrations table", func(t *testing.T) string {
			path := filepath.Join(t.TempDir(), "other.db")
			testdb.ExecSQLite(t, path, "CREATE TABLE migrations (id TEXT)", "INSERT INTO migrations VALUES ('0001_init')")
			return path
		}, ErrNotCaseload},
		{"another program's application identifier", func(t *testing.T) string {
			path := filepath.Join(t.TempDir(), "other.db")
			testdb.ExecSQLite(t, path, "PRAGMA application_id = 1234", "CREATE TABLE migrations (id TEXT)",
				"INSERT INTO migrations VALUES ('"+firstMigrationID+"')")
			return path
		}, ErrNotCaseload},
		{"a newer version in WAL mode", func(t *testing.T) string {
			path := closedCaseload(t)
			testdb.ExecSQLite(t, path, "INSERT INTO migrations (id) VALUES ('2099010101_from_the_future')")
			return path
		}, ErrNewerDatabase},
		{"a newer version in rollback mode", func(t *testing.T) string {
			path := closedCaseload(t)
			testdb.ExecSQLite(t, path, "PRAGMA journal_mode = DELETE", "INSERT INTO migrations (id) VALUES ('2099010101_from_the_future')")
			return path
		}, ErrNewerDatabase},
		{"a damaged caseload", func(t *testing.T) string {
			path := closedCaseload(t)
			corruptPage(t, path)
			return path
		}, ErrDamaged},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := c.make(t)
			before := fileSHA(t, path)
			db, err := Open(path)
			if err == nil {
				Close(db)
			}
			if !errors.Is(err, c.want) {
				t.Errorf("Open = %v, want %v", err, c.want)
			}
			if after := fileSHA(t, path); after != before {
				t.Error("the refused file was changed")
			}
		})
	}
}

func TestCaseloadsCarryTheApplicationIDAndSynchronousFull(t *testing.T) {
	testdb.SkipOnPostgres(t, "the SQLite file header")
	s, _, path := newTestServices(t)
	if id, err := applicationID(s.core.db); err != nil || id != ApplicationID {
		t.Errorf("application_id of a new caseload = %#x, %v; want %#x", id, err, ApplicationID)
	}
	var sync int
	s.core.db.Raw("PRAGMA synchronous").Row().Scan(&sync)
	if sync != 2 {
		t.Errorf("synchronous = %d, want 2 (FULL)", sync)
	}
	Close(s.core.db)
	before := fileSHA(t, path)
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	Close(db)
	if fileSHA(t, path) != before {
		t.Error("opening a current, marked caseload changed the file")
	}
}

func TestAnOlderCaseloadWithoutTheApplicationIDIsMarkedOnOpening(t *testing.T) {
	testdb.SkipOnPostgres(t, "the SQLite file header")
	path := closedCaseload(t)
	testdb.ExecSQLite(t, path, "PRAGMA application_id = 0")
	db, err := Open(path)
	if err != nil {
		t.Fatalf("an older caseload was refused: %v", err)
	}
	defer Close(db)
	if id, _ := applicationID(db); id != ApplicationID {
		t.Errorf("application_id after opening = %#x, want %#x", id, ApplicationID)
	}
}
