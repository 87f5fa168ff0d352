package models

import "strings"

// This file turns the codes of a recommendation into words for people.
// The codes themselves are what the recommendation JSON holds.

// Label returns the decision in words.
func (d Decision) Label() string { return labelOf(decisionLabels, d) }

// decisionLabels holds the words for each Decision.
var decisionLabels = map[Decision]string{
	DecisionAccept:   "Accept",
	DecisionDiscuss:  "Discuss at the team meeting",
	DecisionSignpost: "Signpost to another service",
	DecisionDecline:  "Decline",
}

// SignpostLabel returns a signpost code in words.
func SignpostLabel(code string) string { return labelOf(signpostLabels, code) }

// signpostLabels holds the words for each signpost code.
var signpostLabels = map[string]string{
	SignpostVitaMinds:              "VitaMinds (LLR NHS Talking Therapies; women can refer themselves)",
	SignpostSubstanceMisuseService: "Local drug and alcohol service",
	SignpostEatingDisorderService:  "Eating disorder service",
	SignpostPrimaryCare:            "GP and primary care",
	SignpostDutyWorker:             "Perinatal duty worker, for telephone advice",
	SignpostLocalPerinatalService:  "Perinatal mental health service where she lives",
}

// FlagLabel returns a flag code in words.
func FlagLabel(code string) string { return labelOf(flagLabels, code) }

// flagLabels holds the words for each flag code.
var flagLabels = map[string]string{
	FlagMoodStabiliser:              "On a mood stabiliser",
	FlagAntipsychotic:               "On an antipsychotic",
	FlagCMHTJointWorking:            "Joint working with the CMHT",
	FlagSubstanceMisuseJointWorking: "Joint working with substance misuse services",
	FlagEatingDisorderJointWorking:  "Joint working with the eating disorder service",
	FlagInpatient:                   "Psychiatric inpatient",
	FlagMBU:                         "In a mother and baby unit",
	FlagFamilyHistoryPP:             "Family history of postpartum psychosis",
	FlagPreviousPP:                  "Previous postpartum psychosis",
	FlagCheckResidence:              "Check residence",
	FlagTimeframe9To12Months:        "9 to 12 months after birth",
	FlagOutsideTimeframe:            "Outside the perinatal timeframe",
	FlagTestNHSNumber:               "Test NHS number",
}

// ConditionLabel returns a condition code of the referral form in words, in
// lower case so it can sit inside a sentence. The words come from the
// condition table; a code the table does not hold is shown with its
// underscores as spaces.
func ConditionLabel(code string) string {
	for _, k := range conditionTable {
		if k.code == code {
			return k.label
		}
	}
	return strings.ReplaceAll(code, "_", " ")
}
