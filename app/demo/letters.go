package demo

import (
	"time"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

// lettersDays is how far back the demo issues real letters, at most;
// a very large demo covers only its newest lettersReferrals. Older demo
// referrals are history from before the team started tracking letters in
// the program (the letters-tracked-from setting), as when a team brings in
// its earlier referrals; rendering a pack for each would make a large demo
// slow.
const (
	lettersDays      = 120
	lettersReferrals = 500
)

// lettersSince returns how far back the demo issues letters.
func (g *generator) lettersSince() time.Duration {
	return min(lettersDays*24*time.Hour, lettersReferrals*g.step())
}

// letters issues the letter pack a recent referral's state calls for, nine
// times in ten, dated a few days after the step that called for it, so the
// register has letters and the Dashboard has a few overdue as well as some
// still due.
func (g *generator) letters(tx *app.Services, r *models.Referral, target models.Status, received time.Time) error {
	if g.signer == nil || g.now.Sub(received) > g.lettersSince() || g.rng.IntN(10) >= 9 {
		return nil
	}
	var after time.Duration
	switch target {
	case models.StatusAccepted, models.StatusAssessmentBooked:
		after = 3 * 24 * time.Hour
	case models.StatusCaseload, models.StatusMedicalReview, models.StatusClosed:
		after = 20 * 24 * time.Hour
	default:
		return nil
	}
	at := minTime(received.Add(after), g.now)
	// A letter that offers an appointment goes out before it: the day
	// before, or as soon as it was booked for one booked within the day.
	appointments, err := tx.Appointments.ForReferral(g.signer, r.ID)
	if err != nil {
		return err
	}
	for _, a := range appointments {
		if a.Attendance == models.AttendFuture && !a.StartsAt.After(at) {
			at = maxTime(received, a.StartsAt.Add(-24*time.Hour))
		}
	}
	svc := tx.WithClock(app.NewManualClock(at))
	_, err = svc.Letters.IssuePack(g.signer, r.ID, "")
	return err
}
