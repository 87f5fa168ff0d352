package models

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestFieldErrorText(t *testing.T) {
	cases := []struct {
		name string
		err  *FieldError
		want string
	}{
		{"labelled field", &FieldError{Field: FieldNHSNumber, Message: "enter it"}, "NHS number: enter it"},
		{"no field", &FieldError{Message: "the file should hold one JSON object"}, "the file should hold one JSON object"},
		{"list item", &FieldError{Field: FieldMedication.Item(1), Message: "choose its class"}, "Medicine 2: choose its class"},
		{"letter part", &FieldError{Field: FieldLetterCopyTo.Item(0), Message: "enter the name"}, "copy 1: enter the name"},
		{"path without a label", &FieldError{Field: "conditions[1].code", Message: "should be text"}, "conditions[1].code: should be text"},
		{"formatted", NewFieldError(FieldDueDate, "more than %d weeks", 44), "Expected delivery date: more than 44 weeks"},
	}
	for _, c := range cases {
		if got := c.err.Error(); got != c.want {
			t.Errorf("%s: Error() = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestFieldLabels(t *testing.T) {
	cases := []struct {
		id   FieldID
		want string
	}{
		{FieldNHSNumber, "NHS number"},
		{FieldBabyDateOfBirth, "Baby's date of birth"},
		{FieldConditions, "Conditions"},
		{FieldConditions.Item(0), "Condition 1"},
		{FieldOtherProfessional.Item(9), "Professional 10"},
		{FieldLetterCopyTo, "copy list"},
		{FieldDecisionReason, "Reason"},
		{FieldTime, "Time"},
		{"medication[0].class", "medication[0].class"}, // deeper than a list item: no label
		{FieldNHSNumber.Item(0), "patient.nhs_number[0]"},
		{"medication[x]", "medication[x]"},
		{"medication[-1]", "medication[-1]"},
		{"[0]", "[0]"},
		{"", ""},
	}
	for _, c := range cases {
		if got := c.id.Label(); got != c.want {
			t.Errorf("FieldID(%q).Label() = %q, want %q", c.id, got, c.want)
		}
	}
	for id, l := range fieldLabels {
		if l.label == "" || strings.TrimSpace(l.label) != l.label {
			t.Errorf("field %q has the label %q", id, l.label)
		}
	}
	if FieldMedication.Item(3) != "medication[3]" {
		t.Errorf("Item(3) = %q, want the JSON path medication[3]", FieldMedication.Item(3))
	}
}

func TestFieldErrorsText(t *testing.T) {
	one := FieldErrors{{Field: FieldPostcode, Message: "enter the postcode"}}
	if got := one.Error(); got != "Postcode: enter the postcode" {
		t.Errorf("one field: %q", got)
	}
	var two FieldErrors
	two.Add(FieldGivenName, "enter the woman's given name")
	two.Add(FieldDateOfBirth, "the woman would be under %d years old; check the year", 10)
	want := "2 fields need attention:\n- Given name: enter the woman's given name\n- Date of birth: the woman would be under 10 years old; check the year"
	if got := two.Error(); got != want {
		t.Errorf("two fields:\n%s\nwant\n%s", got, want)
	}
	var none FieldErrors
	if err := none.Err(); err != nil {
		t.Errorf("an empty list gives the error %v, want nil", err)
	}
	if err := two.Err(); err == nil {
		t.Error("a list with two fields gives no error")
	}
}

func TestFieldErrorsAreReadWithErrorsAs(t *testing.T) {
	list := FieldErrors{
		{Field: FieldGivenName, Message: "enter it"},
		{Field: FieldPostcode, Message: "enter it"},
	}
	single := &FieldError{Field: FieldTime, Message: "enter the time"}
	plain := errors.New("cannot save to the database")
	cases := []struct {
		name   string
		err    error
		fields []FieldID // what FieldErrorsIn gives
		first  FieldID   // what errors.As finds as a *FieldError; "" for none
	}{
		{"list", list, []FieldID{FieldGivenName, FieldPostcode}, FieldGivenName},
		{"wrapped list", fmt.Errorf("saving: %w", list.Err()), []FieldID{FieldGivenName, FieldPostcode}, FieldGivenName},
		{"single", single, []FieldID{FieldTime}, FieldTime},
		{"wrapped single", fmt.Errorf("booking: %w", single), []FieldID{FieldTime}, FieldTime},
		{"sentinel", ErrPostcodeShape, []FieldID{FieldPostcode}, FieldPostcode},
		{"plain", plain, nil, ""},
		{"nil", nil, nil, ""},
		{"joined", errors.Join(single, plain, ErrPostcodeShape), []FieldID{FieldTime, FieldPostcode}, FieldTime},
	}
	for _, c := range cases {
		got := FieldErrorsIn(c.err)
		if len(got) != len(c.fields) {
			t.Errorf("%s: FieldErrorsIn = %v, want fields %q", c.name, got, c.fields)
		} else {
			for i, f := range got {
				if f.Field != c.fields[i] {
					t.Errorf("%s: field %d is %q, want %q", c.name, i, f.Field, c.fields[i])
				}
			}
		}
		var fe *FieldError
		if found := errors.As(c.err, &fe); found != (c.first != "") || found && fe.Field != c.first {
			t.Errorf("%s: errors.As(*FieldError) = %v %v, want %q", c.name, found, fe, c.first)
		}
	}
	if !errors.Is(FieldErrors{ErrNHSNumberCheckDigit}, ErrNHSNumberCheckDigit) {
		t.Error("errors.Is does not see a reason inside a list")
	}
}

func TestOnFieldRenamesTheFieldAndKeepsTheMessage(t *testing.T) {
	cases := []struct {
		name string
		err  error
		want *FieldError
	}{
		{"field error", ErrNHSNumberLength, &FieldError{Field: FieldLetterPatientNHS, Message: "it must have exactly 10 digits"}},
		{"wrapped field error", fmt.Errorf("reading: %w", ErrPostcodeEmpty), &FieldError{Field: FieldLetterPatientNHS, Message: "enter the postcode, for example LE1 5WW"}},
		{"plain error", errors.New("enter a real date"), &FieldError{Field: FieldLetterPatientNHS, Message: "enter a real date"}},
		{"nil", nil, nil},
	}
	for _, c := range cases {
		got := OnField(FieldLetterPatientNHS, c.err)
		if (got == nil) != (c.want == nil) || got != nil && *got != *c.want {
			t.Errorf("%s: OnField = %+v, want %+v", c.name, got, c.want)
		}
	}
	if ErrNHSNumberLength.Field != FieldNHSNumber {
		t.Error("OnField changed the error it was given")
	}
}

func TestDefineFieldsRefusesASecondLabel(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("labelling the NHS number again did not panic")
		}
	}()
	DefineFields(map[FieldID]string{FieldNHSNumber: "NHS no."})
}

func TestDefineFieldsLabelsNewFields(t *testing.T) {
	id := FieldID("test.define_fields")
	t.Cleanup(func() { delete(fieldLabels, id) })
	DefineFields(map[FieldID]string{id: "Test field"})
	if got := NewFieldError(id, "enter it").Error(); got != "Test field: enter it" {
		t.Errorf("Error() = %q", got)
	}
}

// TestNHSNumberErrors: each refusal is a *FieldError for the NHS number
// field, tells its reason through errors.Is, and never repeats the number.
func TestNHSNumberErrors(t *testing.T) {
	cases := []struct {
		in     string
		reason *FieldError
	}{
		{"", ErrNHSNumberEmpty},
		{"  - ", ErrNHSNumberEmpty},
		{"943 476 591", ErrNHSNumberLength},
		{"943 476 59190", ErrNHSNumberLength},
		{"943 476 591X", ErrNHSNumberNotDigits},
		{"943.476.5919", ErrNHSNumberLength}, // dots are not separators: 12 characters
		{"943 476 59a1", ErrNHSNumberNotDigits},
		{"000 000 0000", ErrNHSNumberZeros},
		{"943 476 5918", ErrNHSNumberCheckDigit},
		{"123 456 7890", ErrNHSNumberCheckDigit}, // the remainder gives 10: no valid check digit
	}
	for _, c := range cases {
		got, err := NormaliseNHSNumber(c.in)
		if !refusedFor(t, "NormaliseNHSNumber", c.in, got, err, c.reason, FieldNHSNumber) {
			continue
		}
		if !strings.HasPrefix(err.Error(), "NHS number: ") {
			t.Errorf("NormaliseNHSNumber(%q) error %q does not name the field", c.in, err)
		}
		digits := strings.NewReplacer(" ", "", "-", "").Replace(c.in)
		if c.reason != ErrNHSNumberZeros && len(digits) > 3 && (strings.Contains(err.Error(), digits) || strings.Contains(err.Error(), strings.TrimSpace(c.in))) {
			t.Errorf("NormaliseNHSNumber(%q) error repeats the number: %q", c.in, err)
		}
	}
	for _, in := range []string{"943 476 5919", "943-476-5919", " 9434765919 "} {
		if got, err := NormaliseNHSNumber(in); err != nil || got != "9434765919" {
			t.Errorf("NormaliseNHSNumber(%q) = %q, %v; want 9434765919", in, got, err)
		}
	}
}

// TestPostcodeErrors: each refusal is a *FieldError for the postcode field
// and tells its reason through errors.Is.
func TestPostcodeErrors(t *testing.T) {
	cases := []struct {
		in     string
		reason *FieldError
	}{
		{"", ErrPostcodeEmpty},
		{" \t ", ErrPostcodeEmpty},
		{"LE3", ErrPostcodeShape},
		{"LE11 3TUX", ErrPostcodeShape},
		{"LE3 AAB", ErrPostcodeShape},
		{"123 4AB", ErrPostcodeShape},
	}
	for _, c := range cases {
		got, err := NormalisePostcode(c.in)
		refusedFor(t, "NormalisePostcode", c.in, got, err, c.reason, FieldPostcode)
	}
}

// fieldsAtFault returns the labels of the fields that err, errors joined
// with errors.Join, names, failing the test (case name) if any of them is
// not a *FieldError.
func fieldsAtFault(t *testing.T, name string, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var fields []string
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var ie *FieldError
		if !errors.As(e, &ie) {
			t.Fatalf("%s: %v is not a FieldError", name, e)
		}
		fields = append(fields, ie.Field.Label())
	}
	return fields
}

