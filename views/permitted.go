package views

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

// gate is a permission and the controls that act on it.
type gate struct {
	perm     models.Permission
	controls []fyne.Disableable
}

// onlyWith pairs a permission with the controls that need it.
func onlyWith(p models.Permission, controls ...fyne.Disableable) gate {
	return gate{perm: p, controls: controls}
}

// notPermitted turns off each control the session's person has no
// permission for, rather than let them fill in a form the service would
// refuse, and returns a small line saying which role each needs ("You need
// the Administrator role to book and change appointments."). The line is
// hidden when they may do everything, and says nothing of a control that
// is not on show. The services check again
// regardless: this only saves the person a refusal.
func notPermitted(s *session, gates ...gate) *widget.Label {
	note := widget.NewLabel("")
	note.Importance = widget.LowImportance
	note.Wrapping = fyne.TextWrapWord
	var reasons []string
	for _, g := range gates {
		if s.Actor != nil && models.Allows(s.Actor.RoleSet(), g.perm) {
			continue
		}
		shown := false
		for _, c := range g.controls {
			c.Disable()
			if o, ok := c.(fyne.CanvasObject); !ok || o.Visible() {
				shown = true
			}
		}
		if !shown {
			continue // nothing on show to explain
		}
		reason := (&app.PermissionError{Needed: models.GrantingRole(g.perm), Permission: g.perm}).Error()
		if !strings.Contains(strings.Join(reasons, " "), reason) {
			reasons = append(reasons, reason)
		}
	}
	note.SetText(strings.Join(reasons, " "))
	if len(reasons) == 0 {
		note.Hide()
	}
	return note
}
