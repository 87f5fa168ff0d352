package models

import (
	"errors"
	"slices"
	"strings"
)

// ContactMethod is how a woman would rather be contacted.
type ContactMethod string

// Contact methods. ContactNotStated means she has not said.
const (
	ContactNotStated   ContactMethod = ""
	ContactLetter      ContactMethod = "letter"
	ContactTelephone   ContactMethod = "telephone"
	ContactTextMessage ContactMethod = "text_message"
	ContactEmail       ContactMethod = "email"
)

// ContactMethods lists the methods she can choose, in the order offered.
var ContactMethods = []ContactMethod{ContactLetter, ContactTelephone, ContactTextMessage, ContactEmail}

// Label returns the method in words.
func (m ContactMethod) Label() string { return labelOf(contactMethodLabels, m) }

// contactMethodLabels holds the words for each ContactMethod.
var contactMethodLabels = map[ContactMethod]string{
	ContactNotStated:   "Not stated",
	ContactLetter:      "Letter",
	ContactTelephone:   "Telephone",
	ContactTextMessage: "Text message",
	ContactEmail:       "Email",
}

// CommunicationNeeds are a woman's information and communication needs, as
// the Accessible Information Standard (DCB1605) asks NHS services to
// record, flag, pass on and meet: an interpreter and her language, British
// Sign Language, large print, easy read, braille, how she would rather be
// contacted, and whether it is safe to write to her home.
//
// It is designed to be embedded in Patient:
//
//	CommunicationNeeds `gorm:"embedded;embeddedPrefix:needs_" json:"communication_needs"`
//
// Its zero value means "no needs recorded and safe to write home", which is
// what every existing record means. For that reason the "safe to write
// home" answer is stored inverted, as UnsafeToWriteHome: a bool column with
// a default of true would not work, since GORM leaves a zero value (false)
// out of an INSERT when the field has a default, and the database would
// write true instead (see "Default Values" in GORM's documentation,
// gorm.io/docs/create.html).
type CommunicationNeeds struct {
	InterpreterNeeded bool `json:"interpreter_needed"`
	// Language is a code from Languages, or LanguageOther with the name in
	// LanguageOtherName. It is her preferred language whether or not she
	// needs an interpreter.
	Language          string `gorm:"size:10" json:"language,omitempty"`
	LanguageOtherName string `gorm:"size:60" json:"language_other_name,omitempty"`
	BSL               bool   `json:"bsl"` // needs a British Sign Language interpreter
	LargePrint        bool   `json:"large_print"`
	EasyRead          bool   `json:"easy_read"`
	Braille           bool   `json:"braille"`
	// PreferredContact is how she would rather be contacted.
	PreferredContact ContactMethod `gorm:"size:20" json:"preferred_contact,omitempty"`
	// UnsafeToWriteHome is true when letters must not go to her home
	// address (for example, because of domestic abuse). Letters then go to
	// the safe address, or are held.
	UnsafeToWriteHome bool `json:"unsafe_to_write_home"`
	// SafeAddressLines (one line per "\n") and SafePostcode are where she
	// asked letters to go instead.
	SafeAddressLines string `gorm:"size:500" json:"safe_address_lines,omitempty"`
	SafePostcode     string `gorm:"size:8" json:"safe_postcode,omitempty"`
	// Notes holds any other need in words ("needs extra time", "hard of
	// hearing: face her when talking").
	Notes string `gorm:"size:500" json:"notes,omitempty"`
}

// SafeToWriteHome reports whether letters may be posted to her home.
func (n CommunicationNeeds) SafeToWriteHome() bool { return !n.UnsafeToWriteHome }

// LanguageName returns her language in words, or "" when none is recorded.
func (n CommunicationNeeds) LanguageName() string {
	if n.Language == LanguageOther {
		return strings.TrimSpace(n.LanguageOtherName)
	}
	return LanguageName(n.Language)
}

// LetterLayout is the print layout of her letters.
type LetterLayout string

// Layouts.
const (
	LayoutStandard   LetterLayout = "standard"
	LayoutLargePrint LetterLayout = "large_print"
)

// BodyPoints returns the body text size of a layout in points: 12 for the
// standard layout, 16 for large print. RNIB's Clear Print guidelines set
// 12 point as the minimum for everyone; large print starts at 16 point.
func (l LetterLayout) BodyPoints() float64 {
	if l == LayoutLargePrint {
		return 16
	}
	return 12
}

// Layout returns the layout her letters are printed in.
func (n CommunicationNeeds) Layout() LetterLayout {
	if n.LargePrint {
		return LayoutLargePrint
	}
	return LayoutStandard
}

// InterpreterNeed is what a letter or appointment needs to say about
// interpreting.
type InterpreterNeed struct {
	// Spoken is the language of the spoken-language interpreter in words
	// ("Polish"), or "" when none is needed.
	Spoken string
	// SpokenCode is its code, for choosing a template in her language.
	SpokenCode string
	// BSL is true when she needs a British Sign Language interpreter.
	BSL bool
}

// Needed reports whether any interpreter is needed.
func (i InterpreterNeed) Needed() bool { return i.Spoken != "" || i.BSL }

// Interpreters returns each interpreter to book in words, such as
// ["Polish", "British Sign Language"], for the sentence "We will book a
// Polish interpreter for your appointment."
func (i InterpreterNeed) Interpreters() []string {
	var out []string
	if i.Spoken != "" {
		out = append(out, i.Spoken)
	}
	if i.BSL {
		out = append(out, "British Sign Language")
	}
	return out
}

