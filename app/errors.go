package app

import (
	"errors"
	"fmt"
	"time"

	"perinatal-caseload/models"
)

// ErrNotSignedIn is returned when a service is called without a signed-in person.
var ErrNotSignedIn = errors.New("sign in first")

// ErrNotFound is returned when a record does not exist.
var ErrNotFound = errors.New("the record was not found; it may have been removed")

// PermissionError is returned when the acting person lacks the role an action needs.
type PermissionError struct {
	Needed     models.Role
	Permission models.Permission
}

func (e *PermissionError) Error() string {
	return fmt.Sprintf("You need the %s role to %s.", e.Needed.Label(), e.Permission)
}

// ConflictError is returned when a record changed after the caller read it.
// Nothing was saved.
type ConflictError struct {
	Entity    string
	ID        uint
	ChangedBy string
	ChangedAt time.Time
}

func (e *ConflictError) Error() string {
	who := e.ChangedBy
	if who == "" {
		who = "someone else"
	}
	when := ""
	if !e.ChangedAt.IsZero() {
		when = " at " + e.ChangedAt.In(models.London).Format("15:04 on 02/01/2006")
	}
	return fmt.Sprintf("This %s was changed by %s%s after you opened it, so your change was not saved. Reload it to see their change, then make yours again.", e.Entity, who, when)
}
