package models

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// searchKeyBytes bounds a stored search key, the size of its column.
const searchKeyBytes = 100

// FoldName reduces a name, or a word of a search, to the form names are
// compared in when searching, so that a search forgives accents, case,
// apostrophes, hyphens and spaces: "Siobhán" and "siobhan" both give
// "siobhan", "O'Brien" and "obrien" give "obrien", and "Ní Bhriain" gives
// "nibhriain".
//
// It decomposes the text (Unicode NFKD, which also splits ligatures and
// full-width forms), drops the combining marks, lower-cases it, spells out
// the few Latin letters that carry their mark inside them (ł, ø, đ, ı, ß,
// æ, œ, þ), and keeps only letters and digits. Names in other scripts are
// folded the same way on both sides of a comparison, so they still match
// themselves.
func FoldName(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		r = unicode.ToLower(r)
		if spelled, ok := foldedLetters[r]; ok {
			b.WriteString(spelled)
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// foldedLetters spells out letters that Unicode does not decompose into a
// base letter and a mark.
var foldedLetters = map[rune]string{
	'ł': "l", 'ø': "o", 'đ': "d", 'ı': "i", 'ħ': "h", 'ŀ': "l",
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'þ': "th", 'ð': "d",
	'ς': "σ", // Greek final sigma is a sigma
}

// FoldWords folds each word of a search (see FoldName), leaving out words
// that fold to nothing, such as a lone hyphen.
func FoldWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, isWordBreak) {
		if f := FoldName(w); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// isWordBreak separates the words of a search: spaces, and commas as in
// "Byrne, Siobhán".
func isWordBreak(r rune) bool { return unicode.IsSpace(r) || r == ',' }

// nameKey folds a name for its search column, cut to the column's size
// without splitting a character.
func nameKey(s string) string {
	k := FoldName(s)
	if len(k) <= searchKeyBytes {
		return k
	}
	cut := searchKeyBytes
	for cut > 0 && !utf8.RuneStart(k[cut]) {
		cut--
	}
	return k[:cut]
}

// lastNamePart returns the last word of a name of several words, or "" for
// a name of one word: "Bhriain" of "Ní Bhriain", "Smith" of
// "O'Brien-Smith". Hyphens separate words here, apostrophes do not.
func lastNamePart(s string) string {
	parts := strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.Is(unicode.Pd, r)
	})
	if len(parts) < 2 {
		return ""
	}
	return parts[len(parts)-1]
}

// PostcodeKey returns a postcode, or the start of one, as the postcode
// search column holds it: upper case with no spaces ("LE113TU").
func PostcodeKey(s string) string {
	return strings.ToUpper(strings.Join(strings.Fields(s), ""))
}
