package models

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// contactAt is a valid contact, seen at 10:00 on 20/11/2026, for the
// table tests to spoil one field at a time.
func contactAt() Contact {
	return Contact{
		ReferralID: 1, At: time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC), Mode: ModeHomeVisit, DurationMinutes: 60,
		Attendance: AttendOnTime, Present: "woman,baby", AuthorID: 7, Note: "Seen at home.",
	}
}

// Hazard: a contact recorded in the future, or of an impossible length,
// would misstate the care she had.
func TestCheckContact(t *testing.T) {
	now := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name   string
		change func(c *Contact)
		field  FieldID // "" for no refusal
		want   string
	}{
		{"valid", func(c *Contact) {}, "", ""},
		{"begun this minute", func(c *Contact) { c.At = now }, "", ""},
		{"a minute in the future", func(c *Contact) { c.At = now.Add(time.Minute) }, FieldContactAt, "09:01 on 23/11/2026 is in the future"},
		{"no time", func(c *Contact) { c.At = time.Time{} }, FieldContactAt, "enter the date and time"},
		{"no mode", func(c *Contact) { c.Mode = "" }, FieldContactMode, "choose how"},
		{"unknown mode", func(c *Contact) { c.Mode = "carrier_pigeon" }, FieldContactMode, "choose how"},
		{"0 minutes", func(c *Contact) { c.DurationMinutes = 0 }, FieldContactDuration, "from 1 to 600"},
		{"1 minute", func(c *Contact) { c.DurationMinutes = 1 }, "", ""},
		{"600 minutes", func(c *Contact) { c.DurationMinutes = 600 }, "", ""},
		{"601 minutes", func(c *Contact) { c.DurationMinutes = 601 }, FieldContactDuration, "from 1 to 600"},
		{"negative", func(c *Contact) { c.DurationMinutes = -5 }, FieldContactDuration, "from 1 to 600"},
		{"not yet held", func(c *Contact) { c.Attendance = AttendFuture }, FieldContactAttendance, "choose what happened"},
		{"unknown attendance", func(c *Contact) { c.Attendance = "9" }, FieldContactAttendance, "choose what happened"},
		{"did not attend, nobody there", func(c *Contact) { c.Attendance, c.Present = AttendDNA, "" }, "", ""},
		{"seen, nobody there", func(c *Contact) { c.Present = "" }, FieldContactPresent, "say who was there"},
		{"seen late, nobody there", func(c *Contact) { c.Attendance, c.Present = AttendLateSeen, "" }, FieldContactPresent, "say who was there"},
		{"unknown party", func(c *Contact) { c.Present = "woman,neighbour" }, FieldContactPresent, `"neighbour"`},
		{"note at the limit", func(c *Contact) { c.Note = strings.Repeat("é", MaxNoteLength) }, "", ""},
		{"note too long", func(c *Contact) { c.Note = strings.Repeat("a", MaxNoteLength+1) }, FieldContactNote, "longer than 20000"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := contactAt()
			tc.change(&c)
			err := CheckContact(&c, now)
			if tc.field == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			list := FieldErrorsIn(err)
			if len(list) != 1 || list[0].Field != tc.field || !strings.Contains(list[0].Message, tc.want) {
				t.Fatalf("got %v, want one error on %s containing %q", err, tc.field, tc.want)
			}
		})
	}
}

func TestCheckContactNamesEveryField(t *testing.T) {
	err := CheckContact(&Contact{Attendance: AttendOnTime}, time.Now())
	var got []FieldID
	for _, f := range FieldErrorsIn(err) {
		got = append(got, f.Field)
	}
	want := []FieldID{FieldContactAt, FieldContactMode, FieldContactDuration, FieldContactPresent}
	if len(got) != len(want) {
		t.Fatalf("fields %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("fields %v, want %v", got, want)
		}
	}
	if !strings.HasPrefix(err.Error(), "4 fields need attention:\n- Date and time: ") {
		t.Errorf("message %q", err)
	}
}

