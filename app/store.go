package app

import (
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/mattn/go-sqlite3"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// EnvDB names the environment variable that picks the database.
const EnvDB = "CASELOAD_DB"

// DefaultDBPath returns the SQLite file in the user's application-data
// folder, shared by the GUI and the command line.
func DefaultDBPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("cannot find your application-data folder: %w; give a database with --db", err)
	}
	return filepath.Join(dir, "PerinatalCaseload", "caseload.db"), nil
}

// ResolveDB picks the database from the --db flag, then CASELOAD_DB, then the default.
func ResolveDB(flag string) (string, error) {
	if flag != "" {
		return flag, nil
	}
	if env := os.Getenv(EnvDB); env != "" {
		return env, nil
	}
	return DefaultDBPath()
}

// OpenError reports a database that could not be opened or migrated. The
// file is left as it was.
type OpenError struct {
	Target string
	Err    error
}

func (e *OpenError) Error() string {
	return fmt.Sprintf("cannot open the database %s: %v", e.Target, e.Err)
}

func (e *OpenError) Unwrap() error { return e.Err }

// Open opens the database named by target (a SQLite file path, or a
// postgres:// URL) and brings its schema up to date.
func Open(target string) (*gorm.DB, error) {
	if strings.HasPrefix(target, "postgres://") || strings.HasPrefix(target, "postgresql://") {
		return nil, &OpenError{Target: "(PostgreSQL URL)", Err: errors.New("this build supports SQLite files only; PostgreSQL support is planned")}
	}
	db, err := openSQLite(target)
	if err != nil {
		return nil, &OpenError{Target: target, Err: err}
	}
	if err := Migrate(db); err != nil {
		closeDB(db)
		return nil, &OpenError{Target: target, Err: err}
	}
	return db, nil
}

// sqliteDSN returns the connection string: WAL journal, foreign keys on and
// a busy timeout, all in the DSN so every pooled connection gets them.
func sqliteDSN(path string) string {
	return "file:" + path + "?_journal_mode=WAL&_foreign_keys=on&_busy_timeout=10000&_txlock=immediate&_cache_size=-65536"
}

// sqliteDriverName is the SQLite driver registered with the connection
// settings that a DSN cannot carry.
const sqliteDriverName = "sqlite3_caseload"

func init() {
	sql.Register(sqliteDriverName, &sqlite3.SQLiteDriver{
		ConnectHook: func(conn *sqlite3.SQLiteConn) error {
			// Temporary tables and journals in memory, not in files.
			_, err := conn.Exec("PRAGMA temp_store = MEMORY", nil)
			return err
		},
	})
}

func openSQLite(path string) (*gorm.DB, error) {
	if path == "" {
		return nil, errors.New("no database file was named")
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("cannot create its folder: %w", err)
	}
	if err := ensureCheckedFile(path); err != nil {
		return nil, err
	}
	db, err := gorm.Open(sqlite.New(sqlite.Config{DriverName: sqliteDriverName, DSN: sqliteDSN(path)}), &gorm.Config{
		Logger:                 logger.Discard, // SQL may carry patient data: never log it
		SkipDefaultTransaction: true,           // writes run in explicit transactions with their audit rows
	})
	if err != nil {
		return nil, err
	}
	if err := db.Exec("SELECT count(*) FROM sqlite_master").Error; err != nil {
		closeDB(db)
		return nil, fmt.Errorf("it is not a Perinatal Caseload database (%v)", err)
	}
	return db, nil
}

// ensureCheckedFile creates a new database file with mode 0600, or checks
// that an existing one starts like a SQLite file, so that a wrong file is
// reported before SQLite writes anything to it.
func ensureCheckedFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDONLY, 0)
	if errors.Is(err, fs.ErrNotExist) {
		nf, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if err != nil {
			return fmt.Errorf("cannot create the file: %w", err)
		}
		return nf.Close()
	}
	if err != nil {
		return fmt.Errorf("cannot read the file: %w", err)
	}
	defer f.Close()
	header := make([]byte, 16)
	n, _ := f.Read(header)
	if n == 0 {
		return nil // an empty file is a new database
	}
	if string(header[:n]) != "SQLite format 3\x00" {
		return errors.New("the file is not a SQLite database; it has been left untouched")
	}
	return nil
}

func closeDB(db *gorm.DB) {
	if sqlDB, err := db.DB(); err == nil {
		_ = sqlDB.Close()
	}
}

// Close closes the database.
func Close(db *gorm.DB) { closeDB(db) }
