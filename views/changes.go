package views

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

// changeAware is a screen that answers changes made elsewhere (on another
// desktop, or by another program) itself. Other screens with lists are
// told through Shown, which reads them again.
type changeAware interface {
	ChangedElsewhere(changes []app.Change)
}

// followChanges passes the changes feed tells of to the screen on show,
// on the UI goroutine, a batch at a time, until stop closes. Changes that
// come within a moment of each other are passed together, so a burst of
// them reads a list once.
func (m *MainWindow) followChanges(feed *app.ChangeFeed, stop <-chan struct{}) {
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-stop
		cancel()
	}()
	changes := feed.Subscribe(ctx)
	for c := range changes {
		batch := []app.Change{c}
		gather := time.After(300 * time.Millisecond)
	gathering:
		for {
			select {
			case more, ok := <-changes:
				if !ok {
					break gathering
				}
				batch = append(batch, more)
			case <-gather:
				break gathering
			}
		}
		fyne.Do(func() { m.changed(batch) })
	}
}

// changed tells the screen on show of changes made elsewhere. Nothing is
// read while the screen is locked; what a person is typing is never touched.
func (m *MainWindow) changed(batch []app.Change) {
	if m.shell == nil || m.locked {
		return
	}
	_, scr := m.shell.Current()
	switch s := scr.(type) {
	case changeAware:
		s.ChangedElsewhere(batch)
	case interface{ Shown() }:
		s.Shown()
	}
}

// ChangedElsewhere reads the list again when it is on show. When the
// referral open was changed by someone else, it keeps what is on show and
// says who changed it and when, with Reload to read it again.
func (s *referralsScreen) ChangedElsewhere(changes []app.Change) {
	if s.Detail == nil {
		if !s.paged {
			s.Reload()
		}
		return
	}
	r := s.Detail.Referral
	for _, c := range changes {
		mine := (c.Entity == "referral" && c.ID == r.ID) || (c.Entity == "patient" && c.ID == r.PatientID)
		if mine && c.By != s.actor.Name {
			s.Detail.showChangedBy(c, func() { s.Open(r.ID) })
		}
	}
}

// showChangedBy says above the referral that c changed it, once, with Reload.
func (d *referralDetail) showChangedBy(c app.Change, reload func()) {
	text := fmt.Sprintf("%s changed this referral at %s. What you see is as it was when you opened it.",
		c.By, c.At.In(models.London).Format("15:04 on 02/01/2006"))
	if d.changedBy != nil {
		d.changedBy.SetText(text)
		return
	}
	d.changedBy = widget.NewLabel(text)
	d.changedBy.Wrapping = fyne.TextWrapWord
	d.changedBy.Importance = widget.WarningImportance
	d.Reload = widget.NewButton("Reload", reload)
	d.Reload.Importance = widget.HighImportance
	d.actions.Objects = append([]fyne.CanvasObject{d.changedBy, d.Reload}, d.actions.Objects...)
	d.actions.Refresh()
}

// watchConnection asks the database every few seconds whether it answers,
// and tells the shell when that changes, until stop closes.
func (m *MainWindow) watchConnection(stop <-chan struct{}) {
	t := time.NewTicker(5 * time.Second)
	defer t.Stop()
	var was error
	for {
		select {
		case <-t.C:
		case <-stop:
			return
		}
		err := m.svc.Ping(context.Background())
		if (err == nil) != (was == nil) {
			fyne.Do(func() {
				if m.shell != nil {
					m.shell.showConnection(err)
				}
			})
		}
		was = err
	}
}

// showConnection says in the status bar that the database server cannot
// be reached, keeping every screen as it is, or, once it answers again,
// names the database and reads the screen on show again.
func (sh *shell) showConnection(err error) {
	if err != nil {
		sh.dbLabel.SetText("The database server cannot be reached. What is on screen is kept, but nothing can be saved until it is back. Trying again...")
		sh.dbLabel.Importance = widget.DangerImportance
		sh.dbLabel.Refresh()
		return
	}
	sh.dbLabel.SetText(sh.dbText)
	sh.dbLabel.Importance = widget.LowImportance
	sh.dbLabel.Refresh()
	if _, scr := sh.Current(); scr != nil {
		if r, ok := scr.(interface{ Shown() }); ok {
			r.Shown()
		}
	}
}
