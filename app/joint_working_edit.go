package app

import (
	"slices"
	"strings"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// JointWorkingEdit is what can be corrected on a joint-working record:
// the service, its team and named contact with their details, the dates
// and the notes.
type JointWorkingEdit struct {
	Service     models.JointService
	Team        string
	ContactName string
	Phone       string
	Email       string
	Address     string
	StartDate   models.Date
	EndDate     models.Date
	Notes       string
}

// EditOf returns a joint-working record as an edit, to change it.
func EditOf(j *models.JointWorking) JointWorkingEdit {
	return JointWorkingEdit{Service: j.Service, Team: j.Team, ContactName: j.ContactName, Phone: j.Phone,
		Email: j.Email, Address: j.Address, StartDate: j.StartDate, EndDate: j.EndDate, Notes: j.Notes}
}

// Update corrects a joint-working record, as read at readVersion: a new
// care coordinator, say, or an end date. A record changed by someone else
// since is a *ConflictError; the change is audited with the record before
// and after.
func (s *JointWorkingService) Update(actor *models.StaffMember, id uint, readVersion int, e JointWorkingEdit) error {
	var v models.FieldErrors
	if !slices.Contains(models.JointServices, e.Service) {
		v.Add(models.FieldJointService, "choose the service the team works jointly with")
	}
	if !e.StartDate.IsZero() && !e.EndDate.IsZero() && e.EndDate.Before(e.StartDate) {
		v.Add(models.FieldJointEnd, "the end date is before the start date")
	}
	if err := v.Err(); err != nil {
		return err
	}
	return s.write(actor, models.PermUpdateCaseload, func(tx *gorm.DB) error {
		read, err := loadAt[models.JointWorking](s.core, tx, "joint_working", id, readVersion)
		if err != nil {
			return err
		}
		j, before := *read, *read
		j.Service, j.Team, j.ContactName = e.Service, strings.TrimSpace(e.Team), strings.TrimSpace(e.ContactName)
		j.Phone, j.Email, j.Address = strings.TrimSpace(e.Phone), strings.TrimSpace(e.Email), strings.TrimSpace(e.Address)
		j.StartDate, j.EndDate, j.Notes = e.StartDate, e.EndDate, strings.TrimSpace(e.Notes)
		if err := s.saveVersioned(tx, "joint_working", &j, func(v int) { j.Version = v }); err != nil {
			return err
		}
		return s.auditWith(tx, actor, ActionUpdate, "joint_working", j.ID, &before, &j, "edited", jointWorkingDetails(&j))
	})
}
