package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// dashboardListLimit is how many rows each of the Dashboard's letter lists
// holds; the Letters screen's Due tab pages through them all.
const dashboardListLimit = 100

// dashboardScreen is the team's day at a glance, against its targets: the
// outcome letters overdue (in red), due within the next few days and due
// later; the initial assessments this week; the signed-in person's open
// tasks; and how many referrals await screening. Each row opens its
// referral. The figures are read off the UI goroutine, when the screen is
// built, whenever it comes back on show, and on Refresh.
type dashboardScreen struct {
	// Heading says the day the figures are for.
	Heading       *widget.Label
	RefreshButton *widget.Button
	// Message says why the figures could not be read.
	Message *widget.Label
	// The counts at the top.
	OverdueCount, DueSoonCount, DueCount, AssessmentCount, ScreeningCount, TaskCount *widget.Label
	// The lists, each under a heading with its count.
	Overdue, DueSoon, Due, Assessments, Tasks *dashboardList
	// RiskReviews lists the risk reviews falling due (see dashboard_risk.go).
	RiskReviews *riskReviewsList

	s       *session
	data    *dashboardData
	soon    *widget.Label // the due-soon tile's caption, which names the days
	content fyne.CanvasObject
}

// dashboardData is one reading of the figures.
type dashboardData struct {
	today       models.Date
	letters     *app.DueLetterLists
	assessments []app.DiaryEntry
	tasks       []app.TaskRow
	awaiting    int64
	soonDays    int    // how many days ahead count as due soon (a setting)
	backup      string // the team manager's warning of no recent backup
}

