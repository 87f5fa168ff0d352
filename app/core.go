package app

import (
	"errors"
	"fmt"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"perinatal-caseload/models"
)

// core is what every service shares: the database handle and the clock.
type core struct {
	db    *gorm.DB
	clock Clock
	// batch is set on the services that Services.Batch hands out: audit
	// events and settings reads are then kept in memory and the events are
	// written in one multi-row insert just before the batch commits, still
	// in the same transaction as the changes they record.
	batch *batchState
}

// batchState is what a batch keeps until it commits.
type batchState struct {
	events   []models.AuditEvent
	settings map[string]string
}

// authorise checks that actor is signed in and holds permission p. A refusal
// is audited in its own transaction, since the refused change never happens.
func (c *core) authorise(actor *models.StaffMember, p models.Permission) error {
	if actor == nil || actor.ID == 0 {
		return ErrNotSignedIn
	}
	if models.Allows(actor.RoleSet(), p) {
		return nil
	}
	refusal := &PermissionError{Needed: models.GrantingRole(p), Permission: p}
	_ = c.transaction(func(tx *gorm.DB) error {
		return c.audit(tx, actor, ActionRefused, "permission", 0, nil, nil, string(p))
	})
	return refusal
}

// write runs fn in one transaction after checking the permission. fn writes
// the change and its audit events on tx; any error rolls back both.
func (c *core) write(actor *models.StaffMember, p models.Permission, fn func(tx *gorm.DB) error) error {
	if err := c.authorise(actor, p); err != nil {
		return err
	}
	return c.transaction(fn)
}

// transaction runs fn in a transaction. Inside a batch, fn runs directly in
// the batch's transaction: an error there fails the whole batch, which then
// rolls back everything, so no write is ever half kept.
func (c *core) transaction(fn func(tx *gorm.DB) error) error {
	if c.batch != nil {
		return fn(c.db)
	}
	return c.db.Transaction(fn)
}

// versioned is any entity with an ID and an optimistic-locking version.
type versioned interface {
	GetID() uint
	GetVersion() int
}

// saveVersioned writes every column of obj (not its associations) if the
// stored version is still the one obj was read at, and moves the version on.
// If someone saved in between it returns a *ConflictError and writes nothing.
func (c *core) saveVersioned(tx *gorm.DB, entity string, obj versioned, setVersion func(int)) error {
	read := obj.GetVersion()
	setVersion(read + 1)
	res := tx.Select("*").Omit(clause.Associations).Where("version = ?", read).Updates(obj)
	if res.Error != nil {
		setVersion(read)
		return fmt.Errorf("cannot save the %s: %w", entity, res.Error)
	}
	if res.RowsAffected == 0 {
		setVersion(read)
		return c.conflict(tx, entity, obj.GetID())
	}
	return nil
}

// conflict builds the error for a stale write, naming who changed the record last.
func (c *core) conflict(tx *gorm.DB, entity string, id uint) error {
	var last models.AuditEvent
	err := tx.Where("entity = ? AND entity_id = ?", entity, id).Order("id DESC").Limit(1).Find(&last).Error
	if err != nil {
		return &ConflictError{Entity: entity, ID: id}
	}
	if last.ID == 0 {
		return ErrNotFound
	}
	return &ConflictError{Entity: entity, ID: id, ChangedBy: last.ActorName, ChangedAt: last.At}
}

// notFound turns GORM's not-found error into ErrNotFound.
func notFound(err error) error {
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return ErrNotFound
	}
	return err
}
