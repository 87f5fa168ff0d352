package models

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// The fields of a contact and its addenda.
const (
	FieldContactAt         FieldID = "contact.at"
	FieldContactMode       FieldID = "contact.mode"
	FieldContactDuration   FieldID = "contact.duration_minutes"
	FieldContactPresent    FieldID = "contact.present"
	FieldContactAttendance FieldID = "contact.attendance"
	FieldContactNote       FieldID = "contact.note"
	FieldContactAddendum   FieldID = "contact.addendum"
)

func init() {
	DefineFields(map[FieldID]string{
		FieldContactAt:         "Date and time",
		FieldContactMode:       "Mode",
		FieldContactDuration:   "Duration",
		FieldContactPresent:    "Who was there",
		FieldContactAttendance: "Attendance",
		FieldContactNote:       "Note",
		FieldContactAddendum:   "Addendum",
	})
}

// Limits on a contact.
const (
	// MaxContactMinutes is the longest contact: ten hours, beyond any
	// visit or assessment, so a typing slip (6000) is caught.
	MaxContactMinutes = 600
	// MaxNoteLength is the most characters a note or an addendum holds.
	MaxNoteLength = 20000
)

// ErrNoteSigned refuses a change to a signed note: it is locked, and a
// correction is an addendum.
var ErrNoteSigned = errors.New("this note is signed and locked, so it cannot be changed; add a dated addendum to correct it or add to it")

// ErrNotNoteAuthor refuses a change to, or the signing of, another
// person's note.
var ErrNotNoteAuthor = errors.New("only the person who wrote this note can change or sign it; add an addendum once it is signed")

// CheckContact checks what a contact records, as at now: when it took
// place (not in the future), its mode, a duration of 1 to
// MaxContactMinutes minutes, an attendance code that says what happened
// (not "not yet held"), who was there (known parties; at least one when
// she was seen) and a note of at most MaxNoteLength characters. It
// returns every field at fault as FieldErrors, or nil.
func CheckContact(c *Contact, now time.Time) error {
	var v FieldErrors
	switch {
	case c.At.IsZero():
		v.Add(FieldContactAt, "enter the date and time the contact began")
	case c.At.After(now):
		v.Add(FieldContactAt, "%s is in the future; record a contact once it has taken place",
			c.At.In(London).Format("15:04 on 02/01/2006"))
	}
	if !slices.Contains(Modes, c.Mode) {
		v.Add(FieldContactMode, "choose how the contact took place")
	}
	if c.DurationMinutes < 1 || c.DurationMinutes > MaxContactMinutes {
		v.Add(FieldContactDuration, "enter the length of the contact in minutes, from 1 to %d", MaxContactMinutes)
	}
	if c.Attendance == AttendFuture || !slices.Contains(Attendances, c.Attendance) {
		v.Add(FieldContactAttendance, "choose what happened")
	}
	parties, err := ParseContactParties(c.Present)
	if err != nil {
		v.Add(FieldContactPresent, "%s", err.Error())
	} else if len(parties) == 0 && c.Attendance.Held() {
		v.Add(FieldContactPresent, "say who was there")
	}
	if len([]rune(c.Note)) > MaxNoteLength {
		v.Add(FieldContactNote, "the note is longer than %d characters; shorten it, or add the rest as an addendum once it is signed", MaxNoteLength)
	}
	return v.Err()
}

// CheckNoteEdit says whether the person with staff ID by may change c's
// note or details: only its author, and only while it is unsigned.
func CheckNoteEdit(c *Contact, by uint) error {
	if c.Signed() {
		return ErrNoteSigned
	}
	if c.AuthorID != by {
		return ErrNotNoteAuthor
	}
	return nil
}

// CheckSign says whether the person with staff ID by may sign c: its
// author, while it is unsigned, once it has a note.
func CheckSign(c *Contact, by uint) error {
	if err := CheckNoteEdit(c, by); err != nil {
		if errors.Is(err, ErrNoteSigned) {
			return fmt.Errorf("this note was signed on %s; add an addendum to correct it or add to it", c.SignedAt.In(London).Format("02/01/2006 at 15:04"))
		}
		return err
	}
	if strings.TrimSpace(c.Note) == "" {
		return NewFieldError(FieldContactNote, "write the note before signing it")
	}
	return nil
}

// CheckAddendum says whether text may be added to c as an addendum: the
// note must be signed (an unsigned note is edited instead) and the text
// must say something, in at most MaxNoteLength characters.
func CheckAddendum(c *Contact, text string) error {
	if !c.Signed() {
		return NewFieldError(FieldContactAddendum, "the note is not signed yet, so its author can still edit it; an addendum is for a signed note")
	}
	text = strings.TrimSpace(text)
	if text == "" {
		return NewFieldError(FieldContactAddendum, "write what the addendum corrects or adds")
	}
	if len([]rune(text)) > MaxNoteLength {
		return NewFieldError(FieldContactAddendum, "the addendum is longer than %d characters; split it in two", MaxNoteLength)
	}
	return nil
}

// ParseContactParties reads a Present list ("woman,partner"); an empty
// list is no one. An unknown party is an error.
func ParseContactParties(s string) ([]ContactParty, error) {
	var out []ContactParty
	for _, p := range strings.Split(s, ",") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		party := ContactParty(p)
		if !slices.Contains(ContactParties, party) {
			return nil, fmt.Errorf("%q is not someone a contact can record as there; choose from the list", p)
		}
		if !slices.Contains(out, party) {
			out = append(out, party)
		}
	}
	return out, nil
}

// JoinContactParties writes parties as a Present list, in the order of
// ContactParties and each once, whatever the order given.
func JoinContactParties(parties []ContactParty) string {
	var out []string
	for _, p := range ContactParties {
		if slices.Contains(parties, p) {
			out = append(out, string(p))
		}
	}
	return strings.Join(out, ",")
}

// PresentText says who was there in words, such as "Her, partner and
// baby", or "Nobody recorded".
func (c *Contact) PresentText() string {
	parties, err := ParseContactParties(c.Present)
	if err != nil || len(parties) == 0 {
		return "Nobody recorded"
	}
	var words []string
	for _, p := range ContactParties {
		if slices.Contains(parties, p) {
			words = append(words, contactPartyShort[p])
		}
	}
	s := words[0]
	if len(words) > 1 {
		s = strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// contactPartyShort names each party inside a sentence.
var contactPartyShort = map[ContactParty]string{
	PartyWoman:         "her",
	PartyPartner:       "partner",
	PartyBaby:          "baby",
	PartyInterpreter:   "interpreter",
	PartyProfessionals: "other professionals",
}

// FirstLine returns the first non-blank line of the note, cut to max
// characters with "…", or "" when there is no note.
func (c *Contact) FirstLine(max int) string {
	for _, line := range strings.Split(c.Note, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			if r := []rune(line); len(r) > max {
				return strings.TrimSpace(string(r[:max-1])) + "…"
			}
			return line
		}
	}
	return ""
}

// ContactFromAppointment returns the contact an appointment's final
// attendance code records: at its start, by its mode, for its length,
// with her recorded as there when she was seen. The note is empty and
// unsigned, written by author.
func ContactFromAppointment(a *Appointment, author uint) Contact {
	c := Contact{
		ReferralID: a.ReferralID, AppointmentID: &a.ID, At: a.StartsAt.UTC(), Mode: a.Mode,
		DurationMinutes: a.DurationMinutes, Attendance: a.Attendance, AuthorID: author, Demo: a.Demo,
	}
	if a.Attendance.Held() {
		c.Present = string(PartyWoman)
	}
	return c
}
