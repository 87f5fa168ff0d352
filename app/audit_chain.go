package app

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// The audit trail is a hash chain. Each event carries its place in the
// chain (ChainSeq, from 1) and a SHA-256 over a canonical encoding of its
// own fields and the hash of the event before it. An event removed from
// the middle of the trail leaves a gap in the places; an event changed no
// longer matches its hash, nor does any event after it; events removed
// from the end leave the trail short of its head record (audit_head.go),
// which each append moves forward and from which the next event follows.
// Events are appended one writer at a time (lockAuditChain), in the same
// transaction as the change they record.

// auditRow is an audit event as stored: its details as the JSON text that
// is hashed, so that writing and checking hash the very same bytes.
type auditRow struct {
	ID        uint `gorm:"primaryKey"`
	At        time.Time
	ActorID   uint
	ActorName string
	Action    string
	Entity    string
	EntityID  uint
	Before    string
	After     string
	Detail    string
	Details   *string
	ChainSeq  uint64
	Hash      string
}

// TableName names the table for GORM.
func (auditRow) TableName() string { return "audit_events" }

// newAuditRow is ev as it is stored, its details encoded as JSON.
func newAuditRow(ev models.AuditEvent) (auditRow, error) {
	row := auditRow{At: ev.At, ActorID: ev.ActorID, ActorName: ev.ActorName, Action: ev.Action,
		Entity: ev.Entity, EntityID: ev.EntityID, Before: ev.Before, After: ev.After, Detail: ev.Detail}
	if ev.Details != nil {
		b, err := json.Marshal(ev.Details)
		if err != nil {
			return row, fmt.Errorf("cannot record the change in the audit trail: %w", err)
		}
		s := string(b)
		row.Details = &s
	}
	return row, nil
}

