package app

import (
	"errors"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// SystemUsername is the named system user that the command line and the demo
// generator act as, so their writes are audited to someone.
const SystemUsername = "system"

// StaffService keeps the team's staff records and user accounts.
type StaffService struct{ *core }

// SystemUser returns the system user, creating it on first use. It holds
// every role but has no password, so nobody can sign in as it.
//
// Programs that start at the same moment on a new database may each find
// no system user and try to create it: one succeeds, and the others, refused
// by the unique username, read the one it made.
func (s *StaffService) SystemUser() (*models.StaffMember, error) {
	if u, err := s.storedSystemUser(); err != nil || u != nil {
		return u, err
	}
	u := models.StaffMember{Name: "System (command line)", Username: SystemUsername, JobTitle: "System", Active: true, System: true}
	u.SetRoles(models.RoleManager)
	u.Version = 1
	err := s.transaction(func(tx *gorm.DB) error {
		if err := tx.Create(&u).Error; err != nil {
			return err
		}
		return s.audit(tx, &u, ActionCreate, "staff", u.ID, nil, &u, "system user")
	})
	if err != nil {
		if made, _ := s.storedSystemUser(); made != nil {
			return made, nil // another program made it first
		}
		return nil, fmt.Errorf("cannot create the system user: %w", err)
	}
	return &u, nil
}

// storedSystemUser reads the system user, or nil when there is none yet.
func (s *StaffService) storedSystemUser() (*models.StaffMember, error) {
	var u models.StaffMember
	if err := s.db.Where("username = ?", SystemUsername).Limit(1).Find(&u).Error; err != nil {
		return nil, err
	}
	if u.ID == 0 {
		return nil, nil
	}
	return &u, nil
}

// validateStaff checks a staff record before it is saved.
func validateStaff(m *models.StaffMember) error {
	var v models.FieldErrors
	m.Name = strings.TrimSpace(m.Name)
	m.Username = normaliseUsername(m.Username)
	if m.Name == "" {
		v.Add(models.FieldStaffName, "enter the person's name")
	}
	if m.Username == "" {
		v.Add(models.FieldUsername, "enter a username")
	} else if strings.ContainsAny(m.Username, " \t") {
		v.Add(models.FieldUsername, "a username cannot contain spaces")
	}
	if len(m.RoleSet()) == 0 {
		v.Add(models.FieldRoles, "choose at least one role: administrator, clinician, key_worker or team_manager")
	}
	if m.CaseloadCapacity < 0 {
		v.Add(models.FieldCaseloadCapacity, "enter 0 or more")
	}
	if m.WorkingFraction <= 0 || m.WorkingFraction > 1 {
		v.Add(models.FieldWorkingTime, "enter a fraction between 0.1 and 1, for example 0.6")
	}
	reg, err := m.ProfessionalRegistration.Normalised()
	if fe := (*models.FieldError)(nil); errors.As(err, &fe) {
		v = append(v, fe)
	}
	m.ProfessionalRegistration = reg
	return v.Err()
}

// Add creates a staff member with a password. Only a team manager may add
// accounts, except that the very first account of a new database may be
// created by the first-run screen with a nil actor, and must be a team manager.
func (s *StaffService) Add(actor *models.StaffMember, m *models.StaffMember, password string) error {
	if m.WorkingFraction == 0 {
		m.WorkingFraction = 1
	}
	m.Active = true
	if err := validateStaff(m); err != nil {
		return err
	}
	hash, err := HashPassword(password)
	if err != nil {
		return err
	}
	m.PasswordHash = hash
	m.Version = 1
	create := func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&models.StaffMember{}).Where("username = ?", m.Username).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return models.NewFieldError(models.FieldUsername, "%q is already taken; choose another", m.Username)
		}
		if err := tx.Create(m).Error; err != nil {
			return fmt.Errorf("cannot save the staff member: %w", err)
		}
		by := actor
		if by == nil {
			by = m
		}
		return s.audit(tx, by, ActionCreate, "staff", m.ID, nil, m, "")
	}
	if actor == nil {
		return s.transaction(func(tx *gorm.DB) error {
			first, err := s.needsFirstUser(tx)
			if err != nil {
				return err
			}
			if !first || !m.HasRole(models.RoleManager) {
				return ErrNotSignedIn
			}
			return create(tx)
		})
	}
	return s.write(actor, models.PermManageUsers, create)
}

// NeedsFirstUser reports whether nobody can sign in yet, so the GUI must ask
// for the first team manager's account.
func (s *StaffService) NeedsFirstUser() (bool, error) { return s.needsFirstUser(s.db) }

func (s *StaffService) needsFirstUser(db *gorm.DB) (bool, error) {
	var n int64
	err := db.Model(&models.StaffMember{}).Where("password_hash <> '' AND active = ?", true).Count(&n).Error
	return n == 0, err
}

// Update saves changes to a staff member's record from the Team screen:
// name, username, job title, roles, working-time fraction, caseload
// capacity, and profession and registration number (checked against the
// regulator's register shape; see models.ProfessionalRegistration). The
// signature image is kept as it was (see SetSignature). It does not change the password, nor whether they are active
// (see Deactivate and Reactivate). A username already taken, or a change
// leaving the team with no active team manager, is refused.
func (s *StaffService) Update(actor *models.StaffMember, m *models.StaffMember) error {
	if err := validateStaff(m); err != nil {
		return err
	}
	return s.write(actor, models.PermManageUsers, func(tx *gorm.DB) error {
		var before models.StaffMember
		if err := tx.First(&before, m.ID).Error; err != nil {
			return notFound(err)
		}
		if err := s.checkRead(tx, "staff", &before, m.Version); err != nil {
			return err
		}
		m.PasswordHash, m.FailedSignIns, m.LockedUntil = before.PasswordHash, before.FailedSignIns, before.LockedUntil
		m.Signature = before.Signature // changed only by SetSignature
		m.Active, m.System = before.Active, before.System
		if err := checkStaffUpdate(tx, &before, m); err != nil {
			return err
		}
		if err := s.saveVersioned(tx, "staff", m, func(v int) { m.Version = v }); err != nil {
			return err
		}
		return s.audit(tx, actor, ActionUpdate, "staff", m.ID, &before, m, "")
	})
}

// List returns staff members, active first then by name. Passing
// activeOnly leaves out those who have left.
func (s *StaffService) List(activeOnly bool) ([]models.StaffMember, error) {
	var out []models.StaffMember
	q := s.db.Where("system = ?", false)
	if activeOnly {
		q = q.Where("active = ?", true)
	}
	err := q.Order("active DESC, name").Find(&out).Error
	return out, err
}

// WithRole returns the active staff who hold role r (a team manager counts
// only if they hold r explicitly).
func (s *StaffService) WithRole(r models.Role) ([]models.StaffMember, error) {
	all, err := s.List(true)
	if err != nil {
		return nil, err
	}
	var out []models.StaffMember
	for _, m := range all {
		if m.HasRole(r) {
			out = append(out, m)
		}
	}
	return out, nil
}

// Get returns one staff member.
func (s *StaffService) Get(id uint) (*models.StaffMember, error) {
	var m models.StaffMember
	if err := s.db.First(&m, id).Error; err != nil {
		return nil, notFound(err)
	}
	return &m, nil
}

// ByUsername returns the staff member with that username.
func (s *StaffService) ByUsername(username string) (*models.StaffMember, error) {
	var m models.StaffMember
	err := s.db.Where("username = ?", normaliseUsername(username)).First(&m).Error
	if err != nil {
		return nil, notFound(err)
	}
	return &m, nil
}
