package views

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
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
	d.Reload = widget.NewButtonWithIcon("Reload", theme.ViewRefreshIcon(), reload)
	d.actions.Objects = append([]fyne.CanvasObject{container.NewBorder(nil, nil, nil, d.Reload, d.changedBy)}, d.actions.Objects...)
	d.actions.Refresh()
}