// Interpreter returns the interpreters she needs.
func (n CommunicationNeeds) Interpreter() InterpreterNeed {
	need := InterpreterNeed{BSL: n.BSL}
	if n.InterpreterNeeded {
		need.Spoken, need.SpokenCode = n.LanguageName(), n.Language
	}
	return need
}

// Flags lists her needs in a few words each, for showing wherever she
// appears: "Interpreter: Polish", "BSL", "Large print", "Easy read",
// "Braille", "Prefers telephone", "Do not write home".
func (n CommunicationNeeds) Flags() []string {
	var out []string
	if n.InterpreterNeeded {
		out = append(out, "Interpreter: "+firstNonEmpty(n.LanguageName(), "language not recorded"))
	}
	for _, f := range []struct {
		on   bool
		text string
	}{{n.BSL, "BSL"}, {n.LargePrint, "Large print"}, {n.EasyRead, "Easy read"}, {n.Braille, "Braille"}} {
		if f.on {
			out = append(out, f.text)
		}
	}
	if n.PreferredContact != ContactNotStated {
		out = append(out, "Prefers "+strings.ToLower(n.PreferredContact.Label()))
	}
	if n.UnsafeToWriteHome {
		out = append(out, "Do not write home")
	}
	return out
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// Normalised returns the needs tidied (spaces, the safe postcode in its
// standard form) and checked. Every problem is an *InputError naming the
// field; several are joined with errors.Join. Messages never repeat the
// address.
func (n CommunicationNeeds) Normalised() (CommunicationNeeds, error) {
	n.Language = strings.ToLower(strings.TrimSpace(n.Language))
	n.LanguageOtherName = strings.Join(strings.Fields(n.LanguageOtherName), " ")
	n.SafeAddressLines = strings.Join(AddressLines(n.SafeAddressLines), "\n")
	n.SafePostcode = strings.TrimSpace(n.SafePostcode)
	n.Notes = strings.TrimSpace(n.Notes)
	var errs []error
	if n.Language == LanguageOther && n.LanguageOtherName == "" {
		errs = append(errs, &FieldError{FieldLanguage, "type the name of her language"})
	} else if n.Language != "" && n.Language != LanguageOther && LanguageName(n.Language) == "" {
		errs = append(errs, &FieldError{FieldLanguage, "choose her language from the list, or Other and type its name"})
	} else if n.InterpreterNeeded && n.Language == "" {
		errs = append(errs, &FieldError{FieldLanguage, "choose the language the interpreter speaks"})
	}
	if n.Language != LanguageOther {
		n.LanguageOtherName = ""
	}
	if n.PreferredContact != ContactNotStated && !slices.Contains(ContactMethods, n.PreferredContact) {
		errs = append(errs, &FieldError{FieldPreferredContact, "choose letter, telephone, text message or email"})
	}
	if p := addressLinesProblem(AddressLines(n.SafeAddressLines)); p != "" {
		errs = append(errs, &FieldError{FieldSafeAddress, p})
	}
	var problems []error
	n.SafePostcode, problems = safeAddressFields.check(n.SafeAddressLines, n.SafePostcode)
	errs = append(errs, problems...)
	return n, errors.Join(errs...)
}

// safeAddressFields are the fields of the safe address.
var safeAddressFields = addressFields{
	lines: FieldSafeAddress, postcode: FieldSafePostcode,
	noLines:    "enter the lines of the safe address above its postcode",
	noPostcode: "enter the postcode of the safe address",
}

// SafeAddress returns the safe address as lines with the postcode last, or
// nil when none is recorded.
func (n CommunicationNeeds) SafeAddress() []string {
	lines := AddressLines(n.SafeAddressLines)
	if len(lines) == 0 || strings.TrimSpace(n.SafePostcode) == "" {
		return nil
	}
	return append(lines, strings.TrimSpace(n.SafePostcode))
}

// PostalRoute is where a letter to the woman herself may be posted.
type PostalRoute struct {
	// Address is the address for the envelope window (lines, then the
	// postcode), or nil when the letter is held.
	Address []string
	// SafeAddress is true when Address is the safe address she gave rather
	// than her home.
	SafeAddress bool
	// HoldReason says, in sentences, why the letter is held and what to do;
	// "" when it can be posted. It never contains patient data.
	HoldReason string
}

// Held reports whether the letter must not be posted.
func (p PostalRoute) Held() bool { return p.HoldReason != "" }

// Hold reasons, for a pack held instead of posted.
const (
	HoldNoConsent = "The letter to her is held: she did not consent to the referral, so nothing is posted to her. " +
		"Tell her referrer the decision instead."
	HoldUnsafeHome = "The letter to her is held: it is not safe to write to her home and no safe address is recorded. " +
		"Add a safe address to her communication needs, or give her the letter in person."
	HoldNoAddress = "The letter to her is held: no postal address is recorded for her. Add her address to her record."
)

// PostTo decides where a letter to the woman may be posted. consent is
// whether she consented to the referral; home is her home address (lines
// then postcode, as Patient.Address returns it).
//
//   - Without consent nothing is posted to her, to any address.
//   - When it is not safe to write home, the letter goes to her safe
//     address, or is held when there is none.
//   - Otherwise it goes home, or is held when no address is recorded.
func (n CommunicationNeeds) PostTo(consent bool, home []string) PostalRoute {
	switch {
	case !consent:
		return PostalRoute{HoldReason: HoldNoConsent}
	case n.UnsafeToWriteHome:
		if safe := n.SafeAddress(); safe != nil {
			return PostalRoute{Address: safe, SafeAddress: true}
		}
		return PostalRoute{HoldReason: HoldUnsafeHome}
	}
	var lines []string
	for _, l := range home {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		return PostalRoute{HoldReason: HoldNoAddress}
	}
	return PostalRoute{Address: lines}
}
