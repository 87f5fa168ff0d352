package app

// The SQL that only one of the two engines understands lives in this file,
// each piece behind a function that does the right thing on either. Every
// other query in package app is written once, in SQL that SQLite and
// PostgreSQL read alike. (Connecting is engine-specific by nature: the
// SQLite file and its DSN are in store.go, the PostgreSQL connection in
// store_postgres.go.)

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"gorm.io/gorm"
)

// onPostgres reports whether db is a PostgreSQL database (else SQLite).
func onPostgres(db *gorm.DB) bool { return db.Dialector.Name() == "postgres" }

// checkIsCaseloadStore checks, straight after connecting, that the
// database is one the program can use. A SQLite file must really be a
// database; a PostgreSQL database must hold text as UTF-8, so that
// names such as Łucja and Nguyễn are kept exactly.
func checkIsCaseloadStore(db *gorm.DB) error {
	if !onPostgres(db) {
		if err := db.Exec("SELECT count(*) FROM sqlite_master").Error; err != nil {
			if isBusy(err) {
				return err
			}
			return fmt.Errorf("it is not a Perinatal Caseload database (%v)", err)
		}
		return nil
	}
	var encoding string
	if err := db.Raw("SHOW server_encoding").Scan(&encoding).Error; err != nil {
		return fmt.Errorf("the server did not answer a first query: %w", err)
	}
	if encoding != "UTF8" {
		return fmt.Errorf("the database holds text as %s; create it with ENCODING 'UTF8' (see docs/postgresql.md)", encoding)
	}
	return nil
}

// schemaLockKey is the PostgreSQL advisory lock that one migration at a
// time holds ("caseload" in ASCII).
const schemaLockKey = 0x636173656c6f6164

// lockSchema makes a migration wait for any other migration running at
// the same time, on tx. On SQLite the migration's transaction already
// began with the write lock (the DSN asks for immediate transactions); on
// PostgreSQL a transaction-scoped advisory lock does the same, released
// at commit or rollback.
func lockSchema(tx *gorm.DB) error {
	if !onPostgres(tx) {
		return nil
	}
	return tx.Exec("SELECT pg_advisory_xact_lock(?)", int64(schemaLockKey)).Error
}

// auditChainLockKey is the PostgreSQL advisory lock that one writer of
// the audit trail at a time holds ("audchain" in ASCII).
const auditChainLockKey = 0x617564636861696e

// lockAuditChain makes an append to the audit trail wait for any other
// append on tx until that one commits, so that the hash chain never forks.
// On SQLite every transaction already began with the write lock (the DSN
// asks for immediate transactions); on PostgreSQL a transaction-scoped
// advisory lock does the same, released at commit or rollback.
func lockAuditChain(tx *gorm.DB) error {
	if !onPostgres(tx) {
		return nil
	}
	return tx.Exec("SELECT pg_advisory_xact_lock(?)", int64(auditChainLockKey)).Error
}

// forbidAuditChanges makes SQLite itself refuse to change or remove an
// audit event, whoever asks, through any handle of the program. On
// PostgreSQL the application role has no right to (docs/postgresql-roles.sql).
func forbidAuditChanges(tx *gorm.DB) error {
	if onPostgres(tx) {
		return nil
	}
	for _, op := range []string{"UPDATE", "DELETE"} {
		sql := fmt.Sprintf(`CREATE TRIGGER IF NOT EXISTS audit_events_no_%s BEFORE %s ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit events are never changed or removed'); END`, strings.ToLower(op), op)
		if err := tx.Exec(sql).Error; err != nil {
			return err
		}
	}
	return nil
}

