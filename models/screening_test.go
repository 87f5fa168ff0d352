package models

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"
)

const received = "2026-11-02T10:30:00Z"

func ptr[T any](v T) *T { return &v }

// baseReferral is a referral the service accepts on one rule: a woman four
// months after birth, with current severe depression, living in the area,
// registered with a GP, consenting, referred by her GP.
func baseReferral() *Referral {
	return &Referral{
		Patient: Patient{
			NHSNumber: ptr("9434765919"), GivenName: "Test", FamilyName: "Patient",
			DateOfBirth: d("1994-03-02"), Postcode: "LE3 0AB",
		},
		Referrer:                Professional{Name: "Dr Test", Role: string(ProfGP)},
		ConsentObtained:         true,
		RegisteredWithGP:        true,
		LivesInArea:             true,
		Stage:                   StagePostnatal,
		BabyDateOfBirth:         d("2026-07-01"),
		Severity:                SeveritySevere,
		ManageableInPrimaryCare: ptr(false),
		Conditions:              []Condition{{Code: "severe_depression", Status: ConditionCurrent}},
		ReasonForReferral:       "Synthetic test referral.",
	}
}

// cond builds a condition; primary marks it as the primary diagnosis.
func cond(code string, status ConditionStatus, primary ...bool) Condition {
	return Condition{Code: code, Status: status, Primary: len(primary) > 0 && primary[0]}
}

// clinical clears the base referral's illness and sets new conditions.
func clinical(r *Referral, sev Severity, manageable *bool, cs ...Condition) {
	r.Severity, r.ManageableInPrimaryCare, r.Conditions = sev, manageable, cs
}

func pregnant(r *Referral) {
	r.Stage, r.ExpectedDeliveryDate, r.BabyDateOfBirth = StagePregnant, d("2027-03-15"), Date{}
}

func planning(r *Referral) {
	r.Stage, r.ExpectedDeliveryDate, r.BabyDateOfBirth = StagePreconception, Date{}, Date{}
}

type screenCase struct {
	name     string
	edit     func(r *Referral)
	at       string           // received_at; default received
	opts     ScreeningOptions // default: the defaults
	decision Decision
	urgent   bool
	flags    []string // exactly these, in any order
	signpost []string // exactly these, in any order
	rules    []string // exactly these rules fired, in any order
	reason   string   // a reason contains this, when given
}

// Rule names, as in screeningRules.
const (
	rSelf        = "self-referral"
	rConsent     = "consent"
	rGP          = "registered with a GP"
	rResidence   = "lives in the area"
	rTimeframe   = "perinatal timeframe"
	rOrganic     = "primary organic disorder"
	rLD          = "learning disability"
	rSubstance   = "substance misuse"
	rEating      = "eating disorder"
	rEvenIfWell  = "refer even if currently well"
	rFamilyPP    = "family history of postpartum psychosis"
	rPrePreg     = "pre-pregnancy advice for high-risk women"
	rPregHistory = "pregnant with a history of bipolar disorder or postpartum psychosis"
	rPrevPeri    = "previous perinatal illness"
	rImpact      = "severe impact on functioning"
	rMedAdvice   = "medication advice"
	rMoodStab    = "mood stabiliser"
	rInpatient   = "psychiatric inpatient"
	rMBU         = "mother and baby unit"
	rAcute       = "acute psychosis"
	rAntipsych   = "antipsychotic"
	rCMHT        = "open to a CMHT"
	rTestNHS     = "test NHS number"
	rMild        = "mild illness"
	rModSevere   = "moderate to severe illness"
	rNoCriterion = "no criterion met"
)

