package models

import "strings"

// This file turns the codes of a recommendation into words for people.
// The codes themselves are what the recommendation JSON holds.

// Label returns the decision in words.
func (d Decision) Label() string {
	switch d {
	case DecisionAccept:
		return "Accept"
	case DecisionDiscuss:
		return "Discuss at the team meeting"
	case DecisionSignpost:
		return "Signpost to another service"
	case DecisionDecline:
		return "Decline"
	}
	return string(d)
}

// SignpostLabel returns a signpost code in words.
func SignpostLabel(code string) string {
	switch code {
	case SignpostVitaMinds:
		return "VitaMinds (LLR NHS Talking Therapies; women can refer themselves)"
	case SignpostSubstanceMisuseService:
		return "Local drug and alcohol service"
	case SignpostEatingDisorderService:
		return "Eating disorder service"
	case SignpostPrimaryCare:
		return "GP and primary care"
	case SignpostDutyWorker:
		return "Perinatal duty worker, for telephone advice"
	case SignpostLocalPerinatalService:
		return "Perinatal mental health service where she lives"
	}
	return code
}

// FlagLabel returns a flag code in words.
func FlagLabel(code string) string {
	switch code {
	case FlagMoodStabiliser:
		return "On a mood stabiliser"
	case FlagAntipsychotic:
		return "On an antipsychotic"
	case FlagCMHTJointWorking:
		return "Joint working with the CMHT"
	case FlagSubstanceMisuseJointWorking:
		return "Joint working with substance misuse services"
	case FlagEatingDisorderJointWorking:
		return "Joint working with the eating disorder service"
	case FlagInpatient:
		return "Psychiatric inpatient"
	case FlagMBU:
		return "In a mother and baby unit"
	case FlagFamilyHistoryPP:
		return "Family history of postpartum psychosis"
	case FlagPreviousPP:
		return "Previous postpartum psychosis"
	case FlagCheckResidence:
		return "Check residence"
	case FlagTimeframe9To12Months:
		return "9 to 12 months after birth"
	case FlagOutsideTimeframe:
		return "Outside the perinatal timeframe"
	case FlagTestNHSNumber:
		return "Test NHS number"
	}
	return code
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
