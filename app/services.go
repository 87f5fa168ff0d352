// Package app is the application core: the database, its migrations and the
// services for each workflow. It has no Fyne import; the views and the
// command line call these services, which check permissions, validate, and
// write every change together with its audit event.
package app

import (
	"gorm.io/gorm"
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
}

// New builds the services over an open, migrated database.
func New(db *gorm.DB, clock Clock) *Services {
	if clock == nil {
		clock = SystemClock{}
	}
	c := &core{db: db, clock: clock}
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
	}
}

// Clock returns the clock the services use.
func (s *Services) Clock() Clock { return s.core.clock }

// Batch runs fn with services bound to one transaction: everything fn writes
// commits together or not at all. The demo generator and imports use it to
// write many records quickly through the same audited service methods.
func (s *Services) Batch(fn func(tx *Services) error) error {
	return s.core.db.Transaction(func(tx *gorm.DB) error {
		return fn(New(tx, s.core.clock))
	})
}

// DB returns the database handle, for closing it and for tests of the store.
func (s *Services) DB() *gorm.DB { return s.core.db }