func screenCases() []screenCase {
	cases := []screenCase{
		{name: "base referral is accepted", decision: DecisionAccept, rules: []string{rEvenIfWell}},

		// ---- Who may be referred ----
		{name: "self-referral is declined", edit: func(r *Referral) { r.Referrer.Role = string(ProfSelf) },
			decision: DecisionDecline, signpost: []string{SignpostPrimaryCare}, rules: []string{rSelf, rEvenIfWell},
			reason: "cannot accept self-referrals"},
		{name: "no consent is declined with the duty worker", edit: func(r *Referral) { r.ConsentObtained = false },
			decision: DecisionDecline, signpost: []string{SignpostDutyWorker}, rules: []string{rConsent, rEvenIfWell},
			reason: "call the duty worker"},
		{name: "not registered with a GP is declined", edit: func(r *Referral) { r.RegisteredWithGP = false },
			decision: DecisionDecline, signpost: []string{SignpostPrimaryCare}, rules: []string{rGP, rEvenIfWell}},
		{name: "every decline reason is given", edit: func(r *Referral) {
			r.Referrer.Role, r.ConsentObtained, r.RegisteredWithGP = string(ProfSelf), false, false
		}, decision: DecisionDecline, signpost: []string{SignpostPrimaryCare, SignpostDutyWorker},
			rules: []string{rSelf, rConsent, rGP, rEvenIfWell}},
		{name: "not living in the area, postcode outside, is declined", edit: func(r *Referral) {
			r.LivesInArea, r.Patient.Postcode = false, "NG1 1AA"
		}, decision: DecisionDecline, signpost: []string{SignpostLocalPerinatalService}, rules: []string{rResidence, rEvenIfWell}},
		{name: "not living in the area, postcode partly in the area, is declined", edit: func(r *Referral) {
			r.LivesInArea, r.Patient.Postcode = false, "DE11 0AA"
		}, decision: DecisionDecline, signpost: []string{SignpostLocalPerinatalService}, rules: []string{rResidence, rEvenIfWell}},
		{name: "not living in the area but an LE postcode is discussed", edit: func(r *Referral) { r.LivesInArea = false },
			decision: DecisionDiscuss, flags: []string{FlagCheckResidence}, rules: []string{rResidence, rEvenIfWell},
			reason: "her postcode is in the area"},
		{name: "living in the area but a postcode outside is discussed", edit: func(r *Referral) { r.Patient.Postcode = "NG1 1AA" },
			decision: DecisionDiscuss, flags: []string{FlagCheckResidence}, rules: []string{rResidence, rEvenIfWell},
			reason: "her postcode is outside the area"},
		{name: "a Liverpool postcode is not in the LE area", edit: func(r *Referral) { r.Patient.Postcode = "L1 8JQ" },
			decision: DecisionDiscuss, flags: []string{FlagCheckResidence}, rules: []string{rResidence, rEvenIfWell}},
		{name: "partly-in-area district is flagged, not refused", edit: func(r *Referral) { r.Patient.Postcode = "DE74 2AA" },
			decision: DecisionAccept, flags: []string{FlagCheckResidence}, rules: []string{rResidence, rEvenIfWell},
			reason: "only partly in"},
		{name: "missing postcode is flagged", edit: func(r *Referral) { r.Patient.Postcode = "" },
			decision: DecisionAccept, flags: []string{FlagCheckResidence}, rules: []string{rResidence, rEvenIfWell},
			reason: "missing or could not be read"},
		{name: "area prefixes come from the settings", edit: func(r *Referral) { r.Patient.Postcode = "NN1 1AA" },
			opts: ScreeningOptions{AreaPrefixes: []string{"LE", "NN"}}, decision: DecisionAccept, rules: []string{rEvenIfWell}},
		{name: "partly-in-area districts come from the settings", edit: func(r *Referral) { r.Patient.Postcode = "DE11 0AA" },
			opts: ScreeningOptions{PartlyInAreaDistricts: []string{"LE65"}}, decision: DecisionDiscuss,
			flags: []string{FlagCheckResidence}, rules: []string{rResidence, rEvenIfWell}},
		{name: "a district named in the settings is checked even inside LE", edit: func(r *Referral) { r.Patient.Postcode = "LE65 1AA" },
			opts: ScreeningOptions{PartlyInAreaDistricts: []string{"LE65"}}, decision: DecisionAccept,
			flags: []string{FlagCheckResidence}, rules: []string{rResidence, rEvenIfWell}},
		// ---- Questions not answered yet: never read as "no" ----
		{name: "consent not answered is neither declined nor accepted", edit: func(r *Referral) {
			r.ConsentObtained, r.Unanswered = false, []Question{QuestionConsent}
		}, decision: DecisionAccept, rules: []string{rConsent, rEvenIfWell}, reason: "Not answered yet: whether she has consented"},
		{name: "GP registration not answered is not declined", edit: func(r *Referral) {
			r.RegisteredWithGP, r.Unanswered = false, []Question{QuestionGP}
		}, decision: DecisionAccept, rules: []string{rGP, rEvenIfWell}, reason: "Not answered yet: whether she is registered with a GP"},
		{name: "residence not answered is not read as living elsewhere", edit: func(r *Referral) {
			r.LivesInArea, r.Unanswered, r.Patient.Postcode = false, []Question{QuestionResidence}, "NG1 1AA"
		}, decision: DecisionAccept, rules: []string{rResidence, rEvenIfWell}, reason: "Not answered yet: whether she lives in"},
		{name: "an answered no still declines beside an unanswered question", edit: func(r *Referral) {
			r.ConsentObtained, r.LivesInArea, r.Unanswered = false, false, []Question{QuestionResidence}
		}, decision: DecisionDecline, signpost: []string{SignpostDutyWorker}, rules: []string{rConsent, rResidence, rEvenIfWell}},
		{name: "decline beats a signpost, and only the decline's signposts are given", edit: func(r *Referral) {
			r.ConsentObtained = false
			clinical(r, SeverityMild, ptr(true), cond("anxiety", ConditionCurrent))
		}, decision: DecisionDecline, signpost: []string{SignpostDutyWorker}, rules: []string{rConsent, rMild}},
		{name: "decline beats the timeframe", edit: func(r *Referral) {
			r.ConsentObtained, r.BabyDateOfBirth = false, d("2026-01-10")
		}, decision: DecisionDecline, signpost: []string{SignpostDutyWorker}, flags: []string{FlagTimeframe9To12Months},
			rules: []string{rConsent, rTimeframe, rEvenIfWell}},

		// ---- Timeframe ----
		{name: "pregnant is in scope", edit: pregnant, decision: DecisionAccept, rules: []string{rEvenIfWell}},
		{name: "planning a pregnancy is in scope", edit: planning, decision: DecisionAccept, rules: []string{rEvenIfWell}},
		{name: "9 to 12 months is discussed", edit: func(r *Referral) { r.BabyDateOfBirth = d("2026-01-10") },
			decision: DecisionDiscuss, flags: []string{FlagTimeframe9To12Months}, rules: []string{rTimeframe, rEvenIfWell},
			reason: "9 months 3 weeks after birth, between 9 and 12 months"},
		{name: "day before 9 months is accepted", edit: func(r *Referral) { r.BabyDateOfBirth = d("2026-02-03") },
			decision: DecisionAccept, rules: []string{rEvenIfWell}},
		{name: "exactly 9 months is discussed", edit: func(r *Referral) { r.BabyDateOfBirth = d("2026-02-02") },
			decision: DecisionDiscuss, flags: []string{FlagTimeframe9To12Months}, rules: []string{rTimeframe, rEvenIfWell},
			reason: "9 months after birth"},
		{name: "day before 12 months is 9 to 12 months", edit: func(r *Referral) { r.BabyDateOfBirth = d("2025-11-03") },
			decision: DecisionDiscuss, flags: []string{FlagTimeframe9To12Months}, rules: []string{rTimeframe, rEvenIfWell}},
		{name: "exactly 12 months is outside the timeframe", edit: func(r *Referral) { r.BabyDateOfBirth = d("2025-11-02") },
			decision: DecisionDiscuss, flags: []string{FlagOutsideTimeframe}, rules: []string{rTimeframe, rEvenIfWell},
			reason: "12 months after birth, beyond the perinatal period"},
		{name: "two years after birth is outside the timeframe", edit: func(r *Referral) { r.BabyDateOfBirth = d("2024-10-01") },
			decision: DecisionDiscuss, flags: []string{FlagOutsideTimeframe}, rules: []string{rTimeframe, rEvenIfWell}},
		{name: "29 February baby, 28 November 2024: under 9 months", at: "2024-11-28T12:00:00Z",
			edit:     func(r *Referral) { r.BabyDateOfBirth = d("2024-02-29") },
			decision: DecisionAccept, rules: []string{rEvenIfWell}},
		{name: "29 February baby, 29 November 2024: 9 months", at: "2024-11-29T12:00:00Z",
			edit:     func(r *Referral) { r.BabyDateOfBirth = d("2024-02-29") },
			decision: DecisionDiscuss, flags: []string{FlagTimeframe9To12Months}, rules: []string{rTimeframe, rEvenIfWell}},
		{name: "29 February baby, 27 February 2025: still under 12 months", at: "2025-02-27T12:00:00Z",
			edit:     func(r *Referral) { r.BabyDateOfBirth = d("2024-02-29") },
			decision: DecisionDiscuss, flags: []string{FlagTimeframe9To12Months}, rules: []string{rTimeframe, rEvenIfWell}},
		{name: "29 February baby, 28 February 2025: 12 months", at: "2025-02-28T12:00:00Z",
			edit:     func(r *Referral) { r.BabyDateOfBirth = d("2024-02-29") },
			decision: DecisionDiscuss, flags: []string{FlagOutsideTimeframe}, rules: []string{rTimeframe, rEvenIfWell}},
		{name: "received late evening in summer counts on the UK date", at: "2026-10-09T23:30:00Z", // 00:30 BST on 10 October
			edit:     func(r *Referral) { r.BabyDateOfBirth = d("2026-01-10") },
			decision: DecisionDiscuss, flags: []string{FlagTimeframe9To12Months}, rules: []string{rTimeframe, rEvenIfWell}},
		{name: "received late evening in winter counts on the UK date", at: "2026-01-09T23:30:00Z", // 23:30 GMT on 9 January
			edit:     func(r *Referral) { r.BabyDateOfBirth = d("2025-04-10") },
			decision: DecisionAccept, rules: []string{rEvenIfWell}},
		{name: "postnatal without the baby's date of birth is discussed", edit: func(r *Referral) { r.BabyDateOfBirth = Date{} },
			decision: DecisionDiscuss, rules: []string{rTimeframe, rEvenIfWell}, reason: "Baby's date of birth"},
		{name: "baby born after the referral is discussed", edit: func(r *Referral) { r.BabyDateOfBirth = d("2026-12-01") },
			decision: DecisionDiscuss, rules: []string{rTimeframe, rEvenIfWell}, reason: "later than the date the referral was received"},
		{name: "due date far ahead is discussed", edit: func(r *Referral) { pregnant(r); r.ExpectedDeliveryDate = d("2028-03-15") },
			decision: DecisionDiscuss, rules: []string{rTimeframe, rEvenIfWell}, reason: "more than 44 weeks"},
		{name: "due date long past while pregnant is discussed", edit: func(r *Referral) { pregnant(r); r.ExpectedDeliveryDate = d("2026-06-01") },
			decision: DecisionDiscuss, rules: []string{rTimeframe, rEvenIfWell}, reason: "probably born"},
		{name: "pregnant with no due date is in scope", edit: func(r *Referral) { pregnant(r); r.ExpectedDeliveryDate = Date{} },
			decision: DecisionAccept, rules: []string{rEvenIfWell}},
		{name: "unknown stage is discussed", edit: func(r *Referral) { r.Stage = "" },
			decision: DecisionDiscuss, rules: []string{rTimeframe, rEvenIfWell}, reason: "Perinatal stage"},
		{name: "mild illness at 10 months is signposted, not discussed", edit: func(r *Referral) {
			r.BabyDateOfBirth = d("2026-01-10")
			clinical(r, SeverityMild, ptr(true), cond("anxiety", ConditionCurrent))
		}, decision: DecisionSignpost, signpost: []string{SignpostVitaMinds}, flags: []string{FlagTimeframe9To12Months},
			rules: []string{rTimeframe, rMild}},
		{name: "an exclusion at 10 months is signposted", edit: func(r *Referral) {
			r.BabyDateOfBirth = d("2026-01-10")
			clinical(r, SeverityModerate, ptr(false), cond("eating_disorder", ConditionCurrent, true))
		}, decision: DecisionSignpost, signpost: []string{SignpostEatingDisorderService}, flags: []string{FlagTimeframe9To12Months},
			rules: []string{rTimeframe, rEating}},

		// ---- Referral criteria ----
		{name: "family history of postpartum psychosis, otherwise mild", edit: func(r *Referral) {
			clinical(r, SeverityMild, ptr(true), cond("anxiety", ConditionCurrent))
			r.FamilyHistory = []string{"postpartum_psychosis"}
		}, decision: DecisionAccept, flags: []string{FlagFamilyHistoryPP}, rules: []string{rFamilyPP}},
		{name: "family history of bipolar disorder after birth is not a criterion", edit: func(r *Referral) {
			clinical(r, SeverityMild, ptr(true), cond("anxiety", ConditionCurrent))
			r.FamilyHistory = []string{"bipolar_disorder"}
		}, decision: DecisionSignpost, signpost: []string{SignpostVitaMinds}, rules: []string{rMild}},
		{name: "pregnant with a family history of bipolar disorder (criterion 2)", edit: func(r *Referral) {
			pregnant(r)
			clinical(r, SeverityMild, ptr(true))
			r.FamilyHistory = []string{"bipolar_disorder"}
		}, decision: DecisionAccept, rules: []string{rPregHistory}, reason: "a family history of bipolar affective disorder"},
		{name: "pregnant with both family histories", edit: func(r *Referral) {
			pregnant(r)
			clinical(r, SeverityNone, nil)
			r.FamilyHistory = []string{"bipolar_disorder", "postpartum_psychosis"}
		}, decision: DecisionAccept, flags: []string{FlagFamilyHistoryPP}, rules: []string{rFamilyPP, rPregHistory},
			reason: "family history of bipolar affective disorder and postpartum psychosis"},
		{name: "pregnant with previous bipolar disorder, well now", edit: func(r *Referral) {
			pregnant(r)
			clinical(r, SeverityNone, nil, cond("bipolar_disorder", ConditionPrevious))
		}, decision: DecisionAccept, rules: []string{rEvenIfWell, rPregHistory}, reason: "Pregnant, with a personal history of bipolar affective disorder: she is at high risk"},
		{name: "planning a pregnancy on an antipsychotic (criterion 1)", edit: func(r *Referral) {
			planning(r)
			clinical(r, SeverityNone, nil)
			r.Medications = []Medication{{Name: "Quetiapine", Class: "antipsychotic"}}
		}, decision: DecisionAccept, flags: []string{FlagAntipsychotic}, rules: []string{rPrePreg, rAntipsych},
			reason: "Planning a pregnancy while taking Quetiapine: the service gives pre-pregnancy advice"},
		{name: "planning a pregnancy with previous postpartum psychosis", edit: func(r *Referral) {
			planning(r)
			clinical(r, SeverityNone, nil, cond("postpartum_psychosis", ConditionPrevious))
		}, decision: DecisionAccept, flags: []string{FlagPreviousPP}, rules: []string{rEvenIfWell, rPrePreg},
			reason: "Planning a pregnancy with a history of postpartum psychosis"},
		{name: "planning a pregnancy on lithium is urgent", edit: func(r *Referral) {
			planning(r)
			clinical(r, SeverityNone, nil)
			r.Medications = []Medication{{Name: "Lithium carbonate", Class: "mood_stabiliser", Dose: "400mg"}}
		}, decision: DecisionAccept, urgent: true, flags: []string{FlagMoodStabiliser}, rules: []string{rPrePreg, rMoodStab}},
		{name: "planning a pregnancy on an antidepressant alone is not criterion 1", edit: func(r *Referral) {
			planning(r)
			clinical(r, SeverityModerate, ptr(true), cond("depression", ConditionCurrent))
			r.Medications = []Medication{{Name: "Sertraline", Class: "antidepressant"}}
		}, decision: DecisionSignpost, signpost: []string{SignpostPrimaryCare, SignpostVitaMinds}, rules: []string{rModSevere}},
		{name: "previous perinatal illness treated by psychiatric services (criterion 4)", edit: func(r *Referral) {
			clinical(r, SeverityMild, ptr(true), cond("depression", ConditionCurrent))
			r.PreviousPerinatalIllnessTreated = true
		}, decision: DecisionAccept, rules: []string{rPrevPeri}},
		{name: "severe impact on functioning and baby care (criterion 5)", edit: func(r *Referral) {
			clinical(r, SeverityNone, nil, cond("other", ConditionCurrent))
			r.SevereImpactOnFunctioning = true
		}, decision: DecisionAccept, rules: []string{rImpact}},
		{name: "pregnant on an antidepressant asking for advice (criterion 6)", edit: func(r *Referral) {
			pregnant(r)
			clinical(r, SeverityMild, ptr(true), cond("depression", ConditionCurrent))
			r.Medications = []Medication{{Name: "Sertraline", Class: "antidepressant"}}
			r.MedicationAdviceRequested = true
		}, decision: DecisionAccept, rules: []string{rMedAdvice}, reason: "Pregnant and prescribed Sertraline"},
		{name: "breastfeeding on a hypnotic asking for advice (criterion 6)", edit: func(r *Referral) {
			clinical(r, SeverityNone, nil)
			r.Breastfeeding = true
			r.Medications = []Medication{{Name: "Zopiclone", Class: "hypnotic"}}
			r.MedicationAdviceRequested = true
		}, decision: DecisionAccept, rules: []string{rMedAdvice}, reason: "Breastfeeding and prescribed Zopiclone"},
		{name: "advice for a woman neither pregnant nor breastfeeding is not criterion 6", edit: func(r *Referral) {
			clinical(r, SeverityMild, ptr(true), cond("depression", ConditionCurrent))
			r.Medications = []Medication{{Name: "Sertraline", Class: "antidepressant"}}
			r.MedicationAdviceRequested = true
		}, decision: DecisionSignpost, signpost: []string{SignpostVitaMinds}, rules: []string{rMild}},
		{name: "advice about a medicine that is not psychotropic is not criterion 6", edit: func(r *Referral) {
			pregnant(r)
			clinical(r, SeverityNone, nil)
			r.Medications = []Medication{{Name: "Folic acid", Class: "other"}}
			r.MedicationAdviceRequested = true
		}, decision: DecisionDiscuss, rules: []string{rNoCriterion}},
		{name: "on a mood stabiliser: accepted and urgent", edit: func(r *Referral) {
			clinical(r, SeverityNone, nil)
			r.Medications = []Medication{{Name: "Lamotrigine", Class: "mood_stabiliser"}}
		}, decision: DecisionAccept, urgent: true, flags: []string{FlagMoodStabiliser}, rules: []string{rMoodStab},
			reason: "Prescribed a mood stabiliser (Lamotrigine): prioritise and give urgent medication advice."},
		{name: "an antipsychotic alone is flagged and discussed", edit: func(r *Referral) {
			clinical(r, SeverityNone, nil)
			r.Medications = []Medication{{Name: "Olanzapine", Class: "antipsychotic"}}
		}, decision: DecisionDiscuss, flags: []string{FlagAntipsychotic}, rules: []string{rAntipsych, rNoCriterion}},
		{name: "psychiatric inpatient in pregnancy: accepted and urgent", edit: func(r *Referral) {
			pregnant(r)
			clinical(r, SeverityNone, nil)
			r.PsychiatricInpatient, r.Ward = true, "Ward 1"
		}, decision: DecisionAccept, urgent: true, flags: []string{FlagInpatient}, rules: []string{rInpatient},
			reason: "during the admission"},
		{name: "psychiatric inpatient while planning a pregnancy is flagged only", edit: func(r *Referral) {
			planning(r)
			clinical(r, SeverityNone, nil)
			r.PsychiatricInpatient = true
		}, decision: DecisionDiscuss, flags: []string{FlagInpatient}, rules: []string{rInpatient, rNoCriterion}},
		{name: "in a mother and baby unit: seen on discharge", edit: func(r *Referral) {
			clinical(r, SeverityNone, nil)
			r.MBUAdmission, r.MBUExpectedDischarge = true, d("2026-11-20")
		}, decision: DecisionAccept, flags: []string{FlagMBU}, rules: []string{rMBU},
			reason: "on discharge (expected 20 November 2026)"},
		{name: "open to a CMHT is flagged for joint working", edit: func(r *Referral) { r.CMHTOpen = true },
			decision: DecisionAccept, flags: []string{FlagCMHTJointWorking}, rules: []string{rEvenIfWell, rCMHT}},
		{name: "test NHS number is flagged", edit: func(r *Referral) { r.Patient.NHSNumber = ptr("9990000018") },
			decision: DecisionAccept, flags: []string{FlagTestNHSNumber}, rules: []string{rEvenIfWell, rTestNHS}},
		{name: "no NHS number is fine", edit: func(r *Referral) { r.Patient.NHSNumber = nil },
			decision: DecisionAccept, rules: []string{rEvenIfWell}},
		{name: "several essential conditions give one reason", edit: func(r *Referral) {
			clinical(r, SeverityNone, nil, cond("bipolar_disorder", ConditionCurrent), cond("postpartum_psychosis", ConditionPrevious))
		}, decision: DecisionAccept, flags: []string{FlagPreviousPP}, rules: []string{rEvenIfWell},
			reason: "Current bipolar affective disorder and previous postpartum psychosis: the service asks for every woman with this"},

		// ---- Severity, when no criterion applies ----
		{name: "mild illness is signposted to VitaMinds", edit: func(r *Referral) {
			clinical(r, SeverityMild, ptr(true), cond("anxiety", ConditionCurrent))
		}, decision: DecisionSignpost, signpost: []string{SignpostVitaMinds}, rules: []string{rMild}},
		{name: "mild illness the referrer says primary care cannot manage is still VitaMinds", edit: func(r *Referral) {
			clinical(r, SeverityMild, ptr(false), cond("depression", ConditionCurrent))
		}, decision: DecisionSignpost, signpost: []string{SignpostVitaMinds}, rules: []string{rMild}},
		{name: "PTSD rated mild is VitaMinds", edit: func(r *Referral) {
			clinical(r, SeverityMild, ptr(false), cond("ptsd", ConditionCurrent))
		}, decision: DecisionSignpost, signpost: []string{SignpostVitaMinds}, rules: []string{rMild}},
		{name: "moderate depression not manageable in primary care is accepted", edit: func(r *Referral) {
			clinical(r, SeverityModerate, ptr(false), cond("depression", ConditionCurrent))
		}, decision: DecisionAccept, rules: []string{rModSevere}, reason: "Moderate illness (current depression) that cannot be managed"},
		{name: "moderate anxiety manageable in primary care is signposted", edit: func(r *Referral) {
			clinical(r, SeverityModerate, ptr(true), cond("anxiety", ConditionCurrent))
		}, decision: DecisionSignpost, signpost: []string{SignpostPrimaryCare, SignpostVitaMinds}, rules: []string{rModSevere}},
		{name: "severe depression rating, primary care not stated, is discussed", edit: func(r *Referral) {
			clinical(r, SeveritySevere, nil, cond("depression", ConditionCurrent))
		}, decision: DecisionDiscuss, rules: []string{rModSevere}, reason: "did not say whether she can be managed in primary care"},
		{name: "depression with no severity is discussed", edit: func(r *Referral) {
			clinical(r, SeverityNone, ptr(false), cond("depression", ConditionCurrent))
		}, decision: DecisionDiscuss, rules: []string{rNoCriterion}},
		{name: "nothing on the form is discussed", edit: func(r *Referral) { clinical(r, SeverityNone, nil) },
			decision: DecisionDiscuss, rules: []string{rNoCriterion}},
		{name: "previous depression only is discussed", edit: func(r *Referral) {
			clinical(r, SeverityNone, nil, cond("depression", ConditionPrevious))
		}, decision: DecisionDiscuss, rules: []string{rNoCriterion}},

		// ---- Exclusions ----
		{name: "primary organic disorder alone is signposted", edit: func(r *Referral) {
			clinical(r, SeverityModerate, ptr(false), cond("organic_disorder", ConditionCurrent, true))
		}, decision: DecisionSignpost, signpost: []string{SignpostPrimaryCare}, rules: []string{rOrganic}},
		{name: "primary organic disorder with co-morbid depression is screened on the depression", edit: func(r *Referral) {
			clinical(r, SeverityModerate, ptr(false), cond("organic_disorder", ConditionCurrent, true), cond("depression", ConditionCurrent))
		}, decision: DecisionAccept, rules: []string{rOrganic, rModSevere}, reason: "co-morbid mental illness, which she has"},
		{name: "learning disability alone is signposted", edit: func(r *Referral) {
			clinical(r, SeverityModerate, ptr(false), cond("learning_disability", ConditionCurrent))
		}, decision: DecisionSignpost, signpost: []string{SignpostPrimaryCare}, rules: []string{rLD}},
		{name: "learning disability with previous bipolar disorder is accepted", edit: func(r *Referral) {
			clinical(r, SeverityNone, nil, cond("learning_disability", ConditionCurrent, true), cond("bipolar_disorder", ConditionPrevious))
		}, decision: DecisionAccept, rules: []string{rLD, rEvenIfWell}},
		{name: "primary substance misuse alone is signposted", edit: func(r *Referral) {
			clinical(r, SeveritySevere, ptr(false), cond("substance_misuse", ConditionCurrent, true))
		}, decision: DecisionSignpost, signpost: []string{SignpostSubstanceMisuseService}, rules: []string{rSubstance}},
		{name: "substance misuse, no primary marked, with moderate depression is signposted", edit: func(r *Referral) {
			clinical(r, SeverityModerate, ptr(false), cond("substance_misuse", ConditionCurrent), cond("depression", ConditionCurrent))
		}, decision: DecisionSignpost, signpost: []string{SignpostSubstanceMisuseService}, rules: []string{rSubstance}},
		{name: "primary substance misuse with bipolar disorder: joint working", edit: func(r *Referral) {
			clinical(r, SeverityModerate, ptr(false), cond("substance_misuse", ConditionCurrent, true), cond("bipolar_disorder", ConditionCurrent))
		}, decision: DecisionAccept, flags: []string{FlagSubstanceMisuseJointWorking}, rules: []string{rSubstance, rEvenIfWell}},
		{name: "primary substance misuse with severe anxiety not manageable in primary care: joint working", edit: func(r *Referral) {
			clinical(r, SeveritySevere, ptr(false), cond("substance_misuse", ConditionCurrent, true), cond("anxiety", ConditionCurrent))
		}, decision: DecisionAccept, flags: []string{FlagSubstanceMisuseJointWorking}, rules: []string{rSubstance, rModSevere},
			reason: "Severe illness (current anxiety)"},
		{name: "with a substance misuse service and schizophrenia: joint working", edit: func(r *Referral) {
			clinical(r, SeverityNone, nil, cond("schizophrenia", ConditionPrevious))
			r.SubstanceMisuseService = true
		}, decision: DecisionAccept, flags: []string{FlagSubstanceMisuseJointWorking}, rules: []string{rSubstance, rEvenIfWell}},
		{name: "substance misuse that is not the primary problem does not exclude", edit: func(r *Referral) {
			clinical(r, SeverityModerate, ptr(false), cond("substance_misuse", ConditionCurrent), cond("depression", ConditionCurrent, true))
		}, decision: DecisionAccept, rules: []string{rModSevere}},
		{name: "previous substance misuse does not exclude", edit: func(r *Referral) {
			clinical(r, SeverityModerate, ptr(false), cond("substance_misuse", ConditionPrevious, true), cond("depression", ConditionCurrent))
		}, decision: DecisionAccept, rules: []string{rModSevere}},
		{name: "primary eating disorder alone is signposted", edit: func(r *Referral) {
			clinical(r, SeveritySevere, ptr(false), cond("eating_disorder", ConditionCurrent, true))
		}, decision: DecisionSignpost, signpost: []string{SignpostEatingDisorderService}, rules: []string{rEating}},
		{name: "primary eating disorder with moderate depression is signposted", edit: func(r *Referral) {
			clinical(r, SeverityModerate, ptr(false), cond("eating_disorder", ConditionCurrent, true), cond("depression", ConditionCurrent))
		}, decision: DecisionSignpost, signpost: []string{SignpostEatingDisorderService}, rules: []string{rEating}},
		{name: "an exclusion beats a criterion met", edit: func(r *Referral) {
			clinical(r, SeverityModerate, ptr(false), cond("eating_disorder", ConditionCurrent, true))
			r.PreviousPerinatalIllnessTreated = true
		}, decision: DecisionSignpost, signpost: []string{SignpostEatingDisorderService}, rules: []string{rEating, rPrevPeri}},
		{name: "primary eating disorder with psychotic depression: joint working, urgent", edit: func(r *Referral) {
			clinical(r, SeveritySevere, ptr(false), cond("eating_disorder", ConditionCurrent, true), cond("psychotic_depression", ConditionCurrent))
		}, decision: DecisionAccept, urgent: true, flags: []string{FlagEatingDisorderJointWorking},
			rules: []string{rEating, rEvenIfWell, rAcute}},
		{name: "with the eating disorder service and previous schizophrenia: joint working", edit: func(r *Referral) {
			clinical(r, SeverityNone, nil, cond("schizophrenia", ConditionPrevious))
			r.EatingDisorderService = true
		}, decision: DecisionAccept, flags: []string{FlagEatingDisorderJointWorking}, rules: []string{rEating, rEvenIfWell}},
		{name: "on lithium with primary substance misuse: signposted but urgent", edit: func(r *Referral) {
			clinical(r, SeverityNone, nil, cond("substance_misuse", ConditionCurrent, true))
			r.Medications = []Medication{{Name: "Lithium", Class: "mood_stabiliser"}}
		}, decision: DecisionSignpost, urgent: true, signpost: []string{SignpostSubstanceMisuseService},
			flags: []string{FlagMoodStabiliser}, rules: []string{rSubstance, rMoodStab}},
	}

	// Every "refer even if currently well" condition, current or previous,
	// is accepted even when mild and manageable in primary care.
	for _, code := range referEvenIfWellCodes {
		for _, status := range []ConditionStatus{ConditionCurrent, ConditionPrevious} {
			c := screenCase{
				name: "refer even if well: " + string(status) + " " + code,
				edit: func(r *Referral) {
					clinical(r, SeverityMild, ptr(true), cond(code, status))
				},
				decision: DecisionAccept,
				rules:    []string{rEvenIfWell},
				reason:   "to be referred even if she is well now",
			}
			if status == ConditionCurrent && (code == "postpartum_psychosis" || code == "psychotic_depression") {
				c.urgent = true
				c.rules = append(c.rules, rAcute)
			}
			if status == ConditionPrevious && code == "postpartum_psychosis" {
				c.flags = []string{FlagPreviousPP}
			}
			cases = append(cases, c)
		}
	}

	// Every named moderate-to-severe illness is accepted only when primary
	// care cannot manage her, signposted when it can, and discussed when the
	// referrer did not say.
	for _, code := range moderateToSevereCodes {
		cases = append(cases,
			screenCase{name: code + " not manageable in primary care", edit: func(r *Referral) {
				clinical(r, SeverityNone, ptr(false), cond(code, ConditionCurrent))
			}, decision: DecisionAccept, rules: []string{rModSevere}, reason: "Moderate to severe illness (current " + ConditionLabel(code) + ")"},
			screenCase{name: code + " manageable in primary care", edit: func(r *Referral) {
				clinical(r, SeverityNone, ptr(true), cond(code, ConditionCurrent))
			}, decision: DecisionSignpost, signpost: []string{SignpostPrimaryCare, SignpostVitaMinds}, rules: []string{rModSevere}},
			screenCase{name: code + " with primary care not stated", edit: func(r *Referral) {
				clinical(r, SeverityNone, nil, cond(code, ConditionCurrent))
			}, decision: DecisionDiscuss, rules: []string{rModSevere}},
		)
	}
	return cases
}

