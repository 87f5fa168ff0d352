package models

import "slices"

// Question names a yes-or-no eligibility question on the referral form
// that screening depends on. A referral being typed in may not have
// answered it yet; see Referral.Unanswered.
type Question string

// The eligibility questions a referral being typed in may leave unanswered.
const (
	QuestionConsent   Question = "consent_obtained"
	QuestionGP        Question = "registered_with_gp"
	QuestionResidence Question = "lives_in_area"
)

// Questions lists the eligibility questions, in the order the form asks them.
var Questions = []Question{QuestionConsent, QuestionGP, QuestionResidence}

// Label returns the question in words, as "whether she …".
func (q Question) Label() string {
	switch q {
	case QuestionConsent:
		return "whether she has consented to the referral"
	case QuestionGP:
		return "whether she is registered with a GP"
	case QuestionResidence:
		return "whether she lives in Leicester, Leicestershire or Rutland"
	}
	return string(q)
}

// Field returns the form field that answers q.
func (q Question) Field() FieldID {
	switch q {
	case QuestionConsent:
		return FieldConsent
	case QuestionGP:
		return FieldRegisteredWithGP
	}
	return FieldLivesInArea
}

// CheckAnswered refuses a referral that leaves an eligibility question
// unanswered, naming each one: a saved referral answers them all.
func (r *Referral) CheckAnswered() FieldErrors {
	var v FieldErrors
	for _, q := range Questions {
		if !r.Answered(q) {
			v.Add(q.Field(), "answer yes or no: %s", q.Label())
		}
	}
	return v
}

// Answered reports whether the referral answers q. The answer is then the
// matching field (ConsentObtained, RegisteredWithGP or LivesInArea); an
// unanswered question is not known, never "no".
func (r *Referral) Answered(q Question) bool { return !slices.Contains(r.Unanswered, q) }

// unanswered is the finding of an eligibility rule whose question has no
// answer yet: it says so and leaves the decision to the other rules.
func unanswered(q Question) *finding {
	return &finding{weight: informs,
		reason: "Not answered yet: " + q.Label() + ". Ask the referrer before deciding."}
}

// unansweredLabels lists what a referral leaves unanswered that screening
// needs, in words: the eligibility questions, and her perinatal stage.
func unansweredLabels(r *Referral) []string {
	var out []string
	for _, q := range Questions {
		if !r.Answered(q) {
			out = append(out, q.Label())
		}
	}
	if r.Stage == "" {
		out = append(out, "whether she is planning a pregnancy, pregnant or has had her baby")
	}
	return out
}

// Incomplete reports whether the recommendation cannot be given yet: a
// question it depends on is unanswered and nothing answered has already
// decided to decline. A form that has just been opened is incomplete, so
// screening never says "Decline" for want of an answer.
func (rec Recommendation) Incomplete() bool {
	return len(rec.Unanswered) > 0 && rec.Decision != DecisionDecline
}
