package models

// This file is the screening policy at a glance: the service's criteria,
// and the rules that apply them, in the order they run. Each rule says
// which criterion it implements and which outcomes it can give; its
// function (in screening_rules_eligibility.go or
// screening_rules_clinical.go) holds the test and the reason it gives.

// criterion names a part of the service's published referral criteria
// that a rule implements. The names follow DOMAIN.md ("The service and its
// rules"), which keeps the service's own numbering of the six in-scope
// criteria and names the other parts by their heading. A few rules apply a
// national convention or a decision this software makes where the
// service's text is silent; their names say so.
type criterion string

// The service's criteria and the decisions made here, in the order DOMAIN.md
// gives them.
const (
	// The referral pathway and eligibility.
	critHealthProfessionalRefers criterion = "Pathway 1: referred by a health professional; no self-referrals"
	critRegisteredWithGP         criterion = "Where she lives: registered with a GP"
	critLivesInArea              criterion = "Where she lives: in Leicester, Leicestershire or Rutland (the postcode is a hint)"
	critConsent                  criterion = "Consent: obtained before the referral"
	critTimeframe                criterion = "Perinatal timeframe: in scope up to 9 months after birth; 9 to 12 months and beyond are discussed"

	// In scope: any one of these, numbered as the service numbers them.
	critInScope1 criterion = "In scope 1: pre-pregnancy advice for high-risk women"
	critInScope2 criterion = "In scope 2: pregnant, with a personal or family history of bipolar affective disorder or postpartum psychosis"
	critInScope3 criterion = "In scope 3: pregnant or postnatal, and developing a moderate to severe mental illness"
	critInScope4 criterion = "In scope 4: previous perinatal mental illness treated by psychiatric services"
	critInScope5 criterion = "In scope 5: another serious non-psychotic illness that severely affects daily functioning and care of the baby"
	critInScope6 criterion = "In scope 6: medication advice for a pregnant or breastfeeding woman prescribed psychotropic medication"

	critReferEvenIfWell criterion = "Refer even if currently well: psychotic illness, bipolar disorder, severe depression, family history of postpartum psychosis"
	critAlsoAccepted    criterion = "Also accepted: other moderate to severe illness, only if primary care cannot manage her"
	critVitaMinds       criterion = "Signpost to VitaMinds: mild to moderate illness"
	critPriority        criterion = "Priority: on a mood stabiliser, prioritise with urgent medication advice"

	// Exclusions, unless there is also a co-morbid mental illness.
	critExcludeOrganic   criterion = "Exclusions: primary organic disorder"
	critExcludeSubstance criterion = "Exclusions: primary drug or alcohol misuse; joint working if severe mental illness"
	critExcludeLD        criterion = "Exclusions: learning disability"
	critExcludeEating    criterion = "Exclusions: primary eating disorder; joint working if co-morbid severe mental illness"

	critJointWorking criterion = "Joint working: with CMHT-held cases"
	critInpatients   criterion = "Inpatients: seen during the admission, followed up on discharge"
	critMBU          criterion = "Mother and baby unit: seen on discharge"

	// National conventions and decisions made here.
	conventionTestNHSNumber criterion = "National conventions: NHS numbers starting 999 are test numbers"
	decidedEmergency        criterion = "Decided here: current postpartum psychosis or psychotic depression is a psychiatric emergency"
	decidedAntipsychotic    criterion = "Decided here: an antipsychotic alone is flagged for a medication review"
	decidedUnsettled        criterion = "Decided here: what the rules cannot settle is discussed, never declined"
)

// serviceCriteria lists every criterion above; a test checks that each is
// implemented by a rule and that no rule names one missing from it.
var serviceCriteria = []criterion{
	critHealthProfessionalRefers, critRegisteredWithGP, critLivesInArea, critConsent, critTimeframe,
	critInScope1, critInScope2, critInScope3, critInScope4, critInScope5, critInScope6,
	critReferEvenIfWell, critAlsoAccepted, critVitaMinds, critPriority,
	critExcludeOrganic, critExcludeSubstance, critExcludeLD, critExcludeEating,
	critJointWorking, critInpatients, critMBU,
	conventionTestNHSNumber, decidedEmergency, decidedAntipsychotic, decidedUnsettled,
}

// finding is what one rule says when it fires.
type finding struct {
	rule      string // the rule's name, for tests
	weight    weight
	reason    string
	signposts []string
	flags     []string
	urgent    bool
}

// rule is one screening rule, written once.
type rule struct {
	name string
	// implements names the criteria the rule applies.
	implements []criterion
	// gives lists the weights a finding of this rule can have, and urgent
	// whether it can make the referral urgent. Tests hold each rule to
	// these and show every one of them happening.
	gives  []weight
	urgent bool
	// Clinical rules answer whether the illness is for this service (a
	// criterion met, an exclusion, a severity signpost); fallback rules run
	// only when no clinical rule before them has settled that question.
	clinical bool
	fallback bool
	check    func(*screening) *finding
}

