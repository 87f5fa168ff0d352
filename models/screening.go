package models

import (
	"encoding/json"
	"slices"
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
	// Unanswered lists, in words, what the referral has not answered yet
	// that screening needs (see Incomplete). It is empty for a saved
	// referral.
	Unanswered []string `json:"unanswered,omitempty"`
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
// The rules, the criterion each implements and the outcomes each can give
// are listed in screeningRules (screening_rules.go); what each condition of
// the referral form counts as is in conditionTable
// (screening_conditions.go).
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
//   - In-scope criteria 1, 2, 4, 5 and 6 and the "refer even if well" list
//     accept regardless of severity and of primary care. Being on a mood
//     stabiliser is a criterion in itself (prioritise, urgent advice), at
//     any stage. An antipsychotic only flags, unless criterion 1 or 6
//     applies.
//   - In-scope criterion 3 (a moderate to severe illness in pregnancy or
//     after birth) is read with "Also accepted" and the service's rule that
//     it works only with women primary care cannot manage, as one rule:
//     other illness is accepted when rated moderate or severe (or named as
//     PTSD, severe anxiety, OCD or personality disorder with no rating) and
//     the referrer says primary care cannot manage her; signposted to
//     primary care and VitaMinds when it can; discussed when the referrer
//     did not say. "Also accepted" names no stage, so the rule applies to a
//     woman planning a pregnancy too. Mild illness goes to VitaMinds.
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
		Perinatal: s.perinatalSummary(), Unanswered: unansweredLabels(s.r),
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
	if s.tf.Stage == StagePregnant && s.tf.HasWeeks {
		w := s.tf.WeeksPregnant
		p.Weeks = &w
	} else if s.tf.Stage == StagePostnatal {
		m := s.tf.BabyMonths
		p.Months = &m
	}
	return p
}
