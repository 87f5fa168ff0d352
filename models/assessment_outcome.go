package models

import (
	"fmt"
	"slices"
	"strings"
)

// AssessmentOutcome is what a clinician decides after the initial
// assessment. The values are the ones the program has always stored and
// audited ("assessment outcome: caseload"), so old records still read.
type AssessmentOutcome string

// Assessment outcomes. OutcomeNone means no outcome has been recorded.
const (
	OutcomeNone          AssessmentOutcome = ""
	OutcomeCaseload      AssessmentOutcome = "caseload"       // open to the caseload; a key worker is allocated
	OutcomeMedicalReview AssessmentOutcome = "medical_review" // a medical review is arranged
	OutcomeDischarged    AssessmentOutcome = "discharged"     // discharged with advice and signposting
)

// AssessmentOutcomes lists the outcomes a clinician can record, in the
// order they are offered.
var AssessmentOutcomes = []AssessmentOutcome{OutcomeCaseload, OutcomeMedicalReview, OutcomeDischarged}

// Label says what an outcome means for the woman.
func (o AssessmentOutcome) Label() string { return labelOf(assessmentOutcomeLabels, o) }

// assessmentOutcomeLabels holds the words for each AssessmentOutcome.
var assessmentOutcomeLabels = map[AssessmentOutcome]string{
	OutcomeNone:          "No outcome recorded",
	OutcomeCaseload:      "Open to the caseload: a key worker will be allocated",
	OutcomeMedicalReview: "Medical review needed: book it next",
	OutcomeDischarged:    "Discharged with advice and signposting",
}

// Valid reports whether o is an outcome a clinician can record.
func (o AssessmentOutcome) Valid() bool {
	return slices.Contains(AssessmentOutcomes, o)
}

// Status returns the status the referral moves to when o is recorded, or ""
// for OutcomeNone and unknown values.
func (o AssessmentOutcome) Status() Status {
	switch o {
	case OutcomeCaseload:
		return StatusCaseload
	case OutcomeMedicalReview:
		return StatusMedicalReview
	case OutcomeDischarged:
		return StatusClosed
	}
	return ""
}

// ClosureReason returns the closure reason an outcome closes the referral
// with: ClosureDischargedWithAdvice for OutcomeDischarged, "" otherwise.
func (o AssessmentOutcome) ClosureReason() ClosureReason {
	if o == OutcomeDischarged {
		return ClosureDischargedWithAdvice
	}
	return ""
}

// ClosureReason is why a referral was closed (discharged). The values are
// the words the program has always stored in Referral.ClosureReason, so old
// rows read as the same reasons.
//
// A referral that was not accepted keeps its screening decision ("decline",
// "signpost") in the same column; that is not a ClosureReason and Valid
// reports false for it.
type ClosureReason string

// Closure reasons.
const (
	ClosureTreatmentComplete    ClosureReason = "treatment complete"
	ClosureEndOfPerinatalPeriod ClosureReason = "end of the perinatal period"
	ClosureMovedAway            ClosureReason = "moved away"
	ClosureDeclinedContact      ClosureReason = "declined further contact"
	ClosureDidNotAttend         ClosureReason = "did not attend"
	ClosureTransferred          ClosureReason = "transferred"
	// ClosureDischargedWithAdvice is the reason recorded with the assessment
	// outcome "discharged with advice and signposting": the assessment found
	// no need for the specialist team.
	ClosureDischargedWithAdvice ClosureReason = "discharged with advice"
)

// ClosureReasons lists every closure reason in the order they are offered.
// ClosureDischargedWithAdvice comes last: it belongs to the assessment
// outcome, and its letter fits only when that outcome was recorded.
var ClosureReasons = []ClosureReason{
	ClosureTreatmentComplete, ClosureEndOfPerinatalPeriod, ClosureMovedAway,
	ClosureDeclinedContact, ClosureDidNotAttend, ClosureTransferred, ClosureDischargedWithAdvice,
}

// Valid reports whether r is one of ClosureReasons.
func (r ClosureReason) Valid() bool {
	return slices.Contains(ClosureReasons, r)
}

// Label returns the reason in words, starting with a capital.
func (r ClosureReason) Label() string {
	if r == "" {
		return "No reason recorded"
	}
	s := string(r)
	return strings.ToUpper(s[:1]) + s[1:]
}

// ParseClosureReason reads a stored or typed closure reason. Case, spaces at
// the ends, and "-" or "_" for spaces do not matter. Anything that is not a
// closure reason is an *InputError naming the "Reason" field.
func ParseClosureReason(s string) (ClosureReason, error) {
	key := strings.Join(strings.Fields(strings.NewReplacer("-", " ", "_", " ").Replace(strings.ToLower(s))), " ")
	for _, r := range ClosureReasons {
		if key == string(r) {
			return r, nil
		}
	}
	words := make([]string, len(ClosureReasons))
	for i, r := range ClosureReasons {
		words[i] = string(r)
	}
	return "", &FieldError{FieldClosureReason, fmt.Sprintf("choose one of: %s", strings.Join(words, ", "))}
}
