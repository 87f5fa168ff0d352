package demo

import (
	"fmt"
	"math/rand/v2"
	"time"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

// The words of the demo's risk summaries, safeguarding notes and care
// plans: synthetic, and naming nobody. A care plan is written to her, so
// its words say "you".
var (
	demoRiskSummaries = []string{
		"Low mood and poor sleep. No thoughts of harming herself or the baby. Good support from her partner and mother.",
		"Passive thoughts that the family would be better off without her; no plans or intent. Safety plan agreed and shared with her partner.",
		"History of postpartum psychosis after her first baby. Currently well on lithium; relapse signature known to the family.",
		"Intrusive thoughts of harm coming to the baby, which distress her; no intent. Protective factors: engaged, insightful, supported.",
		"Self-harm by cutting in the past year, none since booking. Lives alone; midwife and health visitor aware.",
	}
	demoSafeguardingNotes = map[models.SafeguardingKind]string{
		models.SafeguardChildProtection: "Plan led by children's social care; core group meets monthly.",
		models.SafeguardChildInNeed:     "Family support worker allocated by children's social care.",
		models.SafeguardDomesticAbuse:   "Disclosed to her midwife. Independent domestic violence adviser involved. Speak to her alone.",
		models.SafeguardMARAC:           "Heard at MARAC; actions shared with the team by the safeguarding lead.",
	}
	demoGoals = []string{
		"- Sleep at least five hours a night\n- Feel able to go to the baby group\n- Enjoy time with the baby",
		"- Stay well through the pregnancy and after the birth\n- Agree a birth plan with the obstetric team",
		"- Reduce the panic attacks to one a week or fewer\n- Go out with the pram on her own",
		"- Take medication as prescribed\n- Return to work part time when the baby is a year old",
	}
	demoCrisisPlans = []string{
		"Call the duty worker in office hours, or the Central Access Point at any time. Your partner will call 999 if you are not safe.",
		"Your mother will stay with you and call the crisis team. Go to the emergency department if you have thoughts of acting on harm.",
	}
	demoRelapseSigns = []string{
		"Not sleeping for two nights running; talking quickly; spending money you do not have.",
		"Withdrawing from your family; not eating; feeling the baby would be better off without you.",
		"Checking the baby many times an hour; unable to leave the house.",
	}
	demoContingencies = []string{
		"If your key worker is away, the duty worker will make the planned calls.",
		"If you cannot get to appointments, the team will visit you at home.",
	}
)

// riskAndCarePlans gives the women on the caseload a risk summary (some
// reviews overdue, some falling due this week), safeguarding flags to a
// few (some since ended), and a care plan to most (some changed since,
// keeping the first version), each written by her key worker on dates
// after she was allocated. Each woman's choices come from her own random
// source, so this adds nothing to the main sequence and a resumed run
// makes the same records; a woman who already has a risk summary is left
// as she is.
func (g *generator) riskAndCarePlans(s *app.Services) error {
	workers := map[uint]*models.StaffMember{}
	for i := range g.workers {
		workers[g.workers[i].ID] = &g.workers[i]
	}
	err := s.Batch(func(tx *app.Services) error {
		rows, err := tx.Caseload.Caseload(g.actor, app.CaseloadFilter{})
		if err != nil {
			return err
		}
		for _, row := range rows {
			author := workers[row.KeyWorkerID]
			if author == nil {
				author = g.actor
			}
			if err := g.womanRiskAndPlan(tx, row, author); err != nil {
				return fmt.Errorf("referral %d: %w", row.ReferralID, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("cannot make the demo's risk summaries and care plans: %w", err)
	}
	return nil
}

// womanRiskAndPlan writes one woman's risk summary, flags and care plan.
func (g *generator) womanRiskAndPlan(tx *app.Services, row app.CaseloadRow, author *models.StaffMember) error {
	if have, err := tx.Risk.Summary(g.actor, row.ReferralID); err != nil || have != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(g.seed, uint64(row.ReferralID)))
	pick := func(list []string) string { return list[rng.IntN(len(list))] }
	since := max(0, int(g.now.Sub(row.AllocatedAt)/(24*time.Hour))) // days on the caseload
	at := func(daysAgo int) *app.Services {
		return tx.WithClock(app.NewManualClock(g.now.Add(-time.Duration(min(daysAgo, since)) * 24 * time.Hour)))
	}
	day := func(svc *app.Services) models.Date { return svc.Today() }

	// The risk summary: reviewed up to six weeks ago, next due four weeks on.
	ago := rng.IntN(43)
	svc := at(ago)
	levels := []models.RiskLevel{models.RiskLow, models.RiskLow, models.RiskMedium, models.RiskMedium, models.RiskHigh, models.RiskNotRated}
	sum := models.RiskSummary{Summary: pick(demoRiskSummaries), Level: levels[rng.IntN(len(levels))], ReviewedOn: day(svc), ReviewDue: day(svc).AddDays(28)}
	if _, err := svc.Risk.SaveSummary(author, row.ReferralID, 0, sum); err != nil {
		return err
	}

	// Safeguarding flags for about one woman in five (unless another of
	// her referrals has them already); a third since ended.
	flags, err := tx.Risk.Flags(g.actor, row.ReferralID)
	if err != nil {
		return err
	}
	if rng.IntN(5) == 0 && len(flags) == 0 {
		kind := models.SafeguardingKinds[rng.IntN(len(models.SafeguardingKinds))]
		raisedAgo := 10 + rng.IntN(60)
		f, err := at(raisedAgo).Risk.RaiseFlag(author, row.ReferralID, kind, day(at(raisedAgo)), demoSafeguardingNotes[kind])
		if err != nil {
			return err
		}
		if kind == models.SafeguardDomesticAbuse && rng.IntN(2) == 0 {
			if _, err := at(raisedAgo).Risk.RaiseFlag(author, row.ReferralID, models.SafeguardMARAC, day(at(raisedAgo)), demoSafeguardingNotes[models.SafeguardMARAC]); err != nil {
				return err
			}
		}
		if rng.IntN(3) == 0 && f.RaisedOn.Before(day(tx)) {
			if err := tx.Risk.EndFlag(author, f.ID, f.Version, day(tx)); err != nil {
				return err
			}
		}
	}

	// A care plan for about three women in four; half changed since.
	if rng.IntN(4) == 0 {
		return nil
	}
	first := at(45 + rng.IntN(30))
	plan := models.CarePlan{Goals: pick(demoGoals), CrisisPlan: pick(demoCrisisPlans), RelapseSigns: pick(demoRelapseSigns),
		Contingency: pick(demoContingencies), ReviewDate: day(first).AddMonths(3)}
	v1, err := first.CarePlans.Save(author, row.ReferralID, 0, plan)
	if err != nil || rng.IntN(2) == 0 {
		return err
	}
	second := at(5 + rng.IntN(30))
	plan.Goals, plan.ReviewDate = pick(demoGoals), day(second).AddMonths(3)
	_, err = second.CarePlans.Save(author, row.ReferralID, v1.Number, plan)
	return err
}
