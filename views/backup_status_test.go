package views

import (
	"strings"
	"testing"

	"perinatal-caseload/models"
)

func TestTheManagersDashboardWarnsOfNoBackupAndSettingsShowTheLastOne(t *testing.T) {
	e := newTestEnv(t, 0)
	manager := e.addStaff("manager", models.RoleManager)
	d := newDashboardScreen(e.sessionIn(manager, nil))
	e.showInWindow(d.Content())
	if !strings.Contains(d.Message.Text, "No backup of the caseload") {
		t.Errorf("the manager's Dashboard says %q; want the backup warning", d.Message.Text)
	}
	worker := e.addStaff("kate", models.RoleKeyWorker)
	if w := newDashboardScreen(e.sessionIn(worker, nil)); w.Message.Text != "" {
		t.Errorf("a key worker's Dashboard says %q; the warning is the manager's", w.Message.Text)
	}
	s := newSettingsScreen(e.sessionIn(manager, nil))
	if !strings.Contains(s.Backup.Text, "No automatic backup has been taken yet") {
		t.Errorf("Settings say %q about backups", s.Backup.Text)
	}
}
