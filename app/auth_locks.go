package app

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// signInThrottle counts the failed sign-ins with a username that names no
// account that may sign in, so that such a username is locked after as many
// tries as a real one. The username is kept only as a SHA-256 hash: what
// was typed may be a mistyped password.
type signInThrottle struct {
	ID            uint   `gorm:"primaryKey"`
	UsernameHash  string `gorm:"size:64;not null;uniqueIndex"`
	FailedSignIns int    `gorm:"not null;default:0"`
	LockedUntil   *time.Time
	LastFailedAt  time.Time `gorm:"not null;index"`
}

func (signInThrottle) TableName() string { return "sign_in_throttles" }

// throttleKeptFor is how long a username's failures are remembered after
// the last one (and after its lock ends), so the table stays small.
const throttleKeptFor = 24 * time.Hour

// noAccountHash is a bcrypt hash, at bcrypt.DefaultCost as real password
// hashes are, of a password no account has. Checking a password against
// it takes as long as checking a real one.
var noAccountHash = []byte("$2a$10$8SJbDY4t.a43heEJjPBSkutdF3CEhRg.dYVhGfw0EE6qsnZO4BurK")

// usernameHash is the key of a username in the throttle table.
func usernameHash(username string) string {
	sum := sha256.Sum256([]byte(normaliseUsername(username)))
	return hex.EncodeToString(sum[:])
}

// failUnknown answers a sign-in with a username that names no account that
// may sign in, inside tx, as SignIn answers a wrong password: it checks the
// password against noAccountHash, counts the failure, and after maxFails
// of them locks the username for lockFor. It returns the error for the
// person signing in (ErrBadCredentials or a *LockedError) and any error
// from the database.
func (s *AuthService) failUnknown(tx *gorm.DB, username, password string, now time.Time, maxFails int, lockFor time.Duration) (result, err error) {
	var th signInThrottle
	if err := tx.Where("username_hash = ?", usernameHash(username)).Limit(1).Find(&th).Error; err != nil {
		return nil, err
	}
	if th.LockedUntil != nil && now.Before(*th.LockedUntil) {
		return &LockedError{Until: *th.LockedUntil}, s.audit(tx, nil, ActionSignInFailed, "staff", 0, nil, nil, "unknown or inactive username; locked")
	}
	_ = bcrypt.CompareHashAndPassword(noAccountHash, []byte(password)) // for the time it takes
	th.UsernameHash, th.LastFailedAt = usernameHash(username), now
	th.FailedSignIns++
	detail := fmt.Sprintf("unknown or inactive username (%d of %d)", th.FailedSignIns, maxFails)
	result = ErrBadCredentials
	if th.FailedSignIns >= maxFails {
		until := now.Add(lockFor)
		th.LockedUntil, th.FailedSignIns = &until, 0
		detail += "; locked"
		result = &LockedError{Until: until}
	}
	if err := tx.Save(&th).Error; err != nil {
		return nil, err
	}
	stale := now.Add(-throttleKeptFor)
	if err := tx.Where("last_failed_at < ? AND (locked_until IS NULL OR locked_until < ?)", stale, stale).Delete(&signInThrottle{}).Error; err != nil {
		return nil, err
	}
	return result, s.audit(tx, nil, ActionSignInFailed, "staff", 0, nil, nil, detail)
}

// LockedAccount is an account locked after failed sign-ins.
type LockedAccount struct {
	ID          uint
	Name        string
	Username    string
	LockedUntil time.Time
}

// LockedAccounts lists the accounts locked now after failed sign-ins, by
// name, for the team manager.
func (s *AuthService) LockedAccounts(actor *models.StaffMember) ([]LockedAccount, error) {
	if err := s.authorise(actor, models.PermManageUsers); err != nil {
		return nil, err
	}
	var out []LockedAccount
	err := s.db.Model(&models.StaffMember{}).Select("id, name, username, locked_until").
		Where("system = ? AND locked_until > ?", false, s.clock.Now()).Order("name, id").Scan(&out).Error
	return out, err
}

// ErrNotLocked is returned for unlocking an account that is not locked.
var ErrNotLocked = errors.New("this account is not locked (any lock has already ended), so nothing was changed")

// Unlock ends the lock on an account after failed sign-ins, so its owner
// can sign in again with their password at once, and audits it. A team
// manager does it, once satisfied it is the owner who was locked out.
func (s *AuthService) Unlock(actor *models.StaffMember, staffID uint) error {
	return s.write(actor, models.PermManageUsers, func(tx *gorm.DB) error {
		var m models.StaffMember
		if err := tx.Where("id = ? AND system = ?", staffID, false).First(&m).Error; err != nil {
			return notFound(err)
		}
		if m.LockedUntil == nil || !s.clock.Now().Before(*m.LockedUntil) {
			return ErrNotLocked
		}
		err := tx.Model(&models.StaffMember{}).Where("id = ?", m.ID).Updates(map[string]any{"failed_sign_ins": 0, "locked_until": nil}).Error
		if err != nil {
			return err
		}
		return s.audit(tx, actor, ActionUpdate, "staff", m.ID, nil, nil, "account unlocked")
	})
}

// signInThrottlesV1 is the sign_in_throttles table as migration
// 2026120302 creates it. A migration keeps its own copy of what it
// creates, so a later change to signInThrottle cannot change what it does.
type signInThrottlesV1 struct {
	ID            uint   `gorm:"primaryKey"`
	UsernameHash  string `gorm:"size:64;not null;uniqueIndex:idx_sign_in_throttles_username_hash"`
	FailedSignIns int    `gorm:"not null;default:0"`
	LockedUntil   *time.Time
	LastFailedAt  time.Time `gorm:"not null;index:idx_sign_in_throttles_last_failed_at"`
}

func (signInThrottlesV1) TableName() string { return "sign_in_throttles" }

// migrateSignInThrottles (migration 2026120302) adds the table that locks
// a username naming no account after as many failed sign-ins as a real one.
func migrateSignInThrottles(tx *gorm.DB) error {
	if tx.Migrator().HasTable(&signInThrottlesV1{}) {
		return nil
	}
	return tx.Migrator().CreateTable(&signInThrottlesV1{})
}
