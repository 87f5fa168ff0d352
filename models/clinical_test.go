package models

import (
	"errors"
	"strings"
	"testing"
)

func TestClinicalContentNormalisedAndChecked(t *testing.T) {
	c := ClinicalContent{Summary: "  Low mood since the birth.  \r\n\r\n", Plan: "\nWeekly visits.\n", GPActions: " "}.Normalised()
	if c.Summary != "Low mood since the birth." || c.Plan != "Weekly visits." || c.GPActions != "" || c.IsZero() {
		t.Errorf("Normalised = %+v", c)
	}
	if err := c.Check(); err != nil {
		t.Errorf("Check(short texts) = %v", err)
	}
	long := ClinicalContent{Summary: strings.Repeat("é", maxClinicalText), MedicationAdvice: strings.Repeat("a", maxClinicalText+1)}
	list := FieldErrorsIn(long.Check())
	if len(list) != 1 || list[0].Field != FieldOutcomeMedication || !strings.Contains(list[0].Message, "4000") {
		t.Errorf("Check(long) = %v; want only the medication advice refused", list)
	}
	if !(ClinicalContent{}).IsZero() {
		t.Error("empty content is not zero")
	}
}

func TestClosureDetailsFollowTheReason(t *testing.T) {
	typed := ClosureDetails{TransferredTo: " Nottingham Perinatal Team\n0115 000 0000 ", WhatHelped: " Talking. ", WarningSigns: " Poor sleep. "}
	cases := []struct {
		reason ClosureReason
		in     ClosureDetails
		want   ClosureDetails
		field  FieldID // the field refused, or "" when accepted
	}{
		{ClosureMovedAway, typed, ClosureDetails{TransferredTo: "Nottingham Perinatal Team\n0115 000 0000"}, ""},
		{ClosureTransferred, typed, ClosureDetails{TransferredTo: "Nottingham Perinatal Team\n0115 000 0000"}, ""},
		{ClosureMovedAway, ClosureDetails{WhatHelped: "x"}, ClosureDetails{}, FieldTransferredTo},
		{ClosureTransferred, ClosureDetails{TransferredTo: strings.Repeat("line\n", 8)}, ClosureDetails{TransferredTo: strings.TrimSuffix(strings.Repeat("line\n", 8), "\n")}, ""}, // 8 lines, the most
		{ClosureTransferred, ClosureDetails{TransferredTo: strings.Repeat("line\n", 9)}, ClosureDetails{TransferredTo: strings.TrimSuffix(strings.Repeat("line\n", 9), "\n")}, FieldTransferredTo},
		{ClosureTreatmentComplete, typed, ClosureDetails{WhatHelped: "Talking.", WarningSigns: "Poor sleep."}, ""},
		{ClosureTreatmentComplete, ClosureDetails{}, ClosureDetails{}, ""},
		{ClosureTreatmentComplete, ClosureDetails{WarningSigns: strings.Repeat("b", maxClinicalText)}, ClosureDetails{WarningSigns: strings.Repeat("b", maxClinicalText)}, ""},
		{ClosureTreatmentComplete, ClosureDetails{WarningSigns: strings.Repeat("b", maxClinicalText+1)}, ClosureDetails{WarningSigns: strings.Repeat("b", maxClinicalText+1)}, FieldWarningSigns},
		{ClosureDidNotAttend, typed, ClosureDetails{}, ""},
		{ClosureEndOfPerinatalPeriod, typed, ClosureDetails{}, ""},
		{ClosureDeclinedContact, typed, ClosureDetails{}, ""},
		{ClosureDischargedWithAdvice, typed, ClosureDetails{}, ""},
	}
	for _, c := range cases {
		got := c.in.Normalised(c.reason)
		if got != c.want {
			t.Errorf("%s: Normalised = %+v; want %+v", c.reason, got, c.want)
		}
		err := got.Check(c.reason)
		var fe *FieldError
		switch {
		case c.field == "" && err != nil:
			t.Errorf("%s: Check = %v; want accepted", c.reason, err)
		case c.field != "" && (!errors.As(err, &fe) || fe.Field != c.field):
			t.Errorf("%s: Check = %v; want %s refused", c.reason, err, c.field)
		}
	}
	for _, r := range ClosureReasons {
		if r.NeedsTransferTeam() != (r == ClosureMovedAway || r == ClosureTransferred) {
			t.Errorf("%s: NeedsTransferTeam = %v", r, r.NeedsTransferTeam())
		}
	}
}

