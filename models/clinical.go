package models

import (
	"strings"
	"unicode/utf8"
)

// The fields of what a clinician writes with the assessment outcome and
// with a closure.
const (
	FieldOutcomeSummary    FieldID = "assessment.summary"
	FieldOutcomePlan       FieldID = "assessment.plan"
	FieldOutcomeMedication FieldID = "assessment.medication_advice"
	FieldOutcomeGPActions  FieldID = "assessment.gp_actions"
	FieldTransferredTo     FieldID = "closure.transferred_to"
	FieldWhatHelped        FieldID = "closure.what_helped"
	FieldWarningSigns      FieldID = "closure.warning_signs"
	FieldBases             FieldID = "settings.bases"
	FieldSignature         FieldID = "staff.signature"
)

func init() {
	DefineFields(map[FieldID]string{
		FieldOutcomeSummary:    "What we discussed",
		FieldOutcomePlan:       "The plan agreed with her",
		FieldOutcomeMedication: "Medication advice",
		FieldOutcomeGPActions:  "Actions for her GP",
		FieldTransferredTo:     "Transferred to",
		FieldWhatHelped:        "What helped",
		FieldWarningSigns:      "Early warning signs",
		FieldBases:             "Bases",
		FieldSignature:         "Signature image",
	})
}

// maxClinicalText bounds each piece of clinical text, so that an outcome
// letter stays a letter (about two pages of print).
const maxClinicalText = 4000

// ClinicalContent is what the clinician writes when recording the
// assessment outcome, for the outcome letters. The professionals' copies
// carry it under the headings of the PRSB Outpatient Letter standard
// ("Clinical summary", "Medications and medical devices", "Plan and
// requested actions" with "Actions for healthcare professionals" and
// "Actions for patient or their carer"); her letter carries it under plain
// headings. It is designed to be embedded in Referral:
//
//	ClinicalContent `gorm:"embedded;embeddedPrefix:outcome_"`
type ClinicalContent struct {
	// Summary is what was discussed at the assessment.
	Summary string `gorm:"type:text" json:"summary,omitempty"`
	// Plan is the plan agreed with her: what she and the team will do.
	Plan string `gorm:"type:text" json:"plan,omitempty"`
	// MedicationAdvice is the advice about her medicines.
	MedicationAdvice string `gorm:"type:text" json:"medication_advice,omitempty"`
	// GPActions is what her GP is asked to do.
	GPActions string `gorm:"type:text" json:"gp_actions,omitempty"`
}

// Normalised returns the content with spaces trimmed from each text and
// Windows line ends made plain.
func (c ClinicalContent) Normalised() ClinicalContent {
	return ClinicalContent{
		Summary: tidyText(c.Summary), Plan: tidyText(c.Plan),
		MedicationAdvice: tidyText(c.MedicationAdvice), GPActions: tidyText(c.GPActions),
	}
}

// Check refuses a text longer than a letter can carry, naming each field
// at fault.
func (c ClinicalContent) Check() error {
	var v FieldErrors
	checkLength(&v, FieldOutcomeSummary, c.Summary)
	checkLength(&v, FieldOutcomePlan, c.Plan)
	checkLength(&v, FieldOutcomeMedication, c.MedicationAdvice)
	checkLength(&v, FieldOutcomeGPActions, c.GPActions)
	return v.Err()
}

// IsZero reports whether nothing was written.
func (c ClinicalContent) IsZero() bool { return c == ClinicalContent{} }

// ClosureDetails is what a closure letter needs besides the reason,
// captured when the referral is closed. It is designed to be embedded in
// Referral:
//
//	ClosureDetails `gorm:"embedded;embeddedPrefix:closure_"`
type ClosureDetails struct {
	// TransferredTo names the team now caring for her, with how to reach
	// it (address or telephone), one line each: needed when she moved away
	// or was transferred.
	TransferredTo string `gorm:"size:500" json:"transferred_to,omitempty"`
	// WhatHelped is what helped her, for a treatment-complete letter.
	WhatHelped string `gorm:"type:text" json:"what_helped,omitempty"`
	// WarningSigns are her early signs of becoming unwell again, for a
	// treatment-complete letter.
	WarningSigns string `gorm:"type:text" json:"warning_signs,omitempty"`
}

// NeedsTransferTeam reports whether closing for r needs the team she is
// transferred to: when she moved away, and when she was transferred.
func (r ClosureReason) NeedsTransferTeam() bool {
	return r == ClosureMovedAway || r == ClosureTransferred
}

// Normalised returns the details with spaces trimmed, keeping only those
// the closure reason r uses: the team she is transferred to for moved away
// and transferred, what helped and the warning signs for treatment
// complete.
func (d ClosureDetails) Normalised(r ClosureReason) ClosureDetails {
	var out ClosureDetails
	if r.NeedsTransferTeam() {
		out.TransferredTo = tidyText(d.TransferredTo)
	}
	if r == ClosureTreatmentComplete {
		out.WhatHelped, out.WarningSigns = tidyText(d.WhatHelped), tidyText(d.WarningSigns)
	}
	return out
}

// Check refuses details that the closure letter for reason r cannot use:
// no team named when she moved away or was transferred, and texts too long
// for a letter. Call it on Normalised details.
func (d ClosureDetails) Check(r ClosureReason) error {
	var v FieldErrors
	if r.NeedsTransferTeam() && d.TransferredTo == "" {
		v.Add(FieldTransferredTo, "name the team now caring for her, with its address or telephone, for her closure letter")
	}
	if n := len(strings.Split(d.TransferredTo, "\n")); n > 8 {
		v.Add(FieldTransferredTo, "use at most 8 lines: the team's name, then its address or telephone")
	}
	checkLength(&v, FieldTransferredTo, d.TransferredTo)
	checkLength(&v, FieldWhatHelped, d.WhatHelped)
	checkLength(&v, FieldWarningSigns, d.WarningSigns)
	return v.Err()
}

// checkLength adds an error for a text longer than maxClinicalText.
func checkLength(v *FieldErrors, field FieldID, s string) {
	if n := utf8.RuneCountInString(s); n > maxClinicalText {
		v.Add(field, "shorten it to %d characters or fewer (it has %d)", maxClinicalText, n)
	}
}

// tidyText trims a typed text: Windows line ends become plain ones, each
// line loses trailing spaces, and the text loses blank lines at its ends.
func tidyText(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n \t")
}