// referral builds the case's referral and the instant it was received.
func (c screenCase) referral(t *testing.T) (*Referral, time.Time) {
	t.Helper()
	r := baseReferral()
	if c.edit != nil {
		c.edit(r)
	}
	at := c.at
	if at == "" {
		at = received
	}
	asOf, err := time.Parse(time.RFC3339, at)
	if err != nil {
		t.Fatal(err)
	}
	return r, asOf
}

// Hazard: HAZ-013.
func TestScreen(t *testing.T) {
	fired := map[string]bool{}
	for _, c := range screenCases() {
		t.Run(c.name, func(t *testing.T) {
			r, asOf := c.referral(t)
			rec, found := screen(r, asOf, c.opts)
			if plain := Screen(r, asOf, c.opts); !equalRecommendations(plain, rec) {
				t.Fatalf("Screen and screen differ: %+v vs %+v", plain, rec)
			}
			var names []string
			for _, f := range found {
				names = append(names, f.rule)
				fired[f.rule] = true
			}
			if rec.Decision != c.decision {
				t.Errorf("decision = %s, want %s\nreasons: %q", rec.Decision, c.decision, rec.Reasons)
			}
			wantPriority := PriorityRoutine
			if c.urgent {
				wantPriority = PriorityUrgent
			}
			if rec.Priority != wantPriority {
				t.Errorf("priority = %s, want %s", rec.Priority, wantPriority)
			}
			if !sameSet(rec.Flags, c.flags) {
				t.Errorf("flags = %q, want %q", rec.Flags, c.flags)
			}
			if !sameSet(rec.Signpost, c.signpost) {
				t.Errorf("signpost = %q, want %q", rec.Signpost, c.signpost)
			}
			if !sameSet(names, c.rules) {
				t.Errorf("rules fired = %q, want %q", names, c.rules)
			}
			if len(rec.Reasons) != len(found) {
				t.Errorf("%d reasons for %d rules fired", len(rec.Reasons), len(found))
			}
			if c.reason != "" && !slices.ContainsFunc(rec.Reasons, func(s string) bool { return strings.Contains(s, c.reason) }) {
				t.Errorf("no reason contains %q: %q", c.reason, rec.Reasons)
			}
			for _, reason := range rec.Reasons {
				if reason == "" || !strings.HasSuffix(reason, ".") || strings.ToUpper(reason[:1]) != reason[:1] {
					t.Errorf("reason is not a sentence: %q", reason)
				}
			}
			// The reasons behind the decision come first.
			if len(found) > 0 && found[0].weight != informs && found[0].weight.decision() != rec.Decision {
				t.Errorf("first reason %q (%s) does not support the decision %s", found[0].reason, found[0].rule, rec.Decision)
			}
		})
	}

	// Every rule is exercised by at least one case.
	for _, rl := range screeningRules {
		if !fired[rl.name] {
			t.Errorf("no test case fires rule %q", rl.name)
		}
	}
}

