package models

import "strings"

// This file holds the clinical screening rules: the exclusions, the
// criteria met, the facts the team must act on, and severity when nothing
// else has settled the decision. screeningRules (screening_rules.go) lists
// them with the criterion each implements.

// ---- Exclusions ----

// ruleOrganicDisorder (Exclusions): a primary organic disorder is
// considered only with a co-morbid mental illness. Without one she is
// signposted to primary care; with one the rule only informs, and the
// referral is screened on that illness.
func ruleOrganicDisorder(s *screening) *finding {
	return exclusionUnlessComorbid(s, codeOrganicDisorder, "A primary organic disorder")
}

// ruleLearningDisability (Exclusions): a primary learning disability is
// considered only with a co-morbid mental illness, as ruleOrganicDisorder.
func ruleLearningDisability(s *screening) *finding {
	return exclusionUnlessComorbid(s, codeLearningDisability, "A learning disability as the primary problem")
}

// exclusionUnlessComorbid signposts a current primary condition code to
// primary care unless she has a co-morbid mental illness; what names the
// condition at the start of the reason.
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

// ruleSubstanceMisuse (Exclusions): where substance misuse is the primary
// problem she is signposted to local drug and alcohol services; the service
// works jointly with them when she also has a severe mental illness, and
// then the rule only informs and flags the joint working. (The guidance
// offers joint working only for severe illness, so a co-morbid illness
// that is not severe does not lift the signpost; the clinician can
// override.)
func ruleSubstanceMisuse(s *screening) *finding {
	return jointWorkingOrSignpost(s, codeSubstanceMisuse, s.r.SubstanceMisuseService,
		FlagSubstanceMisuseJointWorking, SignpostSubstanceMisuseService,
		"Drug or alcohol misuse with a severe mental illness: the service can work jointly with substance misuse services.",
		"Drug or alcohol misuse is the primary problem and there is no severe mental illness: refer her to the local drug and alcohol service.")
}

// ruleEatingDisorder (Exclusions): where an eating disorder is the primary
// diagnosis she is signposted to the eating disorder service; the service
// works jointly with it when she also has a severe mental illness, as
// ruleSubstanceMisuse.
func ruleEatingDisorder(s *screening) *finding {
	return jointWorkingOrSignpost(s, codeEatingDisorder, s.r.EatingDisorderService,
		FlagEatingDisorderJointWorking, SignpostEatingDisorderService,
		"Eating disorder with a severe mental illness: the service can work jointly with the eating disorder service.",
		"An eating disorder is the primary diagnosis and there is no severe mental illness: refer her to the eating disorder service.")
}

// jointWorkingOrSignpost flags joint working with the service that holds
// condition code when she has it now (or that service already sees her)
// and also has a severe mental illness; otherwise, when code is her
// current primary problem, it signposts her to that service.
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

// ruleReferEvenIfWell (Refer even if currently well): current or previous
// schizophrenia, schizoaffective disorder, postpartum psychosis, severe or
// psychotic depression, other psychotic illness or bipolar disorder (the
// conditions marked referEvenIfWell) is accepted, whatever the severity now
// and whether or not primary care could manage her. Previous postpartum
// psychosis is flagged.
func ruleReferEvenIfWell(s *screening) *finding {
	cs := s.conditionsWith("", referEvenIfWell)
	if len(cs) == 0 {
		return nil
	}
	f := &finding{weight: accepts,
		reason: capitalise(describe(cs)) + ": the service asks for every woman with this, current or previous, to be referred even if she is well now."}
	if len(s.conditions(ConditionPrevious, codePostpartumPsychosis)) > 0 {
		f.flags = []string{FlagPreviousPP}
	}
	return f
}

// ruleFamilyHistoryPP (Refer even if currently well): a family history of
// postpartum psychosis is accepted and flagged, at any stage.
func ruleFamilyHistoryPP(s *screening) *finding {
	if !s.r.HasFamilyHistory(codePostpartumPsychosis) {
		return nil
	}
	return &finding{weight: accepts, flags: []string{FlagFamilyHistoryPP},
		reason: "Family history of postpartum psychosis: the service asks for every woman with this to be referred even if she is well now."}
}

