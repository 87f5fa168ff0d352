package models

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// FieldError is a problem with one field of what someone entered, typed or
// sent in a file. Field says which field, by its stable ID; Message says
// what is wrong and what to do. Neither ever contains patient data (names,
// NHS numbers, dates of birth, addresses), so the error is safe to show,
// print and log.
//
// Read one with errors.As; the first field at fault in a FieldErrors is
// found the same way.
type FieldError struct {
	// Field is the field at fault; empty for a problem with the whole of
	// what was given (a referral file that is not one object, say).
	Field FieldID
	// Message completes "Label: …": "enter the postcode, for example LE1 5WW".
	Message string
}

// NewFieldError returns a problem with field, the message formatted as by
// fmt.Sprintf.
func NewFieldError(field FieldID, format string, args ...any) *FieldError {
	return &FieldError{Field: field, Message: fmt.Sprintf(format, args...)}
}

// OnField returns err as a problem with field: a *FieldError (or an error
// wrapping one) keeps its message under field; the text of any other error
// becomes the message. It returns nil when err is nil. It lets a caller name
// the field as its own screen or format knows it, as letters do for the
// patient's NHS number, without cutting error text apart.
func OnField(field FieldID, err error) *FieldError {
	if err == nil {
		return nil
	}
	var fe *FieldError
	if errors.As(err, &fe) {
		return &FieldError{Field: field, Message: fe.Message}
	}
	return &FieldError{Field: field, Message: err.Error()}
}

// Error returns "Label: message", naming the field as screens do (see
// FieldID.Label), or just the message when no field is named.
func (e *FieldError) Error() string {
	if e.Field == "" {
		return e.Message
	}
	return e.Field.Label() + ": " + e.Message
}

// FieldErrors lists every field at fault in one go, in the order found, so
// that people can put them all right before trying again. Nothing was saved.
//
// errors.As finds a FieldErrors, and also its first *FieldError; see
// FieldErrorsIn for every field at fault whichever of the two an error holds.
type FieldErrors []*FieldError

// Add records a problem with field, the message formatted as by fmt.Sprintf.
func (e *FieldErrors) Add(field FieldID, format string, args ...any) {
	*e = append(*e, NewFieldError(field, format, args...))
}

// Err returns the list as an error, or nil when no field is at fault.
func (e FieldErrors) Err() error {
	if len(e) == 0 {
		return nil
	}
	return e
}

// Error names one field at fault as "Label: message", or several as
// "2 fields need attention:" followed by one "- Label: message" line each.
func (e FieldErrors) Error() string {
	switch len(e) {
	case 0:
		return "no field needs attention"
	case 1:
		return e[0].Error()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d fields need attention:", len(e))
	for _, f := range e {
		b.WriteString("\n- " + f.Error())
	}
	return b.String()
}

// Unwrap returns each field error, so that errors.As and errors.Is see them.
func (e FieldErrors) Unwrap() []error {
	out := make([]error, len(e))
	for i, f := range e {
		out[i] = f
	}
	return out
}

// FieldErrorsIn returns every field at fault in err: the list when err holds
// a FieldErrors; every *FieldError of errors joined with errors.Join (as
// the Normalised methods return them), in order; one item when it holds a
// single *FieldError; and nil when it holds none.
func FieldErrorsIn(err error) FieldErrors {
	var list FieldErrors
	if errors.As(err, &list) {
		return list
	}
	collectFieldErrors(err, &list)
	return list
}

// collectFieldErrors appends the field errors in err, looking inside errors
// joined with errors.Join.
func collectFieldErrors(err error, out *FieldErrors) {
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range joined.Unwrap() {
			collectFieldErrors(e, out)
		}
		return
	}
	var one *FieldError
	if errors.As(err, &one) {
		*out = append(*out, one)
	}
}

// FieldID names a field stably, whatever the screen calls it. A field of the
// referral-form exchange format (docs/referral-form.md) has its JSON path as
// its ID ("patient.nhs_number"), so an import names it as the sender knows
// it; other fields have IDs of the same shape ("allocation.key_worker").
// Label gives the name people see.
//
// An item of a list is its list's ID with the index from 0, as in the
// exchange format: FieldMedication.Item(0) is "medication[0]", labelled
// "Medicine 1".
type FieldID string

// Item returns the ID of item i (from 0) of the list field f.
func (f FieldID) Item(i int) FieldID { return FieldID(fmt.Sprintf("%s[%d]", f, i)) }

// Label returns the field's name as screens and messages show it, such as
// "NHS number" for FieldNHSNumber and "Medicine 2" for
// FieldMedication.Item(1). A field without a label (a JSON path deep in a
// referral file, such as "conditions[1].code") is named by its ID.
func (f FieldID) Label() string {
	if l, ok := fieldLabels[f]; ok {
		return l.label
	}
	if list, i, ok := f.listItem(); ok {
		if l, ok := fieldLabels[list]; ok && l.item != "" {
			return l.item + " " + strconv.Itoa(i+1)
		}
	}
	return string(f)
}

// listItem splits "medication[2]" into "medication" and 2.
func (f FieldID) listItem() (FieldID, int, bool) {
	s := string(f)
	open := strings.LastIndexByte(s, '[')
	if open <= 0 || !strings.HasSuffix(s, "]") {
		return "", 0, false
	}
	i, err := strconv.Atoi(s[open+1 : len(s)-1])
	if err != nil || i < 0 {
		return "", 0, false
	}
	return FieldID(s[:open]), i, true
}

// DefineFields labels fields that a package defines for itself, such as the
// service settings, whose names live with their definitions. It is meant for
// an init function, before any label is read, and panics if an ID is
// already labelled, since two names for one field is a programming error.
func DefineFields(labels map[FieldID]string) {
	for id, label := range labels {
		if _, dup := fieldLabels[id]; dup {
			panic("models: field " + string(id) + " is labelled twice")
		}
		fieldLabels[id] = fieldLabel{label: label}
	}
}
