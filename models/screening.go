package models

import (
	"encoding/json"
	"slices"
	"strings"
	"time"
)

// Decision is the outcome screening recommends. The clinician makes the
// final decision.
type Decision string

// The screening decisions, as written in the recommendation JSON.
const (
	DecisionAccept   Decision = "accept"
	DecisionDiscuss  Decision = "discuss"
	DecisionSignpost Decision = "signpost"
	DecisionDecline  Decision = "decline"
)

// Decisions lists every decision.
var Decisions = []Decision{DecisionAccept, DecisionDiscuss, DecisionSignpost, DecisionDecline}

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

// Where screening can signpost a woman instead, as written in the
// recommendation JSON.
const (
	SignpostVitaMinds              = "vitaminds"
	SignpostSubstanceMisuseService = "substance_misuse_service"
	SignpostEatingDisorderService  = "eating_disorder_service"
	SignpostPrimaryCare            = "primary_care"
	SignpostDutyWorker             = "duty_worker"
	SignpostLocalPerinatalService  = "local_perinatal_service"
)

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

// The flags screening can raise, as written in the recommendation JSON.
const (
	FlagMoodStabiliser              = "mood_stabiliser"
	FlagAntipsychotic               = "antipsychotic"
	FlagCMHTJointWorking            = "cmht_joint_working"
	FlagSubstanceMisuseJointWorking = "substance_misuse_joint_working"
	FlagEatingDisorderJointWorking  = "eating_disorder_joint_working"
	FlagInpatient                   = "inpatient"
	FlagMBU                         = "mbu"
	FlagFamilyHistoryPP             = "family_history_pp"
	FlagPreviousPP                  = "previous_pp"
	FlagCheckResidence              = "check_residence"
	FlagTimeframe9To12Months        = "timeframe_9_12_months"
	FlagOutsideTimeframe            = "outside_timeframe"
	FlagTestNHSNumber               = "test_nhs_number"
)

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
// lower case so it can sit inside a sentence.
func ConditionLabel(code string) string {
	switch code {
	case "schizophrenia":
		return "schizophrenia"
	case "schizoaffective_disorder":
		return "schizoaffective disorder"
	case "bipolar_disorder":
		return "bipolar affective disorder"
	case "postpartum_psychosis":
		return "postpartum psychosis"
	case "severe_depression":
		return "severe depression"
	case "psychotic_depression":
		return "psychotic depression"
	case "other_psychotic_illness":
		return "other psychotic illness"
	case "depression":
		return "depression"
	case "anxiety":
		return "anxiety"
	case "severe_anxiety":
		return "severe anxiety"
	case "ptsd":
		return "post-traumatic stress disorder"
	case "ocd":
		return "obsessive compulsive disorder"
	case "personality_disorder":
		return "personality disorder"
	case "eating_disorder":
		return "eating disorder"
	case "substance_misuse":
		return "drug or alcohol misuse"
	case "organic_disorder":
		return "organic disorder"
	case "learning_disability":
		return "learning disability"
	case "other":
		return "other mental illness"
	}
	return strings.ReplaceAll(code, "_", " ")
}

// ScreeningOptions carries the editable settings screening depends on. An
// empty list means the default (DefaultAreaPrefixes,
// DefaultPartlyInAreaDistricts).
type ScreeningOptions struct {
	AreaPrefixes          []string
	PartlyInAreaDistricts []string
}

// PerinatalSummary is where the woman was in the perinatal period when the
// referral was received. Weeks is given when she is pregnant with a known due
// date; Months (the baby's age in whole months) after birth.
type PerinatalSummary struct {
	Stage  Stage `json:"stage"`
	Weeks  *int  `json:"weeks,omitempty"`
	Months *int  `json:"months,omitempty"`
}

// Recommendation is the result of screening a referral: the decision, its
// priority, and every rule that fired, in words a referrer understands.
// Reasons come in order of weight: those behind the decision first.
// Signpost names where to go instead; it is filled only when the decision is
// signpost or decline. Flags mark facts the team must act on whatever the
// decision.
type Recommendation struct {
	Decision  Decision         `json:"decision"`
	Priority  Priority         `json:"priority"`
	Reasons   []string         `json:"reasons"`
	Signpost  []string         `json:"signpost"`
	Flags     []string         `json:"flags"`
	Perinatal PerinatalSummary `json:"perinatal"`
}

