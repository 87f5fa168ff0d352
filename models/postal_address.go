package models

import "strings"

// PostalAddress reads an address typed freely, as a professional's address
// often is, into the lines of a postal address with the postcode last, in
// its standard form. The text may hold one line per "\n", or everything on
// one line with commas between the parts ("1 Station Road, Loughborough,
// LE11 3TU"); the postcode may stand on its own line or end the last one
// ("Loughborough LE11 3TU").
//
// ok is false when a letter could not be posted to it: no UK postcode at
// the end, no line before the postcode, or more than the shared limits
// (MaxAddressLines lines of MaxAddressLineRunes characters before the
// postcode), which the envelope window cannot show.
func PostalAddress(text string) (lines []string, ok bool) {
	lines = AddressLines(text)
	if len(lines) == 1 && strings.Contains(lines[0], ",") {
		lines = AddressLines(strings.ReplaceAll(lines[0], ",", "\n"))
	}
	if len(lines) == 0 {
		return nil, false
	}
	last := lines[len(lines)-1]
	if pc, err := NormalisePostcode(last); err == nil {
		lines[len(lines)-1] = pc
	} else if rest, pc, found := trailingPostcode(last); found {
		lines = append(lines[:len(lines)-1], rest, pc)
	} else {
		return nil, false
	}
	if len(lines) < 2 || addressLinesProblem(lines[:len(lines)-1]) != "" {
		return nil, false
	}
	return lines, true
}

// trailingPostcode splits a line that ends with a postcode, written with or
// without its space ("Loughborough LE11 3TU", "Loughborough LE113TU"), into
// the words before it and the postcode in its standard form.
func trailingPostcode(line string) (rest, postcode string, ok bool) {
	words := strings.Fields(line)
	for n := 2; n >= 1; n-- {
		if len(words) <= n {
			continue
		}
		if pc, err := NormalisePostcode(strings.Join(words[len(words)-n:], "")); err == nil {
			return strings.Join(words[:len(words)-n], " "), pc, true
		}
	}
	return "", "", false
}

// addressFields names the two fields of an optional postal address, its
// lines and its postcode, and says what to ask for when one is given
// without the other.
type addressFields struct {
	lines, postcode     FieldID
	noLines, noPostcode string
}

// check checks an optional address: lines (tidied, one per "\n") and a
// postcode, each of which needs the other. It returns the postcode in its
// standard form (as given when it is not a postcode) and the problems,
// each a *FieldError naming one of the two fields.
func (f addressFields) check(lines, postcode string) (string, []error) {
	var errs []error
	if postcode != "" {
		pc, err := NormalisePostcode(postcode)
		if err != nil {
			errs = append(errs, OnField(f.postcode, err))
		} else {
			postcode = pc
		}
		if lines == "" {
			errs = append(errs, &FieldError{f.lines, f.noLines})
		}
	} else if lines != "" {
		errs = append(errs, &FieldError{f.postcode, f.noPostcode})
	}
	return postcode, errs
}
