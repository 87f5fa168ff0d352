package app

import (
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// auditTrail makes a few events of several kinds and returns their IDs,
// oldest first.
func auditTrail(t *testing.T, s *Services) (manager *models.StaffMember, ids []uint) {
	t.Helper()
	manager = addStaff(t, s, "manager", models.RoleManager, models.RoleAdministrator)
	for _, nhs := range []string{"9434765919", "9434765870", "9434765862"} {
		if err := s.Referrals.Register(manager, sampleReferral(nhs)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.core.db.Model(&auditRow{}).Order("id").Pluck("id", &ids).Error; err != nil {
		t.Fatal(err)
	}
	if err := s.Audit.VerifyChain(manager); err != nil {
		t.Fatalf("the untouched trail fails its check: %v", err)
	}
	return manager, ids
}

// tamper runs sql on db as someone holding the file (or the owner role)
// could: on SQLite it first drops the triggers that stop the program.
func tamper(t *testing.T, db *gorm.DB, sql string, args ...any) {
	t.Helper()
	if !onPostgres(db) {
		for _, op := range []string{"update", "delete"} {
			if err := db.Exec("DROP TRIGGER audit_events_no_" + op).Error; err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := db.Exec(sql, args...).Error; err != nil {
		t.Fatal(err)
	}
}

// Hazard: HAZ-023.
func TestAuditChainNamesTheFirstEventAfterARemovedOne(t *testing.T) {
	s, _, _ := newTestServices(t)
	manager, ids := auditTrail(t, s)
	gone := ids[len(ids)/2]
	tamper(t, s.core.db, "DELETE FROM audit_events WHERE id = ?", gone)
	var fault *ChainFault
	if err := s.Audit.VerifyChain(manager); !errors.As(err, &fault) || fault.EventID != ids[len(ids)/2+1] || !fault.Missing {
		t.Errorf("VerifyChain = %v; want events before %d reported removed", err, ids[len(ids)/2+1])
	}
}

// Hazard: HAZ-023.
func TestAuditChainNamesTheFirstChangedEvent(t *testing.T) {
	s, _, _ := newTestServices(t)
	_, ids := auditTrail(t, s)
	first, later := ids[2], ids[len(ids)-2]
	tamper(t, s.core.db, "UPDATE audit_events SET actor_name = 'Someone else' WHERE id IN (?, ?)", first, later)
	var fault *ChainFault
	if err := verifyAuditChain(s.core.db); !errors.As(err, &fault) || fault.EventID != first || fault.Missing {
		t.Errorf("verifyAuditChain = %v; want event %d named as changed", err, first)
	}
}

// Hazard: HAZ-023.
func TestTheProgramCannotChangeOrRemoveAnAuditEvent(t *testing.T) {
	s, _, _ := newTestServices(t)
	if onPostgres(s.core.db) {
		t.Skip("on PostgreSQL the application role has no right to (see TestApplicationRoleCannotChangeTheAuditTrail)")
	}
	_, ids := auditTrail(t, s)
	for _, sql := range []string{"UPDATE audit_events SET detail = 'edited' WHERE id = ?", "DELETE FROM audit_events WHERE id = ?"} {
		if err := s.core.db.Exec(sql, ids[0]).Error; err == nil {
			t.Errorf("%q was allowed", sql)
		}
	}
}

// TestTwoDesktopsWritingAtOnceKeepOneChain writes events from several
// connections at once, as desktops sharing a database do.
func TestTwoDesktopsWritingAtOnceKeepOneChain(t *testing.T) {
	s, _, path := newTestServices(t)
	manager, _ := auditTrail(t, s)
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for d := range 4 {
		db, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer Close(db)
		desktop := New(db, NewManualClock(testNow))
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 10 {
				if d%2 == 0 {
					_, err = desktop.Auth.SignIn("manager", fmt.Sprintf("wrong %d", i))
					err = nil // a refused sign-in is audited
				} else {
					err = desktop.Batch(func(tx *Services) error {
						return tx.core.audit(tx.core.db, manager, ActionExport, "audit", 0, nil, nil, "batch")
					})
				}
				if err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if err := s.Audit.VerifyChain(manager); err != nil {
		t.Errorf("after writers at once: %v", err)
	}
}

// olderEvent is an audit event as releases before the hash chain wrote it.
type olderEvent struct {
	ID       uint `gorm:"primaryKey"`
	At       time.Time
	Action   string
	Entity   string
	EntityID uint
	Detail   string
}

// TableName names the table for GORM.
func (olderEvent) TableName() string { return "audit_events" }

func TestUpgradeChainsTheEventsAlreadyWritten(t *testing.T) {
	db, path := databaseBefore(t, "2026121401_audit_hash_chain")
	for _, col := range []string{"ChainSeq", "Hash"} {
		if err := db.Migrator().DropColumn(&auditChainColumns{}, col); err != nil {
			t.Fatal(err)
		}
	}
	older := make([]olderEvent, 5)
	for i := range older {
		older[i] = olderEvent{At: testNow.Add(time.Duration(i) * time.Minute), Action: ActionSignIn, Entity: "staff", EntityID: uint(i + 1)}
	}
	if err := db.Create(&older).Error; err != nil {
		t.Fatal(err)
	}
	Close(db)
	db, err := Open(path)
	if err != nil {
		t.Fatalf("upgrade: %v", err)
	}
	defer Close(db)
	var chained int64
	if err := db.Model(&auditRow{}).Where("chain_seq > 0").Count(&chained).Error; err != nil {
		t.Fatal(err)
	}
	if int(chained) != len(older) {
		t.Errorf("%d of %d events were chained by the upgrade", chained, len(older))
	}
	if err := verifyAuditChain(db); err != nil {
		t.Errorf("the upgraded trail fails its check: %v", err)
	}
	if err := New(db, NewManualClock(testNow)).Staff.core.audit(db, nil, ActionSignOut, "staff", 1, nil, nil, ""); err != nil {
		t.Fatal(err)
	}
	if err := verifyAuditChain(db); err != nil {
		t.Errorf("an event written after the upgrade breaks the chain: %v", err)
	}
}
