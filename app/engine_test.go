package app

import (
	"strings"
	"testing"

	"gorm.io/gorm"
)

// The few test steps that need SQL of one engine or the other, each
// written for both, as app/dialect.go does for the program.

// withoutForeignKeys runs fn on one connection of db on which the foreign
// keys are not checked, so that rows can go in table by table in any
// order. On PostgreSQL this needs a superuser, as the test cluster's is.
func withoutForeignKeys(t *testing.T, db *gorm.DB, fn func(conn *gorm.DB)) {
	t.Helper()
	off, on := "PRAGMA foreign_keys = OFF", "PRAGMA foreign_keys = ON"
	if onPostgres(db) {
		off, on = "SET session_replication_role = replica", "SET session_replication_role = DEFAULT"
	}
	err := db.Connection(func(conn *gorm.DB) error {
		if err := conn.Exec(off).Error; err != nil {
			return err
		}
		defer conn.Exec(on)
		fn(conn)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// copyRows copies every row of the database src into db, table by table,
// in the columns db's tables have: the rows as a release with db's schema
// would have written them.
func copyRows(t *testing.T, db *gorm.DB, src string) {
	t.Helper()
	from, err := Connect(src)
	if err != nil {
		t.Fatal(err)
	}
	defer Close(from)
	tables, err := db.Migrator().GetTables()
	if err != nil {
		t.Fatal(err)
	}
	withoutForeignKeys(t, db, func(conn *gorm.DB) {
		for _, table := range tables {
			if table == migrationsTable {
				continue
			}
			types, err := db.Migrator().ColumnTypes(table)
			if err != nil {
				t.Fatal(err)
			}
			cols := make([]string, len(types))
			for i, c := range types {
				cols[i] = from.Statement.Quote(c.Name())
			}
			var rows []map[string]any
			if err := from.Table(table).Select(strings.Join(cols, ", ")).Find(&rows).Error; err != nil {
				t.Fatalf("read %s: %v", table, err)
			}
			if err := conn.Exec("DELETE FROM " + table).Error; err != nil {
				t.Fatal(err)
			}
			if len(rows) == 0 {
				continue
			}
			if err := conn.Table(table).CreateInBatches(rows, 100).Error; err != nil {
				t.Fatalf("copy %s: %v", table, err)
			}
		}
	})
}

// failReferralInsertsWithReason makes the database refuse to insert a
// referral whose reason for referral is reason, as a failure part-way
// through a transaction.
func failReferralInsertsWithReason(t *testing.T, db *gorm.DB, reason string) {
	t.Helper()
	statements := []string{`CREATE TRIGGER fail_referral BEFORE INSERT ON referrals
		WHEN NEW.reason_for_referral = '` + reason + `' BEGIN SELECT RAISE(ABORT, 'forced failure'); END`}
	if onPostgres(db) {
		statements = []string{`CREATE FUNCTION fail_referral() RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN
				IF NEW.reason_for_referral = '` + reason + `' THEN RAISE EXCEPTION 'forced failure'; END IF;
				RETURN NEW;
			END $$`,
			`CREATE TRIGGER fail_referral BEFORE INSERT ON referrals FOR EACH ROW EXECUTE FUNCTION fail_referral()`}
	}
	for _, sql := range statements {
		if err := db.Exec(sql).Error; err != nil {
			t.Fatal(err)
		}
	}
}
