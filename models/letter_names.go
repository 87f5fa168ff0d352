package models

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits that intake and letters share. Intake refuses anything beyond them,
// and letters must print anything within them, so that no woman whose
// referral was accepted is later refused a letter.
const (
	// MaxNameRunes bounds a name as printed ("Given Family", or the name for
	// letters), so that the identity line fits the footer of every page.
	MaxNameRunes = 80
	// MaxAddressLines is the number of address lines before the postcode:
	// five, as in the NHS Data Dictionary's unstructured address and the
	// PDS address (PATIENT USUAL ADDRESS, "an175 (5 lines each an35)").
	MaxAddressLines = 5
	// MaxAddressLineRunes is the longest address line, 35 characters, as in
	// the NHS Data Dictionary's address format.
	MaxAddressLineRunes = 35
)

// combiningDiacritics are the combining marks that Latin, Greek and
// Cyrillic names use when typed decomposed (a base letter followed by its
// accents, as some keyboards and Vietnamese input methods do). Marks of
// other scripts, such as Arabic vowel signs, are not in it.
var combiningDiacritics = &unicode.RangeTable{R16: []unicode.Range16{
	{Lo: 0x0300, Hi: 0x036F, Stride: 1}, // Combining Diacritical Marks
	{Lo: 0x1AB0, Hi: 0x1AFF, Stride: 1}, // Combining Diacritical Marks Extended
	{Lo: 0x1DC0, Hi: 0x1DFF, Stride: 1}, // Combining Diacritical Marks Supplement
	{Lo: 0xFE20, Hi: 0xFE2F, Stride: 1}, // Combining Half Marks
}}

// letterScripts are the scripts the letters' embedded font prints: Latin
// (English, Polish, Romanian, Vietnamese, Portuguese, …), Greek and
// Cyrillic.
var letterScripts = []*unicode.RangeTable{unicode.Latin, unicode.Greek, unicode.Cyrillic, combiningDiacritics}

// nameSeparators are the characters a name may hold besides letters: space,
// hyphens, apostrophes (straight, typographic and the modifier letter used
// in some transliterations) and the full stop of an initial ("J. Smith").
const nameSeparators = " -\u2010\u2011'\u2019\u02BC."

// otherScripts names the scripts the team meets in Leicester that the
// letter font does not print, for the message that asks for the name in
// Latin script.
var otherScripts = []struct {
	name  string
	table *unicode.RangeTable
}{
	{"Arabic", unicode.Arabic}, // Arabic and Urdu
	{"Gujarati", unicode.Gujarati},
	{"Gurmukhi", unicode.Gurmukhi}, // Punjabi
	{"Devanagari", unicode.Devanagari},
	{"Bengali", unicode.Bengali},
	{"Chinese", unicode.Han},
	{"Ethiopic", unicode.Ethiopic}, // Tigrinya, Amharic
	{"Tamil", unicode.Tamil},
	{"Hebrew", unicode.Hebrew},
	{"Thai", unicode.Thai},
	{"Korean", unicode.Hangul},
	{"Japanese", unicode.Hiragana},
	{"Japanese", unicode.Katakana},
}

// NameCheck is what CheckNameScript finds about a name.
type NameCheck int

const (
	// NamePrintable: every character prints in the letter font.
	NamePrintable NameCheck = iota
	// NameOtherScript: the name is written in a script the letter font does
	// not print (Arabic, Gujarati, Chinese, …). Intake asks for her name in
	// Latin script for letters as well.
	NameOtherScript
	// NameNotAName: the name holds a digit, symbol or control character.
	NameNotAName
)

