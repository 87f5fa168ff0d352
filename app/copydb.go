package app

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// TableCount is how many rows of one table a copy found in the source and
// then counted in the target.
type TableCount struct {
	Table          string
	Source, Target int64
}

// ErrTargetNotEmpty refuses a copy into a database that already holds a caseload.
var ErrTargetNotEmpty = errors.New("the target database is not empty; copy-db copies only into a new, empty database " +
	"(a new SQLite file, or an empty PostgreSQL database made as docs/postgresql.md says)")

// copyChunk is how many rows go in one INSERT, kept well under both
// engines' limit on the number of parameters in one statement.
const copyChunk = 20000

// CopyDatabase copies the whole caseload from src, which the program has
// opened and migrated, into the empty database target (a SQLite file or a
// postgres:// URL): every table, with its rows' identifiers, among them
// the audit trail, the letter register, the settings and the accounts.
//
// It is whole or nothing: it reads src as it stood at one moment and
// writes the target in one transaction, which commits only when every
// table's count in the target equals the source's; a SQLite file it made
// is removed again if the copy fails. The copy is audited in src first, by
// actor, so the copy carries the record of where it came from.
func (s *Services) CopyDatabase(actor *models.StaffMember, target string) ([]TableCount, error) {
	if err := s.core.authorise(actor, models.PermManageUsers); err != nil {
		return nil, err
	}
	madeFile := false
	if !IsPostgresURL(target) {
		if _, err := os.Stat(target); errors.Is(err, fs.ErrNotExist) {
			madeFile = true
		}
	}
	counts, err := copyInto(s.core, actor, target)
	if err != nil && madeFile {
		for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
			_ = os.Remove(target + suffix)
		}
	}
	return counts, err
}

func copyInto(c *core, actor *models.StaffMember, target string) ([]TableCount, error) {
	if err := checkEmptyTarget(target); err != nil {
		return nil, err
	}
	dst, err := Open(target)
	if err != nil {
		return nil, err
	}
	defer closeDB(dst)
	tables, err := copyOrder(dst)
	if err != nil {
		return nil, fmt.Errorf("cannot list the tables of the target: %w", err)
	}
	var counts []TableCount
	err = c.db.Transaction(func(src *gorm.DB) error {
		if err := c.audit(src, actor, ActionExport, "database", 0, nil, nil, "copied the whole caseload to "+DescribeTarget(target)); err != nil {
			return err
		}
		return dst.Transaction(func(tx *gorm.DB) error {
			// The migrations seed some tables (the standard letter
			// templates): the source's rows take their place.
			for _, table := range slices.Backward(tables) {
				if err := tx.Exec("DELETE FROM " + tx.Statement.Quote(table)).Error; err != nil {
					return err
				}
			}
			for _, table := range tables {
				n, err := copyTable(src, tx, table)
				if err != nil {
					return fmt.Errorf("cannot copy the table %s: %w", table, err)
				}
				counts = append(counts, n)
				if n.Source != n.Target {
					return fmt.Errorf("the table %s has %d rows in the source but %d in the target; nothing was copied", table, n.Source, n.Target)
				}
			}
			return nil
		})
	}, snapshotOptions(c.db))
	if err != nil {
		return nil, err
	}
	return counts, nil
}

// checkEmptyTarget refuses a target that holds anything: tables of
// another program, or a caseload that anyone has used (every use leaves an
// account or an audit event). A database with only the schema is empty.
func checkEmptyTarget(target string) error {
	db, err := Connect(target)
	if err != nil {
		return err
	}
	defer closeDB(db)
	tables, err := db.Migrator().GetTables()
	if err != nil {
		return fmt.Errorf("cannot list the tables of the target: %w", err)
	}
	if len(tables) == 0 {
		return nil
	}
	if !slices.Contains(tables, migrationsTable) {
		return ErrTargetNotEmpty
	}
	for _, table := range []string{"audit_events", "staff_members", "referrals", "patients"} {
		var n int64
		if err := db.Table(table).Count(&n).Error; err != nil || n > 0 {
			return ErrTargetNotEmpty
		}
	}
	return nil
}

// copyOrder lists the tables to copy, each after the tables its foreign
// keys refer to, so that rows go in table by table with every check on.
func copyOrder(db *gorm.DB) ([]string, error) {
	all, err := db.Migrator().GetTables()
	if err != nil {
		return nil, err
	}
	all = slices.DeleteFunc(all, func(t string) bool { return strings.HasPrefix(t, "sqlite_") }) // SQLite's own
	slices.Sort(all)
	parents := map[string][]string{}
	for _, t := range all {
		if parents[t], err = foreignKeyParents(db, t); err != nil {
			return nil, err
		}
	}
	var order []string
	placed := map[string]bool{migrationsTable: true} // the target's own migrations stand
	var place func(t string)
	place = func(t string) {
		if placed[t] {
			return
		}
		placed[t] = true
		for _, p := range parents[t] {
			if p != t {
				place(p)
			}
		}
		order = append(order, t)
	}
	for _, t := range all {
		place(t)
	}
	return order, nil
}

// copyTable copies every row of table from src to dst, in order of ID, a
// chunk at a time, and counts the rows on both sides.
func copyTable(src, dst *gorm.DB, table string) (TableCount, error) {
	n := TableCount{Table: table}
	types, err := dst.Migrator().ColumnTypes(table)
	if err != nil {
		return n, err
	}
	boolColumn := map[string]bool{}
	for _, ct := range types {
		switch strings.ToUpper(ct.DatabaseTypeName()) {
		case "BOOL", "BOOLEAN":
			boolColumn[ct.Name()] = true
		}
	}
	quoted := src.Statement.Quote(table)
	var lastID int64
	for {
		rows, err := src.Raw(fmt.Sprintf("SELECT * FROM %s WHERE id > ? ORDER BY id LIMIT %d", quoted, copyChunk/len(types)), lastID).Rows()
		if err != nil {
			return n, err
		}
		cols, _ := rows.Columns()
		var values []any
		got := 0
		for rows.Next() {
			row := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range row {
				ptrs[i] = &row[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				rows.Close()
				return n, err
			}
			for i, col := range cols {
				if v, ok := row[i].(int64); ok && boolColumn[col] {
					row[i] = v != 0 // SQLite keeps a boolean as 0 or 1
				}
				if col == "id" {
					lastID, _ = row[i].(int64)
				}
			}
			values = append(values, row...)
			got++
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return n, err
		}
		if got == 0 {
			break
		}
		if err := dst.Exec(insertStatement(dst, table, cols, got), values...).Error; err != nil {
			return n, err
		}
	}
	if err := resetSequence(dst, table); err != nil {
		return n, err
	}
	if err := src.Table(table).Count(&n.Source).Error; err != nil {
		return n, err
	}
	err = dst.Table(table).Count(&n.Target).Error
	return n, err
}

// insertStatement is a multi-row INSERT of rows rows into cols of table.
func insertStatement(db *gorm.DB, table string, cols []string, rows int) string {
	quoted := make([]string, len(cols))
	for i, c := range cols {
		quoted[i] = db.Statement.Quote(c)
	}
	one := "(" + strings.TrimSuffix(strings.Repeat("?,", len(cols)), ",") + ")"
	return fmt.Sprintf("INSERT INTO %s (%s) VALUES %s", db.Statement.Quote(table), strings.Join(quoted, ","),
		strings.TrimSuffix(strings.Repeat(one+",", rows), ","))
}