// MarshalJSON writes the recommendation with empty lists as [] rather than
// null, as the exchange format requires.
func (rec Recommendation) MarshalJSON() ([]byte, error) {
	type plain Recommendation
	p := plain(rec)
	for _, s := range []*[]string{&p.Reasons, &p.Signpost, &p.Flags} {
		if *s == nil {
			*s = []string{}
		}
	}
	return json.Marshal(p)
}

// HasFlag reports whether the recommendation carries flag.
func (rec Recommendation) HasFlag(flag string) bool { return slices.Contains(rec.Flags, flag) }

// HasSignpost reports whether the recommendation signposts to code.
func (rec Recommendation) HasSignpost(code string) bool { return slices.Contains(rec.Signpost, code) }

// weight orders what a fired rule says about the decision. A rule of a
// heavier weight overrides every lighter one: a reason to decline beats an
// exclusion or a signpost, which beats a reason to discuss, which beats a
// reason to accept. A rule of weight informs only adds its reason and flags.
type weight int

const (
	informs weight = iota
	accepts
	discusses
	signposts
	declines
)

func (w weight) decision() Decision {
	switch w {
	case declines:
		return DecisionDecline
	case signposts:
		return DecisionSignpost
	case accepts:
		return DecisionAccept
	}
	return DecisionDiscuss
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

// rule is one screening rule, written once. Clinical rules answer whether the
// illness is for this service (a criterion met, an exclusion, a severity
// signpost); fallback rules run only when no clinical rule before them has
// settled that question.
type rule struct {
	name     string
	check    func(*screening) *finding
	clinical bool
	fallback bool
}

// screeningRules are applied in this order; the order also sets the order of
// reasons of equal weight.
var screeningRules = []rule{
	// Who may be referred.
	{name: "self-referral", check: ruleSelfReferral},
	{name: "consent", check: ruleConsent},
	{name: "registered with a GP", check: ruleGPRegistration},
	{name: "lives in the area", check: ruleResidence},
	// When.
	{name: "perinatal timeframe", check: ruleTimeframe},
	// Exclusions.
	{name: "primary organic disorder", check: ruleOrganicDisorder, clinical: true},
	{name: "learning disability", check: ruleLearningDisability, clinical: true},
	{name: "substance misuse", check: ruleSubstanceMisuse, clinical: true},
	{name: "eating disorder", check: ruleEatingDisorder, clinical: true},
	// Criteria met.
	{name: "refer even if currently well", check: ruleReferEvenIfWell, clinical: true},
	{name: "family history of postpartum psychosis", check: ruleFamilyHistoryPP, clinical: true},
	{name: "pre-pregnancy advice for high-risk women", check: rulePrePregnancyHighRisk, clinical: true},
	{name: "pregnant with a history of bipolar disorder or postpartum psychosis", check: rulePregnantWithHistory, clinical: true},
	{name: "previous perinatal illness", check: rulePreviousPerinatalIllness, clinical: true},
	{name: "severe impact on functioning", check: ruleSevereImpact, clinical: true},
	{name: "medication advice", check: ruleMedicationAdvice, clinical: true},
	{name: "mood stabiliser", check: ruleMoodStabiliser, clinical: true},
	{name: "psychiatric inpatient", check: ruleInpatient, clinical: true},
	{name: "mother and baby unit", check: ruleMBU, clinical: true},
	// Facts to act on.
	{name: "acute psychosis", check: ruleAcutePsychosis},
	{name: "antipsychotic", check: ruleAntipsychotic},
	{name: "open to a CMHT", check: ruleCMHT},
	{name: "test NHS number", check: ruleTestNHSNumber},
	// Severity, when no criterion or exclusion has settled it.
	{name: "mild illness", check: ruleMildIllness, clinical: true, fallback: true},
	{name: "moderate to severe illness", check: ruleModerateToSevere, clinical: true, fallback: true},
	{name: "no criterion met", check: ruleNoCriterion, clinical: true, fallback: true},
}

// screening holds a referral and what has been worked out about it.
type screening struct {
	r     *Referral
	tf    Timeframe
	tfErr error
	area  AreaStatus
	// anyPrimary is true when the referrer marked a condition as primary.
	anyPrimary bool
}

// Screen applies the service's referral criteria to r and recommends a
// decision. It is pure: the same referral, date and options give the same
// recommendation. asOf is when the referral was received; its date in the UK
// is the reference date for the perinatal timeframe.
//
// How the rules combine:
//   - Every rule that fires adds its reason; the reasons behind the decision
//     come first.
//   - The heaviest rule decides: decline (self-referral, no consent, not
//     registered with a GP, not living in the area) beats signpost (an
//     exclusion, or an illness that is mild or can be managed in primary
//     care), which beats discuss (9 to 12 months or more than 12 months
//     after birth, an unclear timeframe, a postcode that contradicts the
//     referrer, or an unclear case), which beats accept.
//   - Severity decides only when no criterion or exclusion has: a woman who
//     should be referred even if well is accepted whatever the severity and
//     whether or not primary care could manage her.
//   - Priority is urgent when she is on a mood stabiliser (the service
//     prioritises these women for urgent medication advice), has current
//     postpartum psychosis or psychotic depression (psychiatric emergencies),
//     or is a psychiatric inpatient (she must be seen during the admission).
//     Priority stands whatever the decision, so that even a referral that
//     cannot be accepted is dealt with quickly when she is unwell.
//   - Flags are collected from every rule that fired. Signposts come only
//     from the rules behind the decision.
//
// Decisions on points the service description leaves open:
//   - Residence: the referrer's answer decides, and the postcode is a hint.
//     A partly-in-area district only flags check_residence. A postcode that
//     contradicts the referrer (she lives in the area but the postcode is
//     outside it, or the reverse with an LE postcode) flags check_residence
//     and is discussed rather than accepted or declined on a possible typing
//     error.
//   - Exclusions apply to a current condition that is the primary problem:
//     marked primary, or nothing on the referral is marked primary. A
//     primary organic disorder or learning disability is lifted by any
//     co-morbid mental illness (current, or one referred even if well), and
//     the referral is then screened on that illness. For primary substance
//     misuse or eating disorder the guidance offers joint working only with
//     a severe mental illness (one referred even if well, or a current
//     illness rated severe); without one she is signposted even if she has
//     a milder co-morbid illness.
//   - Criteria 1 to 6 and the "refer even if well" list accept regardless
//     of severity and of primary care. Being on a mood stabiliser is a
//     criterion in itself (prioritise, urgent advice), at any stage. An
//     antipsychotic only flags, unless criterion 1 or 6 applies.
//   - Other illness is accepted when rated moderate or severe (or named as
//     PTSD, severe anxiety, OCD or personality disorder with no rating) and
//     the referrer says primary care cannot manage her; signposted to
//     primary care and VitaMinds when it can; discussed when the referrer
//     did not say. Mild illness goes to VitaMinds.
//   - A psychiatric inpatient in pregnancy or after birth is accepted and
//     urgent; one planning a pregnancy is flagged only. A woman in a mother
//     and baby unit is accepted, routine, to be seen on discharge.
//   - Anything the rules cannot settle is discussed.
func Screen(r *Referral, asOf time.Time, opts ScreeningOptions) Recommendation {
	rec, _ := screen(r, asOf, opts)
	return rec
}

// screen is Screen, also returning what each rule that fired found.
func screen(r *Referral, asOf time.Time, opts ScreeningOptions) (Recommendation, []finding) {
	if r == nil {
		return Recommendation{
			Decision: DecisionDiscuss, Priority: PriorityRoutine,
			Reasons: []string{"There is no referral to screen."}, Signpost: []string{}, Flags: []string{},
		}, nil
	}
	prefixes, partly := opts.AreaPrefixes, opts.PartlyInAreaDistricts
	if len(prefixes) == 0 {
		prefixes = DefaultAreaPrefixes
	}
	if len(partly) == 0 {
		partly = DefaultPartlyInAreaDistricts
	}
	s := &screening{r: r, area: PostcodeArea(r.Patient.Postcode, prefixes, partly)}
	s.tf, s.tfErr = r.Timeframe(LondonDate(asOf))
	for _, c := range r.Conditions {
		s.anyPrimary = s.anyPrimary || c.Primary
	}
	found := s.apply()
	return recommend(found, s), found
}

// apply runs the rules in order and returns what each one that fired found.
func (s *screening) apply() []finding {
	var found []finding
	// settled is true once a clinical rule has said something about the
	// decision; a clinical rule that only informs (an exclusion lifted by a
	// co-morbid illness, say) leaves the question open for the fallbacks.
	settled := false
	for _, rl := range screeningRules {
		if rl.fallback && settled {
			continue
		}
		if f := rl.check(s); f != nil {
			f.rule = rl.name
			found = append(found, *f)
			settled = settled || (rl.clinical && f.weight != informs)
		}
	}
	return found
}

// recommend combines the findings into a recommendation, sorting them
// heaviest first; findings of equal weight keep the rules' order.
func recommend(found []finding, s *screening) Recommendation {
	slices.SortStableFunc(found, func(a, b finding) int { return int(b.weight) - int(a.weight) })
	rec := Recommendation{
		Decision: DecisionDiscuss, Priority: PriorityRoutine,
		Reasons: []string{}, Signpost: []string{}, Flags: []string{},
		Perinatal: s.perinatalSummary(),
	}
	if len(found) > 0 && found[0].weight != informs {
		rec.Decision = found[0].weight.decision()
	}
	for _, f := range found {
		rec.Reasons = append(rec.Reasons, f.reason)
		for _, fl := range f.flags {
			if !slices.Contains(rec.Flags, fl) {
				rec.Flags = append(rec.Flags, fl)
			}
		}
		if f.weight == found[0].weight {
			for _, sp := range f.signposts {
				if !slices.Contains(rec.Signpost, sp) {
					rec.Signpost = append(rec.Signpost, sp)
				}
			}
		}
		if f.urgent {
			rec.Priority = PriorityUrgent
		}
	}
	return rec
}

func (s *screening) perinatalSummary() PerinatalSummary {
	p := PerinatalSummary{Stage: s.r.Stage}
	if s.tfErr != nil {
		return p
	}
	switch {
	case s.tf.Stage == StagePregnant && s.tf.HasWeeks:
		w := s.tf.WeeksPregnant
		p.Weeks = &w
	case s.tf.Stage == StagePostnatal:
		m := s.tf.BabyMonths
		p.Months = &m
	}
	return p
}

// ---- Facts about the referral that several rules share ----

// Conditions that the service says should be referred even if she is
// currently well, whether current or previous.
var referEvenIfWellCodes = []string{
	"schizophrenia", "schizoaffective_disorder", "postpartum_psychosis", "severe_depression",
	"psychotic_depression", "other_psychotic_illness", "bipolar_disorder",
}

// Conditions that are not in themselves a mental illness for the exclusion
// rules: a primary diagnosis of one of these is considered only with a
// co-morbid mental illness.
var notMentalIllnessCodes = []string{"organic_disorder", "substance_misuse", "learning_disability"}

// Conditions the service names as moderate to severe mental illness.
var moderateToSevereCodes = []string{"ptsd", "severe_anxiety", "ocd", "personality_disorder"}

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
	for _, c := range s.r.Conditions {
		if c.Code == code || slices.Contains(notMentalIllnessCodes, c.Code) {
			continue
		}
		if c.Status == ConditionCurrent || slices.Contains(referEvenIfWellCodes, c.Code) {
			return true
		}
	}
	return false
}

