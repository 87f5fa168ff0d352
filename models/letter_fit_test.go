package models

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// fitRow is one line of the expected table: a kind of letter and a state it
// fits. "*" matches any value; attended is "yes", "no" or "*".
type fitRow struct {
	kind                     LetterKind
	status, outcome, closure string
	attended                 string
}

// expectedFits is written out by hand from the issue, independently of
// letterRules: every state not matched by a row must be refused.
var expectedFits = []fitRow{
	{LetterAcceptance, "accepted", "*", "*", "no"},
	{LetterAcceptance, "assessment_booked", "*", "*", "no"},
	{LetterOutcomeCaseload, "caseload", "*", "*", "yes"},
	{LetterOutcomeMedical, "medical_review", "*", "*", "yes"},
	{LetterOutcomeDischarge, "closed", "discharged", "discharged with advice", "yes"},
	{LetterNotAccepted, "not_accepted", "*", "*", "*"},
	{LetterAssessmentNotNeeded, "not_accepted", "*", "*", "no"},
	{LetterClosureTreatmentComplete, "closed", "*", "treatment complete", "*"},
	{LetterClosurePerinatalEnd, "closed", "*", "end of the perinatal period", "*"},
	{LetterClosureMovedAway, "closed", "*", "moved away", "*"},
	{LetterClosureTransferred, "closed", "*", "transferred", "*"},
	{LetterClosureDeclinedContact, "closed", "*", "declined further contact", "*"},
	{LetterClosureDidNotAttend, "closed", "*", "did not attend", "*"},
}

func (r fitRow) matches(k LetterKind, s LetterState) bool {
	att := map[bool]string{true: "yes", false: "no"}[s.AssessmentAttended]
	return r.kind == k && (r.status == "*" || r.status == string(s.Status)) &&
		(r.outcome == "*" || r.outcome == string(s.Outcome)) &&
		(r.closure == "*" || r.closure == string(s.ClosureReason)) &&
		(r.attended == "*" || r.attended == att)
}

// Every kind × status × outcome × closure reason × attended, with the values
// a database may hold but the program does not know ("decline" is what a
// not-accepted referral keeps in its closure-reason column).
//
// Hazard: HAZ-001.
func TestLetterFitsEveryCombination(t *testing.T) {
	kinds := append(append([]LetterKind{}, AllLetterKinds...), "thank-you")
	statuses := append(append([]Status{}, Statuses...), "", "archived")
	outcomes := append([]AssessmentOutcome{OutcomeNone}, append(AssessmentOutcomes, "cured")...)
	reasons := append([]ClosureReason{""}, append(ClosureReasons, "decline", "signpost")...)
	allowed, refused := 0, 0
	for _, k := range kinds {
		for _, st := range statuses {
			for _, o := range outcomes {
				for _, c := range reasons {
					for _, att := range []bool{false, true} {
						s := LetterState{Status: st, Outcome: o, ClosureReason: c, AssessmentAttended: att}
						want := slices.ContainsFunc(expectedFits, func(r fitRow) bool { return r.matches(k, s) })
						err := LetterFits(k, s)
						if want != (err == nil) {
							t.Errorf("LetterFits(%s, %+v) = %v; want allowed %v", k, s, err, want)
							continue
						}
						if err == nil {
							allowed++
							continue
						}
						refused++
						checkFitSentence(t, k, err)
					}
				}
			}
		}
	}
	// 13 kinds × 10 statuses × 5 outcomes × 10 reasons × 2 = 13000 states.
	if allowed+refused != 13000 {
		t.Errorf("checked %d combinations; want 13000", allowed+refused)
	}
	// acceptance 2×5×10, caseload 5×10, medical 5×10, discharge 1,
	// not accepted 5×10×2, not needed 5×10, six closure kinds 5×2 each.
	if want := 100 + 50 + 50 + 1 + 100 + 50 + 6*10; allowed != want {
		t.Errorf("%d combinations allowed; want %d", allowed, want)
	}
}

// checkFitSentence checks that a refusal is one sentence naming the kind.
func checkFitSentence(t *testing.T, k LetterKind, err error) {
	t.Helper()
	var fe *LetterFitError
	if !errors.As(err, &fe) || fe.Kind != k || fe.Reason == "" {
		t.Fatalf("LetterFits(%s) returned %T %v; want a *LetterFitError with a reason", k, err, err)
	}
	msg := err.Error()
	if !strings.HasSuffix(msg, ".") || strings.Count(msg, ". ") > 0 || strings.Contains(msg, "%!") {
		t.Errorf("%s: %q is not one sentence", k, msg)
	}
	if k.Valid() && !strings.HasPrefix(msg, letterNouns[k]+" cannot be sent: ") {
		t.Errorf("%s: %q does not name the kind of letter", k, msg)
	}
}

