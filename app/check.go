package app

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"gorm.io/gorm"
)

// CheckReport is what Check found: one plain sentence per fault, naming
// tables and row numbers, never a woman.
type CheckReport struct {
	// Passed names the checks that ran and found nothing wrong.
	Passed []string
	Faults []string
	// AuditHead is the audit trail's head record, to be written down away
	// from the machine; nil if it could not be read.
	AuditHead *AuditHead
}

// OK reports whether no check found a fault.
func (r *CheckReport) OK() bool { return len(r.Faults) == 0 }

// healthCheck is one part of Check: it returns the faults it finds, or an
// error if it could not look.
type healthCheck struct {
	name string
	run  func(db *gorm.DB) ([]string, error)
}

// healthChecks are the checks Check runs, in order.
var healthChecks = []healthCheck{
	{"integrity", integrityFaults},
	{"foreign keys", foreignKeyFaults},
	{"schema version", schemaFaults},
	{"audit chain", auditChainFaults},
}

// auditChainFaults names the first audit event whose hash does not follow
// from the one before (an event edited, or events removed before it), and
// events removed from the end, which leave the trail short of its head.
func auditChainFaults(db *gorm.DB) ([]string, error) {
	var faults []string
	err := verifyAuditChain(db)
	var fault *ChainFault
	if errors.As(err, &fault) {
		faults = append(faults, fault.Error())
	} else if err != nil {
		return nil, err
	}
	_, err = verifyAuditHead(db)
	var head *HeadFault
	if errors.As(err, &head) {
		return append(faults, head.Error()), nil
	}
	return faults, err
}

// Check runs every health check on the caseload db (SQLite or PostgreSQL)
// and reports what each found. It only reads. An error means a check
// could not run at all; that is itself a fault.
func Check(db *gorm.DB) (*CheckReport, error) {
	r := &CheckReport{}
	for _, c := range healthChecks {
		faults, err := c.run(db)
		if err != nil {
			return r, fmt.Errorf("the %s check could not run: %w", c.name, err)
		}
		if len(faults) == 0 {
			r.Passed = append(r.Passed, c.name)
		}
		r.Faults = append(r.Faults, faults...)
	}
	if h, err := readAuditHead(db); err == nil {
		r.AuditHead = &h
	}
	return r, nil
}

// CheckDatabase runs Check on the database target without opening it for
// work: a SQLite file is opened read-only, so that a damaged or foreign
// file can be examined and is not changed, and a missing one is not
// created.
func CheckDatabase(target string) (*CheckReport, error) {
	db, foreign, err := connectForCheck(target)
	if err != nil {
		return nil, err
	}
	defer closeDB(db)
	r, err := Check(db)
	if foreign != "" {
		r.Faults = append([]string{foreign}, r.Faults...)
	}
	return r, err
}

// connectForCheck connects to target for CheckDatabase; foreign is a
// fault found in the SQLite file's header.
func connectForCheck(target string) (db *gorm.DB, foreign string, err error) {
	if IsPostgresURL(target) {
		db, err = Connect(target)
		return db, "", err
	}
	if _, err := os.Stat(target); errors.Is(err, fs.ErrNotExist) {
		return nil, "", fmt.Errorf("there is no database file %s", target)
	}
	if err := ensureCheckedFile(target); err != nil {
		return nil, "", &OpenError{Target: DescribeTarget(target), Err: err}
	}
	if db, err = openReadOnly(target); err != nil {
		return nil, "", &OpenError{Target: DescribeTarget(target), Err: err}
	}
	if id, err := applicationID(db); err != nil || (id != ApplicationID && recogniseUnmarked(db) != nil) {
		foreign = "The file is not a Perinatal Caseload database (it does not carry the caseload's application identifier)."
	}
	return db, foreign, nil
}

// integrityFaults runs SQLite's full integrity check. On PostgreSQL the
// server keeps its pages whole itself (checksums, WAL); what the program
// can check is that every constraint the schema declares is in force.
func integrityFaults(db *gorm.DB) ([]string, error) {
	var rows []string
	if onPostgres(db) {
		err := db.Raw("SELECT 'The constraint ' || conname || ' on the table ' || conrelid::regclass::text || ' is not validated.' " +
			"FROM pg_constraint WHERE NOT convalidated AND connamespace = current_schema()::regnamespace ORDER BY 1").Scan(&rows).Error
		return rows, err
	}
	if err := db.Raw("PRAGMA integrity_check").Scan(&rows).Error; err != nil {
		return nil, err
	}
	if len(rows) == 1 && rows[0] == "ok" {
		return nil, nil
	}
	for i, row := range rows {
		rows[i] = "SQLite integrity check: " + row
	}
	return rows, nil
}

// foreignKeyFaults lists rows that refer to a row that is not there. On
// PostgreSQL the foreign keys are enforced constraints, so a fault can
// only be one not validated (see integrityFaults); nothing more to do.
func foreignKeyFaults(db *gorm.DB) ([]string, error) {
	if onPostgres(db) {
		return nil, nil
	}
	type fk struct {
		Table  string
		Rowid  *int64
		Parent string
	}
	var rows []fk
	if err := db.Raw(`SELECT "table", rowid, parent FROM pragma_foreign_key_check()`).Scan(&rows).Error; err != nil {
		return nil, err
	}
	faults := make([]string, 0, len(rows))
	for _, r := range rows {
		row := "a row"
		if r.Rowid != nil {
			row = fmt.Sprintf("row %d", *r.Rowid)
		}
		faults = append(faults, fmt.Sprintf("The table %s, %s, refers to a row of %s that is not there.", r.Table, row, r.Parent))
	}
	return faults, nil
}

// schemaFaults reports a schema this version does not know or has not
// brought up to date.
func schemaFaults(db *gorm.DB) ([]string, error) {
	pending, err := pendingOf(db, migrations())
	if errors.Is(err, ErrNewerDatabase) {
		return []string{"The database was made by a newer version of Perinatal Caseload."}, nil
	}
	if err != nil {
		return nil, err
	}
	if len(pending) > 0 {
		return []string{fmt.Sprintf("%d migrations are due; run caseload migrate.", len(pending))}, nil
	}
	return nil, nil
}
