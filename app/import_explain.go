package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"perinatal-caseload/models"
)

// ImportProblem is one reason a referral file was refused, told to the
// administrator at the screen in words they can act on, such as "The NHS
// number 999 000 0017 fails its check digit: ask the referrer to confirm
// it." Unlike ImportError's text, Sentence may quote what the file says
// (her NHS number, date of birth, postcode): show it on the screen only,
// and never log or print it.
type ImportProblem struct {
	// Field is the field at fault, its ID the field's JSON path in the
	// referral-form format; empty for the file as a whole.
	Field models.FieldID
	// Sentence says what is wrong and what to do, as a sentence.
	Sentence string
}

// Reference returns the reference of the referral the file was imported as
// (or, for a duplicate, imported as before), such as "PMH-000155"; "" when
// the file was refused.
func (r ImportResult) Reference() string {
	if r.ReferralID == 0 {
		return ""
	}
	return models.ReferralReference(r.ReferralID)
}

// explainImport fills in, for the person at the screen, the woman a file
// is about and, for a refused or repeated file, the problems in words
// (see ImportProblem). data is the file as read (nil if it could not be),
// and r the referral read from it (nil if it could not be parsed).
func explainImport(res *ImportResult, data []byte, r *models.Referral) {
	var doc any
	_ = json.Unmarshal(data, &doc) // what cannot be read is left out
	if r != nil {
		res.Woman = r.Patient.FullName()
	} else {
		res.Woman = strings.TrimSpace(jsonText(doc, "patient.given_name") + " " + jsonText(doc, "patient.family_name"))
	}
	switch {
	case res.Duplicate:
		res.Problems = []ImportProblem{{Sentence: fmt.Sprintf(
			"This form was imported before, as referral %s, so nothing new was saved from it.", res.Reference())}}
	case res.Err != nil:
		res.Problems = explainRefusal(res.Err, doc)
	}
}

// explainRefusal turns why a file was refused into ImportProblems: one per
// field at fault, or one for a refusal of the file as a whole.
func explainRefusal(err error, doc any) []ImportProblem {
	fields := models.FieldErrorsIn(err)
	if len(fields) == 0 {
		problem := err.Error()
		var ie *ImportError
		if errors.As(err, &ie) {
			problem = ie.Problem()
		}
		return []ImportProblem{{Sentence: asSentence(problem)}}
	}
	out := make([]ImportProblem, len(fields))
	for i, fe := range fields {
		out[i] = ImportProblem{Field: fe.Field, Sentence: explainField(fe, doc)}
	}
	return out
}