func TestLetterFitSentences(t *testing.T) {
	cases := []struct {
		kind LetterKind
		s    LetterState
		want string
	}{
		{LetterAcceptance, LetterState{Status: StatusReceived}, "An acceptance letter cannot be sent: the referral is still awaiting screening."},
		{LetterAcceptance, LetterState{Status: StatusDiscuss}, "An acceptance letter cannot be sent: the referral is still waiting for the team's discussion."},
		{LetterAcceptance, LetterState{Status: StatusNotAccepted}, "An acceptance letter cannot be sent: the referral was not accepted."},
		{LetterAcceptance, LetterState{Status: StatusAssessmentBooked, AssessmentAttended: true}, "An acceptance letter cannot be sent: she has already attended her initial assessment; record its outcome."},
		{LetterNotAccepted, LetterState{Status: StatusCaseload}, "A not-accepted letter cannot be sent: she is on the caseload."},
		{LetterNotAccepted, LetterState{Status: StatusAccepted}, "A not-accepted letter cannot be sent: the referral has been accepted and no assessment outcome is recorded yet."},
		{LetterOutcomeCaseload, LetterState{Status: StatusAssessmentBooked}, "A caseload outcome letter cannot be sent: her initial assessment is booked and no outcome is recorded yet."},
		{LetterOutcomeCaseload, LetterState{Status: StatusCaseload}, "A caseload outcome letter cannot be sent: she has not attended an initial assessment."},
		{LetterOutcomeMedical, LetterState{Status: StatusCaseload, AssessmentAttended: true}, "A medical-review outcome letter cannot be sent: she is on the caseload."},
		{LetterOutcomeCaseload, LetterState{Status: StatusMedicalReview, AssessmentAttended: true}, "A caseload outcome letter cannot be sent: she has a medical review arranged."},
		{LetterOutcomeDischarge, LetterState{Status: StatusClosed, ClosureReason: ClosureMovedAway, AssessmentAttended: true}, "A discharge-with-advice letter cannot be sent: the referral was closed for another reason (moved away)."},
		{LetterOutcomeDischarge, LetterState{Status: StatusClosed, ClosureReason: ClosureDischargedWithAdvice, Outcome: OutcomeCaseload, AssessmentAttended: true}, "A discharge-with-advice letter cannot be sent: no assessment outcome of discharge with advice is recorded."},
		{LetterOutcomeDischarge, LetterState{Status: StatusClosed, ClosureReason: ClosureDischargedWithAdvice, Outcome: OutcomeDischarged}, "A discharge-with-advice letter cannot be sent: she has not attended an initial assessment."},
		{LetterClosureMovedAway, LetterState{Status: StatusClosed}, "A moved-away letter cannot be sent: no closure reason is recorded."},
		{LetterClosureMovedAway, LetterState{Status: StatusClosed, ClosureReason: "decline"}, "A moved-away letter cannot be sent: the referral was closed for another reason (a reason the program does not know)."},
		{LetterClosureDidNotAttend, LetterState{Status: StatusCaseload}, "A did-not-attend letter cannot be sent: she is on the caseload."},
		{LetterClosureTransferred, LetterState{Status: StatusClosed, ClosureReason: ClosureTreatmentComplete}, "A transfer letter cannot be sent: the referral was closed for another reason (treatment complete)."},
		{LetterAcceptance, LetterState{Status: StatusClosed, ClosureReason: ClosureDidNotAttend}, "An acceptance letter cannot be sent: the referral is closed (did not attend)."},
		{LetterAcceptance, LetterState{Status: StatusClosed}, "An acceptance letter cannot be sent: the referral is closed."},
		{LetterAssessmentNotNeeded, LetterState{Status: StatusNotAccepted, AssessmentAttended: true}, "An assessment-not-needed letter cannot be sent: she has already attended an initial assessment."},
		{LetterAcceptance, LetterState{Status: "archived"}, "An acceptance letter cannot be sent: the referral's status is not one the program knows."},
		{"thank-you", LetterState{Status: StatusCaseload}, `"thank-you" is not a kind of letter.`},
	}
	for _, c := range cases {
		err := LetterFits(c.kind, c.s)
		if err == nil || err.Error() != c.want {
			t.Errorf("LetterFits(%s, %+v) = %v; want %q", c.kind, c.s, err, c.want)
		}
	}
}

