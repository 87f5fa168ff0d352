package models

import (
	"fmt"
	"strings"
)

// LetterKind is the kind of letter, as named on the command line and stored
// in the register (at most 30 characters, the width of the Kind columns).
type LetterKind string

// The letter kinds that follow the pathway up to the assessment outcome.
// Their values are stored in the register and never change.
const (
	LetterAcceptance          LetterKind = "acceptance"
	LetterOutcomeCaseload     LetterKind = "outcome-caseload"
	LetterOutcomeMedical      LetterKind = "outcome-medical-review"
	LetterOutcomeDischarge    LetterKind = "outcome-discharge" // discharged with advice after an assessment that found no need
	LetterNotAccepted         LetterKind = "not-accepted"
	LetterAssessmentNotNeeded LetterKind = "assessment-not-needed" // written to the referrer
)

// The closure letters, one for each ClosureReason but "discharged with
// advice", whose letter is LetterOutcomeDischarge.
const (
	LetterClosureTreatmentComplete LetterKind = "closure-treatment-complete"   // what helped, signs of relapse, how to come back
	LetterClosurePerinatalEnd      LetterKind = "closure-perinatal-period-end" // the perinatal period has ended
	LetterClosureMovedAway         LetterKind = "closure-moved-away"           // the team she is transferred to where she now lives
	LetterClosureTransferred       LetterKind = "closure-transferred"          // the service now caring for her
	LetterClosureDeclinedContact   LetterKind = "closure-declined-contact"     // she asked for no further contact
	LetterClosureDidNotAttend      LetterKind = "closure-did-not-attend"       // how to re-engage
)

// LetterKinds lists every kind of letter, in the order screens offer them:
// those that follow the pathway up to the assessment outcome, then the
// closure letters. Every one of them is seeded as a template and accepted
// by the renderer; the table of which kinds fit which state (see
// LetterFits) covers them all.
var LetterKinds = []LetterKind{
	LetterAcceptance, LetterOutcomeCaseload, LetterOutcomeMedical, LetterOutcomeDischarge, LetterNotAccepted, LetterAssessmentNotNeeded,
	LetterClosureTreatmentComplete, LetterClosurePerinatalEnd, LetterClosureMovedAway,
	LetterClosureDeclinedContact, LetterClosureDidNotAttend, LetterClosureTransferred,
}

// ClosureLetterKinds lists the closure letters, in ClosureReasons order.
var ClosureLetterKinds = []LetterKind{
	LetterClosureTreatmentComplete, LetterClosurePerinatalEnd, LetterClosureMovedAway,
	LetterClosureDeclinedContact, LetterClosureDidNotAttend, LetterClosureTransferred,
}

// AllLetterKinds lists every kind. It is LetterKinds, kept under this name
// for the callers that knew the closure letters apart.
var AllLetterKinds = LetterKinds

// Label returns the kind in words.
func (k LetterKind) Label() string { return labelOf(letterKindLabels, k) }

// letterKindLabels holds the words for each LetterKind.
var letterKindLabels = map[LetterKind]string{
	LetterAcceptance:               "Referral accepted",
	LetterOutcomeCaseload:          "Outcome: taken onto the caseload",
	LetterOutcomeMedical:           "Outcome: medical review arranged",
	LetterOutcomeDischarge:         "Outcome: discharged with advice",
	LetterNotAccepted:              "Referral not accepted",
	LetterAssessmentNotNeeded:      "Assessment not needed",
	LetterClosureTreatmentComplete: "Closure: treatment complete",
	LetterClosurePerinatalEnd:      "Closure: end of the perinatal period",
	LetterClosureMovedAway:         "Closure: moved away",
	LetterClosureTransferred:       "Closure: transferred",
	LetterClosureDeclinedContact:   "Closure: declined further contact",
	LetterClosureDidNotAttend:      "Closure: did not attend",
	DocumentRecordCopy:             "Copy of your record",
	DocumentCarePlan:               "Care plan",
}

// Valid reports whether k is one of AllLetterKinds.
func (k LetterKind) Valid() bool {
	_, ok := letterNouns[k]
	return ok
}

// letterNouns names each kind at the start of a sentence, with its article.
var letterNouns = map[LetterKind]string{
	LetterAcceptance:               "An acceptance letter",
	LetterOutcomeCaseload:          "A caseload outcome letter",
	LetterOutcomeMedical:           "A medical-review outcome letter",
	LetterOutcomeDischarge:         "A discharge-with-advice letter",
	LetterNotAccepted:              "A not-accepted letter",
	LetterAssessmentNotNeeded:      "An assessment-not-needed letter",
	LetterClosureTreatmentComplete: "A treatment-complete letter",
	LetterClosurePerinatalEnd:      "An end-of-perinatal-period letter",
	LetterClosureMovedAway:         "A moved-away letter",
	LetterClosureTransferred:       "A transfer letter",
	LetterClosureDeclinedContact:   "A declined-further-contact letter",
	LetterClosureDidNotAttend:      "A did-not-attend letter",
}

// ParseLetterKind reads a kind as typed on the command line: its code
// ("acceptance") or its label ("Referral accepted"), in any case. Anything
// else is an *InputError naming the "Kind" field and listing the codes.
func ParseLetterKind(s string) (LetterKind, error) {
	key := strings.ToLower(strings.TrimSpace(s))
	for _, k := range AllLetterKinds {
		if key == string(k) || key == strings.ToLower(k.Label()) {
			return k, nil
		}
	}
	codes := make([]string, len(AllLetterKinds))
	for i, k := range AllLetterKinds {
		codes[i] = string(k)
	}
	return "", &FieldError{FieldLetterKindChoice, fmt.Sprintf("%q is not a kind of letter; use one of %s", strings.TrimSpace(s), strings.Join(codes, ", "))}
}
