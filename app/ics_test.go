package app

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"perinatal-caseload/models"
)

// icsProperty is one content line of an iCalendar file.
type icsProperty struct {
	Name   string
	Params string
	Value  string // unescaped for TEXT properties
}

// parseICS is a small RFC 5545 reader for the test: it checks the line
// endings and lengths, unfolds, and splits each line into name, parameters
// and value.
func parseICS(t *testing.T, data []byte) []icsProperty {
	t.Helper()
	text := string(data)
	if !strings.HasSuffix(text, "\r\n") || strings.Contains(strings.ReplaceAll(text, "\r\n", ""), "\n") {
		t.Fatal("every line must end with CRLF")
	}
	physical := strings.Split(strings.TrimSuffix(text, "\r\n"), "\r\n")
	var logical []string
	for _, l := range physical {
		if len(l) > 75 {
			t.Errorf("line of %d octets (limit 75): %q", len(l), l)
		}
		if strings.HasPrefix(l, " ") {
			logical[len(logical)-1] += l[1:]
			continue
		}
		logical = append(logical, l)
	}
	unescape := strings.NewReplacer(`\\`, `\`, `\;`, ";", `\,`, ",", `\n`, "\n", `\N`, "\n")
	var out []icsProperty
	for _, l := range logical {
		head, value, ok := strings.Cut(l, ":")
		if !ok {
			t.Fatalf("line without a colon: %q", l)
		}
		name, params, _ := strings.Cut(head, ";")
		switch name {
		case "SUMMARY", "DESCRIPTION", "LOCATION":
			value = unescape.Replace(value)
		}
		out = append(out, icsProperty{Name: name, Params: params, Value: value})
	}
	return out
}

func icsValue(props []icsProperty, name string) string {
	for _, p := range props {
		if p.Name == name {
			return p.Value
		}
	}
	return ""
}

func TestAppointmentICSHoldsTheStartInUTCAndTheLink(t *testing.T) {
	link := "https://attendanywhere.example/perinatal/waiting-room;clinic=7,room=2?entry=very-long-query-string-to-force-folding"
	for _, c := range []struct {
		name  string
		start time.Time // as typed in London
		want  string
	}{
		{"GMT", time.Date(2026, 11, 23, 14, 30, 0, 0, models.London), "20261123T143000Z"},
		{"BST", time.Date(2026, 7, 15, 14, 30, 0, 0, models.London), "20260715T133000Z"},
		{"the day the clocks go back", time.Date(2026, 10, 25, 9, 0, 0, 0, models.London), "20261025T090000Z"},
		{"the day the clocks go forward", time.Date(2027, 3, 28, 9, 0, 0, 0, models.London), "20270328T080000Z"},
	} {
		a := &models.Appointment{ReferralID: 123, Kind: models.KindInitialAssessment, Mode: models.ModeVideo,
			StartsAt: c.start.UTC(), DurationMinutes: 60, VideoLink: link}
		a.ID, a.Version, a.CreatedAt = 77, 2, time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
		data := AppointmentICS(a, "Perinatal Mental Health Service", testNow)
		props := parseICS(t, data)
		if got := icsValue(props, "DTSTART"); got != c.want {
			t.Errorf("%s: DTSTART = %q, want %q", c.name, got, c.want)
		}
		end, err := time.Parse(icsStamp, icsValue(props, "DTEND"))
		if err != nil || !end.Equal(c.start.Add(time.Hour)) {
			t.Errorf("%s: DTEND = %v, %v", c.name, end, err)
		}
		if icsValue(props, "LOCATION") != link || icsValue(props, "URL") != link || !strings.Contains(icsValue(props, "DESCRIPTION"), link) {
			t.Errorf("%s: the link is not in LOCATION, URL and DESCRIPTION: %+v", c.name, props)
		}
		if got := icsValue(props, "SUMMARY"); got != "Perinatal initial assessment – referral PMH-000123" {
			t.Errorf("SUMMARY = %q", got)
		}
		if got := icsValue(props, "UID"); got != "appointment-77-1793523600@perinatal-caseload" {
			t.Errorf("UID = %q", got)
		}
		if icsValue(props, "SEQUENCE") != "2" || icsValue(props, "DTSTAMP") != "20261123T100000Z" || icsValue(props, "STATUS") != "CONFIRMED" {
			t.Errorf("SEQUENCE, DTSTAMP or STATUS wrong: %+v", props)
		}
		if props[0].Name != "BEGIN" || props[0].Value != "VCALENDAR" || props[len(props)-1].Value != "VCALENDAR" {
			t.Error("not wrapped in VCALENDAR")
		}
	}
}

func TestExportedICSHasNoPatientDataAndIsAudited(t *testing.T) {
	w := newWorkflow(t)
	r := w.accept(nil)
	a, err := w.s.Appointments.BookForm(w.admin, AppointmentForm{ReferralID: r.ID, Kind: models.KindInitialAssessment, Mode: models.ModeVideo,
		Date: "15/07/2027", Time: "2.30pm", DurationMinutes: 45, ClinicianID: w.doc.ID}, false)
	if err != nil {
		t.Fatal(err)
	}
	data, name, err := w.s.Appointments.ExportICS(w.doc, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, secret := range []string{"Zoë", "Nguyễn", *r.Patient.NHSNumber, "LE3", "Example Street"} {
		if strings.Contains(text, secret) {
			t.Errorf("the calendar file holds patient data %q", secret)
		}
	}
	props := parseICS(t, data)
	if icsValue(props, "DTSTART") != "20270715T133000Z" || !strings.Contains(icsValue(props, "DESCRIPTION"), w.s.Settings.Get(SetAttendAnywhereLink)) {
		t.Errorf("exported file: %s", text)
	}
	if name != fmt.Sprintf("appointment-%d.ics", a.ID) {
		t.Errorf("file name %q", name)
	}
	var exports int64
	w.s.core.db.Table("audit_events").Where("action = ? AND entity = ? AND entity_id = ?", ActionExport, "appointment", a.ID).Count(&exports)
	if exports != 1 {
		t.Error("the export was not audited")
	}
}