// CheckNameScript reports whether name prints in the letters' font as
// written. For NameOtherScript it also returns the script in words
// ("Gujarati"), or "another script" for one not in the list. It does not
// check the length; see NameForLetters.
func CheckNameScript(name string) (NameCheck, string) {
	script, otherMark, bad := "", false, false
	for _, r := range name {
		switch {
		case strings.ContainsRune(nameSeparators, r) || unicode.IsOneOf(letterScripts, r) && (unicode.IsLetter(r) || unicode.IsMark(r)):
		case unicode.IsLetter(r):
			if script == "" || script == "another script" {
				script = scriptName(r)
			}
		case unicode.IsMark(r):
			otherMark = true // many marks (Arabic vowel signs) belong to no one script: the letters name it
		default:
			bad = true // a digit, symbol, or a joiner of another script
		}
	}
	if script != "" {
		return NameOtherScript, script // the Latin form is what prints
	}
	if otherMark {
		return NameOtherScript, "another script"
	}
	if bad {
		return NameNotAName, ""
	}
	return NamePrintable, ""
}

func scriptName(r rune) string {
	for _, s := range otherScripts {
		if unicode.Is(s.table, r) {
			return s.name
		}
	}
	return "another script"
}

// NameForLetters returns the name to print on her letters: name itself when
// the letter font prints it, otherwise latin, the name in Latin script that
// intake recorded for letters. It returns an *InputError when neither can
// be printed or the one to print is longer than MaxNameRunes. Messages name
// the field and the script, never the name.
func NameForLetters(name, latin string) (string, error) {
	name, latin = strings.Join(strings.Fields(name), " "), strings.Join(strings.Fields(latin), " ")
	if name == "" {
		return "", &FieldError{FieldName, "enter her name"}
	}
	check, script := CheckNameScript(name)
	switch check {
	case NameNotAName:
		return "", &FieldError{FieldName, "remove the digits or symbols; a name holds letters, spaces, hyphens and apostrophes"}
	case NamePrintable:
		if p := nameLengthProblem(name); p != "" {
			return "", &FieldError{FieldName, p}
		}
		return name, nil
	}
	if latin == "" {
		return "", &FieldError{FieldNameForLetters, fmt.Sprintf(
			"her name is written in %s, which letters cannot print yet; enter her name in Latin script (English letters) for letters", scriptWords(script))}
	}
	if c, _ := CheckNameScript(latin); c != NamePrintable {
		return "", &FieldError{FieldNameForLetters, "enter it in Latin script (English letters), with only letters, spaces, hyphens and apostrophes"}
	}
	if p := nameLengthProblem(latin); p != "" {
		return "", &FieldError{FieldNameForLetters, p}
	}
	return latin, nil
}

func scriptWords(script string) string {
	if script == "another script" {
		return script
	}
	return script + " script"
}

// nameLengthProblem says what to do about a name longer than MaxNameRunes,
// or returns "".
func nameLengthProblem(name string) string {
	if n := utf8.RuneCountInString(name); n > MaxNameRunes {
		return fmt.Sprintf("shorten it to %d characters or fewer (it has %d) so that it fits on every page of a letter", MaxNameRunes, n)
	}
	return ""
}

// CheckAddressLines checks address lines (without the postcode) against the
// shared limits: at most MaxAddressLines lines of at most
// MaxAddressLineRunes characters each. Blank lines do not count. A refusal
// is an *InputError naming the "Address" field; the message never repeats
// the address.
func CheckAddressLines(lines []string) error {
	if p := addressLinesProblem(lines); p != "" {
		return &FieldError{FieldAddress, p}
	}
	return nil
}

// addressLinesProblem says what to do about address lines beyond the shared
// limits, or returns "".
func addressLinesProblem(lines []string) string {
	n := 0
	for _, l := range lines {
		l = strings.Join(strings.Fields(l), " ")
		if l == "" {
			continue
		}
		n++
		if c := utf8.RuneCountInString(l); c > MaxAddressLineRunes {
			return fmt.Sprintf("line %d has %d characters; split it so that no line has more than %d", n, c, MaxAddressLineRunes)
		}
	}
	if n > MaxAddressLines {
		return fmt.Sprintf("use at most %d lines before the postcode (it has %d); join the shortest lines", MaxAddressLines, n)
	}
	return ""
}

// AddressLines splits stored address text (one line per "\n") into its
// non-blank lines, each with its spaces tidied.
func AddressLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			out = append(out, l)
		}
	}
	return out
}
