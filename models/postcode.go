package models

import (
	"strings"
)

// Why a postcode is refused. Each is a *FieldError for FieldPostcode, so
// errors.Is tells the reason and errors.As the field and message.
var (
	// ErrPostcodeEmpty: no postcode was given.
	ErrPostcodeEmpty = &FieldError{Field: FieldPostcode, Message: "enter the postcode, for example LE1 5WW"}
	// ErrPostcodeShape: the text is not shaped like a UK postcode. It does
	// not repeat what was typed: a postcode helps identify a patient and
	// error text can end up in logs.
	ErrPostcodeShape = &FieldError{Field: FieldPostcode, Message: "this is not a UK postcode; enter it in a form such as LE1 5WW or LE11 3TU"}
)

// DefaultAreaPrefixes are the postcode areas that lie in Leicester,
// Leicestershire and Rutland. The team's settings start from this value.
var DefaultAreaPrefixes = []string{"LE"}

// DefaultPartlyInAreaDistricts are the postcode districts outside the LE area
// that are partly in Leicester, Leicestershire and Rutland. A woman with one
// of these postcodes may or may not live in the area, so residence is
// checked rather than assumed. The team's settings start from this value.
var DefaultPartlyInAreaDistricts = []string{"DE11", "DE12", "DE73", "DE74", "CV9", "CV13", "NG13", "NG32", "NG33", "PE9"}

// NormalisePostcode checks that s has the shape of a UK postcode (BS 7666:
// A9 9AA, A99 9AA, AA9 9AA, AA99 9AA, A9A 9AA or AA9A 9AA) and returns it
// upper-case with exactly one space before the last three characters. Case
// and spacing of the input do not matter. It checks the shape only: it cannot
// tell whether the postcode is in use. A refusal is ErrPostcodeEmpty or
// ErrPostcodeShape.
func NormalisePostcode(s string) (string, error) {
	compact := strings.ToUpper(strings.Join(strings.Fields(s), ""))
	if compact == "" {
		return "", ErrPostcodeEmpty
	}
	if len(compact) < 5 || len(compact) > 7 {
		return "", ErrPostcodeShape
	}
	outward, inward := compact[:len(compact)-3], compact[len(compact)-3:]
	if !isDigit(inward[0]) || !isLetter(inward[1]) || !isLetter(inward[2]) || !validOutward(outward) || !lettersAllowed(outward, inward) {
		return "", ErrPostcodeShape
	}
	return outward + " " + inward, nil
}

// validOutward reports whether the outward code has one of the shapes A9,
// A99, AA9, AA99, A9A or AA9A: one or two letters, a digit, then optionally a
// digit or a letter.
func validOutward(s string) bool {
	letters := areaLetterCount(s)
	if letters < 1 || letters > 2 {
		return false
	}
	rest := s[letters:]
	switch len(rest) {
	case 1:
		return isDigit(rest[0])
	case 2:
		return isDigit(rest[0]) && (isDigit(rest[1]) || isLetter(rest[1]))
	}
	return false
}

// lettersAllowed checks the letters of a well-shaped postcode against the
// positions in which BS 7666 (and Royal Mail's Postcode Address File,
// which follows it) allows each letter:
//   - the first letter of the area is never Q, V or X;
//   - the second letter of the area is never I, J or Z;
//   - a letter ending an A9A district is one of A B C D E F G H J K P S T U W;
//   - a letter ending an AA9A district is one of A B E H M N P R V W X Y;
//   - the two letters of the inward code are never C, I, K, M, O or V.
func lettersAllowed(outward, inward string) bool {
	letters := areaLetterCount(outward)
	if strings.IndexByte("QVX", outward[0]) >= 0 || (letters == 2 && strings.IndexByte("IJZ", outward[1]) >= 0) {
		return false
	}
	if last := outward[len(outward)-1]; isLetter(last) {
		allowed := "ABCDEFGHJKPSTUW"
		if letters == 2 {
			allowed = "ABEHMNPRVWXY"
		}
		if strings.IndexByte(allowed, last) < 0 {
			return false
		}
	}
	return strings.IndexByte("CIKMOV", inward[1]) < 0 && strings.IndexByte("CIKMOV", inward[2]) < 0
}

// areaLetterCount returns how many letters begin s.
func areaLetterCount(s string) int {
	n := 0
	for n < len(s) && isLetter(s[n]) {
		n++
	}
	return n
}

func isDigit(b byte) bool  { return b >= '0' && b <= '9' }
func isLetter(b byte) bool { return b >= 'A' && b <= 'Z' }

// PostcodeDistrict returns the outward code of a postcode ("LE11" for
// "le11 3tu"), or "" when pc is not a valid postcode.
func PostcodeDistrict(pc string) string {
	n, err := NormalisePostcode(pc)
	if err != nil {
		return ""
	}
	district, _, _ := strings.Cut(n, " ")
	return district
}

// postcodeAreaLetters returns the postcode area, the leading letters of the
// outward code ("LE" for "LE11 3TU", "L" for "L1 8JQ").
func postcodeAreaLetters(district string) string {
	return district[:areaLetterCount(district)]
}

// AreaStatus says what a postcode suggests about whether a woman lives in the
// service's area. The postcode is only a hint: eligibility rests on where she
// lives and which GP she is registered with.
type AreaStatus string

// The area statuses a postcode can give.
const (
	// AreaInside: the postcode is in one of the service's postcode areas.
	AreaInside AreaStatus = "inside"
	// AreaCheckResidence: the postcode district is only partly in the
	// service's area, or the postcode could not be read, so check where she
	// lives.
	AreaCheckResidence AreaStatus = "check_residence"
	// AreaOutside: the postcode is outside the service's area.
	AreaOutside AreaStatus = "outside"
)

// PostcodeArea places a postcode against the service's area. areaPrefixes
// are postcode areas (the letters of the outward code, such as "LE") that
// count as inside; partlyDistricts are outward codes (such as "DE11") that
// are only partly inside. Both lists are used exactly as given, ignoring case
// and spaces; callers that want the defaults pass DefaultAreaPrefixes and
// DefaultPartlyInAreaDistricts.
//
// The area is compared letter for letter, so the prefix "LE" matches LE1 and
// LE65 but never a different area that merely starts with the same letters.
// A partly-in-area district gives AreaCheckResidence even when its area is
// also listed as inside, so a district can be singled out within an area.
// A postcode that cannot be read also gives AreaCheckResidence, since it
// says nothing either way.
func PostcodeArea(pc string, areaPrefixes []string, partlyDistricts []string) AreaStatus {
	district := PostcodeDistrict(pc)
	if district == "" {
		return AreaCheckResidence
	}
	for _, d := range partlyDistricts {
		if settingCode(d) == district {
			return AreaCheckResidence
		}
	}
	area := postcodeAreaLetters(district)
	for _, p := range areaPrefixes {
		if settingCode(p) == area {
			return AreaInside
		}
	}
	return AreaOutside
}

// settingCode tidies a postcode area or district typed into a setting.
func settingCode(s string) string {
	return strings.ToUpper(strings.Join(strings.Fields(s), ""))
}
