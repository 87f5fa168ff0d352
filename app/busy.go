package app

import (
	"errors"
	"math/rand/v2"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/mattn/go-sqlite3"
	"gorm.io/gorm"
)

// BusyWait is how long opening a database waits, in all, for another
// program that holds its write lock (a SQLite file's) before giving up.
// Each attempt itself waits up to the busy timeout in the DSN.
var BusyWait = 2 * time.Minute

// BusyNotice is what a program waiting for the database says, once.
const BusyNotice = "The database is busy: another program is changing it. Waiting for it to finish..."

// ErrBusy is returned when the database stayed busy for longer than BusyWait.
var ErrBusy = errors.New("the database is busy: another program has been changing it for over two minutes; " +
	"close other copies of Perinatal Caseload on this computer, or try again later")

// isBusy reports whether err is the database refusing for now because
// another connection holds a lock: SQLite's "database is locked", or, on
// PostgreSQL, a lock not available, a serialisation failure or a deadlock.
// Nothing was written: the work can be tried again as a whole.
func isBusy(err error) bool {
	var se sqlite3.Error
	if errors.As(err, &se) {
		return se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked
	}
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		switch pg.Code {
		case "55P03", "40001", "40P01":
			return true
		}
	}
	return false
}

// WhileBusy runs fn, and runs it again while it fails only because the
// database is busy (see isBusy), for up to BusyWait in all; then ErrBusy.
// fn must be whole or nothing, as a transaction is. notice, if set, is
// told BusyNotice once, when the waiting begins, so that a person is not
// left looking at nothing.
func WhileBusy(notice func(string), fn func() error) error {
	deadline := time.Now().Add(BusyWait)
	told := false
	for {
		err := fn()
		if err == nil || !isBusy(err) {
			return err
		}
		if time.Now().After(deadline) {
			return ErrBusy
		}
		if !told && notice != nil {
			notice(BusyNotice)
			told = true
		}
		// A little randomness keeps processes that started together from
		// knocking at the same moment again.
		time.Sleep(100*time.Millisecond + rand.N(200*time.Millisecond))
	}
}

// OpenNoticing is Open for a program that a person is watching: when
// another program holds the database's write lock while this one must
// write (to migrate), it says so through notice and waits, for up to
// BusyWait, rather than failing. Opening a database that needs no
// migration reads only and never waits for a writer.
func OpenNoticing(target string, notice func(string)) (*gorm.DB, error) {
	var db *gorm.DB
	err := WhileBusy(notice, func() error {
		var err error
		db, err = Connect(target)
		return err
	})
	if err != nil {
		return nil, err
	}
	if err := WhileBusy(notice, func() error { return Migrate(db) }); err != nil {
		closeDB(db)
		return nil, &OpenError{Target: DescribeTarget(target), Err: err}
	}
	return db, nil
}