// forbidHeadRollback makes the database refuse to move the audit trail's
// head record back (or to another row) and to remove it while the trail
// holds any event, whoever asks: a SQLite trigger, or on PostgreSQL a
// trigger the application role cannot drop or disable, beside the rights
// docs/postgresql-roles.sql takes from it. (copy-db empties a new target's
// head before copying the source's in, while its trail is still empty.)
func forbidHeadRollback(tx *gorm.DB) error {
	const back = "the head record of the audit trail only moves forward"
	const gone = "the head record of the audit trail is never removed"
	stmts := []string{
		`CREATE TRIGGER IF NOT EXISTS audit_chain_head_forward BEFORE UPDATE ON audit_chain_head
WHEN NEW.chain_seq <= OLD.chain_seq OR NEW.id <> OLD.id BEGIN SELECT RAISE(ABORT, '` + back + `'); END`,
		`CREATE TRIGGER IF NOT EXISTS audit_chain_head_kept BEFORE DELETE ON audit_chain_head
WHEN EXISTS (SELECT 1 FROM audit_events) BEGIN SELECT RAISE(ABORT, '` + gone + `'); END`,
	}
	if onPostgres(tx) {
		stmts = []string{
			`CREATE OR REPLACE FUNCTION audit_chain_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'UPDATE' THEN
		IF NEW.chain_seq <= OLD.chain_seq OR NEW.id <> OLD.id THEN
			RAISE EXCEPTION '` + back + `';
		END IF;
		RETURN NEW;
	END IF;
	IF EXISTS (SELECT 1 FROM audit_events) THEN
		RAISE EXCEPTION '` + gone + `';
	END IF;
	RETURN OLD;
END $$`,
			"DROP TRIGGER IF EXISTS audit_chain_head_guard ON audit_chain_head",
			"CREATE TRIGGER audit_chain_head_guard BEFORE UPDATE OR DELETE ON audit_chain_head FOR EACH ROW EXECUTE FUNCTION audit_chain_head_guard()",
			"DROP TRIGGER IF EXISTS audit_chain_head_truncate ON audit_chain_head",
			"CREATE TRIGGER audit_chain_head_truncate BEFORE TRUNCATE ON audit_chain_head FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_head_guard()",
		}
	}
	for _, sql := range stmts {
		if err := tx.Exec(sql).Error; err != nil {
			return err
		}
	}
	return nil
}

// isPermissionDenied reports whether err is the server refusing an
// account something its role may not do (PostgreSQL's SQLSTATE 42501).
func isPermissionDenied(err error) bool {
	var pg *pgconn.PgError
	return errors.As(err, &pg) && pg.Code == "42501"
}

// schemaHiddenFromAccount reports whether the database has a migrations
// table that the account connected cannot see: on PostgreSQL, an
// application role that has not been granted its rights yet.
func schemaHiddenFromAccount(db *gorm.DB) bool {
	if !onPostgres(db) {
		return false
	}
	var exists bool
	if err := db.Raw("SELECT to_regclass(?) IS NOT NULL", migrationsTable).Scan(&exists).Error; err != nil {
		return false
	}
	return exists && !db.Migrator().HasTable(migrationsTable)
}

// byteOrderColumn is a text column searched by prefix ranges
// (prefixRange), with its size.
type byteOrderColumn struct {
	table, column string
	size          int
}

// byteOrderColumns are the columns migration 2026121001 gave the byte
// order: the first search keys, postcodes and letter recipients.
var byteOrderColumns = []byteOrderColumn{
	{"patients", "given_key", 100},
	{"patients", "family_key", 100},
	{"patients", "postcode", 8},
	{"letters", "recipient_name", 200},
}

// byteOrderSearchKeys are the search keys that migration 2026120301 added
// after it, which migration 2026122101 gives the byte order too.
var byteOrderSearchKeys = []byteOrderColumn{
	{"patients", "family_part_key", 100},
	{"patients", "postcode_key", 8},
}

// migrateByteOrderSearch (migration 2026121001) gives byteOrderColumns the
// byte order; see setByteOrder.
func migrateByteOrderSearch(tx *gorm.DB) error { return setByteOrder(tx, byteOrderColumns) }

// migrateByteOrderSearchKeys (migration 2026122101) gives
// byteOrderSearchKeys the byte order; see setByteOrder.
func migrateByteOrderSearchKeys(tx *gorm.DB) error { return setByteOrder(tx, byteOrderSearchKeys) }

// setByteOrder makes the prefix searches on columns compare text as SQLite
// does, code point by code point. A PostgreSQL database otherwise compares
// in its locale's order, where punctuation and spaces may be skipped, so
// that a range such as ["smi", "smi\U0010FFFF") need not hold every name
// that starts "smi", and where each comparison costs a call into the
// locale library rather than a comparison of bytes. The "C" collation on
// the columns (and so on their indexes) fixes the order whatever locale
// the server was created with. SQLite already compares bytes: nothing to
// do there.
func setByteOrder(tx *gorm.DB, columns []byteOrderColumn) error {
	if !onPostgres(tx) {
		return nil
	}
	for _, c := range columns {
		sql := fmt.Sprintf(`ALTER TABLE %s ALTER COLUMN %s TYPE varchar(%d) COLLATE "C"`, c.table, c.column, c.size)
		if err := tx.Exec(sql).Error; err != nil {
			return fmt.Errorf("cannot set the search order of %s.%s: %w", c.table, c.column, err)
		}
	}
	return nil
}

