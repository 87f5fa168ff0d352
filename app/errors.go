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

// FieldError is a problem with one field of what was entered.
type FieldError struct {
	Field   string
	Message string
}

// ValidationError lists every field at fault. Nothing was saved.
type ValidationError struct {
	Fields []FieldError
}

func (e *ValidationError) Error() string {
	if len(e.Fields) == 1 {
		return e.Fields[0].Field + ": " + e.Fields[0].Message
	}
	s := fmt.Sprintf("%d fields need attention:", len(e.Fields))
	for _, f := range e.Fields {
		s += "\n- " + f.Field + ": " + f.Message
	}
	return s
}

// add records a field problem.
func (e *ValidationError) add(field, format string, args ...any) {
	e.Fields = append(e.Fields, FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
}

// orNil returns the error if any field is at fault.
func (e *ValidationError) orNil() error {
	if len(e.Fields) == 0 {
		return nil
	}
	return e
}
