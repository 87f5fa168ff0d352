// Package app is the application core: the database, its migrations and the
// services for each workflow. It has no Fyne import; the views and the
// command line call these services, which check permissions, validate, and
// write every change together with its audit event.
package app

import (
	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// Services bundles every workflow service over one database and clock.
type Services struct {
	core         *core
	Settings     *SettingsService
	Staff        *StaffService
	Auth         *AuthService
	Referrals    *ReferralService
	Audit        *AuditService
	Appointments *AppointmentService
	Allocations  *AllocationService
	JointWorking *JointWorkingService
	Letters      *LetterService
	Tasks        *TaskService
	Clocks       *ClockService
	Caseload     *CaseloadService
	Directory    *DirectoryService
	Contacts     *ContactService
	Measures     *MeasureService
	Patients     *PatientService
	Reports      *ReportService // issue 16: the manager's reports and the MHSDS extract
	Risk         *RiskService
	CarePlans    *CarePlanService
}

// New builds the services over an open, migrated database.
func New(db *gorm.DB, clock Clock) *Services {
	if clock == nil {
		clock = SystemClock{}
	}
	return newServices(&core{db: db, clock: clock})
}

func newServices(c *core) *Services {
	return &Services{
		core:         c,
		Settings:     &SettingsService{c},
		Staff:        &StaffService{c},
		Auth:         &AuthService{c},
		Referrals:    &ReferralService{c},
		Audit:        &AuditService{c},
		Appointments: &AppointmentService{c},
		Allocations:  &AllocationService{c},
		JointWorking: &JointWorkingService{c},
		Letters:      &LetterService{c},
		Tasks:        &TaskService{c},
		Clocks:       &ClockService{c},
		Caseload:     &CaseloadService{c},
		Directory:    &DirectoryService{c},
		Contacts:     &ContactService{c},
		Measures:     &MeasureService{c},
		Patients:     &PatientService{c},
		Reports:      &ReportService{c},
		Risk:         &RiskService{c},
		CarePlans:    &CarePlanService{c},
	}
}

// Clock returns the clock the services use.
func (s *Services) Clock() Clock { return s.core.clock }

// Batch runs fn with services bound to one transaction: everything fn writes
// commits together or not at all, and any error from a service inside it
// (or from fn) rolls the whole batch back. The demo generator and imports use it to
// write many records quickly through the same audited service methods.
func (s *Services) Batch(fn func(tx *Services) error) error {
	return s.core.db.Transaction(func(tx *gorm.DB) error {
		b := &batchState{settings: map[string]string{}}
		if err := fn(newServices(&core{db: tx, clock: s.core.clock, batch: b, session: s.core.session})); err != nil {
			return err
		}
		return b.flushAudit(tx)
	})
}

// Close closes the database the services use. The services never hand out
// their database handle: everything is read and written through them, so
// nothing can change or remove an audit event.
func (s *Services) Close() { closeDB(s.core.db) }

// WithClock returns services that share this database (and batch, if any)
// but tell the time by clock. The demo generator uses it to date each step
// of a story as it would have happened.
func (s *Services) WithClock(clock Clock) *Services {
	c := *s.core
	c.clock = clock
	return newServices(&c)
}

// ForCommandLine returns services over the same database whose every audit
// event says it came from that command of the command line, run by osUser
// (the operating-system account), beside the person signed in.
func (s *Services) ForCommandLine(command, osUser string) *Services {
	c := *s.core
	c.session = &models.SessionDetails{Via: "command line", Command: command, OSUser: osUser}
	return newServices(&c)
}
