package app

import (
	"context"
	"database/sql"
	"strconv"
	"sync"
	"testing"
	"time"

	"perinatal-caseload/app/testdb"
)

// holdWriteLock takes, from another connection, the lock that a migration
// of target needs (SQLite's write lock; PostgreSQL's schema lock) and
// returns a function that lets it go.
func holdWriteLock(t *testing.T, target string) (release func()) {
	t.Helper()
	ctx := context.Background()
	var pool *sql.DB
	lock, unlock := "BEGIN IMMEDIATE", "ROLLBACK"
	if IsPostgresURL(target) {
		db, err := Connect(target)
		if err != nil {
			t.Fatal(err)
		}
		if pool, err = db.DB(); err != nil {
			t.Fatal(err)
		}
		key := strconv.FormatInt(schemaLockKey, 10)
		lock, unlock = "SELECT pg_advisory_lock("+key+")", "SELECT pg_advisory_unlock("+key+")"
	} else {
		var err error
		if pool, err = sql.Open(sqliteDriverName, sqliteDSN(target)); err != nil {
			t.Fatal(err)
		}
	}
	conn, err := pool.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, lock); err != nil {
		t.Fatal(err)
	}
	return func() {
		_, _ = conn.ExecContext(ctx, unlock)
		conn.Close()
		pool.Close()
	}
}

// openWithin opens target, failing the test if it has not answered within
// a minute (a program that waited for a lock it should never have asked
// for would wait for ever on PostgreSQL).
func openWithin(t *testing.T, target string) error {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		db, err := Open(target)
		if err == nil {
			Close(db)
		}
		done <- err
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(time.Minute):
		t.Fatal("opening a current database waited for the write lock")
		return nil
	}
}

func TestOpeningACurrentDatabaseTakesNoWriteLock(t *testing.T) {
	s, _, target := newTestServices(t)
	Close(s.core.db)
	release := holdWriteLock(t, target)
	defer release()
	if err := openWithin(t, target); err != nil {
		t.Fatalf("open while another program holds the write lock: %v", err)
	}
}

func TestADueMigrationWaitsForTheLockAndThenRuns(t *testing.T) {
	target := testdb.Target(t)
	db, err := Connect(target) // makes the SQLite file, so that it can be locked
	if err != nil {
		t.Fatal(err)
	}
	Close(db)
	release := holdWriteLock(t, target)
	go func() {
		time.Sleep(300 * time.Millisecond)
		release()
	}()
	if err := openWithin(t, target); err != nil {
		t.Fatalf("open of a new database after the lock was let go: %v", err)
	}
}

func TestSimultaneousFirstOpensAllSucceed(t *testing.T) {
	target := testdb.Target(t)
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			db, err := Open(target)
			if err == nil {
				Close(db)
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("opener %d: %v", i, err)
		}
	}
	db, err := Connect(target)
	if err != nil {
		t.Fatal(err)
	}
	defer Close(db)
	if pending, err := PendingMigrations(db); err != nil || len(pending) != 0 {
		t.Errorf("after the opens: pending %v, %v", pending, err)
	}
	var n int64
	db.Table(migrationsTable).Count(&n)
	if int(n) != len(migrations()) {
		t.Errorf("%d migrations recorded, want %d (each once)", n, len(migrations()))
	}
}

func TestUpgradeListsWhatItAppliedAndThenNothing(t *testing.T) {
	db, err := Connect(testdb.Target(t))
	if err != nil {
		t.Fatal(err)
	}
	defer Close(db)
	pending, err := PendingMigrations(db)
	if err != nil || len(pending) != len(migrations()) {
		t.Fatalf("a new database lacks %v (%v); want every migration", pending, err)
	}
	applied, err := Upgrade(db)
	if err != nil || len(applied) != len(migrations()) || applied[0] != migrations()[0].ID {
		t.Fatalf("Upgrade applied %v, %v", applied, err)
	}
	if again, err := Upgrade(db); err != nil || len(again) != 0 {
		t.Errorf("a second Upgrade applied %v, %v; want nothing", again, err)
	}
}