// screeningRules are applied in this order; the order also sets the order
// of reasons of equal weight.
var screeningRules = []rule{
	// Who may be referred.
	{name: "self-referral", check: ruleSelfReferral,
		implements: []criterion{critHealthProfessionalRefers}, gives: []weight{declines}},
	{name: "consent", check: ruleConsent,
		implements: []criterion{critConsent}, gives: []weight{declines, informs}},
	{name: "registered with a GP", check: ruleGPRegistration,
		implements: []criterion{critRegisteredWithGP}, gives: []weight{declines, informs}},
	{name: "lives in the area", check: ruleResidence,
		implements: []criterion{critLivesInArea}, gives: []weight{declines, discusses, informs}},

	// When.
	{name: "perinatal timeframe", check: ruleTimeframe,
		implements: []criterion{critTimeframe}, gives: []weight{discusses}},

	// Exclusions.
	{name: "primary organic disorder", check: ruleOrganicDisorder, clinical: true,
		implements: []criterion{critExcludeOrganic}, gives: []weight{signposts, informs}},
	{name: "learning disability", check: ruleLearningDisability, clinical: true,
		implements: []criterion{critExcludeLD}, gives: []weight{signposts, informs}},
	{name: "substance misuse", check: ruleSubstanceMisuse, clinical: true,
		implements: []criterion{critExcludeSubstance}, gives: []weight{signposts, informs}},
	{name: "eating disorder", check: ruleEatingDisorder, clinical: true,
		implements: []criterion{critExcludeEating}, gives: []weight{signposts, informs}},

	// Criteria met.
	{name: "refer even if currently well", check: ruleReferEvenIfWell, clinical: true,
		implements: []criterion{critReferEvenIfWell}, gives: []weight{accepts}},
	{name: "family history of postpartum psychosis", check: ruleFamilyHistoryPP, clinical: true,
		implements: []criterion{critReferEvenIfWell}, gives: []weight{accepts}},
	{name: "pre-pregnancy advice for high-risk women", check: rulePrePregnancyHighRisk, clinical: true,
		implements: []criterion{critInScope1}, gives: []weight{accepts}},
	{name: "pregnant with a history of bipolar disorder or postpartum psychosis", check: rulePregnantWithHistory, clinical: true,
		implements: []criterion{critInScope2}, gives: []weight{accepts}},
	{name: "previous perinatal illness", check: rulePreviousPerinatalIllness, clinical: true,
		implements: []criterion{critInScope4}, gives: []weight{accepts}},
	{name: "severe impact on functioning", check: ruleSevereImpact, clinical: true,
		implements: []criterion{critInScope5}, gives: []weight{accepts}},
	{name: "medication advice", check: ruleMedicationAdvice, clinical: true,
		implements: []criterion{critInScope6}, gives: []weight{accepts}},
	{name: "mood stabiliser", check: ruleMoodStabiliser, clinical: true,
		implements: []criterion{critPriority}, gives: []weight{accepts}, urgent: true},
	{name: "psychiatric inpatient", check: ruleInpatient, clinical: true,
		implements: []criterion{critInpatients}, gives: []weight{accepts, informs}, urgent: true},
	{name: "mother and baby unit", check: ruleMBU, clinical: true,
		implements: []criterion{critMBU}, gives: []weight{accepts}},

	// Facts to act on, whatever the decision.
	{name: "acute psychosis", check: ruleAcutePsychosis,
		implements: []criterion{decidedEmergency}, gives: []weight{informs}, urgent: true},
	{name: "antipsychotic", check: ruleAntipsychotic,
		implements: []criterion{decidedAntipsychotic}, gives: []weight{informs}},
	{name: "open to a CMHT", check: ruleCMHT,
		implements: []criterion{critJointWorking}, gives: []weight{informs}},
	{name: "test NHS number", check: ruleTestNHSNumber,
		implements: []criterion{conventionTestNHSNumber}, gives: []weight{informs}},

	// Severity, when no criterion or exclusion has settled it.
	{name: "mild illness", check: ruleMildIllness, clinical: true, fallback: true,
		implements: []criterion{critVitaMinds}, gives: []weight{signposts}},
	{name: "moderate to severe illness", check: ruleModerateToSevere, clinical: true, fallback: true,
		implements: []criterion{critInScope3, critAlsoAccepted, critVitaMinds}, gives: []weight{accepts, signposts, discusses}},
	{name: "no criterion met", check: ruleNoCriterion, clinical: true, fallback: true,
		implements: []criterion{decidedUnsettled}, gives: []weight{discusses}},
}
