package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

// riskReviewsList is the Dashboard's list of risk reviews falling due:
// open referrals whose next risk review is within
// models.RiskReviewDueDays, or past (in red). It reads its rows off the UI
// goroutine, with the rest of the Dashboard.
type riskReviewsList struct {
	*dashboardList
	rows  []app.RiskReviewRow
	today models.Date
	s     *session
}

// newRiskReviewsList builds the list for the session; Reload reads it.
func newRiskReviewsList(s *session) *riskReviewsList {
	l := &riskReviewsList{s: s}
	l.dashboardList = dashboardListOf(func() []app.RiskReviewRow { return l.rows }, func(r app.RiskReviewRow, o fyne.CanvasObject) {
		worker := ""
		if r.KeyWorkerName != "" {
			worker = "key worker " + r.KeyWorkerName
		}
		fillTwoLineRow(o, r.PatientName(), "review "+r.ReviewDue.UK(), joinNonBlank(nhsText(r.NHSNumber), "risk "+r.Level.Label(), worker), r.Overdue(l.today), r.SafeguardingFlags())
	}, func(r app.RiskReviewRow) uint { return r.ReferralID }, s)
	l.show()
	return l
}

// Reload reads the reviews falling due today, off the UI goroutine.
func (l *riskReviewsList) Reload() {
	svc, actor := l.s.Services, l.s.Actor
	l.s.Background.Go(func() func() {
		today := svc.Today()
		rows, err := svc.Risk.ReviewsDue(actor, today, dashboardListLimit)
		return func() {
			if err != nil {
				l.Title.SetText("Risk reviews due")
				l.Empty.SetText("The risk reviews could not be read. " + sentence(err))
				l.Empty.Importance = widget.DangerImportance
				l.Empty.Show()
				return
			}
			l.rows, l.today = rows, today
			l.show()
		}
	})
}

// show puts the rows read last on screen.
func (l *riskReviewsList) show() {
	l.Show(countHeading("Risk reviews due", int64(len(l.rows)), len(l.rows)), "No risk review falls due in the next week.")
}
