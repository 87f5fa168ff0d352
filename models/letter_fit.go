package models

import (
	"fmt"
	"slices"
)

// LetterState is what decides which letters fit a referral: where it stands
// on the pathway, the assessment outcome recorded, why it was closed, and
// whether she attended an initial assessment.
type LetterState struct {
	Status Status
	// Outcome is the assessment outcome recorded, or OutcomeNone.
	Outcome AssessmentOutcome
	// ClosureReason is why a closed referral was closed. It is read only
	// when Status is StatusClosed.
	ClosureReason ClosureReason
	// AssessmentAttended is true once she attended an initial assessment
	// (MHSDS attendance 5 or 6; see InitialAssessmentAttended).
	AssessmentAttended bool
}

// LetterStateOf returns the letter state of referral r, given its
// assessment outcome (OutcomeNone if none; the referral holds it in
// AssessmentOutcome) and whether she attended an initial assessment (from
// InitialAssessmentAttended over her appointments). The closure reason is
// read only when r is closed; a not-accepted referral's screening decision
// in the same column is ignored.
func LetterStateOf(r *Referral, outcome AssessmentOutcome, attended bool) LetterState {
	s := LetterState{Status: r.Status, Outcome: outcome, AssessmentAttended: attended}
	if r.Status == StatusClosed {
		s.ClosureReason = ClosureReason(r.ClosureReason)
	}
	return s
}

// NoLetterReason says, as a sentence, why no letter fits state s: "No
// letter fits this referral yet: the referral is still awaiting
// screening." Call it when LettersFor(s) is empty.
func NoLetterReason(s LetterState) string {
	if s.Status == StatusAssessmentBooked && s.AssessmentAttended {
		return "No letter fits this referral yet: she has attended her initial assessment; record its outcome first."
	}
	return "No letter fits this referral yet: " + statusClause(s) + "."
}

// attendance is what a kind of letter needs of the initial assessment.
type attendance int

const (
	attendanceAny     attendance = iota // either way
	attendanceNeeded                    // "thank you for talking with us at your assessment"
	attendanceRefused                   // the letter offers, or says she does not need, an assessment
)

// letterRule is one row of the table: the states a kind of letter fits.
type letterRule struct {
	statuses   []Status          // the statuses it fits
	closure    ClosureReason     // when set, the closure reason it needs
	outcome    AssessmentOutcome // when set, the assessment outcome it needs
	assessment attendance
}

// letterRules is the one table of which letters fit which state. Services,
// screens and the command line all ask it, through LetterFits and
// LettersFor; nothing else decides.
//
//   - The acceptance letter offers an assessment, so it fits an accepted
//     referral (assessment booked or not) until she has attended one.
//   - The caseload and medical-review outcome letters thank her "for
//     talking with us at your assessment", so they need an attended
//     assessment as well as the status.
//   - The discharge-with-advice letter says the assessment found no need,
//     so it needs that outcome, the matching closure reason, and the
//     attended assessment.
//   - The not-accepted letter (to her) and the assessment-not-needed letter
//     (to her referrer) both tell a referral that was not accepted; the
//     second says she does not need an assessment, so not once she has had
//     one.
//   - Each closure letter fits a referral closed for its own reason.
var letterRules = map[LetterKind]letterRule{
	LetterAcceptance:          {statuses: []Status{StatusAccepted, StatusAssessmentBooked}, assessment: attendanceRefused},
	LetterOutcomeCaseload:     {statuses: []Status{StatusCaseload}, assessment: attendanceNeeded},
	LetterOutcomeMedical:      {statuses: []Status{StatusMedicalReview}, assessment: attendanceNeeded},
	LetterOutcomeDischarge:    {statuses: []Status{StatusClosed}, closure: ClosureDischargedWithAdvice, outcome: OutcomeDischarged, assessment: attendanceNeeded},
	LetterNotAccepted:         {statuses: []Status{StatusNotAccepted}},
	LetterAssessmentNotNeeded: {statuses: []Status{StatusNotAccepted}, assessment: attendanceRefused},

	LetterClosureTreatmentComplete: {statuses: []Status{StatusClosed}, closure: ClosureTreatmentComplete},
	LetterClosurePerinatalEnd:      {statuses: []Status{StatusClosed}, closure: ClosureEndOfPerinatalPeriod},
	LetterClosureMovedAway:         {statuses: []Status{StatusClosed}, closure: ClosureMovedAway},
	LetterClosureTransferred:       {statuses: []Status{StatusClosed}, closure: ClosureTransferred},
	LetterClosureDeclinedContact:   {statuses: []Status{StatusClosed}, closure: ClosureDeclinedContact},
	LetterClosureDidNotAttend:      {statuses: []Status{StatusClosed}, closure: ClosureDidNotAttend},
}

