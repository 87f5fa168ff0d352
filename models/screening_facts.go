package models

import (
	"slices"
	"strings"
)

// This file holds the facts about a referral that several screening rules
// share, and the helpers that put them into words.

// Psychotropic medication classes (prescribed for psychiatric purposes).
var psychotropicClasses = []string{"mood_stabiliser", "antipsychotic", "antidepressant", "anxiolytic", "hypnotic"}

// conditions returns the conditions whose code is in codes, with the given
// status ("" for either).
func (s *screening) conditions(status ConditionStatus, codes ...string) []Condition {
	var out []Condition
	for _, c := range s.r.Conditions {
		if slices.Contains(codes, c.Code) && (status == "" || c.Status == status) {
			out = append(out, c)
		}
	}
	return out
}

// conditionsWith returns the conditions that carry flag f in the condition
// table, with the given status ("" for either).
func (s *screening) conditionsWith(status ConditionStatus, f conditionFlag) []Condition {
	var out []Condition
	for _, c := range s.r.Conditions {
		if conditionIs(c.Code, f) && (status == "" || c.Status == status) {
			out = append(out, c)
		}
	}
	return out
}

// currentPrimary reports whether she has a current condition with code that
// is the primary problem: marked primary, or the referrer marked nothing as
// primary.
func (s *screening) currentPrimary(code string) bool {
	for _, c := range s.conditions(ConditionCurrent, code) {
		if c.Primary || !s.anyPrimary {
			return true
		}
	}
	return false
}

// comorbidMentalIllness reports whether, besides the condition code, she has
// a mental illness: a current one, or one of those referred even if well.
func (s *screening) comorbidMentalIllness(code string) bool {
	return s.comorbid(code, func(c Condition) bool {
		return c.Status == ConditionCurrent || conditionIs(c.Code, referEvenIfWell)
	})
}

// comorbidSevereMentalIllness reports whether, besides the condition code,
// she has a severe mental illness: one of those referred even if well
// (psychotic illness, bipolar disorder, severe depression), or a current
// illness the referrer rates as severe.
func (s *screening) comorbidSevereMentalIllness(code string) bool {
	return s.comorbid(code, func(c Condition) bool {
		return conditionIs(c.Code, referEvenIfWell) || (c.Status == ConditionCurrent && s.r.Severity == SeveritySevere)
	})
}

// comorbid reports whether she has a condition other than code, and other
// than one that is not a mental illness, for which counts is true.
func (s *screening) comorbid(code string, counts func(Condition) bool) bool {
	for _, c := range s.r.Conditions {
		if c.Code != code && !conditionIs(c.Code, notAMentalIllness) && counts(c) {
			return true
		}
	}
	return false
}

// medicationNames returns the names of medicines of the given classes.
func (s *screening) medicationNames(classes ...string) []string {
	var out []string
	for _, m := range s.r.Medications {
		if slices.Contains(classes, m.Class) {
			out = append(out, m.Name)
		}
	}
	return out
}

// describe lists conditions as "current bipolar affective disorder and
// previous postpartum psychosis".
func describe(cs []Condition) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = string(c.Status) + " " + ConditionLabel(c.Code)
	}
	return joinAnd(parts)
}

// labels returns the conditions' names in words, each once.
func labels(cs []Condition) []string {
	var out []string
	for _, c := range cs {
		if l := ConditionLabel(c.Code); !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}

// joinAnd joins "a", "b" and "c" as "a, b and c".
func joinAnd(parts []string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