func equalRecommendations(a, b Recommendation) bool {
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return string(ja) == string(jb)
}

// sameSet reports whether got holds exactly the strings of want, in any
// order, each as often.
func sameSet(got, want []string) bool {
	return slices.Equal(slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(want)))
}

func TestScreenRuleNamesAreUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, rl := range screeningRules {
		if seen[rl.name] {
			t.Errorf("rule name %q used twice", rl.name)
		}
		seen[rl.name] = true
	}
}

func TestScreenPerinatalSummary(t *testing.T) {
	at, _ := time.Parse(time.RFC3339, received)
	cases := []struct {
		name string
		edit func(r *Referral)
		want string
	}{
		{"pregnant", pregnant, `{"stage":"pregnant","weeks":21}`},
		{"pregnant with no due date", func(r *Referral) { pregnant(r); r.ExpectedDeliveryDate = Date{} }, `{"stage":"pregnant"}`},
		{"after birth", nil, `{"stage":"postnatal","months":4}`},
		{"born this week", func(r *Referral) { r.BabyDateOfBirth = d("2026-11-01") }, `{"stage":"postnatal","months":0}`},
		{"planning", planning, `{"stage":"preconception"}`},
		{"timeframe unclear", func(r *Referral) { r.BabyDateOfBirth = Date{} }, `{"stage":"postnatal"}`},
	}
	for _, c := range cases {
		r := baseReferral()
		if c.edit != nil {
			c.edit(r)
		}
		got, err := json.Marshal(Screen(r, at, ScreeningOptions{}).Perinatal)
		if err != nil || string(got) != c.want {
			t.Errorf("%s: perinatal = %s, %v; want %s", c.name, got, err, c.want)
		}
	}
}

