package app

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// TestAuditTrailWithItsLastEventsRemovedIsFound removes the last event,
// and the last five, from a trail that passes its check, and finds each
// named by VerifyChain and by Check: where the trail now ends and where
// its head says it should.
//
// Hazard: HAZ-023.
func TestAuditTrailWithItsLastEventsRemovedIsFound(t *testing.T) {
	for _, removed := range []int{1, 5} {
		t.Run(fmt.Sprintf("last %d", removed), func(t *testing.T) {
			s, _, _ := newTestServices(t)
			manager, ids := auditTrail(t, s)
			db := s.core.db
			total := uint64(len(ids))
			if r, err := Check(db); err != nil || !r.OK() || r.AuditHead == nil || r.AuditHead.Events != total {
				t.Fatalf("the untouched database: %+v, %v; want it whole with its head at %d", r, err, total)
			}
			tamper(t, db, "DELETE FROM audit_events WHERE chain_seq > ?", total-uint64(removed))

			var fault *HeadFault
			err := s.Audit.VerifyChain(manager)
			if !errors.As(err, &fault) || fault.End != total-uint64(removed) || fault.Head != total || fault.Missing {
				t.Fatalf("VerifyChain = %v; want the trail ending at %d short of its head at %d", err, total-uint64(removed), total)
			}
			want := fmt.Sprintf("it ends at event %d but its head says %d", total-uint64(removed), total)
			r, err := Check(db)
			if err != nil || r.OK() || len(r.Faults) != 1 || !strings.Contains(r.Faults[0], want) {
				t.Fatalf("Check = %+v, %v; want one fault saying %q", r, err, want)
			}
			if !strings.Contains(r.Faults[0], fmt.Sprintf("%d", total)) || !strings.Contains(r.Faults[0], "removed") {
				t.Errorf("the fault does not name the removed events: %q", r.Faults[0])
			}

			// Work goes on, after the head: the gap stays in the chain for
			// every later check to find.
			if err := s.core.transaction(func(tx *gorm.DB) error {
				return s.core.audit(tx, manager, ActionExport, "audit", 0, nil, nil, "after the removal")
			}); err != nil {
				t.Fatal(err)
			}
			var gap *ChainFault
			if err := s.Audit.VerifyChain(manager); !errors.As(err, &gap) || !gap.Missing {
				t.Errorf("after a new event, VerifyChain = %v; want the removed events named as a gap", err)
			}
		})
	}
}

// TestTheAuditHeadOnlyMovesForward finds the database refusing to move
// the head record back, to remove it, or to add a second one, whichever
// account asks (on PostgreSQL the application role has no right to
// remove or add one either; see the roles test).
//
// Hazard: HAZ-023.
func TestTheAuditHeadOnlyMovesForward(t *testing.T) {
	s, _, _ := newTestServices(t)
	_, ids := auditTrail(t, s)
	db := s.core.db
	refused := []string{
		"UPDATE audit_chain_head SET chain_seq = chain_seq - 1",
		"UPDATE audit_chain_head SET chain_seq = 0, hash = ''",
		"DELETE FROM audit_chain_head",
		"INSERT INTO audit_chain_head (id, chain_seq, hash) VALUES (2, 1, 'x')",
	}
	if onPostgres(db) {
		refused = append(refused, "TRUNCATE audit_chain_head")
	}
	for _, sql := range refused {
		if err := db.Exec(sql).Error; err == nil {
			t.Errorf("%q was allowed", sql)
		}
	}
	if h, err := readAuditHead(db); err != nil || h.Events != uint64(len(ids)) {
		t.Errorf("the head after the refusals: %+v, %v; want it at %d", h, err, len(ids))
	}
}

// TestAClearedHeadIsAFault removes the head record as someone holding the
// file could, and finds Check saying so.
//
// Hazard: HAZ-023.
func TestAClearedHeadIsAFault(t *testing.T) {
	s, _, _ := newTestServices(t)
	auditTrail(t, s)
	db := s.core.db
	if !onPostgres(db) {
		if err := db.Exec("DROP TRIGGER audit_chain_head_kept").Error; err != nil {
			t.Fatal(err)
		}
	} else if err := db.Exec("ALTER TABLE audit_chain_head DISABLE TRIGGER USER").Error; err != nil {
		t.Fatal(err)
	}
	if err := db.Exec("DELETE FROM audit_chain_head").Error; err != nil {
		t.Fatal(err)
	}
	r, err := Check(db)
	if err != nil || r.OK() || !strings.Contains(strings.Join(r.Faults, "\n"), "head record has been removed") || r.AuditHead != nil {
		t.Fatalf("Check = %+v, %v; want the missing head named", r, err)
	}
}

// TestUpgradeSetsTheHeadAtTheNewestEvent upgrades a database made before
// the head record and finds the head at its newest event.
func TestUpgradeSetsTheHeadAtTheNewestEvent(t *testing.T) {
	db, path := databaseBefore(t, "2026121701_audit_chain_head")
	old := New(db, NewManualClock(testNow))
	addStaff(t, old, "admin", models.RoleAdministrator)
	tail, err := auditTail(db)
	if err != nil || tail.Events == 0 {
		t.Fatalf("the older trail ends at %+v, %v", tail, err)
	}
	db, s := upgraded(t, db, path)
	if h, err := readAuditHead(db); err != nil || h != tail {
		t.Fatalf("the head after the upgrade is %+v, %v; want %+v", h, err, tail)
	}
	addStaff(t, s, "doc", models.RoleClinician)
	if r, err := Check(db); err != nil || !r.OK() || r.AuditHead.Events <= tail.Events {
		t.Fatalf("after an event written since: %+v, %v", r, err)
	}
}

// TestABackupReportsItsAuditHead takes a backup and finds its report
// carrying the head of the trail it holds.
func TestABackupReportsItsAuditHead(t *testing.T) {
	s, _, _ := newTestServices(t)
	if onPostgres(s.core.db) {
		t.Skip("a PostgreSQL caseload is backed up with the server's tools")
	}
	auditTrail(t, s)
	r, err := Backup(s.core.db, filepath.Join(t.TempDir(), "backup.db"), false)
	if err != nil {
		t.Fatal(err)
	}
	head, err := readAuditHead(s.core.db)
	if err != nil || r.AuditHead != head || !strings.Contains(r.AuditHead.String(), head.Hash) {
		t.Fatalf("the backup reports the head %+v (%q); the database's is %+v, %v", r.AuditHead, r.AuditHead, head, err)
	}
}
