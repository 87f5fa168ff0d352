package app

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// icsStamp is the iCalendar UTC date-time form, e.g. 20261123T143000Z.
const icsStamp = "20060102T150405Z"

// AppointmentICS returns an iCalendar file (RFC 5545) holding one
// appointment, for the clinician to add to their own calendar. stamp is
// when the file is made (DTSTAMP).
//
// Calendars are synchronised to phones and mail servers and shown to
// colleagues, outside the record's access control, so the file carries no
// patient-identifying data: the summary names the kind of appointment and
// the referral's reference ("Perinatal initial assessment – referral
// PMH-000123"), and the woman is looked up in Perinatal Caseload by it. The start and
// end are in UTC ("Z"), which every calendar converts to local time, so no
// time-zone definition is needed. The UID is stable for the appointment, and
// SEQUENCE is its version, so a calendar replaces the entry when a moved or
// cancelled appointment is exported again. A video appointment carries the
// Attend Anywhere link in LOCATION, URL and DESCRIPTION.
func AppointmentICS(a *models.Appointment, serviceName string, stamp time.Time) []byte {
	summary := fmt.Sprintf("Perinatal %s – referral %s", strings.ToLower(a.Kind.Label()), models.ReferralReference(a.ReferralID))
	description := a.Mode.Label() + " appointment with " + serviceName + ".\n"
	location := a.Mode.Label()
	if a.Mode == models.ModeVideo && a.VideoLink != "" {
		description += "Join the Attend Anywhere waiting area: " + a.VideoLink + "\n"
		location = a.VideoLink
	}
	description += fmt.Sprintf("Open referral %s in Perinatal Caseload for her details; they are not kept in calendars.", models.ReferralReference(a.ReferralID))
	status := "CONFIRMED"
	if a.Attendance == models.AttendCancelledByPatient || a.Attendance == models.AttendCancelledByService {
		status = "CANCELLED"
	}
	lines := []string{
		"BEGIN:VCALENDAR",
		"VERSION:2.0",
		"PRODID:-//Perinatal Caseload//Appointments//EN",
		"CALSCALE:GREGORIAN",
		"METHOD:PUBLISH",
		"BEGIN:VEVENT",
		"UID:" + icsUID(a),
		"DTSTAMP:" + stamp.UTC().Format(icsStamp),
		"DTSTART:" + a.StartsAt.UTC().Format(icsStamp),
		"DTEND:" + a.EndsAt().UTC().Format(icsStamp),
		fmt.Sprintf("SEQUENCE:%d", a.Version),
		"STATUS:" + status,
		"SUMMARY:" + icsText(summary),
		"DESCRIPTION:" + icsText(description),
		"LOCATION:" + icsText(location),
	}
	if a.Mode == models.ModeVideo && a.VideoLink != "" {
		lines = append(lines, "URL:"+a.VideoLink)
	}
	lines = append(lines, "END:VEVENT", "END:VCALENDAR")
	var b strings.Builder
	for _, l := range lines {
		icsFold(&b, l)
	}
	return []byte(b.String())
}

// icsUID names the appointment for calendars. It stays the same for the
// appointment's life; the creation time keeps two databases' appointment
// 5 apart.
func icsUID(a *models.Appointment) string {
	if a.CreatedAt.IsZero() {
		return fmt.Sprintf("appointment-%d@perinatal-caseload", a.ID)
	}
	return fmt.Sprintf("appointment-%d-%d@perinatal-caseload", a.ID, a.CreatedAt.Unix())
}

// icsText escapes a TEXT value (RFC 5545 section 3.3.11).
func icsText(s string) string {
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`).Replace(s)
}

// icsFold writes one content line, folded so no line is longer than 75
// octets (RFC 5545 section 3.1): each continuation starts with a space, and
// a UTF-8 character is never split. Every line ends with CRLF.
func icsFold(b *strings.Builder, line string) {
	limit := 75
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		b.WriteString(line[:cut])
		b.WriteString("\r\n ")
		line = line[cut:]
		limit = 74 // the leading space counts
	}
	b.WriteString(line)
	b.WriteString("\r\n")
}

// ExportICS returns the calendar file for an appointment and a file name
// for it, and audits the export.
func (s *AppointmentService) ExportICS(actor *models.StaffMember, id uint) ([]byte, string, error) {
	if err := s.authorise(actor, models.PermViewReferrals); err != nil {
		return nil, "", err
	}
	var a models.Appointment
	if err := s.db.First(&a, id).Error; err != nil {
		return nil, "", notFound(err)
	}
	data := AppointmentICS(&a, s.setting(SetServiceName), s.clock.Now())
	err := s.transaction(func(tx *gorm.DB) error {
		return s.audit(tx, actor, ActionExport, "appointment", a.ID, nil, nil, "calendar file (.ics)")
	})
	if err != nil {
		return nil, "", err
	}
	return data, fmt.Sprintf("appointment-%d.ics", a.ID), nil
}
