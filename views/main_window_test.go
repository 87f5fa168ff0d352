package views

import "perinatal-caseload/models"

// actor returns the person signed in, or nil while signed out or locked.
func (m *MainWindow) actor() *models.StaffMember {
	if m.shell == nil || m.locked {
		return nil
	}
	return m.shell.Session.Actor
}
