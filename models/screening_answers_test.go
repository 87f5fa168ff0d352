package models

import (
	"slices"
	"testing"
)

// TestUnansweredIsNotNo checks that a question not answered yet is never
// read as "no": the recommendation is incomplete, never Decline, until an
// answer given decides it.
//
// Hazard: HAZ-013.
func TestUnansweredIsNotNo(t *testing.T) {
	_, asOf := screenCase{}.referral(t)
	cases := []struct {
		name       string
		edit       func(r *Referral)
		incomplete bool
		decision   Decision
		unanswered []string
	}{
		{name: "every question answered", edit: func(*Referral) {}, decision: DecisionAccept},
		{name: "an empty form", edit: func(r *Referral) { *r = Referral{Unanswered: Questions} },
			incomplete: true, decision: DecisionDiscuss, unanswered: []string{
				QuestionConsent.Label(), QuestionGP.Label(), QuestionResidence.Label(),
				"whether she is planning a pregnancy, pregnant or has had her baby"}},
		{name: "residence unanswered", edit: func(r *Referral) {
			r.LivesInArea, r.Unanswered = false, []Question{QuestionResidence}
		}, incomplete: true, decision: DecisionAccept, unanswered: []string{QuestionResidence.Label()}},
		{name: "consent unanswered", edit: func(r *Referral) {
			r.ConsentObtained, r.Unanswered = false, []Question{QuestionConsent}
		}, incomplete: true, decision: DecisionAccept, unanswered: []string{QuestionConsent.Label()}},
		{name: "GP unanswered", edit: func(r *Referral) {
			r.RegisteredWithGP, r.Unanswered = false, []Question{QuestionGP}
		}, incomplete: true, decision: DecisionAccept, unanswered: []string{QuestionGP.Label()}},
		{name: "residence answered no", edit: func(r *Referral) { r.LivesInArea, r.Patient.Postcode = false, "NG1 1AA" },
			decision: DecisionDecline},
		{name: "a decline already given is not held back", edit: func(r *Referral) {
			r.ConsentObtained, r.Unanswered = false, []Question{QuestionGP}
		}, decision: DecisionDecline, unanswered: []string{QuestionGP.Label()}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := baseReferral()
			c.edit(r)
			rec := Screen(r, asOf, ScreeningOptions{})
			if rec.Incomplete() != c.incomplete {
				t.Errorf("Incomplete() = %v, want %v (reasons %q)", rec.Incomplete(), c.incomplete, rec.Reasons)
			}
			if rec.Decision != c.decision {
				t.Errorf("decision %s, want %s", rec.Decision, c.decision)
			}
			if !slices.Equal(rec.Unanswered, c.unanswered) {
				t.Errorf("unanswered %q, want %q", rec.Unanswered, c.unanswered)
			}
			if rec.HasSignpost(SignpostLocalPerinatalService) && !r.Answered(QuestionResidence) {
				t.Error("an unanswered residence signposts to the local service where she lives")
			}
		})
	}
}

func TestQuestionLabels(t *testing.T) {
	for _, q := range Questions {
		if l := q.Label(); l == string(q) || l == "" {
			t.Errorf("question %q has no words", q)
		}
	}
}

func TestCheckAnswered(t *testing.T) {
	r := baseReferral()
	if v := r.CheckAnswered(); len(v) != 0 {
		t.Errorf("a referral answering every question is refused: %v", v)
	}
	r.Unanswered = []Question{QuestionConsent, QuestionResidence}
	v := r.CheckAnswered()
	if len(v) != 2 || v[0].Field != FieldConsent || v[1].Field != FieldLivesInArea {
		t.Fatalf("got %v, want consent and residence named", v)
	}
	if want := "Lives in LLR: answer yes or no: whether she lives in Leicester, Leicestershire or Rutland"; v[1].Error() != want {
		t.Errorf("got %q, want %q", v[1].Error(), want)
	}
}