// comorbidSevereMentalIllness reports whether, besides the condition code,
// she has a severe mental illness: one of those referred even if well
// (psychotic illness, bipolar disorder, severe depression), or a current
// illness the referrer rates as severe.
func (s *screening) comorbidSevereMentalIllness(code string) bool {
	for _, c := range s.r.Conditions {
		if c.Code == code || slices.Contains(notMentalIllnessCodes, c.Code) {
			continue
		}
		if slices.Contains(referEvenIfWellCodes, c.Code) || (c.Status == ConditionCurrent && s.r.Severity == SeveritySevere) {
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

// ---- Who may be referred ----

func ruleSelfReferral(s *screening) *finding {
	if ProfessionalRole(s.r.Referrer.Role) != ProfSelf {
		return nil
	}
	return &finding{weight: declines, signposts: []string{SignpostPrimaryCare},
		reason: "Self-referral: the service cannot accept self-referrals. Her GP, midwife, health visitor or another health professional can refer her."}
}

func ruleConsent(s *screening) *finding {
	if s.r.ConsentObtained {
		return nil
	}
	return &finding{weight: declines, signposts: []string{SignpostDutyWorker},
		reason: "Consent to the referral was not obtained: the service cannot work with a woman who has not consented. If there is significant concern about her, call the duty worker for advice."}
}

func ruleGPRegistration(s *screening) *finding {
	if s.r.RegisteredWithGP {
		return nil
	}
	return &finding{weight: declines, signposts: []string{SignpostPrimaryCare},
		reason: "Not registered with a GP: the service sees women registered with a GP in Leicester, Leicestershire or Rutland. Help her register with a GP practice, then refer again."}
}

// ruleResidence weighs where the referrer says she lives against her
// postcode, which is only a hint. The referrer's answer decides unless the
// postcode contradicts it, in which case the team checks and discusses
// rather than accepting or declining on a possible mistake.
func ruleResidence(s *screening) *finding {
	switch {
	case !s.r.LivesInArea && s.area == AreaInside:
		return &finding{weight: discusses, flags: []string{FlagCheckResidence},
			reason: "The referrer says she does not live in Leicester, Leicestershire or Rutland, but her postcode is in the area: check where she lives."}
	case !s.r.LivesInArea:
		return &finding{weight: declines, signposts: []string{SignpostLocalPerinatalService},
			reason: "Does not live in Leicester, Leicestershire or Rutland: the service covers only this area. Refer her to the perinatal mental health service where she lives."}
	case s.area == AreaOutside:
		return &finding{weight: discusses, flags: []string{FlagCheckResidence},
			reason: "The referrer says she lives in Leicester, Leicestershire or Rutland, but her postcode is outside the area: check where she lives and which GP she is registered with."}
	case s.area == AreaCheckResidence && PostcodeDistrict(s.r.Patient.Postcode) == "":
		return &finding{weight: informs, flags: []string{FlagCheckResidence},
			reason: "Her postcode is missing or could not be read: check that she lives in Leicester, Leicestershire or Rutland."}
	case s.area == AreaCheckResidence:
		return &finding{weight: informs, flags: []string{FlagCheckResidence},
			reason: "Her postcode district is only partly in Leicester, Leicestershire or Rutland: check that she lives in the area."}
	}
	return nil
}

// ---- When ----

// ruleTimeframe applies the perinatal timeframe at the date the referral was
// received: planning a pregnancy, pregnant, or up to 9 months after birth is
// in scope; from 9 months on the team decides case by case.
func ruleTimeframe(s *screening) *finding {
	if s.tfErr != nil {
		return &finding{weight: discusses,
			reason: "Where she is in the perinatal period is unclear (" + s.tfErr.Error() + "): the team will discuss the referral."}
	}
	switch s.tf.Band {
	case Band9To12Months:
		return &finding{weight: discusses, flags: []string{FlagTimeframe9To12Months},
			reason: s.tf.Text() + ", between 9 and 12 months: the team decides on referrals at this stage case by case."}
	case BandBeyond12Months:
		return &finding{weight: discusses, flags: []string{FlagOutsideTimeframe},
			reason: s.tf.Text() + ", beyond the perinatal period of 12 months: the team discusses these referrals individually."}
	}
	return nil
}

// ---- Exclusions ----

// ruleOrganicDisorder: a primary organic disorder is considered only with a
// co-morbid mental illness.
func ruleOrganicDisorder(s *screening) *finding {
	return exclusionUnlessComorbid(s, "organic_disorder", "A primary organic disorder")
}

// ruleLearningDisability: a primary learning disability is considered only
// with a co-morbid mental illness.
func ruleLearningDisability(s *screening) *finding {
	return exclusionUnlessComorbid(s, "learning_disability", "A learning disability as the primary problem")
}

func exclusionUnlessComorbid(s *screening, code, what string) *finding {
	if !s.currentPrimary(code) {
		return nil
	}
	if s.comorbidMentalIllness(code) {
		return &finding{weight: informs,
			reason: what + " is considered only with a co-morbid mental illness, which she has: the referral is screened on that illness."}
	}
	return &finding{weight: signposts, signposts: []string{SignpostPrimaryCare},
		reason: what + " with no co-morbid mental illness is outside the service's criteria: her GP can arrange the right support."}
}

// ruleSubstanceMisuse: where substance misuse is the primary problem she is
// referred to local drug and alcohol services; the service works jointly with
// them when she also has a severe mental illness. (The guidance offers joint
// working only for severe illness, so a co-morbid illness that is not severe
// does not lift the signpost; the clinician can override.)
func ruleSubstanceMisuse(s *screening) *finding {
	return jointWorkingOrSignpost(s, "substance_misuse", s.r.SubstanceMisuseService,
		FlagSubstanceMisuseJointWorking, SignpostSubstanceMisuseService,
		"Drug or alcohol misuse with a severe mental illness: the service can work jointly with substance misuse services.",
		"Drug or alcohol misuse is the primary problem and there is no severe mental illness: refer her to the local drug and alcohol service.")
}

// ruleEatingDisorder: where an eating disorder is the primary diagnosis she
// is referred to the eating disorder service; the service works jointly with
// it when she also has a severe mental illness.
func ruleEatingDisorder(s *screening) *finding {
	return jointWorkingOrSignpost(s, "eating_disorder", s.r.EatingDisorderService,
		FlagEatingDisorderJointWorking, SignpostEatingDisorderService,
		"Eating disorder with a severe mental illness: the service can work jointly with the eating disorder service.",
		"An eating disorder is the primary diagnosis and there is no severe mental illness: refer her to the eating disorder service.")
}

func jointWorkingOrSignpost(s *screening, code string, withService bool, flag, signpost, jointReason, signpostReason string) *finding {
	current := len(s.conditions(ConditionCurrent, code)) > 0
	switch {
	case (current || withService) && s.comorbidSevereMentalIllness(code):
		return &finding{weight: informs, flags: []string{flag}, reason: jointReason}
	case s.currentPrimary(code):
		return &finding{weight: signposts, signposts: []string{signpost}, reason: signpostReason}
	}
	return nil
}

// ---- Criteria met ----

// ruleReferEvenIfWell: current or previous schizophrenia, schizoaffective
// disorder, postpartum psychosis, severe or psychotic depression, other
// psychotic illness or bipolar disorder is always referred, whatever the
// severity now and whether or not primary care could manage her.
func ruleReferEvenIfWell(s *screening) *finding {
	cs := s.conditions("", referEvenIfWellCodes...)
	if len(cs) == 0 {
		return nil
	}
	f := &finding{weight: accepts,
		reason: capitalise(describe(cs)) + ": the service asks for every woman with this, current or previous, to be referred even if she is well now."}
	if len(s.conditions(ConditionPrevious, "postpartum_psychosis")) > 0 {
		f.flags = []string{FlagPreviousPP}
	}
	return f
}

// ruleFamilyHistoryPP: a family history of postpartum psychosis is referred
// even if she is well.
func ruleFamilyHistoryPP(s *screening) *finding {
	if !s.r.HasFamilyHistory("postpartum_psychosis") {
		return nil
	}
	return &finding{weight: accepts, flags: []string{FlagFamilyHistoryPP},
		reason: "Family history of postpartum psychosis: the service asks for every woman with this to be referred even if she is well now."}
}

// rulePrePregnancyHighRisk: criterion 1, pre-pregnancy advice and assessment
// for women on a mood stabiliser or antipsychotic, or with a history of
// bipolar disorder, schizophrenia or postpartum psychosis.
func rulePrePregnancyHighRisk(s *screening) *finding {
	if s.r.Stage != StagePreconception {
		return nil
	}
	var why []string
	if meds := s.medicationNames("mood_stabiliser", "antipsychotic"); len(meds) > 0 {
		why = append(why, "while taking "+joinAnd(meds))
	}
	if cs := s.conditions("", "bipolar_disorder", "schizophrenia", "schizoaffective_disorder", "postpartum_psychosis"); len(cs) > 0 {
		why = append(why, "with a history of "+joinAnd(labels(cs)))
	}
	if len(why) == 0 {
		return nil
	}
	return &finding{weight: accepts,
		reason: "Planning a pregnancy " + strings.Join(why, " and ") + ": the service gives pre-pregnancy advice to women at high risk."}
}

// rulePregnantWithHistory: criterion 2, pregnant with a personal or family
// history of bipolar affective disorder or postpartum psychosis.
func rulePregnantWithHistory(s *screening) *finding {
	if s.r.Stage != StagePregnant {
		return nil
	}
	var why []string
	if cs := s.conditions("", "bipolar_disorder", "postpartum_psychosis"); len(cs) > 0 {
		why = append(why, "a personal history of "+joinAnd(labels(cs)))
	}
	var family []string
	for _, code := range []string{"bipolar_disorder", "postpartum_psychosis"} {
		if s.r.HasFamilyHistory(code) {
			family = append(family, ConditionLabel(code))
		}
	}
	if len(family) > 0 {
		why = append(why, "a family history of "+joinAnd(family))
	}
	if len(why) == 0 {
		return nil
	}
	return &finding{weight: accepts,
		reason: "Pregnant, with " + strings.Join(why, " and ") + ": she is at high risk of becoming ill after the birth."}
}

// rulePreviousPerinatalIllness: criterion 4, previous perinatal mental
// illness treated by psychiatric services.
func rulePreviousPerinatalIllness(s *screening) *finding {
	if !s.r.PreviousPerinatalIllnessTreated {
		return nil
	}
	return &finding{weight: accepts,
		reason: "Previous perinatal mental illness treated by psychiatric services: she is at high risk of it coming back."}
}

// ruleSevereImpact: criterion 5, a serious illness that severely affects
// daily functioning and care of the baby.
func ruleSevereImpact(s *screening) *finding {
	if !s.r.SevereImpactOnFunctioning {
		return nil
	}
	return &finding{weight: accepts,
		reason: "Her illness severely affects her daily functioning or her care of the baby."}
}

// ruleMedicationAdvice: criterion 6, medication advice for a woman who is
// pregnant or breastfeeding and prescribed psychotropic medication.
func ruleMedicationAdvice(s *screening) *finding {
	meds := s.medicationNames(psychotropicClasses...)
	if !s.r.MedicationAdviceRequested || len(meds) == 0 {
		return nil
	}
	var state []string
	if s.r.Stage == StagePregnant {
		state = append(state, "pregnant")
	}
	if s.r.Breastfeeding {
		state = append(state, "breastfeeding")
	}
	if len(state) == 0 {
		return nil
	}
	return &finding{weight: accepts,
		reason: capitalise(strings.Join(state, " and ")) + " and prescribed " + joinAnd(meds) + ", with medication advice asked for: the service gives this advice."}
}

// ruleMoodStabiliser: a woman on a mood stabiliser is prioritised and given
// urgent advice about her medication.
func ruleMoodStabiliser(s *screening) *finding {
	meds := s.medicationNames("mood_stabiliser")
	if len(meds) == 0 {
		return nil
	}
	return &finding{weight: accepts, urgent: true, flags: []string{FlagMoodStabiliser},
		reason: "Prescribed a mood stabiliser (" + joinAnd(meds) + "): prioritise and give urgent medication advice."}
}

// ruleInpatient: a psychiatric inpatient in pregnancy or after birth is seen
// during the admission, so the referral is urgent.
func ruleInpatient(s *screening) *finding {
	if !s.r.PsychiatricInpatient {
		return nil
	}
	f := &finding{flags: []string{FlagInpatient}}
	if s.r.Stage == StagePreconception {
		f.weight = informs
		f.reason = "Psychiatric inpatient while planning a pregnancy: the team visits inpatients who are pregnant or have had a baby."
		return f
	}
	f.weight, f.urgent = accepts, true
	f.reason = "Psychiatric inpatient: the team sees her during the admission, makes sure she has antenatal care if she is pregnant, and follows her up on discharge."
	return f
}

// ruleMBU: a woman in a mother and baby unit is seen on discharge.
func ruleMBU(s *screening) *finding {
	if !s.r.MBUAdmission {
		return nil
	}
	when := "on discharge"
	if !s.r.MBUExpectedDischarge.IsZero() {
		when = "on discharge (expected " + s.r.MBUExpectedDischarge.Long() + ")"
	}
	return &finding{weight: accepts, flags: []string{FlagMBU},
		reason: "In a mother and baby unit: the team sees her " + when + "."}
}

// ---- Facts to act on ----

// ruleAcutePsychosis: current postpartum psychosis or psychotic depression
// is a psychiatric emergency, so the referral is urgent. Other psychotic
// illnesses marked current may be long-standing and stable, so they are
// not made urgent on the diagnosis alone.
func ruleAcutePsychosis(s *screening) *finding {
	cs := s.conditions(ConditionCurrent, "postpartum_psychosis", "psychotic_depression")
	if len(cs) == 0 {
		return nil
	}
	return &finding{weight: informs, urgent: true,
		reason: capitalise(describe(cs)) + ": this needs an urgent response."}
}

func ruleAntipsychotic(s *screening) *finding {
	meds := s.medicationNames("antipsychotic")
	if len(meds) == 0 {
		return nil
	}
	return &finding{weight: informs, flags: []string{FlagAntipsychotic},
		reason: "Prescribed an antipsychotic (" + joinAnd(meds) + "): review her medication for pregnancy and breastfeeding."}
}

func ruleCMHT(s *screening) *finding {
	if !s.r.CMHTOpen {
		return nil
	}
	return &finding{weight: informs, flags: []string{FlagCMHTJointWorking},
		reason: "Open to a community mental health team: the service can work jointly with the CMHT."}
}

func ruleTestNHSNumber(s *screening) *finding {
	if s.r.Patient.NHSNumber == nil || !IsTestNHSNumber(*s.r.Patient.NHSNumber) {
		return nil
	}
	return &finding{weight: informs, flags: []string{FlagTestNHSNumber},
		reason: "The NHS number is in the 999 test range, which is never issued to a real person."}
}

// ---- Severity, when nothing else has settled it ----

// ruleMildIllness: mild illness is for VitaMinds, not this service.
func ruleMildIllness(s *screening) *finding {
	if s.r.Severity != SeverityMild {
		return nil
	}
	return &finding{weight: signposts, signposts: []string{SignpostVitaMinds},
		reason: "Mild illness: VitaMinds, the NHS Talking Therapies service for Leicester, Leicestershire and Rutland, can help, and she can refer herself."}
}

// ruleModerateToSevere: other moderate to severe illness (rated so by the
// referrer, or PTSD, severe anxiety, OCD or personality disorder) is
// accepted only when she cannot be managed effectively in primary care. If
// the referrer did not say, the team discusses it.
func ruleModerateToSevere(s *screening) *finding {
	named := s.conditions(ConditionCurrent, moderateToSevereCodes...)
	var what string
	switch {
	case s.r.Severity == SeverityModerate:
		what = "Moderate illness"
	case s.r.Severity == SeveritySevere:
		what = "Severe illness"
	case s.r.Severity == SeverityNone && len(named) > 0:
		what = "Moderate to severe illness"
	default:
		return nil
	}
	var current []Condition
	for _, c := range s.r.Conditions {
		if c.Status == ConditionCurrent && !slices.Contains(notMentalIllnessCodes, c.Code) {
			current = append(current, c)
		}
	}
	if len(current) > 0 {
		what += " (" + describe(current) + ")"
	}
	m := s.r.ManageableInPrimaryCare
	switch {
	case m == nil:
		return &finding{weight: discusses,
			reason: what + ", and the referrer did not say whether she can be managed in primary care: the team will discuss it."}
	case *m:
		return &finding{weight: signposts, signposts: []string{SignpostPrimaryCare, SignpostVitaMinds},
			reason: what + " that the referrer says can be managed in primary care: the service works only with women who cannot be. VitaMinds can help with mild to moderate illness."}
	}
	return &finding{weight: accepts,
		reason: what + " that cannot be managed effectively in primary care."}
}

// ruleNoCriterion: when nothing on the referral meets a criterion, the team
// discusses it rather than turning her away on missing information.
func ruleNoCriterion(*screening) *finding {
	return &finding{weight: discusses,
		reason: "From what the referral says, none of the service's criteria clearly applies: the team will discuss it."}
}
