package models

import (
	"strings"
)

// Why an NHS number is refused. Each is a *FieldError for FieldNHSNumber,
// so errors.Is tells the reason and errors.As the field and message. None
// repeats the number, since error text may be logged.
var (
	// ErrNHSNumberEmpty: no NHS number was given where one is required.
	ErrNHSNumberEmpty = &FieldError{Field: FieldNHSNumber, Message: "enter the 10-digit NHS number"}
	// ErrNHSNumberLength: not ten digits, leaving out spaces and hyphens.
	ErrNHSNumberLength = &FieldError{Field: FieldNHSNumber, Message: "it must have exactly 10 digits"}
	// ErrNHSNumberNotDigits: something other than digits, spaces and hyphens.
	ErrNHSNumberNotDigits = &FieldError{Field: FieldNHSNumber, Message: "use digits only (spaces are allowed)"}
	// ErrNHSNumberZeros: all zeros, which passes the check digit but is
	// never issued.
	ErrNHSNumberZeros = &FieldError{Field: FieldNHSNumber, Message: "000 000 0000 is not a real NHS number"}
	// ErrNHSNumberCheckDigit: the last digit is not the check digit of the
	// first nine, the usual sign of a typing error.
	ErrNHSNumberCheckDigit = &FieldError{Field: FieldNHSNumber, Message: "the check digit does not match; check the number for a typing error"}
)

// NormaliseNHSNumber strips spaces and hyphens and checks the result is a
// valid NHS number: ten digits whose last is the Modulus 11 check digit of the
// first nine. It returns the ten digits. A refusal is one of the
// ErrNHSNumber… errors, each a *FieldError for FieldNHSNumber.
func NormaliseNHSNumber(s string) (string, error) {
	digits := strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' {
			return -1
		}
		return r
	}, strings.TrimSpace(s))
	if digits == "" {
		return "", ErrNHSNumberEmpty
	}
	if len(digits) != 10 {
		return "", ErrNHSNumberLength
	}
	for _, r := range digits {
		if r < '0' || r > '9' {
			return "", ErrNHSNumberNotDigits
		}
	}
	if digits == "0000000000" {
		return "", ErrNHSNumberZeros
	}
	check, ok := nhsCheckDigit(digits[:9])
	if !ok || check != int(digits[9]-'0') {
		return "", ErrNHSNumberCheckDigit
	}
	return digits, nil
}

// nhsCheckDigit computes the Modulus 11 check digit of nine digits. ok is
// false when the remainder gives 10, which no valid number can have.
func nhsCheckDigit(nine string) (int, bool) {
	sum := 0
	for i, r := range nine {
		sum += int(r-'0') * (10 - i)
	}
	check := 11 - sum%11
	switch check {
	case 11:
		return 0, true
	case 10:
		return 0, false
	}
	return check, true
}

// FormatNHSNumber groups ten digits 3-3-4 ("943 476 5919"). Anything that is
// not ten digits is returned as given.
func FormatNHSNumber(s string) string {
	d := strings.ReplaceAll(strings.ReplaceAll(s, " ", ""), "-", "")
	if len(d) != 10 {
		return s
	}
	return d[:3] + " " + d[3:6] + " " + d[6:]
}

// IsTestNHSNumber reports whether the number is in the 999 range, which is
// never issued to a real person and is used for test and demo data.
func IsTestNHSNumber(s string) bool {
	d := strings.ReplaceAll(s, " ", "")
	return len(d) == 10 && strings.HasPrefix(d, "999")
}

// NHSNumberWithCheckDigit completes nine digits with their check digit. ok is
// false if no check digit exists for them. The demo generator uses it.
func NHSNumberWithCheckDigit(nine string) (string, bool) {
	if len(nine) != 9 {
		return "", false
	}
	c, ok := nhsCheckDigit(nine)
	if !ok {
		return "", false
	}
	return nine + string(rune('0'+c)), true
}
