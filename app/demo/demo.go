// Package demo fills a database with realistic, deterministic synthetic
// data for trying the program, training and measuring it. It works only
// through the exported services of package app, so every demo record is
// validated, permission-checked and audited like any other change.
package demo

import (
	crand "crypto/rand"
	"fmt"
	"math/rand/v2"
	"time"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

// Options control the demo generator.
type Options struct {
	Referrals int
	Seed      uint64
	// Progress, if set, is told how many referrals are done.
	Progress func(done, total int)
}

// Account is a demo sign-in the generator created.
type Account struct {
	Username, Password, Role string
}

// Result says what the generator made.
type Result struct {
	// Accounts are the accounts made in this run, each with its password,
	// random for this run and shown only here.
	Accounts  []Account
	Referrals int
	// Resumed counts the referrals an interrupted earlier run had made,
	// which this run kept and carried on from.
	Resumed int
}

// batchSize is how many referrals are written per transaction.
const batchSize = 250

// Generate fills the database behind s with realistic, deterministic
// synthetic data: the same seed and clock give the same records.
// Everything is written through the ordinary services as the system user,
// so it is validated and audited like any other change, and every record
// is marked as demo data.
func Generate(s *app.Services, opts Options) (*Result, error) {
	if opts.Referrals < 0 {
		return nil, fmt.Errorf("--referrals must be 0 or more")
	}
	state, err := s.DemoProgress() // refuses a database with real referrals
	if err != nil {
		return nil, err
	}
	if state.Referrals > opts.Referrals {
		return nil, fmt.Errorf("the database already holds %d demo referrals, more than the %d asked for; use a new --db file", state.Referrals, opts.Referrals)
	}
	system, err := s.Staff.SystemUser()
	if err != nil {
		return nil, err
	}
	src := rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15)
	g := &generator{src: src, rng: rand.New(src), seed: opts.Seed, now: s.Clock().Now(), actor: system, n: opts.Referrals}
	res := &Result{}
	if err := s.Batch(func(tx *app.Services) error {
		accounts, err := g.staff(tx)
		res.Accounts = accounts
		return err
	}); err != nil {
		return nil, fmt.Errorf("cannot create the demo team: %w", err)
	}
	if err := g.resume(state); err != nil {
		return nil, err
	}
	res.Resumed = state.Referrals
	for start := state.Referrals; start < opts.Referrals; start += batchSize {
		end := min(start+batchSize, opts.Referrals)
		err := s.Batch(func(tx *app.Services) error {
			for i := start; i < end; i++ {
				if err := g.referral(tx, i); err != nil {
					return fmt.Errorf("demo referral %d: %w", i+1, err)
				}
			}
			return g.checkpoint(tx, end)
		})
		if err != nil {
			return nil, err
		}
		res.Referrals = end
		if opts.Progress != nil {
			opts.Progress(end, opts.Referrals)
		}
	}
	// Women whose perinatal period is ending get their "plan discharge"
	// tasks, as the Dashboard would make them today.
	if err := s.Batch(func(tx *app.Services) error {
		_, err := tx.Tasks.PlanDischargeTasks(system, models.LondonDate(g.now))
		return err
	}); err != nil {
		return nil, fmt.Errorf("cannot make the demo's discharge-planning tasks: %w", err)
	}
	if err := g.riskAndCarePlans(s); err != nil {
		return nil, err
	}
	return res, nil
}

// generator holds the state of one demo run: the random source, the time
// it runs at, and what it has made so far that later records refer to.
type generator struct {
	src       *rand.PCG // rng's source, whose state a checkpoint keeps
	rng       *rand.Rand
	seed      uint64
	now       time.Time
	actor     *models.StaffMember
	n         int
	clinician []models.StaffMember
	workers   []models.StaffMember
	nhsSeq    int
	patients  []models.Patient    // made so far, for re-referrals
	signer    *models.StaffMember // signs the demo letters
	jointSeq  int                 // turns of the other joint-working services
}

func (g *generator) pick(list []string) string { return list[g.rng.IntN(len(list))] }

func (g *generator) staff(tx *app.Services) ([]Account, error) {
	var accounts []Account
	for _, d := range team {
		existing, err := tx.Staff.ByUsername(d.Username)
		m := existing
		if err != nil {
			m = &models.StaffMember{Name: d.Name, Username: d.Username, JobTitle: d.JobTitle, WorkingFraction: d.Fraction, CaseloadCapacity: d.Capacity, Demo: true}
			m.SetRoles(d.Roles...)
			password := crand.Text() // random for this run, shown once
			if err := tx.Staff.Add(g.actor, m, password); err != nil {
				return nil, err
			}
			accounts = append(accounts, Account{Username: d.Username, Password: password, Role: m.RoleLabels()})
		}
		if m.HasRole(models.RoleClinician) {
			g.clinician = append(g.clinician, *m)
		}
		if m.HasRole(models.RoleManager) && g.signer == nil {
			g.signer = m
		}
		if m.HasRole(models.RoleKeyWorker) {
			g.workers = append(g.workers, *m)
		}
	}
	if err := g.addDirectory(tx); err != nil {
		return nil, err
	}
	if err := g.completeReturnAddress(tx); err != nil {
		return nil, err
	}
	if tx.Settings.Get(app.SetLettersTrackedFrom) == "" {
		from := models.LondonDate(g.now.Add(-g.lettersSince())).UK()
		if err := tx.Settings.Set(g.actor, app.SetLettersTrackedFrom, from, 0); err != nil {
			return nil, err
		}
	}
	return accounts, nil
}