func TestRecommendationJSON(t *testing.T) {
	// A zero recommendation still writes lists, never null.
	b, err := json.Marshal(Recommendation{Decision: DecisionDiscuss, Priority: PriorityRoutine})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"decision":"discuss","priority":"routine","reasons":[],"signpost":[],"flags":[],"perinatal":{"stage":""}}`
	if string(b) != want {
		t.Errorf("zero recommendation JSON = %s\nwant %s", b, want)
	}

	at, _ := time.Parse(time.RFC3339, received)
	r := baseReferral()
	pregnant(r)
	r.Medications = []Medication{{Name: "Lithium", Class: "mood_stabiliser"}}
	rec := Screen(r, at, ScreeningOptions{})
	b, err = json.Marshal(rec)
	if err != nil {
		t.Fatal(err)
	}
	var back map[string]any
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"decision", "priority", "reasons", "signpost", "flags", "perinatal"} {
		if _, ok := back[key]; !ok {
			t.Errorf("recommendation JSON has no %q: %s", key, b)
		}
	}
	if len(back) != 6 {
		t.Errorf("recommendation JSON has extra keys: %s", b)
	}
	if back["decision"] != "accept" || back["priority"] != "urgent" {
		t.Errorf("recommendation JSON = %s", b)
	}
	if sp, ok := back["signpost"].([]any); !ok || len(sp) != 0 {
		t.Errorf("signpost should be an empty list: %s", b)
	}

	// It reads back to the same recommendation.
	var again Recommendation
	if err := json.Unmarshal(b, &again); err != nil || !equalRecommendations(again, rec) {
		t.Errorf("round trip: %+v, %v", again, err)
	}
}

func TestScreenNilReferral(t *testing.T) {
	rec := Screen(nil, time.Now(), ScreeningOptions{})
	if rec.Decision != DecisionDiscuss || len(rec.Reasons) != 1 || rec.Flags == nil || rec.Signpost == nil {
		t.Errorf("Screen(nil) = %+v", rec)
	}
}

func TestScreenDoesNotChangeTheReferral(t *testing.T) {
	at, _ := time.Parse(time.RFC3339, received)
	r := baseReferral()
	r.Medications = []Medication{{Name: "Lithium", Class: "mood_stabiliser"}}
	before, _ := json.Marshal(r)
	Screen(r, at, ScreeningOptions{})
	after, _ := json.Marshal(r)
	if string(before) != string(after) {
		t.Error("Screen changed the referral")
	}
}

func TestLabels(t *testing.T) {
	for _, dec := range Decisions {
		if dec.Label() == string(dec) {
			t.Errorf("decision %q has no label", dec)
		}
	}
	signposts := []string{SignpostVitaMinds, SignpostSubstanceMisuseService, SignpostEatingDisorderService, SignpostPrimaryCare, SignpostDutyWorker, SignpostLocalPerinatalService}
	for _, s := range signposts {
		if SignpostLabel(s) == s {
			t.Errorf("signpost %q has no label", s)
		}
	}
	flags := []string{FlagMoodStabiliser, FlagAntipsychotic, FlagCMHTJointWorking, FlagSubstanceMisuseJointWorking, FlagEatingDisorderJointWorking, FlagInpatient, FlagMBU, FlagFamilyHistoryPP, FlagPreviousPP, FlagCheckResidence, FlagTimeframe9To12Months, FlagOutsideTimeframe, FlagTestNHSNumber}
	for _, f := range flags {
		if FlagLabel(f) == f {
			t.Errorf("flag %q has no label", f)
		}
	}
	for _, c := range ConditionCodes {
		if ConditionLabel(c) == "" || strings.Contains(ConditionLabel(c), "_") {
			t.Errorf("condition %q label %q", c, ConditionLabel(c))
		}
	}
}
