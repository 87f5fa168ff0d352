package views

import (
	"strings"

	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

// newSafeguardingWarning returns the warning the letter dialog shows
// before a letter about her is issued: the safeguarding flags standing on
// her, and that it is unsafe to write to her home, so that whoever issues
// the letters checks that each is safe to send. It is hidden when there
// are none. A failure to read them is shown too, since silence would read
// as "no concerns".
func newSafeguardingWarning(svc *app.Services, actor *models.StaffMember, referralID uint) *widget.Label {
	l := paragraph("")
	l.Importance = widget.DangerImportance
	l.TextStyle.Bold = true
	alerts, err := svc.Risk.Alerts(actor, referralID)
	switch {
	case err != nil:
		l.SetText("Her safeguarding flags could not be read: " + sentence(err) + " Check her record before issuing.")
	case len(alerts) == 0:
		l.Hide()
	default:
		l.SetText("Safeguarding: " + strings.Join(alerts, "; ") + ". Check that every letter is safe to send, and to whom, before issuing.")
	}
	return l
}
