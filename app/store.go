package app

import (
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/mattn/go-sqlite3"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

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
// postgres:// URL) and brings its schema up to date when it needs it.
// A database whose schema is already current is only read: opening it
// takes no write lock.
//
// While another program holds the write lock that a migration needs, it
// waits (see OpenNoticing), silently.
func Open(target string) (*gorm.DB, error) { return OpenNoticing(target, nil) }

// Connect opens the database named by target without looking at or
// changing its schema (see Open and Upgrade).
func Connect(target string) (*gorm.DB, error) {
	var db *gorm.DB
	var err error
	if IsPostgresURL(target) {
		if err = checkPostgresURL(target); err == nil {
			db, err = openPostgres(target)
		}
	} else {
		db, err = openSQLite(target)
	}
	if err != nil {
		return nil, &OpenError{Target: DescribeTarget(target), Err: err}
	}
	return db, nil
}

// gormConfig is the GORM set-up of both engines.
func gormConfig() *gorm.Config {
	return &gorm.Config{
		Logger:                 logger.Discard, // SQL may carry patient data: never log it
		SkipDefaultTransaction: true,           // writes run in explicit transactions with their audit rows
		// created_at and updated_at as SystemClock tells the time: UTC, to
		// the microsecond that PostgreSQL keeps.
		NowFunc: func() time.Time { return SystemClock{}.Now() },
	}
}

// sqliteDSN returns the connection string: WAL journal, foreign keys on,
// a busy timeout and synchronous=FULL (a commit is on the disc before it
// returns, so a power cut cannot undo it; see docs/backup.md for its
// cost), all in the DSN so every pooled connection gets them.
func sqliteDSN(path string) string {
	return "file:" + path + "?_journal_mode=WAL&_foreign_keys=on&_busy_timeout=10000&_txlock=immediate&_cache_size=-65536&_synchronous=" + sqliteSynchronous
}

// sqliteSynchronous is the synchronous setting; only the benchmark of its
// cost changes it.
var sqliteSynchronous = "FULL"

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
	// Nothing may write to an existing file before it is known to be a
	// healthy caseload of this version or older (sqlite_guard.go).
	if info, err := os.Stat(path); err == nil && info.Size() > 0 {
		err := inspectSQLite(path)
		if errors.Is(err, ErrNewerDatabase) {
			// Only read: Upgrade then refuses it, and nothing is written.
			return openReadOnly(path)
		}
		if err != nil {
			return nil, err
		}
	}
	db, err := gorm.Open(sqlite.New(sqlite.Config{DriverName: sqliteDriverName, DSN: sqliteDSN(path)}), gormConfig())
	if err != nil {
		return nil, err
	}
	if err := checkIsCaseloadStore(db); err != nil {
		closeDB(db)
		return nil, err
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
		if errors.Is(err, fs.ErrExist) {
			return ensureCheckedFile(path) // another program made it first
		}
		if err != nil {
			return fmt.Errorf("cannot create the file: %w", err)
		}
		if err := RestrictToOwner(path); err != nil { // Windows ignores the mode
			nf.Close()
			return err
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
