package app

import (
	"fmt"
	"strings"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// StillHoldsWorkError is returned when deactivating someone who still holds
// women on their caseload or open tasks. Deactivating again with confirm
// set saves it: the women then show on the unallocated list, and the tasks
// stay with them until reassigned.
type StillHoldsWorkError struct {
	Name  string
	Women int64
	Tasks int64
}

func (e *StillHoldsWorkError) Error() string {
	return fmt.Sprintf("%s still holds %d women on their caseload and %d open tasks. Reallocate them first, or deactivate anyway and the women will show as waiting for a key worker.", e.Name, e.Women, e.Tasks)
}

// Deactivate marks a member of staff as no longer with the team: they can
// no longer sign in, be allocated women or be given tasks. Their records
// and history stay. Someone who still holds women or open tasks returns a
// *StillHoldsWorkError unless confirm is set. Nobody may deactivate
// themselves, and the last active team manager cannot be deactivated.
func (s *StaffService) Deactivate(actor *models.StaffMember, id uint, readVersion int, confirm bool) error {
	return s.write(actor, models.PermManageUsers, func(tx *gorm.DB) error {
		m, err := s.loadEditable(tx, id, readVersion)
		if err != nil {
			return err
		}
		if m.ID == actor.ID {
			return models.NewFieldError(models.FieldActive, "you cannot deactivate your own account; ask another team manager")
		}
		if !m.Active {
			return models.NewFieldError(models.FieldActive, "%s is already inactive", m.Name)
		}
		if err := lastManagerCheck(tx, m, false); err != nil {
			return err
		}
		if !confirm {
			women, err := caseloadSize(tx, m.ID)
			if err != nil {
				return err
			}
			var tasks int64
			if err := tx.Model(&models.Task{}).Where("assignee_id = ? AND completed_at IS NULL", m.ID).Count(&tasks).Error; err != nil {
				return err
			}
			if women > 0 || tasks > 0 {
				return &StillHoldsWorkError{Name: m.Name, Women: women, Tasks: tasks}
			}
		}
		return s.setActive(tx, actor, m, readVersion, false)
	})
}

// Reactivate brings back a member of staff who was deactivated.
func (s *StaffService) Reactivate(actor *models.StaffMember, id uint, readVersion int) error {
	return s.write(actor, models.PermManageUsers, func(tx *gorm.DB) error {
		m, err := s.loadEditable(tx, id, readVersion)
		if err != nil {
			return err
		}
		if m.Active {
			return models.NewFieldError(models.FieldActive, "%s is already active", m.Name)
		}
		return s.setActive(tx, actor, m, readVersion, true)
	})
}

func (s *StaffService) setActive(tx *gorm.DB, actor *models.StaffMember, m *models.StaffMember, readVersion int, active bool) error {
	before := *m
	m.Active, m.Version = active, readVersion
	if err := s.saveVersioned(tx, "staff", m, func(v int) { m.Version = v }); err != nil {
		return err
	}
	detail := "deactivated"
	if active {
		detail = "reactivated"
	}
	return s.audit(tx, actor, ActionUpdate, "staff", m.ID, &before, m, detail)
}

// loadEditable reads a staff record that the Team screen may change: any
// but the system user.
func (s *StaffService) loadEditable(tx *gorm.DB, id uint, readVersion int) (*models.StaffMember, error) {
	var m models.StaffMember
	if err := tx.First(&m, id).Error; err != nil {
		return nil, notFound(err)
	}
	if err := s.checkRead(tx, "staff", &m, readVersion); err != nil {
		return nil, err
	}
	if m.System {
		return nil, fmt.Errorf("the system user is not a member of the team and cannot be changed")
	}
	return &m, nil
}

// checkStaffUpdate refuses an update to a staff record that would take a
// username someone else has, or leave the team with no active team manager.
func checkStaffUpdate(tx *gorm.DB, before, after *models.StaffMember) error {
	if before.System {
		return fmt.Errorf("the system user is not a member of the team and cannot be changed")
	}
	var n int64
	if err := tx.Model(&models.StaffMember{}).Where("username = ? AND id <> ?", after.Username, after.ID).Count(&n).Error; err != nil {
		return err
	}
	if n > 0 {
		return models.NewFieldError(models.FieldUsername, "%q is already taken; choose another", after.Username)
	}
	return lastManagerCheck(tx, before, after.Active && after.HasRole(models.RoleManager))
}

// lastManagerCheck refuses a change after which m would no longer be an
// active team manager when nobody else is one.
func lastManagerCheck(tx *gorm.DB, m *models.StaffMember, stillManager bool) error {
	if stillManager || !m.Active || !m.HasRole(models.RoleManager) {
		return nil
	}
	var others []models.StaffMember
	if err := tx.Where("active = ? AND system = ? AND id <> ? AND role_list LIKE ?", true, false, m.ID, "%"+string(models.RoleManager)+"%").Find(&others).Error; err != nil {
		return err
	}
	for _, o := range others {
		if o.HasRole(models.RoleManager) {
			return nil
		}
	}
	return models.NewFieldError(models.FieldRoles, "%s", strings.TrimSpace(m.Name+" is the only active team manager; make someone else a team manager first"))
}