// refusedFor checks that fn refused in for reason: it gave no value, and
// an error that is reason (errors.Is) and a *FieldError for field with a
// message. It reports whether the first of these held, as the rest of a
// case's checks need it.
func refusedFor(t *testing.T, fn, in, got string, err, reason error, field FieldID) bool {
	t.Helper()
	if got != "" || !errors.Is(err, reason) {
		t.Errorf("%s(%q) = %q, %v; want %v", fn, in, got, err, reason)
		return false
	}
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Field != field || fe.Message == "" {
		t.Errorf("%s(%q) error %#v is not a field error for the %s", fn, in, err, field.Label())
	}
	return true
}

// TestListItemNeedsANameAndAnIndexFromZero pins how a list field's ID is
// split: a name before "[", then a whole number from 0.
func TestListItemNeedsANameAndAnIndexFromZero(t *testing.T) {
	cases := []struct {
		id   FieldID
		list FieldID
		i    int
		ok   bool
	}{
		{"medication[0]", "medication", 0, true},
		{"medication[12]", "medication", 12, true},
		{"m[1]", "m", 1, true},
		{"[1]", "", 0, false}, // no name before the bracket
		{"medication[-1]", "", 0, false},
		{"medication[]", "", 0, false},
		{"medication[x]", "", 0, false},
		{"medication[1", "", 0, false},
		{"medication", "", 0, false},
	}
	for _, c := range cases {
		t.Run(string(c.id), func(t *testing.T) {
			list, i, ok := c.id.listItem()
			if list != c.list || i != c.i || ok != c.ok {
				t.Errorf("listItem(%q) = %q, %d, %v; want %q, %d, %v", c.id, list, i, ok, c.list, c.i, c.ok)
			}
		})
	}
}
