package models

import (
	"time"
	"unicode"
	"unicode/utf8"
)

// The limits of what intake accepts, so that nothing saved is more than
// the rest of the program can store, print or show. The lengths are in
// characters (runes), and match the columns that hold the fields.
const (
	// MaxShortTextRunes bounds a one-line field: a referrer's or
	// professional's name, organisation, email, a team or ward.
	MaxShortTextRunes = 200
	// MaxAddressRunes bounds a typed address, all lines together.
	MaxAddressRunes = 500
	// MaxFreeTextRunes bounds a free-text field such as the reason for
	// referral or the risk summary: about two pages.
	MaxFreeTextRunes = 8000
	// MaxCopyRecipients bounds the other professionals copied into the
	// letters of one referral.
	MaxCopyRecipients = 20
	// MaxReceivedAhead is how far ahead of the clock a referral's time of
	// receipt may be, allowing for clocks that differ a little between
	// the online form's server and this computer.
	MaxReceivedAhead = 5 * time.Minute
)

// TextRule is how CheckText judges a field.
type TextRule struct {
	MaxRunes  int
	Multiline bool // line breaks (and tabs) are allowed
}

// The rules for the kinds of field intake checks.
var (
	ShortText = TextRule{MaxRunes: MaxShortTextRunes}
	Address   = TextRule{MaxRunes: MaxAddressRunes, Multiline: true}
	FreeText  = TextRule{MaxRunes: MaxFreeTextRunes, Multiline: true}
)

// CheckText refuses text that is longer than the rule allows, or that
// holds a control character (a NUL, bell or escape, say: nothing a person
// types) or a character that overrides the direction of the text around
// it (which can make a name or an address read differently on screen from
// how it is stored). A line break and a tab are allowed in multi-line
// fields only. The refusal is a *FieldError for field that never repeats
// the text.
func CheckText(field FieldID, s string, rule TextRule) error {
	if !utf8.ValidString(s) {
		return NewFieldError(field, "the text is not valid UTF-8; type it again")
	}
	if n := utf8.RuneCountInString(s); n > rule.MaxRunes {
		return NewFieldError(field, "it has %d characters; at most %d are kept, so shorten it", n, rule.MaxRunes)
	}
	for _, r := range s {
		lineBreak := rule.Multiline && (r == '\n' || r == '\r' || r == '\t')
		if !lineBreak && unicode.IsControl(r) {
			return NewFieldError(field, "it holds a control character (U+%04X) that cannot be shown or printed; remove it", r)
		}
		if isBidiControl(r) {
			return NewFieldError(field, "it holds a character that reverses the direction of the text (U+%04X); remove it", r)
		}
	}
	return nil
}

// isBidiControl reports whether r is one of the explicit directional
// embeddings, overrides or isolates of the Unicode bidirectional algorithm
// (UAX #9: U+202A to U+202E, U+2066 to U+2069). The plain marks LRM and
// RLM, which names in right-to-left scripts may need, are not refused.
func isBidiControl(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
}

// CheckReceivedAt refuses a time of receipt more than MaxReceivedAhead
// after now: a referral cannot arrive from the future, and one dated there
// would never fall due on the team's clocks.
func CheckReceivedAt(received, now time.Time) error {
	if received.After(now.Add(MaxReceivedAhead)) {
		return NewFieldError(FieldReceived, "the time received is in the future; check the date and time")
	}
	return nil
}

// CheckCopyRecipients refuses more than MaxCopyRecipients other
// professionals on one referral.
func CheckCopyRecipients(n int) error {
	if n > MaxCopyRecipients {
		return NewFieldError(FieldOtherProfessional, "%d professionals are listed; at most %d can be copied in, so keep the ones who need the letters", n, MaxCopyRecipients)
	}
	return nil
}