// rulePrePregnancyHighRisk (in scope 1): pre-pregnancy advice and
// assessment for women on a mood stabiliser or antipsychotic, or with a
// history of bipolar disorder, schizophrenia or postpartum psychosis (the
// conditions marked highRiskBeforePregnancy). Accepts.
func rulePrePregnancyHighRisk(s *screening) *finding {
	if s.r.Stage != StagePreconception {
		return nil
	}
	var why []string
	if meds := s.medicationNames("mood_stabiliser", "antipsychotic"); len(meds) > 0 {
		why = append(why, "while taking "+joinAnd(meds))
	}
	if cs := s.conditionsWith("", highRiskBeforePregnancy); len(cs) > 0 {
		why = append(why, "with a history of "+joinAnd(labels(cs)))
	}
	if len(why) == 0 {
		return nil
	}
	return &finding{weight: accepts,
		reason: "Planning a pregnancy " + strings.Join(why, " and ") + ": the service gives pre-pregnancy advice to women at high risk."}
}

// rulePregnantWithHistory (in scope 2): pregnant, with a personal or family
// history of bipolar affective disorder or postpartum psychosis (the
// conditions marked highRiskInPregnancy). Accepts.
func rulePregnantWithHistory(s *screening) *finding {
	if s.r.Stage != StagePregnant {
		return nil
	}
	var why []string
	if cs := s.conditionsWith("", highRiskInPregnancy); len(cs) > 0 {
		why = append(why, "a personal history of "+joinAnd(labels(cs)))
	}
	var family []string
	for _, code := range conditionCodesWith(highRiskInPregnancy) {
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

// rulePreviousPerinatalIllness (in scope 4): previous perinatal mental
// illness treated by psychiatric services. Accepts.
func rulePreviousPerinatalIllness(s *screening) *finding {
	if !s.r.PreviousPerinatalIllnessTreated {
		return nil
	}
	return &finding{weight: accepts,
		reason: "Previous perinatal mental illness treated by psychiatric services: she is at high risk of it coming back."}
}

// ruleSevereImpact (in scope 5): a serious illness that severely affects
// daily functioning and care of the baby. Accepts.
func ruleSevereImpact(s *screening) *finding {
	if !s.r.SevereImpactOnFunctioning {
		return nil
	}
	return &finding{weight: accepts,
		reason: "Her illness severely affects her daily functioning or her care of the baby."}
}

// ruleMedicationAdvice (in scope 6): medication advice, when asked for, for
// a woman who is pregnant or breastfeeding and prescribed psychotropic
// medication. Accepts.
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

// ruleMoodStabiliser (Priority): a woman on a mood stabiliser is accepted,
// at any stage, and made urgent so she is prioritised and given urgent
// advice about her medication.
func ruleMoodStabiliser(s *screening) *finding {
	meds := s.medicationNames("mood_stabiliser")
	if len(meds) == 0 {
		return nil
	}
	return &finding{weight: accepts, urgent: true, flags: []string{FlagMoodStabiliser},
		reason: "Prescribed a mood stabiliser (" + joinAnd(meds) + "): prioritise and give urgent medication advice."}
}

// ruleInpatient (Inpatients): a psychiatric inpatient in pregnancy or after
// birth is seen during the admission, so the referral is accepted and
// urgent. One who is planning a pregnancy is outside that criterion: she is
// only flagged, and the rule informs.
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

// ruleMBU (Mother and baby unit): a woman in a mother and baby unit is
// accepted, routine, and flagged, to be seen on discharge.
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

// ruleAcutePsychosis (decided here): current postpartum psychosis or
// psychotic depression (the conditions marked emergencyWhenCurrent) is a
// psychiatric emergency, so the referral is urgent whatever the decision;
// the rule only informs. Other psychotic illnesses marked current may be
// long-standing and stable, so they are not made urgent on the diagnosis
// alone.
func ruleAcutePsychosis(s *screening) *finding {
	cs := s.conditionsWith(ConditionCurrent, emergencyWhenCurrent)
	if len(cs) == 0 {
		return nil
	}
	return &finding{weight: informs, urgent: true,
		reason: capitalise(describe(cs)) + ": this needs an urgent response."}
}

// ruleAntipsychotic (decided here): an antipsychotic is flagged for a
// review of her medication; the rule only informs. It leads to acceptance
// only through in-scope criteria 1 and 6.
func ruleAntipsychotic(s *screening) *finding {
	meds := s.medicationNames("antipsychotic")
	if len(meds) == 0 {
		return nil
	}
	return &finding{weight: informs, flags: []string{FlagAntipsychotic},
		reason: "Prescribed an antipsychotic (" + joinAnd(meds) + "): review her medication for pregnancy and breastfeeding."}
}

// ruleCMHT (Joint working): a woman open to a community mental health team
// is flagged for joint working; the rule only informs.
func ruleCMHT(s *screening) *finding {
	if !s.r.CMHTOpen {
		return nil
	}
	return &finding{weight: informs, flags: []string{FlagCMHTJointWorking},
		reason: "Open to a community mental health team: the service can work jointly with the CMHT."}
}

// ruleTestNHSNumber (national conventions): an NHS number in the 999 test
// range is flagged; the rule only informs.
func ruleTestNHSNumber(s *screening) *finding {
	if s.r.Patient.NHSNumber == nil || !IsTestNHSNumber(*s.r.Patient.NHSNumber) {
		return nil
	}
	return &finding{weight: informs, flags: []string{FlagTestNHSNumber},
		reason: "The NHS number is in the 999 test range, which is never issued to a real person."}
}

// ---- Severity, when nothing else has settled it ----

// ruleMildIllness (Signpost to VitaMinds): mild illness is signposted to
// VitaMinds, not taken on by this service. It runs only when no criterion
// or exclusion has settled the decision.
func ruleMildIllness(s *screening) *finding {
	if s.r.Severity != SeverityMild {
		return nil
	}
	return &finding{weight: signposts, signposts: []string{SignpostVitaMinds},
		reason: "Mild illness: VitaMinds, the NHS Talking Therapies service for Leicester, Leicestershire and Rutland, can help, and she can refer herself."}
}

// ruleModerateToSevere (in scope 3, with Also accepted): a moderate to
// severe illness, rated so by the referrer or named by the service (PTSD,
// severe anxiety, OCD or personality disorder: the conditions marked
// namedModerateToSevere), is accepted only when she cannot be managed
// effectively in primary care, and signposted to primary care and
// VitaMinds when she can. If the referrer did not say, the team discusses
// it. It runs only when no criterion or exclusion has settled the
// decision.
func ruleModerateToSevere(s *screening) *finding {
	named := s.conditionsWith(ConditionCurrent, namedModerateToSevere)
	var what string
	if s.r.Severity == SeverityModerate {
		what = "Moderate illness"
	} else if s.r.Severity == SeveritySevere {
		what = "Severe illness"
	} else if s.r.Severity == SeverityNone && len(named) > 0 {
		what = "Moderate to severe illness"
	} else {
		return nil
	}
	var current []Condition
	for _, c := range s.r.Conditions {
		if c.Status == ConditionCurrent && !conditionIs(c.Code, notAMentalIllness) {
			current = append(current, c)
		}
	}
	if len(current) > 0 {
		what += " (" + describe(current) + ")"
	}
	m := s.r.ManageableInPrimaryCare
	if m == nil {
		return &finding{weight: discusses,
			reason: what + ", and the referrer did not say whether she can be managed in primary care: the team will discuss it."}
	}
	if *m {
		return &finding{weight: signposts, signposts: []string{SignpostPrimaryCare, SignpostVitaMinds},
			reason: what + " that the referrer says can be managed in primary care: the service works only with women who cannot be. VitaMinds can help with mild to moderate illness."}
	}
	return &finding{weight: accepts,
		reason: what + " that cannot be managed effectively in primary care."}
}

// ruleNoCriterion (decided here): when nothing on the referral meets a
// criterion or an exclusion, the team discusses it rather than turning her
// away on missing information.
func ruleNoCriterion(*screening) *finding {
	return &finding{weight: discusses,
		reason: "From what the referral says, none of the service's criteria clearly applies: the team will discuss it."}
}
