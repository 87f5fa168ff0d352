package app

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

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
	// session, when set, is written into the details of every audit
	// event (see Services.ForCommandLine).
	session *models.SessionDetails
	// wholeImages makes audit events store whole records before and after
	// a change, as releases before the changed-fields-only trail did; only
	// the tests that rebuild an older release's database set it.
	wholeImages bool
}

// batchState is what a batch keeps until it commits.
type batchState struct {
	events   []auditRow
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
// rolls back everything, so no write is ever half kept. A connection to
// the server lost on the way is an *UnreachableError: nothing was kept.
func (c *core) transaction(fn func(tx *gorm.DB) error) error {
	if c.batch != nil {
		return fn(c.db)
	}
	return explainLost(c.db.Transaction(fn))
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

// checkRead returns the conflict error, naming who changed the record and
// when, if the stored version of obj is no longer read, the version the
// caller read. Services call it straight after loading a record, before any
// rule about the record's state or content: a stale edit is always told
// that it is stale, never refused for a state it could not see. The
// version-guarded update (saveVersioned) still catches a change that
// commits between the load and the update.
func (c *core) checkRead(tx *gorm.DB, entity string, obj versioned, read int) error {
	if obj.GetVersion() == read {
		return nil
	}
	return c.conflict(tx, entity, obj.GetID())
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

// What services borrow from each other. A service that needs another's
// records or settings calls these helpers on the core they share, so each
// dependency is named where it is used rather than hidden in an inline
// construction of the other service. Besides those below, the core holds
// the shared workflow steps: moveStatus (a referral along the pathway),
// endEpisode, setAttendance (an appointment's outcome and what follows
// from it), the task rules (admissionTasks, missedFollowUp,
// cancelOpenTasks, tasksFollowKeyWorker), the referral search
// (referralRows, filterReferrals) and the diary.

// loadReferral reads a referral, without its associations, on tx.
func (c *core) loadReferral(tx *gorm.DB, id uint) (*models.Referral, error) {
	var r models.Referral
	if err := tx.First(&r, id).Error; err != nil {
		return nil, notFound(err)
	}
	return &r, nil
}

// findAll reads every row that q finds into a slice of T, for an actor
// who holds perm.
func findAll[T any](c *core, actor *models.StaffMember, perm models.Permission, q *gorm.DB) ([]T, error) {
	if err := c.authorise(actor, perm); err != nil {
		return nil, err
	}
	var out []T
	err := q.Find(&out).Error
	return out, err
}

// countFor counts the rows q finds, for an actor who holds perm: the
// count beside a list that is read a page at a time.
func (c *core) countFor(actor *models.StaffMember, perm models.Permission, q *gorm.DB) (int64, error) {
	if err := c.authorise(actor, perm); err != nil {
		return 0, err
	}
	var n int64
	err := q.Count(&n).Error
	return n, err
}

// loadReferralFull reads a referral on tx with everything screening and
// letters look at: her details, the referrer, conditions, medications and
// the professionals to copy letters to.
func (c *core) loadReferralFull(tx *gorm.DB, id uint) (*models.Referral, error) {
	var r models.Referral
	if err := tx.Preload(clause.Associations).Preload("CopyRecipients.Professional").First(&r, id).Error; err != nil {
		return nil, notFound(err)
	}
	return &r, nil
}

// setting returns a setting's value, or its default if never changed.
// Inside a batch each setting is read once and then kept.
func (c *core) setting(key string) string {
	if c.batch != nil {
		if v, ok := c.batch.settings[key]; ok {
			return v
		}
		v := c.storedSetting(key)
		c.batch.settings[key] = v
		return v
	}
	return c.storedSetting(key)
}

func (c *core) storedSetting(key string) string {
	var row models.Setting
	if err := c.db.Where("key = ?", key).Limit(1).Find(&row).Error; err == nil && row.ID != 0 {
		return row.Value
	}
	return settingDefs[key].Default
}

// settingInt returns a numeric setting; a stored value that is not a
// number falls back to the default.
func (c *core) settingInt(key string) int {
	if n, err := strconv.Atoi(strings.TrimSpace(c.setting(key))); err == nil {
		return n
	}
	n, _ := strconv.Atoi(settingDefs[key].Default)
	return n
}

// settingList returns a comma-separated setting as a list, in capitals.
func (c *core) settingList(key string) []string {
	var out []string
	for _, p := range strings.Split(c.setting(key), ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, strings.ToUpper(p))
		}
	}
	return out
}

// trackedFrom returns the date from which outcome letters are tracked, or
// the zero date to track every referral (see SettingsService.TrackedFrom).
func (c *core) trackedFrom() models.Date {
	d, err := models.ParseUKDate(c.setting(SetLettersTrackedFrom))
	if err != nil {
		return models.Date{}
	}
	return d
}

// notFound turns GORM's not-found error into ErrNotFound.
func notFound(err error) error {
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return ErrNotFound
	}
	return err
}
