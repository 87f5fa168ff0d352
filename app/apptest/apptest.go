// Package apptest sets up the services over a real database for the
// tests of the packages that use package app: a fresh database of the
// test's own (a SQLite file, or a PostgreSQL database when the environment
// asks for one: see package testdb), a clock the test moves, staff accounts with one
// shared password, and demo referrals when a test wants a full register.
//
// Only tests import it. The tests inside package app cannot (it imports
// app), so they keep their own small helpers.
package apptest

import (
	"testing"
	"time"

	"perinatal-caseload/app"
	"perinatal-caseload/app/demo"
	"perinatal-caseload/app/testdb"
	"perinatal-caseload/models"

	"gorm.io/gorm"
)

// Password is the password of every account the tests make.
const Password = "correct horse battery"

// Now is when the tests run unless they move the clock: Monday
// 23 November 2026, 10:00 London time (GMT).
var Now = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

// Env is a database the test owns and the services over it.
type Env struct {
	T        testing.TB
	Path     string // the database: a SQLite file path or a PostgreSQL URL
	Services *app.Services
	// DB is a handle on the same database, for tests that look at or
	// tamper with rows directly. The services never hand theirs out.
	DB     *gorm.DB
	Clock  *app.ManualClock    // stopped at Now until the test moves it
	System *models.StaffMember // the system user, which adds the accounts
}

// New makes a new database that the test owns, on the engine the
// environment chooses (see package testdb).
func New(t testing.TB) *Env {
	t.Helper()
	return Open(t, testdb.Prepared(t, "app", prepare))
}

// prepare brings a new test database to the current schema.
func prepare(target string) error {
	db, err := app.Open(target)
	if err != nil {
		return err
	}
	app.Close(db)
	return nil
}

// Open opens the database at path (a SQLite file, made if it does not
// exist, or a PostgreSQL URL), and closes it when the test ends.
func Open(t testing.TB, path string) *Env {
	t.Helper()
	db, err := app.Open(path)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { app.Close(db) })
	e := &Env{T: t, Path: path, Clock: app.NewManualClock(Now), DB: db}
	e.Services = app.New(db, e.Clock)
	if e.System, err = e.Services.Staff.SystemUser(); err != nil {
		t.Fatal(err)
	}
	return e
}

// AddStaff adds an account named "Test username", with Password and the
// given roles.
func (e *Env) AddStaff(username string, roles ...models.Role) *models.StaffMember {
	e.T.Helper()
	m := &models.StaffMember{Name: "Test " + username, Username: username, JobTitle: "Tester"}
	m.SetRoles(roles...)
	return e.AddMember(m)
}

// AddMember adds m, already filled in and given its roles, with Password.
func (e *Env) AddMember(m *models.StaffMember) *models.StaffMember {
	e.T.Helper()
	if err := e.Services.Staff.Add(e.System, m, Password); err != nil {
		e.T.Fatalf("add staff %s: %v", m.Username, err)
	}
	return m
}

// AddDemo adds that many demo referrals, and the demo team, made with
// seed 1 so every run has the same ones.
func (e *Env) AddDemo(referrals int) {
	e.T.Helper()
	if _, err := demo.Generate(e.Services, demo.Options{Referrals: referrals, Seed: 1}); err != nil {
		e.T.Fatal(err)
	}
}
