package models

import "strings"

// Base is one of the team's bases, where it sees women face to face.
type Base struct {
	Name    string
	Address []string // postal address, one line each, postcode last
}

// ParseBases reads the Settings list of bases: one base a paragraph, its
// name on the first line and its address on the lines below, paragraphs
// separated by a blank line. Spaces at the ends of lines do not matter.
func ParseBases(text string) []Base {
	var out []Base
	for _, block := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		var lines []string
		for _, l := range strings.Split(block, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
		if len(lines) > 0 {
			out = append(out, Base{Name: lines[0], Address: lines[1:]})
		}
	}
	return out
}

// CheckBases refuses a list of bases a letter could not use: a base with
// no address, or two bases with the same name. An empty list is allowed:
// the service's own address then stands for the one base.
func CheckBases(text string) error {
	seen := map[string]bool{}
	for _, b := range ParseBases(text) {
		key := strings.ToLower(b.Name)
		if len(b.Address) == 0 {
			return NewFieldError(FieldBases, "give %q its address on the lines below its name, and leave a blank line between bases", b.Name)
		}
		if len(b.Address) > 6 {
			return NewFieldError(FieldBases, "give %q at most 6 address lines", b.Name)
		}
		if seen[key] {
			return NewFieldError(FieldBases, "%q is listed twice; give each base its own name", b.Name)
		}
		seen[key] = true
	}
	return nil
}

// Venue returns the base as an appointment stores it: its name, then its
// address, one line each.
func (b Base) Venue() string { return strings.Join(append([]string{b.Name}, b.Address...), "\n") }

// VenueLine returns a stored venue on one line, as a letter prints it:
// "Brandon Unit, Gwendolen Road, Leicester LE5 4PW".
func VenueLine(venue string) string {
	var parts []string
	for _, l := range strings.Split(venue, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			parts = append(parts, l)
		}
	}
	return strings.Join(parts, ", ")
}