// Hazard: a signed note altered.
// Hazard: HAZ-032.
func TestSignedNotesAreLocked(t *testing.T) {
	signedAt := time.Date(2026, 11, 20, 11, 5, 0, 0, time.UTC)
	const author, other = 7, 8
	for _, tc := range []struct {
		name     string
		change   func(c *Contact)
		by       uint
		edit     error  // wanted from CheckNoteEdit (nil: allowed)
		sign     string // part of CheckSign's refusal; "" for allowed
		addendum string // part of CheckAddendum's refusal for "Rang back."; "" for allowed
	}{
		{"unsigned, by its author", func(c *Contact) {}, author, nil, "", "not signed yet"},
		{"unsigned, by another", func(c *Contact) {}, other, ErrNotNoteAuthor, "only the person who wrote", "not signed yet"},
		{"unsigned, no note", func(c *Contact) { c.Note = "  \n " }, author, nil, "write the note before signing", "not signed yet"},
		{"signed, by its author", func(c *Contact) { c.SignedAt = &signedAt }, author, ErrNoteSigned, "signed on 20/11/2026 at 11:05", ""},
		{"signed, by another", func(c *Contact) { c.SignedAt = &signedAt }, other, ErrNoteSigned, "signed on 20/11/2026", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := contactAt()
			tc.change(&c)
			if err := CheckNoteEdit(&c, tc.by); !errors.Is(err, tc.edit) || (tc.edit == nil) != (err == nil) {
				t.Errorf("CheckNoteEdit = %v, want %v", err, tc.edit)
			}
			wantErr(t, "CheckSign", CheckSign(&c, tc.by), tc.sign)
			wantErr(t, "CheckAddendum", CheckAddendum(&c, "Rang back."), tc.addendum)
		})
	}
}

// wantErr checks err against want: nil for "", else containing want.
func wantErr(t *testing.T, what string, err error, want string) {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Errorf("%s refused: %v", what, err)
	case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
		t.Errorf("%s = %v, want one containing %q", what, err, want)
	}
}

func TestCheckAddendumText(t *testing.T) {
	signedAt := time.Now()
	c := contactAt()
	c.SignedAt = &signedAt
	for text, want := range map[string]string{
		"Dose was 100 mg, not 10 mg.":             "",
		" \n ":                                    "write what the addendum corrects",
		strings.Repeat("b", MaxNoteLength+1):      "longer than 20000",
		strings.Repeat("ł", MaxNoteLength) + "  ": "",
	} {
		err := CheckAddendum(&c, text)
		wantErr(t, "CheckAddendum", err, want)
		if want != "" && !errors.As(err, new(*FieldError)) {
			t.Errorf("%v is not a field error", err)
		}
	}
}

func TestContactParties(t *testing.T) {
	for _, tc := range []struct {
		in, joined, text string
		bad              bool
	}{
		{"", "", "Nobody recorded", false},
		{"woman", "woman", "Her", false},
		{"baby, woman", "woman,baby", "Her and baby", false},
		{"professionals,interpreter,woman,woman", "woman,interpreter,professionals", "Her, interpreter and other professionals", false},
		{"partner", "partner", "Partner", false},
		{"woman,aunt", "", "Nobody recorded", true},
	} {
		parties, err := ParseContactParties(tc.in)
		if (err != nil) != tc.bad {
			t.Errorf("ParseContactParties(%q) error %v", tc.in, err)
		}
		if got := JoinContactParties(parties); got != tc.joined {
			t.Errorf("JoinContactParties(%q) = %q, want %q", tc.in, got, tc.joined)
		}
		if got := (&Contact{Present: tc.in}).PresentText(); got != tc.text {
			t.Errorf("PresentText(%q) = %q, want %q", tc.in, got, tc.text)
		}
	}
}

func TestContactFirstLine(t *testing.T) {
	for note, want := range map[string]string{
		"":                             "",
		"\n  \nSeen with baby.\nMore.": "Seen with baby.",
		"Zoë was well, mood brighter.": "Zoë was well, mood…",
		"Short":                        "Short",
		"Exactly twenty chars":         "Exactly twenty chars",
	} {
		if got := (&Contact{Note: note}).FirstLine(20); got != want {
			t.Errorf("FirstLine(%q) = %q, want %q", note, got, want)
		}
	}
}

func TestContactFromAppointment(t *testing.T) {
	start := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		code    Attendance
		present string
	}{
		{AttendOnTime, "woman"}, {AttendLateSeen, "woman"}, {AttendDNA, ""}, {AttendLateNotSeen, ""},
		{AttendCancelledByPatient, ""}, {AttendCancelledByService, ""},
	} {
		a := Appointment{ReferralID: 3, Mode: ModeTelephone, StartsAt: start, DurationMinutes: 30, Attendance: tc.code, Demo: true}
		a.ID = 9
		c := ContactFromAppointment(&a, 4)
		if c.ReferralID != 3 || *c.AppointmentID != 9 || !c.At.Equal(start) || c.Mode != ModeTelephone || c.DurationMinutes != 30 ||
			c.Attendance != tc.code || c.AuthorID != 4 || !c.Demo || c.Note != "" || c.Signed() || c.Present != tc.present {
			t.Errorf("%s: %+v", tc.code, c)
		}
	}
}
