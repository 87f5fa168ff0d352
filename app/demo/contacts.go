package demo

import (
	"errors"
	"math/rand/v2"
	"slices"
	"time"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

// contactNotes gives a woman still on the caseload her record of care:
// the notes of her held appointments, written and signed by whoever held
// them on the day, and telephone calls and visits between them every
// two to four weeks. Most notes are signed the day they are written; the
// last week's are often not signed yet, and a few signed ones have a
// dated addendum. The appointments keepInTouch books next are left
// without a note, as a key worker's most recent contact often is.
//
// It draws from its own random source, seeded by the demo's seed and the
// referral, so the rest of the demo comes out as it did without it.
func (g *generator) contactNotes(svc *app.Services, clock *app.ManualClock, r *models.Referral, worker models.StaffMember, assessAt time.Time) error {
	rng := rand.New(rand.NewPCG(g.seed, uint64(r.ID)))
	appointments, err := svc.Appointments.ForReferral(g.actor, r.ID)
	if err != nil {
		return err
	}
	for i := range appointments {
		a := &appointments[i]
		if !a.Attendance.Held() {
			continue
		}
		c, err := svc.Contacts.ForAppointment(g.actor, a.ID)
		if errors.Is(err, app.ErrNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		author := g.member(c.AuthorID)
		if author == nil {
			continue
		}
		clock.Set(minTime(c.At.Add(3*time.Hour), g.now))
		e := app.EntryOf(c)
		e.Note, e.Present = demoNote(rng, a.Kind == models.KindInitialAssessment), demoParties(rng)
		e.Sign = true
		if _, err := svc.Contacts.Update(author, c.ID, c.Version, e); err != nil {
			return err
		}
	}
	return g.calls(svc, clock, rng, r, worker, assessAt)
}

// calls adds the contacts that were not booked, from a fortnight after
// her assessment to now.
func (g *generator) calls(svc *app.Services, clock *app.ManualClock, rng *rand.Rand, r *models.Referral, worker models.StaffMember, assessAt time.Time) error {
	modes := []models.Mode{models.ModeTelephone, models.ModeTelephone, models.ModeTelephone, models.ModeHomeVisit, models.ModeVideo}
	for at := assessAt.Add(time.Duration(10+rng.IntN(10)) * 24 * time.Hour); at.Before(g.now); at = at.Add(time.Duration(14+rng.IntN(15)) * 24 * time.Hour) {
		at = contactSlot(rng, at)
		if !at.Before(g.now) {
			break
		}
		e := app.ContactEntry{At: at, Mode: modes[rng.IntN(len(modes))], Attendance: models.AttendOnTime, Present: demoParties(rng)}
		e.DurationMinutes = 15 + 5*rng.IntN(4)
		if e.Mode != models.ModeTelephone {
			e.DurationMinutes = 45 + 15*rng.IntN(3)
		}
		e.Note = demoNote(rng, false)
		if rng.IntN(8) == 0 { // no answer
			e.Attendance, e.Present, e.Note = models.AttendDNA, nil, "Rang twice, no answer. Left a message asking her to ring back (demo)."
		}
		recent := g.now.Sub(at) < 7*24*time.Hour
		e.Sign = !recent || rng.IntN(3) == 0
		clock.Set(minTime(at.Add(time.Duration(e.DurationMinutes+30)*time.Minute), g.now))
		c, err := svc.Contacts.Record(&worker, r.ID, e)
		if err != nil {
			return err
		}
		if e.Sign && rng.IntN(10) == 0 {
			clock.Set(minTime(at.Add(26*time.Hour), g.now))
			if _, err := svc.Contacts.AddAddendum(&worker, c.ID, demoAddenda[rng.IntN(len(demoAddenda))]); err != nil {
				return err
			}
		}
	}
	return nil
}

// member returns the demo team member with staff ID id, or nil.
func (g *generator) member(id uint) *models.StaffMember {
	for _, list := range [][]models.StaffMember{g.workers, g.clinician} {
		if i := slices.IndexFunc(list, func(m models.StaffMember) bool { return m.ID == id }); i >= 0 {
			return &list[i]
		}
	}
	return nil
}

// contactSlot moves t to a weekday, in working hours.
func contactSlot(rng *rand.Rand, t time.Time) time.Time {
	lt := t.In(models.London)
	for lt.Weekday() == time.Saturday || lt.Weekday() == time.Sunday {
		lt = lt.AddDate(0, 0, 1)
	}
	return time.Date(lt.Year(), lt.Month(), lt.Day(), 9+rng.IntN(8), 15*rng.IntN(4), 0, 0, models.London).UTC()
}

// demoParties is who was there: her, often the baby, sometimes others.
func demoParties(rng *rand.Rand) []models.ContactParty {
	out := []models.ContactParty{models.PartyWoman}
	for _, p := range []struct {
		party models.ContactParty
		in    int // one in
	}{{models.PartyBaby, 2}, {models.PartyPartner, 4}, {models.PartyInterpreter, 12}, {models.PartyProfessionals, 8}} {
		if rng.IntN(p.in) == 0 {
			out = append(out, p.party)
		}
	}
	return out
}

// demoNote writes a synthetic note of three parts: how she is, what was
// done, and the plan.
func demoNote(rng *rand.Rand, assessment bool) string {
	open := demoOpenings
	if assessment {
		open = demoAssessments
	}
	return open[rng.IntN(len(open))] + " " + demoMiddles[rng.IntN(len(demoMiddles))] + "\nPlan: " + demoPlans[rng.IntN(len(demoPlans))] + " (demo)"
}

// The phrases demo notes are made of: synthetic, naming nobody.
var (
	demoAssessments = []string{
		"Initial assessment. Low mood for 6 weeks, worse in the evenings; no thoughts of harming herself or the baby.",
		"Initial assessment. Intrusive thoughts about the baby coming to harm, which she finds distressing and resists.",
		"Initial assessment. History of bipolar disorder, stable on medication; worried about relapse after the birth.",
		"Initial assessment. Panic attacks since the birth, avoiding going out alone with the baby.",
	}
	demoOpenings = []string{
		"Mood brighter this week; sleeping 5 to 6 hours with the baby waking twice.",
		"Mood low, tearful at times; says she is coping but tired.",
		"Anxiety less intense; managed a trip to the baby group.",
		"Reports irritability and poor sleep; bonding with the baby described as good.",
		"Feeling more settled since her partner returned from work away.",
		"Some intrusive thoughts returned this week, less distressing than before.",
	}
	demoMiddles = []string{
		"Reviewed her sleep plan and the night feeds her partner is doing.",
		"Talked through grounding techniques for the panic; she practised one.",
		"Discussed medication: taking it daily, no side effects reported.",
		"Health visitor had seen her on Tuesday; no concerns raised.",
		"Reviewed her safety plan and the crisis numbers; she knows how to use them.",
		"Baby feeding well and gaining weight, per the red book.",
	}
	demoPlans = []string{
		"visit again in two weeks.",
		"telephone review next week, then visit.",
		"liaise with the GP about the dose; call her on Friday.",
		"continue the sleep plan; review at the next visit.",
		"refer to the parent-infant group; visit in three weeks.",
	}
	demoAddenda = []string{
		"Addendum: the GP has since confirmed the dose (demo).",
		"Addendum: her partner rang to say she slept better that night (demo).",
		"Correction: the visit was 45 minutes, not an hour (demo).",
	}
)