// rowValue returns SQL for the column col that SQLite reads from each
// row rather than through an index on it: col joined to an empty string,
// which its planner cannot match to an index. PostgreSQL gets col itself:
// its planner weighs the index by its statistics, and given the
// expression it would guess that a filter keeps one row in two hundred (a
// count of a common name among the closed referrals then took 90 ms
// instead of 19 on a million referrals).
func rowValue(db *gorm.DB, col string) string {
	if onPostgres(db) {
		return col
	}
	return col + " || ''"
}

// inSubquery returns a condition that col is one of the values a
// subquery (its one argument) returns. SQLite gets "col IN (?)". On
// PostgreSQL the subquery's values are gathered into an array first
// ("col = ANY (ARRAY(?))"), so that each is looked up in the index on col:
// given IN, its planner may instead read that whole index and join it to
// the values, and for the page of a search that names a thousand women
// it did, taking 23 ms instead of 10 at 100,000 referrals.
func inSubquery(db *gorm.DB, col string) string {
	if onPostgres(db) {
		return col + " = ANY (ARRAY(?))"
	}
	return col + " IN (?)"
}

// coveringSearchIndexes are the statements of migration 2026122102; see
// migrateCoveringSearchIndexes.
var coveringSearchIndexes = []string{
	"DROP INDEX IF EXISTS idx_referral_order",
	"CREATE INDEX idx_referral_order ON referrals (urgent_rank, received_at, patient_id) INCLUDE (id)",
	"DROP INDEX IF EXISTS idx_referral_queue",
	"CREATE INDEX idx_referral_queue ON referrals (status, urgent_rank, received_at, patient_id) INCLUDE (id)",
	"CREATE INDEX IF NOT EXISTS idx_patient_search_probe ON patients (id) INCLUDE (given_key, family_key, family_part_key, postcode_key)",
}

// migrateCoveringSearchIndexes (migration 2026122102) lets PostgreSQL read
// a search in list order from indexes alone, as SQLite already does. The
// two list-order indexes carry each referral's ID, and a new index on the
// patients' IDs carries their search keys, so that whether a referral's
// patient matches is answered without reading either table: at a million
// referrals, the page of a common name among the closed referrals took
// 14 ms instead of 30 (docs/benchmarks.md). SQLite has nothing to do: each
// of its indexes ends with the row's ID, and its patients table is ordered
// by ID with the keys in each row.
func migrateCoveringSearchIndexes(tx *gorm.DB) error {
	if !onPostgres(tx) {
		return nil
	}
	for _, sql := range coveringSearchIndexes {
		if err := tx.Exec(sql).Error; err != nil {
			return fmt.Errorf("cannot make the search indexes cover their queries: %w", err)
		}
	}
	return nil
}

// foreignKeyParents returns the tables that table's foreign keys refer to.
func foreignKeyParents(db *gorm.DB, table string) ([]string, error) {
	var parents []string
	query := `SELECT DISTINCT "table" FROM pragma_foreign_key_list(?)`
	if onPostgres(db) {
		query = `SELECT DISTINCT p.relname FROM pg_constraint c
			JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class p ON p.oid = c.confrelid
			WHERE c.contype = 'f' AND t.relname = ? AND t.relnamespace = current_schema()::regnamespace`
	}
	err := db.Raw(query, table).Scan(&parents).Error
	return parents, err
}

// resetSequence moves table's ID sequence past the highest ID it holds,
// after rows went in with their own IDs. SQLite's AUTOINCREMENT already
// follows the highest ID inserted.
func resetSequence(tx *gorm.DB, table string) error {
	if !onPostgres(tx) {
		return nil
	}
	return tx.Exec(fmt.Sprintf(`SELECT setval(pg_get_serial_sequence('%s', 'id'), COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM %s`, table, tx.Statement.Quote(table))).Error
}

// snapshotOptions are the options of a transaction that reads a whole
// database as it stood at one moment while others go on working. (SQLite's
// transactions, begun with the write lock, are such a snapshot already.)
func snapshotOptions(db *gorm.DB) *sql.TxOptions {
	if onPostgres(db) {
		return &sql.TxOptions{Isolation: sql.LevelRepeatableRead}
	}
	return nil
}