// explainField says in words what is wrong with one field of a referral
// file, quoting what the file holds where that helps the administrator
// find it, and who can put it right.
func explainField(fe *models.FieldError, doc any) string {
	value := jsonText(doc, string(fe.Field))
	msg := fe.Message
	askReferrer := ": ask the referrer to confirm it."
	switch fe.Field {
	case models.FieldNHSNumber:
		switch msg {
		case models.ErrNHSNumberCheckDigit.Message:
			return "The NHS number " + models.FormatNHSNumber(value) + " fails its check digit" + askReferrer
		case models.ErrNHSNumberLength.Message:
			return fmt.Sprintf("The NHS number %q does not have 10 digits%s", value, askReferrer)
		case models.ErrNHSNumberNotDigits.Message:
			return fmt.Sprintf("The NHS number %q holds more than digits and spaces%s", value, askReferrer)
		case models.ErrNHSNumberZeros.Message:
			return "The NHS number 000 000 0000 is not a real one: ask the referrer for hers, or leave it out if it is not known."
		}
	case models.FieldDateOfBirth:
		born := ukDateText(value)
		switch {
		case strings.Contains(msg, "belongs to a woman known"):
			return fmt.Sprintf("The NHS number %s belongs to a woman already known to the service, whose date of birth is not %s as in the file: check both with the referrer.",
				models.FormatNHSNumber(jsonText(doc, string(models.FieldNHSNumber))), born)
		case strings.Contains(msg, "in the future"), strings.Contains(msg, "later than the date"):
			return "The date of birth " + born + " is after the referral was received: ask the referrer to correct it."
		case strings.Contains(msg, "under"), strings.Contains(msg, "over"), strings.Contains(msg, "years before"):
			return "The date of birth " + born + " would make her " + ageWords(msg) + " when referred: ask the referrer to check the year."
		}
	case models.FieldDueDate:
		due := ukDateText(value)
		switch msg {
		case models.ErrDueDateBeyondPregnancy.Message:
			return fmt.Sprintf("The expected delivery date %s is more than %d months after the referral: ask the referrer to check it.", due, models.MaxMonthsToDueDate)
		case models.ErrDueDatePassedLongBefore.Message:
			return "The expected delivery date " + due + " is more than 2 weeks before the referral, so the baby is probably born: ask the referrer for the baby's date of birth."
		}
	case models.FieldPostcode:
		if value != "" && msg == models.ErrPostcodeShape.Message {
			return fmt.Sprintf("The postcode %q is not a UK postcode: ask the referrer for her full postcode.", value)
		}
	}
	if fe.Field == "" {
		return asSentence(msg)
	}
	// The field as the administrator can find it: by its label and its
	// place in the file, or by its place alone.
	subject := "The field " + string(fe.Field)
	if label := fe.Field.Label(); label != string(fe.Field) {
		subject = capitalFirst(label) + " (" + string(fe.Field) + " in the file)"
	}
	fix := "ask whoever runs the online form to correct what it sends"
	switch {
	case strings.HasPrefix(msg, "is not a field of the referral form"):
		return fmt.Sprintf("The file holds a field %s that the referral form does not have: ask whoever runs the online form to check what it sends against docs/referral-form.md.", fe.Field)
	case strings.HasPrefix(msg, "is missing"), strings.HasPrefix(msg, "is empty"):
		return subject + " " + strings.SplitN(msg, ";", 2)[0] + ": ask the referrer for it, or whoever runs the online form if the form should have asked."
	case strings.HasPrefix(msg, "should "), strings.HasPrefix(msg, "appears "), strings.HasPrefix(msg, "is "):
		return subject + " " + strings.TrimSuffix(strings.SplitN(msg, ";", 2)[0], ".") + ": " + fix + "."
	}
	return subject + ": " + strings.TrimSuffix(msg, ".") + "."
}

// ageWords reads which limit a date-of-birth refusal names.
func ageWords(msg string) string {
	switch {
	case strings.Contains(msg, "under"):
		return fmt.Sprintf("under %d", models.MinAgeAtReferral)
	case strings.Contains(msg, "100 years"):
		return "over 100"
	}
	return fmt.Sprintf("over %d", models.MaxAgeAtReferral)
}

// ukDateText shows a file's YYYY-MM-DD date as 23/11/2026, or as given
// when it is not one.
func ukDateText(iso string) string {
	if d, err := models.ParseISODate(iso); err == nil {
		return d.UK()
	}
	return strconv.Quote(iso)
}

// asSentence starts text with a capital and ends it with a full stop.
func asSentence(text string) string {
	text = strings.TrimSpace(text)
	if text == "" {
		return ""
	}
	if !strings.HasSuffix(text, ".") && !strings.HasSuffix(text, "?") {
		text += "."
	}
	return capitalFirst(text)
}

// jsonText returns the value at a referral-form JSON path
// ("patient.nhs_number", "conditions[1].code") in doc as text: a string
// as it is, a number or true/false as written; "" when the path leads
// nowhere or to an object or list.
func jsonText(doc any, path string) string {
	v := doc
	for _, part := range strings.Split(path, ".") {
		name, rest, _ := strings.Cut(part, "[")
		obj, ok := v.(map[string]any)
		if !ok {
			return ""
		}
		v = obj[name]
		for rest != "" {
			idx, after, ok := strings.Cut(rest, "]")
			i, err := strconv.Atoi(idx)
			list, isList := v.([]any)
			if !ok || err != nil || !isList || i < 0 || i >= len(list) {
				return ""
			}
			v = list[i]
			rest = strings.TrimPrefix(after, "[")
		}
	}
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	}
	return ""
}
