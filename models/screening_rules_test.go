package models

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// The condition lists screening_test.go loops over, read from the table.
var (
	referEvenIfWellCodes  = conditionCodesWith(referEvenIfWell)
	moderateToSevereCodes = conditionCodesWith(namedModerateToSevere)
)

// TestConditionTable pins what each condition of the referral form counts
// as, so that a change to the policy is a deliberate change to this test.
func TestConditionTable(t *testing.T) {
	want := map[conditionFlag][]string{
		referEvenIfWell: {"schizophrenia", "schizoaffective_disorder", "bipolar_disorder", "postpartum_psychosis",
			"severe_depression", "psychotic_depression", "other_psychotic_illness"},
		highRiskBeforePregnancy: {"schizophrenia", "schizoaffective_disorder", "bipolar_disorder", "postpartum_psychosis"},
		highRiskInPregnancy:     {"bipolar_disorder", "postpartum_psychosis"},
		namedModerateToSevere:   {"severe_anxiety", "ptsd", "ocd", "personality_disorder"},
		notAMentalIllness:       {"substance_misuse", "organic_disorder", "learning_disability"},
		emergencyWhenCurrent:    {"postpartum_psychosis", "psychotic_depression"},
	}
	for f, codes := range want {
		if got := conditionCodesWith(f); !slices.Equal(got, codes) {
			t.Errorf("conditions with flag %b = %q, want %q", f, got, codes)
		}
		for _, k := range conditionTable {
			if got := conditionIs(k.code, f); got != slices.Contains(codes, k.code) {
				t.Errorf("conditionIs(%q, %b) = %v", k.code, f, got)
			}
		}
	}
	// Two flags together select the conditions that carry both.
	if got := conditionCodesWith(highRiskInPregnancy | emergencyWhenCurrent); !slices.Equal(got, []string{"postpartum_psychosis"}) {
		t.Errorf("conditions with two flags = %q", got)
	}
	if conditionIs("no_such_condition", referEvenIfWell) {
		t.Error("an unknown condition carries a flag")
	}

	// The form offers exactly the table's codes, in its order, each once.
	codes := make([]string, len(conditionTable))
	for i, k := range conditionTable {
		codes[i] = k.code
	}
	if !slices.Equal(ConditionCodes, codes) || len(ConditionCodes) != 18 {
		t.Errorf("ConditionCodes = %q", ConditionCodes)
	}
	if len(slices.Compact(slices.Sorted(slices.Values(codes)))) != len(codes) {
		t.Errorf("a condition code is in the table twice: %q", codes)
	}
	for _, k := range conditionTable {
		if k.label == "" || k.label != strings.ToLower(k.label) || strings.Contains(k.label, "_") {
			t.Errorf("condition %q: label %q is not lower-case words", k.code, k.label)
		}
		// A condition that is not a mental illness is never one the
		// service accepts on its own.
		if k.flags&notAMentalIllness != 0 && k.flags != notAMentalIllness {
			t.Errorf("condition %q is not a mental illness but carries other flags", k.code)
		}
	}
}

func TestConditionLabel(t *testing.T) {
	cases := map[string]string{
		"bipolar_disorder":   "bipolar affective disorder",
		"ptsd":               "post-traumatic stress disorder",
		"ocd":                "obsessive compulsive disorder",
		"substance_misuse":   "drug or alcohol misuse",
		"other":              "other mental illness",
		"new_condition_code": "new condition code",
		"":                   "",
	}
	for code, want := range cases {
		if got := ConditionLabel(code); got != want {
			t.Errorf("ConditionLabel(%q) = %q, want %q", code, got, want)
		}
	}
}

func TestLabelsOfUnknownCodes(t *testing.T) {
	if got := Decision("maybe").Label(); got != "maybe" {
		t.Errorf("unknown decision label = %q", got)
	}
	if got := SignpostLabel("elsewhere"); got != "elsewhere" {
		t.Errorf("unknown signpost label = %q", got)
	}
	if got := FlagLabel("odd"); got != "odd" {
		t.Errorf("unknown flag label = %q", got)
	}
	if DecisionAccept.Label() != "Accept" || DecisionDiscuss.Label() != "Discuss at the team meeting" {
		t.Errorf("decision labels changed: %q, %q", DecisionAccept.Label(), DecisionDiscuss.Label())
	}
}

