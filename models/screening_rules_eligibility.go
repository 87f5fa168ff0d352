package models

// This file holds the screening rules on who may be referred and when:
// the referral pathway, consent, where she lives and the perinatal
// timeframe. screeningRules (screening_rules.go) lists them with the
// criterion each implements.

// ---- Who may be referred ----

// ruleSelfReferral: only a health professional may refer, so a
// self-referral is declined and she is pointed to her GP or another
// professional who can refer her.
func ruleSelfReferral(s *screening) *finding {
	if ProfessionalRole(s.r.Referrer.Role) != ProfSelf {
		return nil
	}
	return &finding{weight: declines, signposts: []string{SignpostPrimaryCare},
		reason: "Self-referral: the service cannot accept self-referrals. Her GP, midwife, health visitor or another health professional can refer her."}
}

// ruleConsent: consent must be obtained before the referral; without it the
// service cannot work with her, so the referral is declined and the referrer
// pointed to the duty worker for advice.
func ruleConsent(s *screening) *finding {
	if !s.r.Answered(QuestionConsent) {
		return unanswered(QuestionConsent)
	}
	if s.r.ConsentObtained {
		return nil
	}
	return &finding{weight: declines, signposts: []string{SignpostDutyWorker},
		reason: "Consent to the referral was not obtained: the service cannot work with a woman who has not consented. If there is significant concern about her, call the duty worker for advice."}
}

// ruleGPRegistration: she must be registered with a GP, so a referral of a
// woman who is not is declined.
func ruleGPRegistration(s *screening) *finding {
	if !s.r.Answered(QuestionGP) {
		return unanswered(QuestionGP)
	}
	if s.r.RegisteredWithGP {
		return nil
	}
	return &finding{weight: declines, signposts: []string{SignpostPrimaryCare},
		reason: "Not registered with a GP: the service sees women registered with a GP in Leicester, Leicestershire or Rutland. Help her register with a GP practice, then refer again."}
}

// ruleResidence (Where she lives): she must live in Leicester,
// Leicestershire or Rutland. It weighs where the referrer says she lives
// against her postcode, which is only a hint. The referrer's answer decides
// (declining her when she lives elsewhere) unless the postcode contradicts
// it, in which case the team checks and discusses rather than accepting or
// declining on a possible mistake. A postcode that is missing or only
// partly in the area is flagged, and the rule only informs.
func ruleResidence(s *screening) *finding {
	if !s.r.Answered(QuestionResidence) {
		return unanswered(QuestionResidence)
	}
	if !s.r.LivesInArea && s.area == AreaInside {
		return &finding{weight: discusses, flags: []string{FlagCheckResidence},
			reason: "The referrer says she does not live in Leicester, Leicestershire or Rutland, but her postcode is in the area: check where she lives."}
	}
	if !s.r.LivesInArea {
		return &finding{weight: declines, signposts: []string{SignpostLocalPerinatalService},
			reason: "Does not live in Leicester, Leicestershire or Rutland: the service covers only this area. Refer her to the perinatal mental health service where she lives."}
	}
	if s.area == AreaOutside {
		return &finding{weight: discusses, flags: []string{FlagCheckResidence},
			reason: "The referrer says she lives in Leicester, Leicestershire or Rutland, but her postcode is outside the area: check where she lives and which GP she is registered with."}
	}
	if s.area == AreaCheckResidence && PostcodeDistrict(s.r.Patient.Postcode) == "" {
		return &finding{weight: informs, flags: []string{FlagCheckResidence},
			reason: "Her postcode is missing or could not be read: check that she lives in Leicester, Leicestershire or Rutland."}
	}
	if s.area == AreaCheckResidence {
		return &finding{weight: informs, flags: []string{FlagCheckResidence},
			reason: "Her postcode district is only partly in Leicester, Leicestershire or Rutland: check that she lives in the area."}
	}
	return nil
}

// ---- When ----

// ruleTimeframe (Perinatal timeframe) applies the perinatal timeframe at
// the date the referral was received: planning a pregnancy, pregnant, or up
// to 9 months after birth is in scope and the rule stays silent; from 9
// months on, or when the stage is unclear, the team discusses the referral,
// and 9 to 12 months and beyond 12 months are flagged.
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