// newDashboardScreen builds the Dashboard for the session and reads it.
func newDashboardScreen(s *session) *dashboardScreen {
	d := &dashboardScreen{s: s, data: &dashboardData{letters: &app.DueLetterLists{}}}
	d.Heading = widget.NewLabelWithStyle("Dashboard", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.Heading.SizeName = theme.SizeNameSubHeadingText
	d.RefreshButton = widget.NewButtonWithIcon("Refresh", theme.ViewRefreshIcon(), d.Reload)
	d.Message = messageLabel("")

	letters := func(rows func() []app.DueLetterRow) *dashboardList {
		return dashboardListOf(rows, func(r app.DueLetterRow, o fyne.CanvasObject) {
			fillTwoLineRow(o, r.PatientName(), daysLeftText(r.DaysLeft), joinNonBlank(nhsText(r.NHSNumber), r.Status.Label(), "due "+r.Due.UK()), r.DaysLeft < 0, r.SafeguardingFlags())
		}, func(r app.DueLetterRow) uint { return r.ReferralID }, s)
	}
	d.Overdue = letters(func() []app.DueLetterRow { return d.data.letters.Overdue })
	d.DueSoon = letters(func() []app.DueLetterRow { return d.data.letters.DueSoon })
	d.Due = letters(func() []app.DueLetterRow { return d.data.letters.Due })
	d.Overdue.Title.Importance = widget.DangerImportance
	d.Assessments = dashboardListOf(func() []app.DiaryEntry { return d.data.assessments }, func(a app.DiaryEntry, o fyne.CanvasObject) {
		fillTwoLineRow(o, a.PatientName(), a.Start().Format("Mon 02/01 15:04"),
			joinNonBlank(nhsText(a.NHSNumber), a.Attendance.Label(), a.Mode.Label(), a.ClinicianName), a.Attendance.Missed(), a.SafeguardingFlags())
	}, func(a app.DiaryEntry) uint { return a.ReferralID }, s)
	d.Tasks = dashboardListOf(func() []app.TaskRow { return d.data.tasks }, func(t app.TaskRow, o fyne.CanvasObject) {
		due := ""
		if !t.DueDate.IsZero() {
			due = "due " + t.DueDate.UK()
		}
		fillTwoLineRow(o, t.Title, due, joinNonBlank(t.PatientName(), nhsText(t.NHSNumber)), t.Overdue(d.data.today), t.SafeguardingFlags())
	}, func(t app.TaskRow) uint { return t.ReferralID }, s)

	d.RiskReviews = newRiskReviewsList(s)
	d.soon = tileCaption("due soon")
	tiles := container.NewGridWithColumns(6,
		tile(&d.OverdueCount, tileCaption("outcome letters overdue")), tile(&d.DueSoonCount, d.soon),
		tile(&d.DueCount, tileCaption("due later")), tile(&d.AssessmentCount, tileCaption("assessments this week")),
		tile(&d.ScreeningCount, tileCaption("awaiting screening")), tile(&d.TaskCount, tileCaption("open tasks of yours")))
	lists := container.NewGridWithRows(2,
		container.NewGridWithColumns(3, d.Overdue.Content(), d.DueSoon.Content(), d.Due.Content()),
		container.NewGridWithColumns(3, d.Assessments.Content(), d.Tasks.Content(), d.RiskReviews.Content()))
	top := container.NewVBox(container.NewHBox(d.Heading, layout.NewSpacer(), d.RefreshButton), d.Message, tiles)
	d.content = container.NewPadded(container.NewBorder(top, nil, nil, nil, lists))
	d.show()
	d.Reload()
	return d
}

// Content returns the screen's widget tree.
func (d *dashboardScreen) Content() fyne.CanvasObject { return d.content }

// Shown reads the figures again when the shell brings the screen back.
func (d *dashboardScreen) Shown() { d.Reload() }

// Reload reads every figure off the UI goroutine and shows them. It first
// makes any "plan discharge" tasks now due, so they are in the task list.
func (d *dashboardScreen) Reload() {
	d.RefreshButton.Disable()
	d.RiskReviews.Reload()
	svc, actor := d.s.Services, d.s.Actor
	d.s.Background.Go(func() func() {
		data, err := readDashboard(svc, actor)
		return func() {
			d.RefreshButton.Enable()
			if err != nil {
				showMessage(d.Message, "The figures could not be read. "+sentence(err), true)
				return
			}
			showMessage(d.Message, data.backup, data.backup != "")
			d.data = data
			d.show()
		}
	})
}

// readDashboard reads the figures as of today.
func readDashboard(svc *app.Services, actor *models.StaffMember) (*dashboardData, error) {
	today := svc.Today()
	data := &dashboardData{today: today, soonDays: svc.Settings.Int(app.SetDueSoonDays), backup: svc.BackupWarning(actor)}
	if _, err := svc.Tasks.PlanDischargeTasks(actor, today); err != nil {
		return nil, err
	}
	var err error
	if data.letters, err = svc.Clocks.DueLetters(actor, today, dashboardListLimit); err != nil {
		return nil, err
	}
	if data.assessments, err = svc.Clocks.AssessmentsThisWeek(actor, today); err != nil {
		return nil, err
	}
	if data.tasks, err = svc.Tasks.ForAssignee(actor, actor.ID, false); err != nil {
		return nil, err
	}
	data.awaiting, err = svc.Referrals.Count(actor, app.ReferralFilter{Status: models.StatusReceived})
	return data, err
}

// show puts the figures read last on screen.
func (d *dashboardScreen) show() {
	data, l := d.data, d.data.letters
	if !data.today.IsZero() {
		d.Heading.SetText("Dashboard · " + data.today.Time().Format("Monday ") + data.today.Long())
	}
	setCount(d.OverdueCount, l.OverdueCount, l.OverdueCount > 0)
	setCount(d.DueSoonCount, l.DueSoonCount, false)
	setCount(d.DueCount, l.DueCount, false)
	setCount(d.AssessmentCount, int64(len(data.assessments)), false)
	setCount(d.ScreeningCount, data.awaiting, false)
	setCount(d.TaskCount, int64(len(data.tasks)), false)
	soon := "due soon"
	if data.soonDays > 0 {
		soon = fmt.Sprintf("due within %d days", data.soonDays)
	}
	d.soon.SetText(soon)
	d.Overdue.Show(countHeading("Letters overdue", l.OverdueCount, len(l.Overdue)), "No outcome letter is overdue.")
	d.DueSoon.Show(countHeading("Letters "+soon, l.DueSoonCount, len(l.DueSoon)), "None due in the next few days.")
	d.Due.Show(countHeading("Letters due later", l.DueCount, len(l.Due)), "None due later.")
	d.Assessments.Show(countHeading("Initial assessments this week", int64(len(data.assessments)), len(data.assessments)), "No initial assessment is booked this week.")
	d.Tasks.Show(countHeading("Your open tasks", int64(len(data.tasks)), len(data.tasks)), "You have no open tasks.")
}

// tile makes one of the counts at the top: a large number over its caption.
func tile(count **widget.Label, caption *widget.Label) fyne.CanvasObject {
	*count = widget.NewLabelWithStyle("–", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	(*count).SizeName = theme.SizeNameHeadingText
	return widget.NewCard("", "", container.New(tightRows{}, *count, caption))
}

// tileCaption is a tile's caption, wrapping in a narrow window.
func tileCaption(text string) *widget.Label {
	c := widget.NewLabelWithStyle(text, fyne.TextAlignCenter, fyne.TextStyle{})
	c.Wrapping = fyne.TextWrapWord
	return c
}

// setCount shows a count, in the danger colour if it is a problem.
func setCount(l *widget.Label, n int64, problem bool) {
	l.Importance = widget.MediumImportance
	if problem {
		l.Importance = widget.DangerImportance
	}
	l.SetText(groupThousands(n))
}

// dashboardList is one of the Dashboard's lists under its heading. Choosing
// a row opens its referral.
type dashboardList struct {
	Title *widget.Label
	List  *widget.List
	// Empty says there is nothing to list.
	Empty   *widget.Label
	content fyne.CanvasObject
}

// dashboardListOf makes a list of the rows rows returns, each shown by
// fill; choosing one opens the referral that referral gives for it.
func dashboardListOf[T any](rows func() []T, fill func(T, fyne.CanvasObject), referral func(T) uint, s *session) *dashboardList {
	l := &dashboardList{Title: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	l.Title.Truncation = fyne.TextTruncateEllipsis
	l.Empty = widget.NewLabel("")
	l.Empty.Importance = widget.LowImportance
	l.Empty.Wrapping = fyne.TextWrapWord
	l.List = widgets.NewList(func() int { return len(rows()) }, newTwoLineRow, func(i widget.ListItemID, o fyne.CanvasObject) {
		if all := rows(); i >= 0 && i < len(all) {
			fill(all[i], o)
		}
	})
	l.List.OnSelected = func(i widget.ListItemID) {
		l.List.UnselectAll() // so choosing it again opens it again
		if all := rows(); i >= 0 && i < len(all) && s.OpenReferral != nil {
			s.OpenReferral(referral(all[i]))
		}
	}
	l.content = widget.NewCard("", "", container.NewBorder(
		container.NewVBox(l.Title, widget.NewSeparator()), nil, nil, nil,
		container.NewStack(l.List, container.NewVBox(l.Empty))))
	return l
}

// Content returns the list under its heading.
func (l *dashboardList) Content() fyne.CanvasObject { return l.content }

// Show sets the heading, refreshes the rows, and says empty when there are none.
func (l *dashboardList) Show(title, empty string) {
	l.Title.SetText(title)
	l.Empty.SetText(empty)
	if l.List.Length() == 0 {
		l.Empty.Show()
	} else {
		l.Empty.Hide()
	}
	l.List.UnselectAll()
	l.List.Refresh()
}