// TestEveryRuleNamesItsCriterion checks that each rule names a criterion of
// the service, that each criterion has a rule, and in particular that each
// of the six numbered in-scope criteria is implemented.
func TestEveryRuleNamesItsCriterion(t *testing.T) {
	known := map[criterion]bool{}
	for _, c := range serviceCriteria {
		if known[c] {
			t.Errorf("criterion %q listed twice", c)
		}
		known[c] = true
	}
	implemented := map[criterion]bool{}
	for _, rl := range screeningRules {
		if len(rl.implements) == 0 {
			t.Errorf("rule %q names no criterion", rl.name)
		}
		if len(rl.gives) == 0 {
			t.Errorf("rule %q names no outcome", rl.name)
		}
		for _, c := range rl.implements {
			if !known[c] {
				t.Errorf("rule %q names %q, which is not in serviceCriteria", rl.name, c)
			}
			implemented[c] = true
		}
	}
	for _, c := range serviceCriteria {
		if !implemented[c] {
			t.Errorf("no rule implements %q", c)
		}
	}
	for n := 1; n <= 6; n++ {
		prefix := fmt.Sprintf("In scope %d: ", n)
		if !slices.ContainsFunc(serviceCriteria, func(c criterion) bool { return strings.HasPrefix(string(c), prefix) }) {
			t.Errorf("in-scope criterion %d is named by no rule", n)
		}
	}
}

// TestRulesGiveOnlyTheirDeclaredOutcomes runs every screening case and
// checks each finding against the outcomes its rule declares; then that
// every declared outcome happens in some case, so the declarations in
// screeningRules are exact.
//
// Hazard: HAZ-013.
func TestRulesGiveOnlyTheirDeclaredOutcomes(t *testing.T) {
	byName := map[string]rule{}
	for _, rl := range screeningRules {
		byName[rl.name] = rl
	}
	type outcome struct {
		rule   string
		weight weight
	}
	seen := map[outcome]bool{}
	urgent := map[string]bool{}
	for _, c := range screenCases() {
		r, asOf := c.referral(t)
		_, found := screen(r, asOf, c.opts)
		for _, f := range found {
			rl := byName[f.rule]
			if !slices.Contains(rl.gives, f.weight) {
				t.Errorf("%s: rule %q gave weight %d, not one it declares (%v)", c.name, f.rule, f.weight, rl.gives)
			}
			if f.urgent && !rl.urgent {
				t.Errorf("%s: rule %q made the referral urgent but does not declare it", c.name, f.rule)
			}
			seen[outcome{f.rule, f.weight}] = true
			urgent[f.rule] = urgent[f.rule] || f.urgent
		}
	}
	for _, rl := range screeningRules {
		for _, w := range rl.gives {
			if !seen[outcome{rl.name, w}] {
				t.Errorf("rule %q declares weight %d, which no case shows", rl.name, w)
			}
		}
		if rl.urgent && !urgent[rl.name] {
			t.Errorf("rule %q declares it can make a referral urgent, which no case shows", rl.name)
		}
	}
}

func TestWeightDecision(t *testing.T) {
	want := map[weight]Decision{
		informs: DecisionDiscuss, accepts: DecisionAccept, discusses: DecisionDiscuss,
		signposts: DecisionSignpost, declines: DecisionDecline,
	}
	for w, d := range want {
		if got := w.decision(); got != d {
			t.Errorf("weight %d decides %s, want %s", w, got, d)
		}
	}
	// Heavier weights override lighter ones in this order.
	if !(informs < accepts && accepts < discusses && discusses < signposts && signposts < declines) {
		t.Error("the weights are out of order")
	}
}
