package demo

import (
	"math/rand/v2"
	"time"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

// measures gives a woman on the caseload her outcome measures, as her key
// worker would have recorded them: the routine ones (EPDS, CORE-10, goals)
// at assessment and every three months until today or her discharge, and
// PHQ-9 and GAD-7 for some. About two in three improve; the rest stay
// level or get worse. A few have a positive risk item on their latest
// EPDS, which makes its same-day task through the service; those more
// than two days old are then marked done, as the team would have.
//
// It draws from a random source of its own, seeded by the run's seed and
// the referral, so the rest of the demo is the same with or without it.
func (g *generator) measures(svc *app.Services, clock *app.ManualClock, r *models.Referral, worker *models.StaffMember, assessAt time.Time, closing bool) error {
	rng := rand.New(rand.NewPCG(g.seed, uint64(r.ID)*0x9e3779b97f4a7c15))
	until := g.now
	if closing { // she is discharged 120 days after her assessment
		until = minTime(assessAt.Add(120*24*time.Hour), g.now)
	}
	codes := []string{"EPDS", "CORE-10", "GBO"}
	if rng.IntN(3) == 0 {
		codes = append(codes, "PHQ-9", "GAD-7")
	}
	if until.Sub(assessAt) > 400*24*time.Hour {
		codes = codes[:1] // a long-closed history keeps only her first EPDS
	}
	improving := rng.IntN(3) != 0
	risk := rng.IntN(12) == 0
	var taken []models.Date
	for at := assessAt; !at.After(until); at = at.AddDate(0, 3, 0) {
		taken = append(taken, models.LondonDate(at))
	}
	for _, code := range codes {
		d := models.MeasureByCode(code)
		level := 0.45 + 0.4*rng.Float64() // of the maximum, at the start
		goals := []string{"Sleep for longer stretches", "Go out with the baby each day", "Feel close to the baby"}[:1+rng.IntN(3)]
		for k, on := range taken {
			share := level - float64(k)*0.12
			if !improving {
				share = level + float64(k)*0.04*float64(rng.IntN(3)-1)
			}
			if d.GoalBased {
				share = 1 - share // goal ratings rise as she gets better
			}
			positive := risk && code == "EPDS" && k == len(taken)-1
			answers := demoAnswers(rng, d, share, len(goals), positive)
			clock.Set(minTime(models.StartOfLondonDay(on).Add(14*time.Hour), g.now))
			e := app.MeasureEntry{ReferralID: r.ID, Measure: code, TakenOn: on, Answers: answers}
			if d.GoalBased {
				e.Goals = goals
			}
			if _, err := svc.Measures.Record(worker, e); err != nil {
				return err
			}
			if positive && g.now.Sub(clock.Now()) > 48*time.Hour {
				if err := g.closeRiskTasks(svc, r.ID); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// demoAnswers returns answers to d scoring about share of its maximum
// (goals: each rated about share of 10), with the risk item scoring 0
// unless positive.
func demoAnswers(rng *rand.Rand, d *models.MeasureDef, share float64, goals int, positive bool) []int {
	share = min(max(share, 0), 1)
	n := len(d.Items)
	if d.GoalBased {
		n = goals
	}
	scores := make([]int, n)
	target := int(share*float64(d.MaxTotal()) + 0.5)
	if d.GoalBased {
		for i := range scores {
			scores[i] = min(10, max(0, target+rng.IntN(3)-1))
		}
	} else {
		for total, tries := 0, 0; total < target && tries < 500; tries++ {
			i := rng.IntN(n)
			if (d.Risk != nil && i == d.Risk.Item) || scores[i] >= maxScore(d, i) {
				continue
			}
			scores[i]++
			total++
		}
	}
	if positive && d.Risk != nil {
		scores[d.Risk.Item] = 1
	}
	answers := make([]int, n)
	for i, s := range scores {
		for pos, v := range d.Items[i].Scores {
			if v == s {
				answers[i] = pos
			}
		}
	}
	return answers
}

// maxScore returns the highest score item i of d can take.
func maxScore(d *models.MeasureDef, i int) int {
	m := 0
	for _, s := range d.Items[i].Scores {
		m = max(m, s)
	}
	return m
}

// closeRiskTasks marks a woman's open risk-item tasks done.
func (g *generator) closeRiskTasks(svc *app.Services, referralID uint) error {
	tasks, err := svc.Tasks.ForReferral(g.actor, referralID)
	if err != nil {
		return err
	}
	for _, t := range tasks {
		if t.Open() && t.Kind == models.TaskRiskItem {
			if err := svc.Tasks.Complete(g.actor, t.ID, t.Version, "Seen the same day; her safety plan was reviewed with her (demo)."); err != nil {
				return err
			}
		}
	}
	return nil
}
