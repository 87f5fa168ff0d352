package models

import "testing"

func TestLetterHeldOnlyWithAReason(t *testing.T) {
	for reason, want := range map[string]bool{"": false, HoldNoConsent: true, HoldUnsafeHome: true} {
		l := Letter{HoldReason: reason}
		if got := l.Held(); got != want {
			t.Errorf("hold reason %q: held = %v, want %v", reason, got, want)
		}
	}
}

func TestMHSDSAssessmentToolCode(t *testing.T) {
	// The codes are those measure_defs.go holds, with where each came from.
	for measure, want := range map[string]string{
		"EPDS": "450320001", "PHQ-9": "720433000", "CORE-10": "718583008",
		"GAD-7": "", "GBO": "", "no such measure": "",
	} {
		if got := MHSDSAssessmentToolCode(measure); got != want {
			t.Errorf("%s: code %q, want %q", measure, got, want)
		}
	}
}