// chainHash is the hash of row following the event whose hash is prev.
// Each field is written as its length, a colon and its bytes, so that no
// two different events encode alike. The time is taken to the microsecond
// in UTC, which both engines keep exactly.
func chainHash(prev string, row *auditRow) string {
	details := "-" // no details, as distinct from any JSON text
	if row.Details != nil {
		details = "+" + *row.Details
	}
	fields := []string{
		"caseload-audit-1", strconv.FormatUint(row.ChainSeq, 10), prev,
		row.At.UTC().Truncate(time.Microsecond).Format(time.RFC3339Nano),
		strconv.FormatUint(uint64(row.ActorID), 10), row.ActorName, row.Action, row.Entity,
		strconv.FormatUint(uint64(row.EntityID), 10), row.Before, row.After, row.Detail, details,
	}
	h := sha256.New()
	for _, f := range fields {
		fmt.Fprintf(h, "%d:%s", len(f), f)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// unchainedAudit makes appendAudit insert events without their place,
// hash and head, as releases before the hash chain did. Only the benchmark
// that measures what the chain costs sets it (BenchmarkImport1000Unchained,
// on a database without the unique index on places); nothing else can.
var unchainedAudit bool

// appendAudit chains rows after the last event and inserts them on tx, in
// a transaction of their own if tx is not one already (a savepoint if it is).
func appendAudit(tx *gorm.DB, rows []auditRow) error {
	if len(rows) == 0 {
		return nil
	}
	if unchainedAudit {
		return tx.CreateInBatches(rows, 200).Error
	}
	err := tx.Transaction(func(tx *gorm.DB) error {
		if err := lockAuditChain(tx); err != nil {
			return err
		}
		headed := hasAuditHead(tx)
		read := auditTail
		if headed {
			read = readAuditHead
		}
		head, err := read(tx)
		if err != nil {
			return err
		}
		seq, prev := head.Events, head.Hash
		for i := range rows {
			rows[i].At = rows[i].At.UTC().Truncate(time.Microsecond)
			seq++
			rows[i].ChainSeq = seq
			rows[i].Hash = chainHash(prev, &rows[i])
			prev = rows[i].Hash
		}
		if err := tx.CreateInBatches(rows, 200).Error; err != nil {
			return err
		}
		if !headed {
			return nil
		}
		return moveAuditHead(tx, AuditHead{Events: seq, Hash: prev})
	})
	if err != nil {
		return fmt.Errorf("cannot write the audit trail: %w", err)
	}
	return nil
}

// ChainFault is the first event at which the audit trail's hash chain
// breaks.
type ChainFault struct {
	// EventID is the first event that fails the check.
	EventID uint
	// Missing is set when events before EventID have been removed;
	// otherwise EventID (or the one before it) has been changed.
	Missing bool
}

func (f *ChainFault) Error() string {
	if f.Missing {
		return fmt.Sprintf("the audit trail has been tampered with: events before event %d have been removed", f.EventID)
	}
	return fmt.Sprintf("the audit trail has been tampered with: event %d has been changed, or the event before it", f.EventID)
}

// VerifyChain checks the whole audit trail, oldest first, a page at a
// time, then its end against its head record. It returns nil when every
// event follows the one before it and the last is the head, a *ChainFault
// naming the first event that does not follow, a *HeadFault when events
// are missing from the end, or another error when the trail cannot be read. Only a team manager may check it (`caseload
// check` calls it as the person signed in).
func (s *AuditService) VerifyChain(actor *models.StaffMember) error {
	if err := s.authorise(actor, models.PermViewAudit); err != nil {
		return err
	}
	if err := verifyAuditChain(s.db); err != nil {
		return err
	}
	_, err := verifyAuditHead(s.db)
	return err
}

func verifyAuditChain(db *gorm.DB) error {
	seq, prev := uint64(0), ""
	var lastID uint
	for {
		var page []auditRow
		if err := db.Where("id > ?", lastID).Order("id").Limit(1000).Find(&page).Error; err != nil {
			return fmt.Errorf("cannot read the audit trail: %w", err)
		}
		for i := range page {
			row := &page[i]
			switch {
			case row.ChainSeq > seq+1:
				return &ChainFault{EventID: row.ID, Missing: true}
			case row.ChainSeq != seq+1 || chainHash(prev, row) != row.Hash:
				return &ChainFault{EventID: row.ID}
			}
			seq, prev, lastID = row.ChainSeq, row.Hash, row.ID
		}
		if len(page) < 1000 {
			return nil
		}
	}
}

// migrateAuditChain (migration 2026121401) gives every event already in
// the trail its place and hash, oldest first, then makes places unique
// and, on SQLite, has the database refuse any change or removal of an
// event from then on. Filling in the two new columns is the one time the
// trail's rows are written to after their insert: their recorded fields
// are left exactly as they were.
func migrateAuditChain(tx *gorm.DB) error {
	for _, col := range []string{"ChainSeq", "Hash"} {
		if !tx.Migrator().HasColumn(&auditChainColumns{}, col) {
			if err := tx.Migrator().AddColumn(&auditChainColumns{}, col); err != nil {
				return err
			}
		}
	}
	seq, prev := uint64(0), ""
	var lastID uint
	for {
		var page []auditRow
		if err := tx.Where("id > ?", lastID).Order("id").Limit(1000).Find(&page).Error; err != nil {
			return err
		}
		for i := range page {
			row := &page[i]
			seq++
			row.ChainSeq = seq
			row.Hash = chainHash(prev, row)
			err := tx.Exec("UPDATE audit_events SET chain_seq = ?, hash = ? WHERE id = ?", row.ChainSeq, row.Hash, row.ID).Error
			if err != nil {
				return err
			}
			prev, lastID = row.Hash, row.ID
		}
		if len(page) < 1000 {
			break
		}
	}
	if err := tx.Exec("CREATE UNIQUE INDEX IF NOT EXISTS idx_audit_chain_seq ON audit_events (chain_seq)").Error; err != nil {
		return err
	}
	return forbidAuditChanges(tx)
}

// auditChainColumns is the audit_events table as migrateAuditChain knows
// it, so later changes to models.AuditEvent never change what it does.
type auditChainColumns struct {
	ChainSeq uint64 `gorm:"not null;default:0"`
	Hash     string `gorm:"size:64;not null;default:''"`
}

// TableName names the table for GORM.
func (auditChainColumns) TableName() string { return "audit_events" }
