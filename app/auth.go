package app

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// Password length limits: at least 10 characters, and no more than bcrypt's 72 bytes.
const (
	MinPasswordLength = 10
	MaxPasswordBytes  = 72
)

// ErrBadCredentials is returned for a wrong username or password. It does
// not say which, so usernames cannot be probed.
var ErrBadCredentials = errors.New("the username or password is not right; check them and try again")

// HashPassword checks the password's length and returns its bcrypt hash.
func HashPassword(password string) (string, error) {
	if len([]rune(password)) < MinPasswordLength {
		return "", models.NewFieldError(models.FieldPassword, "use at least %d characters", MinPasswordLength)
	}
	if len(password) > MaxPasswordBytes {
		return "", models.NewFieldError(models.FieldPassword, "use at most %d bytes (a little shorter with accented letters); longer passwords cannot be checked safely", MaxPasswordBytes)
	}
	h, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
	if err != nil {
		return "", fmt.Errorf("cannot protect the password: %w", err)
	}
	return string(h), nil
}

// AuthService signs people in and resets passwords.
type AuthService struct{ *core }

// LockedError is returned while an account is locked after failed sign-ins.
type LockedError struct{ Until time.Time }

func (e *LockedError) Error() string {
	return fmt.Sprintf("This account is locked after too many failed sign-ins. Try again after %s, or ask a team manager to reset the password.", e.Until.In(models.London).Format("15:04"))
}

// SignIn checks a username and password. Failed and successful sign-ins are
// audited; repeated failures lock the account for a while (both settings).
//
// A username that names no account that may sign in (none, an inactive
// one, or one without a password) fails exactly as a wrong password does:
// the same ErrBadCredentials, a password check that takes as long, and the
// same *LockedError after as many tries (see failUnknown), so trying names
// tells no one which accounts exist.
func (s *AuthService) SignIn(username, password string) (*models.StaffMember, error) {
	maxFails, lockFor := s.settingInt(SetLockoutAttempts), time.Duration(s.settingInt(SetLockoutMinutes))*time.Minute
	var signedIn *models.StaffMember
	var result error
	err := s.transaction(func(tx *gorm.DB) error {
		var m models.StaffMember
		if err := tx.Where("username = ? AND system = ?", normaliseUsername(username), false).Limit(1).Find(&m).Error; err != nil {
			return err
		}
		now := s.clock.Now()
		if m.ID == 0 || !m.Active || m.PasswordHash == "" {
			var err error
			result, err = s.failUnknown(tx, username, password, now, maxFails, lockFor)
			return err
		}
		if m.LockedUntil != nil && now.Before(*m.LockedUntil) {
			result = &LockedError{Until: *m.LockedUntil}
			return s.audit(tx, &m, ActionSignInFailed, "staff", m.ID, nil, nil, "account locked")
		}
		if bcrypt.CompareHashAndPassword([]byte(m.PasswordHash), []byte(password)) != nil {
			fails := m.FailedSignIns + 1
			updates := map[string]any{"failed_sign_ins": fails}
			detail := fmt.Sprintf("wrong password (%d of %d)", fails, maxFails)
			result = ErrBadCredentials
			if fails >= maxFails {
				until := now.Add(lockFor)
				updates["locked_until"], updates["failed_sign_ins"] = until, 0
				detail += "; account locked"
				result = &LockedError{Until: until}
			}
			if err := tx.Model(&models.StaffMember{}).Where("id = ?", m.ID).Updates(updates).Error; err != nil {
				return err
			}
			return s.audit(tx, &m, ActionSignInFailed, "staff", m.ID, nil, nil, detail)
		}
		if err := tx.Model(&models.StaffMember{}).Where("id = ?", m.ID).Updates(map[string]any{"failed_sign_ins": 0, "locked_until": nil}).Error; err != nil {
			return err
		}
		m.FailedSignIns, m.LockedUntil = 0, nil
		signedIn = &m
		return s.audit(tx, &m, ActionSignIn, "staff", m.ID, nil, nil, "")
	})
	if err != nil {
		return nil, fmt.Errorf("cannot check the sign-in: %w", err)
	}
	return signedIn, result
}

// ResetPassword sets a new password for username and unlocks the account.
// Team managers may reset anyone's; the command line acts as the system user.
func (s *AuthService) ResetPassword(actor *models.StaffMember, username, password string) error {
	hash, err := HashPassword(password)
	if err != nil {
		return err
	}
	return s.write(actor, models.PermManageUsers, func(tx *gorm.DB) error {
		var m models.StaffMember
		if err := tx.Where("username = ? AND system = ?", normaliseUsername(username), false).First(&m).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return models.NewFieldError(models.FieldUsername, "there is no account called %q", username)
			}
			return err
		}
		err := tx.Model(&models.StaffMember{}).Where("id = ?", m.ID).Updates(map[string]any{
			"password_hash": hash, "failed_sign_ins": 0, "locked_until": nil, "version": m.Version + 1,
		}).Error
		if err != nil {
			return err
		}
		return s.audit(tx, actor, ActionUpdate, "staff", m.ID, nil, nil, "password reset")
	})
}

// normaliseUsername is the form usernames are stored and looked up in:
// trimmed of spaces and in lower case.
func normaliseUsername(u string) string { return strings.ToLower(strings.TrimSpace(u)) }

// SignOut records that a person signed out (or was signed out).
func (s *AuthService) SignOut(actor *models.StaffMember) error {
	if actor == nil {
		return nil
	}
	return s.transaction(func(tx *gorm.DB) error {
		return s.audit(tx, actor, ActionSignOut, "staff", actor.ID, nil, nil, "")
	})
}