// completeReturnAddress gives the demo's letters a whole return address
// (a synthetic one) when the setting still lacks its postcode, as it does
// until a team sets its own; a value someone has set is left alone.
func (g *generator) completeReturnAddress(tx *app.Services) error {
	all, err := tx.Settings.All()
	if err != nil {
		return err
	}
	for _, v := range all {
		if v.Key == app.SetServiceAddress && v.Problem != "" && v.Version == 0 {
			return tx.Settings.Set(g.actor, app.SetServiceAddress,
				"Perinatal Mental Health Service (demo)\nSample House, 1 Sample Road\nLeicester\nLE1 1AA", 0)
		}
	}
	return nil
}

// nextNHSNumber returns the next valid number in the 999 test range.
func (g *generator) nextNHSNumber() string {
	for {
		g.nhsSeq++
		if n, ok := models.NHSNumberWithCheckDigit(fmt.Sprintf("999%06d", g.nhsSeq)); ok {
			return n
		}
	}
}

// statusFor places referral i on the pathway by how recent it is: the newest
// are awaiting screening, the oldest are closed, and a few thousand are open,
// as in a real team. Within a band the statuses take turns, so even a small
// demo shows every status.
func (g *generator) statusFor(newestRank int) models.Status {
	window := min(g.n, 2000)
	bands := []struct {
		upTo     float64
		statuses []models.Status
	}{
		{0.06, []models.Status{models.StatusReceived, models.StatusDiscuss, models.StatusNotAccepted}},
		{0.16, []models.Status{models.StatusAccepted, models.StatusAssessmentBooked}},
		{0.50, []models.Status{models.StatusMedicalReview, models.StatusCaseload, models.StatusCaseload, models.StatusNotAccepted}},
		{1.00, []models.Status{models.StatusCaseload, models.StatusClosed, models.StatusNotAccepted}},
	}
	f := float64(newestRank) / float64(window)
	for _, b := range bands {
		if f < b.upTo {
			return b.statuses[newestRank%len(b.statuses)]
		}
	}
	if newestRank%5 == 0 {
		return models.StatusNotAccepted
	}
	return models.StatusClosed
}

// receivedAt spreads referrals about four a day (a county-wide team's rate),
// over the last year when there are few, and over ten years when there are
// very many.
func (g *generator) receivedAt(newestRank int) time.Time {
	return g.officeHours(g.now.Add(-time.Duration(newestRank) * g.step()))
}

// recentReceivedAt dates a referral that is still waiting for its
// assessment within the last fortnight, as a team meeting its targets
// would have it, whatever the demo's size.
func (g *generator) recentReceivedAt(newestRank int) time.Time {
	return g.officeHours(g.now.Add(-time.Duration(2+newestRank%11) * 24 * time.Hour))
}

// step is the time between one demo referral and the next.
func (g *generator) step() time.Duration {
	step := 6 * time.Hour
	switch {
	case g.n > 0 && g.n < 1460:
		step = 365 * 24 * time.Hour / time.Duration(g.n)
	case g.n > 14600:
		// A very large demo (a scale test) keeps to the last ten years.
		step = 10 * 365 * 24 * time.Hour / time.Duration(g.n)
	}
	return step
}

// officeHours moves t to a time in office hours on a weekday, not after now.
func (g *generator) officeHours(t time.Time) time.Time {
	lt := t.In(models.London)
	for lt.Weekday() == time.Saturday || lt.Weekday() == time.Sunday {
		lt = lt.AddDate(0, 0, -1)
	}
	lt = time.Date(lt.Year(), lt.Month(), lt.Day(), 9+g.rng.IntN(8), g.rng.IntN(60), 0, 0, models.London)
	if lt.After(g.now) {
		lt = lt.AddDate(0, 0, -1)
	}
	return lt.UTC()
}

func (g *generator) postcode() (string, string) {
	town := towns[g.rng.IntN(len(towns))]
	d := town.Districts[g.rng.IntN(len(town.Districts))]
	const letters = "ABDEFGHJLNPQRSTUWXYZ"
	return town.Town, fmt.Sprintf("%s %d%c%c", d, g.rng.IntN(10), letters[g.rng.IntN(len(letters))], letters[g.rng.IntN(len(letters))])
}

func (g *generator) referrer(role models.ProfessionalRole) models.Professional {
	name := g.pick(referrerNames[role])
	org := map[models.ProfessionalRole]string{
		models.ProfGP: g.pick(practices), models.ProfMidwife: "Leicester Royal Infirmary maternity (demo)",
		models.ProfHealthVisitor: "Healthy Together (demo)", models.ProfObstetrician: "Leicester General Hospital (demo)",
		models.ProfPsychiatrist: "Bradgate Unit (demo)", models.ProfCMHT: "City East CMHT (demo)", models.ProfOther: g.pick(practices),
	}[role]
	return models.Professional{Name: name, Role: string(role), Organisation: org, Phone: "0116 496 0" + fmt.Sprintf("%03d", g.rng.IntN(1000)), Address: org + "\nLeicester", Demo: true}
}

// referral makes demo referral i (0 is the oldest) and walks it along the pathway.
func (g *generator) referral(tx *app.Services, i int) error {
	rank := g.n - 1 - i
	target := g.statusFor(rank)
	received := g.receivedAt(rank)
	if target == models.StatusAccepted || target == models.StatusAssessmentBooked {
		received = g.recentReceivedAt(rank)
	}
	r := g.scenario(target, received)
	if stillOpen[target] && !g.keepInPeriod(r, received) {
		target = models.StatusClosed // her perinatal period is over: the team has discharged her
	}
	if err := tx.Referrals.Register(g.actor, r); err != nil {
		return err
	}
	if err := g.walk(tx, r, target, received); err != nil {
		return err
	}
	if err := g.letters(tx, r, target, received); err != nil {
		return err
	}
	return g.people(tx, r, target)
}
