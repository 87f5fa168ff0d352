package app

import (
	"context"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"perinatal-caseload/app/testdb"
	"perinatal-caseload/models"
)

// rolesSQL is the grants file that docs/postgresql.md tells IT to run.
var rolesSQL = filepath.Join("..", "docs", "postgresql-roles.sql")

// asRole returns target signed in as the environment's (superuser)
// account acting as role, as if role had signed in itself: the server
// checks every statement against role's rights.
func asRole(target, role string) string {
	return target + "?options=" + url.QueryEscape("-c role="+role)
}

// ensureRoles makes the migration and application roles of
// docs/postgresql.md on the test server, if they are not there, and drops
// them when the test ends if it made them.
func ensureRoles(t *testing.T) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn, err := testdb.AdminConn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	for _, role := range []string{"caseload_owner", "caseload_app"} {
		var exists bool
		if err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)", role).Scan(&exists); err != nil {
			t.Fatal(err)
		}
		if exists {
			continue
		}
		if _, err := conn.Exec(ctx, "CREATE ROLE "+role+" NOLOGIN"); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			if conn, err := testdb.AdminConn(ctx); err == nil {
				_, _ = conn.Exec(ctx, "DROP ROLE IF EXISTS "+role)
				conn.Close(ctx)
			}
		})
	}
}

// execAs runs sql (one or more statements) on the database target as role.
func execAs(t *testing.T, target, role, sql string) error {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, asRole(target, role))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, sql)
	return err
}

func TestTheApplicationRoleMayAddToTheAuditTrailButNeverChangeIt(t *testing.T) {
	if !testdb.OnPostgres() {
		t.Skip("database roles are PostgreSQL's (" + testdb.EnvPG + ")")
	}
	grants, err := os.ReadFile(rolesSQL)
	if err != nil {
		t.Fatal(err)
	}
	ensureRoles(t)
	target := testdb.Target(t)
	name := strings.TrimPrefix(target, "postgres:///")
	// As the superuser steps in docs/postgresql.md leave it: the database
	// and its schema belong to the migration role.
	if err := execAs(t, target, "postgres", "ALTER DATABASE "+name+" OWNER TO caseload_owner; ALTER SCHEMA public OWNER TO caseload_owner"); err != nil {
		t.Fatal(err)
	}

	// IT migrates as the owner and runs the grants file.
	owner, err := Open(asRole(target, "caseload_owner"))
	if err != nil {
		t.Fatalf("migrate as the owner: %v", err)
	}
	Close(owner)
	if _, err := Open(asRole(target, "caseload_app")); !errors.Is(err, ErrNoTableRights) {
		t.Errorf("open as the application role before the grants = %v; want ErrNoTableRights", err)
	}
	if err := execAs(t, target, "caseload_owner", string(grants)); err != nil {
		t.Fatalf("%s: %v", rolesSQL, err)
	}
	if err := execAs(t, target, "caseload_owner", string(grants)); err != nil {
		t.Fatalf("%s a second time: %v", rolesSQL, err)
	}

	// A desktop signs in as the application role and does its work,
	// which writes the audit trail.
	appURL := asRole(target, "caseload_app")
	db, err := Open(appURL)
	if err != nil {
		t.Fatalf("open as the application role: %v", err)
	}
	defer Close(db)
	s := New(db, NewManualClock(testNow))
	admin := addStaff(t, s, "admin", models.RoleAdministrator)
	doc := addStaff(t, s, "doc", models.RoleClinician)
	r := sampleReferral("9434765919")
	if err := s.Referrals.Register(admin, r); err != nil {
		t.Fatalf("register as the application role: %v", err)
	}
	d := Decision{Outcome: models.DecisionAccept, Priority: models.PriorityRoutine, Reason: "Accepted in a test."}
	if err := s.Referrals.Decide(doc, r.ID, r.Version, d); err != nil {
		t.Fatalf("decide as the application role: %v", err)
	}
	var events int64
	if err := db.Table("audit_events").Count(&events).Error; err != nil || events == 0 {
		t.Fatalf("the application role reads %d audit events (%v)", events, err)
	}

	// It may not change or remove an event, nor the schema version, nor the tables.
	for _, sql := range []string{
		"UPDATE audit_events SET detail = 'edited'",
		"DELETE FROM audit_events",
		"TRUNCATE audit_events",
		"INSERT INTO migrations (id) VALUES ('2099010101_forged')",
		"DELETE FROM migrations",
		"DELETE FROM audit_chain_head",
		"TRUNCATE audit_chain_head",
		"INSERT INTO audit_chain_head (id, chain_seq, hash) VALUES (2, 1, 'x')",
		"DROP TRIGGER audit_chain_head_guard ON audit_chain_head",
		"ALTER TABLE audit_chain_head DISABLE TRIGGER USER",
		"DROP TABLE referrals",
		"CREATE TABLE notes (id integer)",
	} {
		err := db.Exec(sql).Error
		if !isPermissionDenied(err) {
			t.Errorf("%s as the application role: %v; want permission denied", sql, err)
		}
	}
	// The head record moves forward with each event; back, never.
	if err := db.Exec("UPDATE audit_chain_head SET chain_seq = chain_seq - 1").Error; err == nil {
		t.Error("the application role moved the audit trail's head back")
	}
	if _, err := verifyAuditHead(db); err != nil {
		t.Errorf("the trail written as the application role and its head disagree: %v", err)
	}
	var after int64
	db.Table("audit_events").Count(&after)
	if after != events {
		t.Errorf("%d audit events after the refused statements, want %d", after, events)
	}

	// A desktop on the application role that finds an upgrade due says
	// who can make it, and changes nothing.
	last := migrations()[len(migrations())-1].ID
	if err := execAs(t, target, "caseload_owner", "DELETE FROM migrations WHERE id = '"+last+"'"); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(appURL); !errors.Is(err, ErrMigrationRole) || !strings.Contains(err.Error(), "caseload migrate") {
		t.Errorf("open as the application role with an upgrade due = %v; want ErrMigrationRole", err)
	}
}
