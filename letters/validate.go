package letters

import (
	"fmt"
	"slices"
	"strings"

	"perinatal-caseload/models"
)

// FieldError reports a letter that cannot be printed as given. Field names
// the part of the letter at fault in words ("patient's NHS number"), and
// Problem says what to do. Neither ever contains patient data, so the error
// is safe to log.
type FieldError struct {
	Field   string
	Problem string
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Problem }

func fieldErr(field, format string, args ...any) error {
	return &FieldError{Field: field, Problem: fmt.Sprintf(format, args...)}
}

// maxNameRunes bounds names so that the identity line fits every footer.
const maxNameRunes = 80

// prepared is a validated letter with every text cleaned and formatted,
// ready for layout.
type prepared struct {
	kind       models.LetterKind
	date       string // 23 November 2026
	name       string // the woman's name
	dob        string // 23/11/1994
	nhs        string // 943 476 5919
	window     []string
	copyTo     []string
	authorName string
	authorRole string
	closing    string
	body       string
	service    Service
}

// prepare checks a letter and cleans its text. It refuses anything that
// would print wrongly: missing identity details, an invalid NHS number, or a
// character the font cannot draw.
func prepare(l Letter) (*prepared, error) {
	cov, err := fontCoverage()
	if err != nil {
		return nil, err
	}
	p := &prepared{kind: l.Kind}
	if !slices.Contains(models.LetterKinds, l.Kind) {
		return nil, fieldErr("letter kind", "%q is not a kind of letter; use one of %s", string(l.Kind), kindList())
	}
	if l.Date.IsZero() {
		return nil, fieldErr("letter date", "enter the date the letter is sent")
	}
	p.date = l.Date.Long()

	// The woman's identity, printed on every page.
	if p.name = cleanLine(l.Patient.Name); p.name == "" {
		return nil, fieldErr("patient's name", "enter her name; every page must show it")
	}
	if len([]rune(p.name)) > maxNameRunes {
		return nil, fieldErr("patient's name", "shorten it to %d characters or fewer so that it fits on every page", maxNameRunes)
	}
	if l.Patient.DateOfBirth.IsZero() {
		return nil, fieldErr("patient's date of birth", "enter her date of birth; every page must show it")
	}
	if l.Patient.DateOfBirth.After(l.Date) {
		return nil, fieldErr("patient's date of birth", "it is after the letter date; check it")
	}
	p.dob = l.Patient.DateOfBirth.UK()
	nhs, err := models.NormaliseNHSNumber(l.Patient.NHSNumber)
	if err != nil {
		return nil, fieldErr("patient's NHS number", "%s", strings.TrimPrefix(err.Error(), "NHS number: "))
	}
	p.nhs = models.FormatNHSNumber(nhs)

	// The recipient, shown through the envelope window.
	rname := cleanLine(l.Recipient.Name)
	if rname == "" {
		return nil, fieldErr("recipient's name", "enter who the letter is to")
	}
	addr := cleanLines(l.Recipient.Address)
	if len(addr) == 0 {
		return nil, fieldErr("recipient's address", "enter the postal address; it shows through the envelope window")
	}
	p.window = append(p.window, rname)
	if v := cleanLine(l.Recipient.Role); v != "" {
		p.window = append(p.window, v)
	}
	if v := cleanLine(l.Recipient.Organisation); v != "" && v != addr[0] {
		p.window = append(p.window, v) // an address that starts with the organisation names it once
	}
	p.window = append(p.window, addr...)
	if len(p.window) > maxWindowLines {
		return nil, fieldErr("recipient's address", "use at most %d lines in all (name, role, organisation and address) so that it shows through the envelope window", maxWindowLines)
	}

	for i, c := range l.CopyTo {
		n := cleanLine(c.Name)
		if n == "" {
			return nil, fieldErr(fmt.Sprintf("copy %d", i+1), "enter the name of the person the letter is copied to, or remove the copy")
		}
		parts := []string{n}
		for _, v := range []string{c.Role, c.Organisation} {
			if v = cleanLine(v); v != "" {
				parts = append(parts, v)
			}
		}
		p.copyTo = append(p.copyTo, strings.Join(parts, ", "))
	}

	if p.authorName = cleanLine(l.Author.Name); p.authorName == "" {
		return nil, fieldErr("author", "enter the name of the person signing the letter")
	}
	p.authorRole = cleanLine(l.Author.Role)
	if p.closing = cleanLine(l.Closing); p.closing == "" {
		p.closing = defaultClosing
	}
	if p.body = cleanBody(l.Body); p.body == "" {
		return nil, fieldErr("letter text", "the letter has no text; merge the template first")
	}

	s := l.Service
	p.service = Service{
		Name:         cleanLine(s.Name),
		Organisation: cleanLine(s.Organisation),
		Address:      cleanLines(s.Address),
		Phone:        cleanLine(s.Phone),
		Email:        cleanLine(s.Email),
		OfficeHours:  cleanLine(s.OfficeHours),
		DutyPhone:    cleanLine(s.DutyPhone),
		DutyHours:    cleanLine(s.DutyHours),
		CrisisLine:   cleanLine(s.CrisisLine),
	}
	for _, req := range []struct{ value, field string }{
		{p.service.Name, "service name"},
		{p.service.CrisisLine, "Mental Health Central Access Point telephone"},
		{p.service.DutyPhone, "duty worker telephone"},
		{p.service.DutyHours, "duty worker hours"},
	} {
		if req.value == "" {
			return nil, fieldErr("settings, "+req.field, "enter it in Settings; every letter prints it")
		}
	}
	return p, p.checkPrintable(cov)
}

// checkPrintable refuses any text with a character the font cannot draw.
func (p *prepared) checkPrintable(cov *coverage) error {
	check := func(field, s string) error {
		if r, bad := firstUnprintable(cov, s); bad {
			return fieldErr(field, "the character %q (U+%04X) cannot be printed in letters; replace it", r, r)
		}
		return nil
	}
	texts := []struct{ field, s string }{
		{"patient's name", p.name},
		{"recipient's name and address", strings.Join(p.window, " ")},
		{"copy list", strings.Join(p.copyTo, " ")},
		{"author", p.authorName + " " + p.authorRole},
		{"closing", p.closing},
		{"letter text", p.body},
		{"settings, service details", strings.Join(append([]string{p.service.Name, p.service.Organisation,
			p.service.Phone, p.service.Email, p.service.OfficeHours, p.service.DutyPhone,
			p.service.DutyHours, p.service.CrisisLine}, p.service.Address...), " ")},
	}
	for _, t := range texts {
		if err := check(t.field, t.s); err != nil {
			return err
		}
	}
	return nil
}

func kindList() string {
	names := make([]string, len(models.LetterKinds))
	for i, k := range models.LetterKinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}
