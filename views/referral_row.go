package views

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// referralTable lays out the referral list's columns.
func referralTable() *widgets.Table {
	return widgets.NewTable([]widgets.Column{
		{Title: "Priority", Sample: "Routine"}, {Title: "Name", Weight: 2},
		{Title: "NHS number", Sample: "000 000 0000"}, {Title: "Date of birth", Sample: "00/00/0000"},
		{Title: "Postcode", Sample: "DE12 4WW"}, {Title: "Status", Weight: 1.3},
		{Title: "Received", Sample: "00/00/0000"}, {Title: "Referrer", Weight: 1.2},
		{Title: "Flags", Sample: "CP plan"},
	})
}

// referralColSafeguarding is the column of her safeguarding badges.
const referralColSafeguarding = 8

// newReferralRow returns an empty row of t with room for her safeguarding
// badges.
func newReferralRow(t *widgets.Table) func() fyne.CanvasObject {
	return func() fyne.CanvasObject { return tableRowWithBadges(t, referralColSafeguarding) }
}

// fillReferralRow shows r in a row of referralTable. Urgent
// referrals say so in words, in the danger colour, so the marker does not
// rest on colour alone.
func fillReferralRow(o fyne.CanvasObject, r app.ReferralRow) {
	priority := widgets.RowCell(o, 0)
	priority.TextStyle.Bold = r.Priority == models.PriorityUrgent
	priority.Importance = widget.MediumImportance
	text := "Routine"
	if r.Priority == models.PriorityUrgent {
		priority.Importance, text = widget.DangerImportance, "Urgent"
	}
	nhs := r.NHSNumberText()
	if nhs == "" {
		nhs = "Not known"
	}
	widgets.SetRowText(o, text, r.PatientName(), nhs, r.DateOfBirth.UK(), r.Postcode, r.Status.Label(), ukDate(r.ReceivedAt), r.ReferrerName)
	badges := o.(*fyne.Container).Objects[referralColSafeguarding]
	setFlagBadges(badges, r.SafeguardingFlags())
	badges.Show()
}

// referralRowName is what a screen reader says for r's row: "Open referral
// PMH-000155, Siobhán Ní Bhriain, urgent, awaiting screening", then her
// flags in words.
func referralRowName(r app.ReferralRow) string {
	priority := "routine"
	if r.Priority == models.PriorityUrgent {
		priority = "urgent"
	}
	status := r.Status.Label()
	if s, size := utf8.DecodeRuneInString(status); s != utf8.RuneError {
		status = string(unicode.ToLower(s)) + status[size:]
	}
	words := []string{"Open referral " + r.Reference(), strings.TrimSpace(r.GivenName + " " + r.FamilyName), priority, status}
	for _, f := range r.SafeguardingFlags() {
		words = append(words, f.Label())
	}
	return strings.Join(words, ", ")
}
