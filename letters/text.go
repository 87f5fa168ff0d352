package letters

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// cleanLine prepares a one-line value (a name, a role, an address line) for
// printing: it is put in Unicode normal form C, so a decomposed "e" plus
// combining marks prints as the single precomposed letter; any run of white
// space (including line breaks) becomes one space; control and invisible
// formatting characters are dropped; and the ends are trimmed.
func cleanLine(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// cleanLines cleans each line and drops the empty ones.
func cleanLines(lines []string) []string {
	var out []string
	for _, l := range lines {
		if l = cleanLine(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// cleanBody prepares multi-line text: normal form C, line endings made
// "\n", other white space made a plain space, control and formatting
// characters dropped, and trailing spaces trimmed from each line.
func cleanBody(s string) string {
	s = norm.NFC.String(s)
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteRune(r)
		case unicode.IsSpace(r):
			b.WriteByte(' ')
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
		default:
			b.WriteRune(r)
		}
	}
	lines := strings.Split(b.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n")
}

// firstUnprintable returns the first character of s that the letter fonts
// cannot draw, or ok=false if every character can be drawn.
func firstUnprintable(c *coverage, s string) (r rune, ok bool) {
	for _, r := range s {
		if r == '\n' || r == ' ' {
			continue
		}
		if !c.has(r) {
			return r, true
		}
	}
	return 0, false
}

// joinNonEmpty joins the values that are not empty with sep.
func joinNonEmpty(sep string, values ...string) string {
	var keep []string
	for _, v := range values {
		if v != "" {
			keep = append(keep, v)
		}
	}
	return strings.Join(keep, sep)
}
