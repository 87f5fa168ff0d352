package models

import (
	"strings"
	"testing"
	"time"
)

// No rule firing leaves the decision to the team: an empty list of
// findings is discussed, routinely, and gives no reasons.
func TestRecommendWithNoFindingsIsDiscussed(t *testing.T) {
	r := baseReferral()
	rec := recommend(nil, &screening{r: r})
	if rec.Decision != DecisionDiscuss || rec.Priority != PriorityRoutine || len(rec.Reasons) != 0 {
		t.Errorf("no findings: %+v", rec)
	}
}

// A severity given with no current condition names none: the reason has
// no empty brackets where the conditions would be.
func TestSeverityWithoutAConditionNamesNone(t *testing.T) {
	r := baseReferral()
	clinical(r, SeverityModerate, ptr(false))
	rec := Screen(r, time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC), ScreeningOptions{})
	found := false
	for _, reason := range rec.Reasons {
		if strings.HasPrefix(reason, "Moderate illness") {
			found = true
			if strings.Contains(reason, "(") {
				t.Errorf("the reason names conditions she does not have now: %q", reason)
			}
		}
	}
	if !found {
		t.Errorf("no reason for the moderate illness among %q", rec.Reasons)
	}
}