func TestLettersFor(t *testing.T) {
	cases := []struct {
		s    LetterState
		want []LetterKind
	}{
		{LetterState{Status: StatusReceived}, nil},
		{LetterState{Status: StatusDiscuss}, nil},
		{LetterState{Status: StatusAccepted}, []LetterKind{LetterAcceptance}},
		{LetterState{Status: StatusAssessmentBooked}, []LetterKind{LetterAcceptance}},
		{LetterState{Status: StatusAssessmentBooked, AssessmentAttended: true}, nil},
		{LetterState{Status: StatusCaseload, Outcome: OutcomeCaseload, AssessmentAttended: true}, []LetterKind{LetterOutcomeCaseload}},
		{LetterState{Status: StatusMedicalReview, Outcome: OutcomeMedicalReview, AssessmentAttended: true}, []LetterKind{LetterOutcomeMedical}},
		{LetterState{Status: StatusNotAccepted}, []LetterKind{LetterNotAccepted, LetterAssessmentNotNeeded}},
		{LetterState{Status: StatusNotAccepted, AssessmentAttended: true}, []LetterKind{LetterNotAccepted}},
		{LetterState{Status: StatusClosed, Outcome: OutcomeDischarged, ClosureReason: ClosureDischargedWithAdvice, AssessmentAttended: true}, []LetterKind{LetterOutcomeDischarge}},
		{LetterState{Status: StatusClosed, Outcome: OutcomeCaseload, ClosureReason: ClosureTreatmentComplete, AssessmentAttended: true}, []LetterKind{LetterClosureTreatmentComplete}},
		{LetterState{Status: StatusClosed, ClosureReason: ClosureDidNotAttend}, []LetterKind{LetterClosureDidNotAttend}},
	}
	for _, c := range cases {
		if got := LettersFor(c.s); !slices.Equal(got, c.want) {
			t.Errorf("LettersFor(%+v) = %v; want %v", c.s, got, c.want)
		}
	}
}

// Each closure reason has exactly one letter, and that letter fits a
// referral closed for that reason (after an attended assessment that found
// no need, for discharge with advice).
func TestClosureLetterKind(t *testing.T) {
	seen := map[LetterKind]bool{}
	for _, r := range ClosureReasons {
		k, ok := closureLetterOf(r)
		if !ok || seen[k] {
			t.Fatalf("closure reason %q: letter %q, %v; want a letter of its own", r, k, ok)
		}
		seen[k] = true
		s := LetterState{Status: StatusClosed, ClosureReason: r, Outcome: OutcomeDischarged, AssessmentAttended: true}
		if err := LetterFits(k, s); err != nil {
			t.Errorf("%q: its own letter does not fit: %v", r, err)
		}
	}
	if k, ok := closureLetterOf("decline"); ok {
		t.Errorf("closure reason decline: letter %q; want none", k)
	}
	for _, k := range ClosureLetterKinds {
		if !seen[k] {
			t.Errorf("%s is not the letter of any closure reason", k)
		}
	}
}

func TestLetterKindsStoredValues(t *testing.T) {
	// The six original kinds keep their stored values.
	old := []string{"acceptance", "outcome-caseload", "outcome-medical-review", "outcome-discharge", "not-accepted", "assessment-not-needed"}
	for i, want := range old {
		if string(LetterKinds[i]) != want {
			t.Errorf("LetterKinds[%d] = %q; want %q", i, LetterKinds[i], want)
		}
	}
	// The closure letters have their templates now, so they are among the
	// kinds every screen offers, after the six of the pathway.
	if !slices.Equal(LetterKinds[len(old):], ClosureLetterKinds) || !slices.Equal(AllLetterKinds, LetterKinds) {
		t.Errorf("LetterKinds = %v; want the six pathway kinds, then %v", LetterKinds, ClosureLetterKinds)
	}
	if len(letterRules) != len(AllLetterKinds) {
		t.Fatalf("%d kinds, %d rules; want every kind in AllLetterKinds with one rule", len(AllLetterKinds), len(letterRules))
	}
	labels := map[string]bool{}
	for _, k := range AllLetterKinds {
		if len(k) > 30 {
			t.Errorf("%s is %d characters; the Kind columns hold 30", k, len(k))
		}
		if !k.Valid() || k.Label() == string(k) || labels[k.Label()] {
			t.Errorf("%s: not valid, or its label %q is missing or repeated", k, k.Label())
		}
		labels[k.Label()] = true
		for _, typed := range []string{string(k), strings.ToUpper(k.Label()), " " + string(k) + " "} {
			if got, err := ParseLetterKind(typed); err != nil || got != k {
				t.Errorf("ParseLetterKind(%q) = %q, %v; want %s", typed, got, err, k)
			}
		}
	}
	if LetterKind("thank-you").Valid() || LetterKind("thank-you").Label() != "thank-you" {
		t.Error("an unknown kind is valid or has a label")
	}
	_, err := ParseLetterKind("thank-you")
	var ie *FieldError
	if !errors.As(err, &ie) || ie.Field.Label() != "Kind" || !strings.Contains(ie.Message, "closure-did-not-attend") {
		t.Errorf("ParseLetterKind(thank-you) = %v; want a FieldError for Kind listing the kinds", err)
	}
}

