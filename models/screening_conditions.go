package models

// This file is the one place that says what screening knows about each
// condition of the referral form: its code, its name in words, and the
// facts about it that the screening rules read. A rule asks the table
// ("is this a condition referred even if well?"); it never keeps a list of
// its own.

// conditionFlag is a fact about a condition that a screening rule reads.
type conditionFlag uint8

const (
	// referEvenIfWell: the service asks for every woman with this, current
	// or previous, to be referred even if she is well now ("Refer even if
	// currently well"). Read by the rule of that name, by the exclusion
	// rules (a co-morbid illness of this kind is a severe mental illness)
	// and by pre-pregnancy advice.
	referEvenIfWell conditionFlag = 1 << iota
	// highRiskBeforePregnancy: a history of this makes a woman planning a
	// pregnancy high risk (in scope 1: bipolar disorder, schizophrenia or
	// postpartum psychosis; schizoaffective disorder is counted with
	// schizophrenia).
	highRiskBeforePregnancy
	// highRiskInPregnancy: a personal or family history of this makes a
	// pregnant woman high risk (in scope 2: bipolar affective disorder or
	// postpartum psychosis).
	highRiskInPregnancy
	// namedModerateToSevere: the service names this as a moderate to severe
	// illness it also accepts, when primary care cannot manage her ("Also
	// accepted": PTSD, severe anxiety, OCD, personality disorder).
	namedModerateToSevere
	// notAMentalIllness: not in itself a mental illness for the exclusion
	// rules, so it never counts as the co-morbid mental illness that lifts
	// an exclusion ("Exclusions": organic disorder, drug or alcohol misuse,
	// learning disability).
	notAMentalIllness
	// emergencyWhenCurrent: current illness of this kind is a psychiatric
	// emergency, so the referral is urgent (postpartum psychosis, psychotic
	// depression). This is the software's decision, not a published
	// criterion; see ruleAcutePsychosis.
	emergencyWhenCurrent
)

// conditionKind is one row of the condition table.
type conditionKind struct {
	code  string        // as written on the referral form
	label string        // in words, lower case, to sit inside a sentence
	flags conditionFlag // what the rules read
}

// Condition codes that a rule names on its own (an exclusion, a family
// history). Every other rule reads a flag.
const (
	codeBipolarDisorder     = "bipolar_disorder"
	codePostpartumPsychosis = "postpartum_psychosis"
	codeEatingDisorder      = "eating_disorder"
	codeSubstanceMisuse     = "substance_misuse"
	codeOrganicDisorder     = "organic_disorder"
	codeLearningDisability  = "learning_disability"
)

// conditionTable lists every condition of the referral form, in the order
// the form offers them.
var conditionTable = []conditionKind{
	{"schizophrenia", "schizophrenia", referEvenIfWell | highRiskBeforePregnancy},
	{"schizoaffective_disorder", "schizoaffective disorder", referEvenIfWell | highRiskBeforePregnancy},
	{codeBipolarDisorder, "bipolar affective disorder", referEvenIfWell | highRiskBeforePregnancy | highRiskInPregnancy},
	{codePostpartumPsychosis, "postpartum psychosis", referEvenIfWell | highRiskBeforePregnancy | highRiskInPregnancy | emergencyWhenCurrent},
	{"severe_depression", "severe depression", referEvenIfWell},
	{"psychotic_depression", "psychotic depression", referEvenIfWell | emergencyWhenCurrent},
	{"other_psychotic_illness", "other psychotic illness", referEvenIfWell},
	{"depression", "depression", 0},
	{"anxiety", "anxiety", 0},
	{"severe_anxiety", "severe anxiety", namedModerateToSevere},
	{"ptsd", "post-traumatic stress disorder", namedModerateToSevere},
	{"ocd", "obsessive compulsive disorder", namedModerateToSevere},
	{"personality_disorder", "personality disorder", namedModerateToSevere},
	// An eating disorder is an exclusion of its own (ruleEatingDisorder)
	// but, unlike the three below, still a mental illness.
	{codeEatingDisorder, "eating disorder", 0},
	{codeSubstanceMisuse, "drug or alcohol misuse", notAMentalIllness},
	{codeOrganicDisorder, "organic disorder", notAMentalIllness},
	{codeLearningDisability, "learning disability", notAMentalIllness},
	{"other", "other mental illness", 0},
}

// ConditionCodes lists the condition codes the referral form allows, in the
// order the form offers them.
var ConditionCodes = conditionCodesWith(0)

// conditionCodesWith returns the codes of the conditions that carry every
// flag in f, in table order; f of 0 gives them all.
func conditionCodesWith(f conditionFlag) []string {
	var out []string
	for _, k := range conditionTable {
		if k.flags&f == f {
			out = append(out, k.code)
		}
	}
	return out
}

// conditionIs reports whether the condition code carries flag f. An unknown
// code carries no flag.
func conditionIs(code string, f conditionFlag) bool {
	for _, k := range conditionTable {
		if k.code == code {
			return k.flags&f != 0
		}
	}
	return false
}