// LetterFitError is returned for a kind of letter that does not fit the
// referral's state. Its message is one sentence naming the kind of letter
// and why it does not fit; it never contains patient data.
type LetterFitError struct {
	Kind   LetterKind
	Reason string // why not, as a clause: "the referral is still awaiting screening"
}

func (e *LetterFitError) Error() string {
	noun, ok := letterNouns[e.Kind]
	if !ok {
		return fmt.Sprintf("%q is not a kind of letter.", string(e.Kind))
	}
	return noun + " cannot be sent: " + e.Reason + "."
}

// LetterFits returns nil when a letter of kind fits a referral in state s,
// and otherwise a *LetterFitError saying why not, for example "An
// acceptance letter cannot be sent: the referral is still awaiting
// screening."
func LetterFits(kind LetterKind, s LetterState) error {
	rule, ok := letterRules[kind]
	if !ok {
		return &LetterFitError{Kind: kind, Reason: "it is not a kind of letter"}
	}
	refuse := func(reason string) error { return &LetterFitError{Kind: kind, Reason: reason} }
	if !slices.Contains(rule.statuses, s.Status) {
		return refuse(statusClause(s))
	}
	if rule.closure != "" && s.ClosureReason != rule.closure {
		if s.ClosureReason == "" {
			return refuse("no closure reason is recorded")
		}
		return refuse(fmt.Sprintf("the referral was closed for another reason (%s)", closureWords(s.ClosureReason)))
	}
	if rule.outcome != "" && s.Outcome != rule.outcome {
		return refuse("no assessment outcome of discharge with advice is recorded")
	}
	if rule.assessment == attendanceNeeded && !s.AssessmentAttended {
		return refuse("she has not attended an initial assessment")
	}
	if rule.assessment == attendanceRefused && s.AssessmentAttended && kind == LetterAcceptance {
		return refuse("she has already attended her initial assessment; record its outcome")
	}
	if rule.assessment == attendanceRefused && s.AssessmentAttended {
		return refuse("she has already attended an initial assessment")
	}
	return nil
}

// LettersFor returns the kinds of letter that fit state s, in
// AllLetterKinds order, for screens to offer only those.
func LettersFor(s LetterState) []LetterKind {
	var out []LetterKind
	for _, k := range AllLetterKinds {
		if LetterFits(k, s) == nil {
			out = append(out, k)
		}
	}
	return out
}

// statusClause says where a referral stands, as the reason a letter does
// not fit it.
func statusClause(s LetterState) string {
	switch s.Status {
	case StatusReceived:
		return "the referral is still awaiting screening"
	case StatusDiscuss:
		return "the referral is still waiting for the team's discussion"
	case StatusAccepted:
		return "the referral has been accepted and no assessment outcome is recorded yet"
	case StatusAssessmentBooked:
		return "her initial assessment is booked and no outcome is recorded yet"
	case StatusMedicalReview:
		return "she has a medical review arranged"
	case StatusCaseload:
		return "she is on the caseload"
	case StatusNotAccepted:
		return "the referral was not accepted"
	case StatusClosed:
		if s.ClosureReason == "" {
			return "the referral is closed"
		}
		return fmt.Sprintf("the referral is closed (%s)", closureWords(s.ClosureReason))
	}
	return "the referral's status is not one the program knows"
}

// closureWords returns a stored closure reason for a sentence, or a
// placeholder for a value that is not a closure reason, so that nothing
// unexpected from the database is repeated to people.
func closureWords(r ClosureReason) string {
	if r.Valid() {
		return string(r)
	}
	return "a reason the program does not know"
}