func TestAssessmentOutcomes(t *testing.T) {
	cases := []struct {
		o      AssessmentOutcome
		valid  bool
		status Status
		reason ClosureReason
	}{
		{OutcomeNone, false, "", ""},
		{OutcomeCaseload, true, StatusCaseload, ""},
		{OutcomeMedicalReview, true, StatusMedicalReview, ""},
		{OutcomeDischarged, true, StatusClosed, ClosureDischargedWithAdvice},
		{"cured", false, "", ""},
	}
	for _, c := range cases {
		if c.o.Valid() != c.valid || c.o.Status() != c.status || c.o.ClosureReason() != c.reason {
			t.Errorf("%q: Valid %v, Status %q, ClosureReason %q; want %v, %q, %q",
				c.o, c.o.Valid(), c.o.Status(), c.o.ClosureReason(), c.valid, c.status, c.reason)
		}
		if c.o.Label() == "" || (c.valid && c.o.Label() == string(c.o)) {
			t.Errorf("%q has no label", c.o)
		}
	}
	// The stored values never change: old audit notes and rows read as before.
	if fmt.Sprint(AssessmentOutcomes) != "[caseload medical_review discharged]" {
		t.Errorf("AssessmentOutcomes = %v", AssessmentOutcomes)
	}
}

func TestClosureReasons(t *testing.T) {
	stored := []string{"treatment complete", "end of the perinatal period", "moved away",
		"declined further contact", "did not attend", "transferred", "discharged with advice"}
	for i, r := range ClosureReasons {
		if string(r) != stored[i] || !r.Valid() {
			t.Errorf("ClosureReasons[%d] = %q; want %q", i, r, stored[i])
		}
	}
	cases := []struct {
		in   string
		want ClosureReason
		ok   bool
	}{
		{"moved away", ClosureMovedAway, true},
		{"  Moved  Away ", ClosureMovedAway, true},
		{"did-not-attend", ClosureDidNotAttend, true},
		{"END_OF_THE_PERINATAL_PERIOD", ClosureEndOfPerinatalPeriod, true},
		{"discharged with advice", ClosureDischargedWithAdvice, true},
		{"decline", "", false},
		{"", "", false},
	}
	for _, c := range cases {
		got, err := ParseClosureReason(c.in)
		if got != c.want || (err == nil) != c.ok {
			t.Errorf("ParseClosureReason(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
		var ie *FieldError
		if !c.ok && (!errors.As(err, &ie) || ie.Field.Label() != "Reason") {
			t.Errorf("ParseClosureReason(%q): %v is not a FieldError for Reason", c.in, err)
		}
	}
	if ClosureReason("decline").Valid() || ClosureReason("").Label() != "No reason recorded" || ClosureMovedAway.Label() != "Moved away" {
		t.Error("Valid or Label is wrong for a stored decision or a reason")
	}
}

func TestLetterStateOf(t *testing.T) {
	closed := &Referral{Status: StatusClosed, ClosureReason: "moved away"}
	if got := LetterStateOf(closed, OutcomeCaseload, true); got != (LetterState{StatusClosed, OutcomeCaseload, ClosureMovedAway, true}) {
		t.Errorf("closed: %+v", got)
	}
	declined := &Referral{Status: StatusNotAccepted, ClosureReason: "decline"}
	if got := LetterStateOf(declined, OutcomeNone, false); got != (LetterState{Status: StatusNotAccepted}) {
		t.Errorf("not accepted: %+v; want the decision in the closure-reason column ignored", got)
	}
}

// closureLetterOf returns the one closure letter that fits a referral
// closed for reason r after an assessment that found no need, as the
// pathway table offers it, and false when none or several fit.
func closureLetterOf(r ClosureReason) (LetterKind, bool) {
	closing := append([]LetterKind{LetterOutcomeDischarge}, ClosureLetterKinds...)
	var found []LetterKind
	for _, k := range LettersFor(LetterState{Status: StatusClosed, ClosureReason: r, Outcome: OutcomeDischarged, AssessmentAttended: true}) {
		if slices.Contains(closing, k) {
			found = append(found, k)
		}
	}
	if len(found) != 1 {
		return "", false
	}
	return found[0], true
}