func TestParseBases(t *testing.T) {
	text := " Brandon Unit \nGwendolen Road\nLeicester LE5 4PW\r\n\r\n\n Market Harborough clinic\n1 Sample Street\nMarket Harborough LE16 0AA\n"
	bases := ParseBases(text)
	if len(bases) != 2 || bases[0].Name != "Brandon Unit" || len(bases[0].Address) != 2 || bases[1].Address[1] != "Market Harborough LE16 0AA" {
		t.Fatalf("ParseBases = %+v", bases)
	}
	if v := bases[0].Venue(); v != "Brandon Unit\nGwendolen Road\nLeicester LE5 4PW" {
		t.Errorf("Venue = %q", v)
	}
	if l := VenueLine(bases[0].Venue() + "\n  \n"); l != "Brandon Unit, Gwendolen Road, Leicester LE5 4PW" {
		t.Errorf("VenueLine = %q", l)
	}
	if ParseBases("  \n\n ") != nil {
		t.Error("an empty list has bases")
	}
	cases := []struct {
		text, want string
	}{
		{text, ""},
		{"", ""},
		{"Brandon Unit", `give "Brandon Unit" its address`},
		{"A\n1 Road\n\na\n2 Road", `"a" is listed twice`},
		{"A\n1\n2\n3\n4\n5\n6", ""},
		{"A\n1\n2\n3\n4\n5\n6\n7", "at most 6 address lines"},
	}
	for _, c := range cases {
		err := CheckBases(c.text)
		if (c.want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), c.want)) {
			t.Errorf("CheckBases(%q) = %v; want %q", c.text, err, c.want)
		}
		var fe *FieldError
		if err != nil && (!errors.As(err, &fe) || fe.Field != FieldBases) {
			t.Errorf("CheckBases(%q) does not name the Bases field: %v", c.text, err)
		}
	}
}

func TestNoLetterReason(t *testing.T) {
	cases := []struct {
		s    LetterState
		want string
	}{
		{LetterState{Status: StatusReceived}, "No letter fits this referral yet: the referral is still awaiting screening."},
		{LetterState{Status: StatusAssessmentBooked, AssessmentAttended: true}, "No letter fits this referral yet: she has attended her initial assessment; record its outcome first."},
		{LetterState{Status: StatusCaseload}, "No letter fits this referral yet: she is on the caseload."},
	}
	for _, c := range cases {
		if len(LettersFor(c.s)) != 0 {
			t.Fatalf("%+v has letters", c.s)
		}
		if got := NoLetterReason(c.s); got != c.want {
			t.Errorf("NoLetterReason(%+v) = %q; want %q", c.s, got, c.want)
		}
	}
}

func TestStaffMemberSigner(t *testing.T) {
	m := StaffMember{Record: Record{ID: 7}, Name: "Dr Amira Patel", JobTitle: "Consultant Perinatal Psychiatrist",
		ProfessionalRegistration: ProfessionalRegistration{Profession: ProfessionDoctor, Number: "1234567"}}
	if got := m.Signer().SignatureLine(); got != "Dr Amira Patel, Consultant Perinatal Psychiatrist, GMC 1234567" || m.Signer().StaffID != 7 {
		t.Errorf("Signer = %+v (%q)", m.Signer(), got)
	}
}
