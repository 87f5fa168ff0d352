package app

import (
	"errors"
	"fmt"
	"sync"

	"gorm.io/gorm"
)

// The audit trail's head record is one row holding the place and hash of
// the newest event. Every append moves it forward in the same transaction
// as the events it adds, and the database refuses to move it back or to
// remove it while there are events (see forbidHeadRollback). The chain
// alone shows an event changed or removed in the middle, but not the last
// events removed: the trail then simply ends sooner. The head still names
// the event it should end at. Backups and `caseload check` report the head
// so that a team can keep it away from the machine, where whoever holds
// the file cannot rewrite both.

// auditHeadTable is the table of the head record.
const auditHeadTable = "audit_chain_head"

// auditHeadID is the ID of the only row of auditHeadTable.
const auditHeadID = 1

// AuditHead is the newest event of the audit trail: its place in the chain,
// which is how many events the trail holds, and its hash.
type AuditHead struct {
	Events uint64
	Hash   string
}

// String gives the head as a sentence to be recorded away from the machine.
func (h AuditHead) String() string {
	if h.Events == 0 {
		return "the audit trail holds no events yet"
	}
	return fmt.Sprintf("the audit trail's head record says it holds %d events, the newest with the hash %s", h.Events, h.Hash)
}

// auditHeadRow is the head record as stored.
type auditHeadRow struct {
	ID       uint `gorm:"primaryKey;autoIncrement:false"`
	ChainSeq uint64
	Hash     string
}

// TableName names the table for GORM.
func (auditHeadRow) TableName() string { return auditHeadTable }

// errNoAuditHead is the head record found missing.
var errNoAuditHead = errors.New("the audit trail's head record is missing")

// headedPools are the connection pools whose database has been seen to
// have the head record's table. Once a database has it, it keeps it, so
// each pool is looked at until the table is there and never after.
var headedPools sync.Map

// hasAuditHead reports whether the database of tx has the head record's
// table. Only a database that has not been brought up to date lacks it:
// tests that rebuild an older release's database write to one, and the
// events they write follow the newest one, as before the head record.
func hasAuditHead(tx *gorm.DB) bool {
	pool := tx.Config.ConnPool
	if _, ok := headedPools.Load(pool); ok {
		return true
	}
	if !tx.Migrator().HasTable(auditHeadTable) {
		return false
	}
	headedPools.Store(pool, true)
	return true
}

// readAuditHead reads the head record on db.
func readAuditHead(db *gorm.DB) (AuditHead, error) {
	var rows []auditHeadRow
	if err := db.Where("id = ?", auditHeadID).Limit(1).Find(&rows).Error; err != nil {
		return AuditHead{}, err
	}
	if len(rows) == 0 {
		return AuditHead{}, errNoAuditHead
	}
	return AuditHead{Events: rows[0].ChainSeq, Hash: rows[0].Hash}, nil
}

// moveAuditHead moves the head record to h, on the transaction that
// appended the events up to it.
func moveAuditHead(tx *gorm.DB, h AuditHead) error {
	res := tx.Exec("UPDATE "+auditHeadTable+" SET chain_seq = ?, hash = ? WHERE id = ?", h.Events, h.Hash, auditHeadID)
	if res.Error == nil && res.RowsAffected != 1 {
		return errNoAuditHead
	}
	return res.Error
}

// auditTail reads the newest event of the trail on db as it stands: the one
// with the highest place in the chain.
func auditTail(db *gorm.DB) (AuditHead, error) {
	var last []auditRow
	if err := db.Select("chain_seq", "hash").Where("chain_seq > 0").Order("chain_seq DESC").Limit(1).Find(&last).Error; err != nil {
		return AuditHead{}, err
	}
	if len(last) == 0 {
		return AuditHead{}, nil
	}
	return AuditHead{Events: last[0].ChainSeq, Hash: last[0].Hash}, nil
}

// HeadFault is the end of the audit trail not agreeing with its head
// record: events removed from the end (or added around the program), or
// the newest event replaced.
type HeadFault struct {
	// End is the place of the trail's newest event; Head is where the head
	// record says it ends.
	End, Head uint64
	// Missing is set when there is no head record at all.
	Missing bool
}

func (f *HeadFault) Error() string {
	const tampered = "the audit trail has been tampered with: "
	switch {
	case f.Missing:
		return tampered + "its head record has been removed, so events removed from its end cannot be counted"
	case f.End < f.Head && f.Head == f.End+1:
		return tampered + fmt.Sprintf("it ends at event %d but its head says %d: event %d, the last, has been removed", f.End, f.Head, f.Head)
	case f.End < f.Head:
		return tampered + fmt.Sprintf("it ends at event %d but its head says %d: the last %d events (%d to %d) have been removed",
			f.End, f.Head, f.Head-f.End, f.End+1, f.Head)
	case f.End > f.Head:
		return tampered + fmt.Sprintf("it ends at event %d but its head says %d: events %d to %d were added outside the program",
			f.End, f.Head, f.Head+1, f.End)
	}
	return tampered + fmt.Sprintf("its last event, event %d, is not the one its head records: it has been replaced", f.End)
}

// verifyAuditHead compares the newest event of the trail on db with the
// head record. It returns the head, and a *HeadFault if the two disagree
// (events are numbered by their place in the chain, from 1).
func verifyAuditHead(db *gorm.DB) (AuditHead, error) {
	tail, err := auditTail(db)
	if err != nil {
		return AuditHead{}, fmt.Errorf("cannot read the audit trail: %w", err)
	}
	head, err := readAuditHead(db)
	if errors.Is(err, errNoAuditHead) {
		return head, &HeadFault{End: tail.Events, Missing: true}
	}
	if err != nil {
		return head, fmt.Errorf("cannot read the audit trail's head record: %w", err)
	}
	if tail != head {
		return head, &HeadFault{End: tail.Events, Head: head.Events}
	}
	return head, nil
}

// migrateAuditChainHead (migration 2026121701) makes the head record,
// pointing at the newest event already in the trail, and has the database
// refuse to move it back or remove it (see forbidHeadRollback).
func migrateAuditChainHead(tx *gorm.DB) error {
	if err := tx.Exec("CREATE TABLE IF NOT EXISTS " + auditHeadTable +
		" (id integer PRIMARY KEY CHECK (id = 1), chain_seq bigint NOT NULL, hash varchar(64) NOT NULL)").Error; err != nil {
		return err
	}
	tail, err := auditTail(tx)
	if err != nil {
		return err
	}
	if err := tx.Exec("INSERT INTO "+auditHeadTable+" (id, chain_seq, hash) VALUES (?, ?, ?)", auditHeadID, tail.Events, tail.Hash).Error; err != nil {
		return err
	}
	return forbidHeadRollback(tx)
}
