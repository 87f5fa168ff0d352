package letters

import (
	"slices"
	"strings"

	"perinatal-caseload/models"
)

// fieldErr reports a letter that cannot be printed as given: a
// *models.FieldError naming the part of the letter at fault (one of the
// models.FieldLetter… IDs, labelled in words such as "patient's NHS
// number") and saying what to do. Neither ever contains patient data, so
// the error is safe to log.
func fieldErr(field models.FieldID, format string, args ...any) error {
	return models.NewFieldError(field, format, args...)
}

// Parts of a letter that only this package names: the images it draws.
const (
	FieldLetterLogo      models.FieldID = "letter.service.logo"
	FieldLetterSignature models.FieldID = "letter.author.signature"
)

func init() {
	models.DefineFields(map[models.FieldID]string{
		FieldLetterLogo:      "settings, letterhead logo",
		FieldLetterSignature: "author's signature image",
	})
}

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
	authorReg  string // professional registration, "GMC 1234567"
	onBehalf   string // "Issued by … on behalf of …."
	closing    string
	body       string
	service    Service
	signature  []byte // the author's signature image, or nil
	st         style
	draft      bool
	copy       bool

	// Set by the document when it lays the letter out.
	logo, sigPicture *picture // the images as registered, or nil
	foot             footerPlan
}

// prepare checks a letter and cleans its text. It refuses anything that
// would print wrongly: missing identity details, an invalid NHS number, or a
// character the font cannot draw.
func prepare(l Letter) (*prepared, error) {
	cov, err := fontCoverage()
	if err != nil {
		return nil, err
	}
	p := &prepared{kind: l.Kind, st: standard, draft: l.Draft, copy: l.Copy, signature: l.Author.Signature}
	if l.LargePrint {
		p.st = largePrint
	}
	if !slices.Contains(models.LetterKinds, l.Kind) && !slices.Contains(models.DocumentKinds, l.Kind) {
		return nil, fieldErr(models.FieldLetterKind, "%q is not a kind of letter; use one of %s", string(l.Kind), kindList())
	}
	if l.Date.IsZero() {
		return nil, fieldErr(models.FieldLetterDate, "enter the date the letter is sent")
	}
	p.date = l.Date.Long()

	// The woman's identity, printed on every page.
	if p.name = cleanLine(l.Patient.Name); p.name == "" {
		return nil, fieldErr(models.FieldLetterPatientName, "enter her name; every page must show it")
	}
	if len([]rune(p.name)) > models.MaxNameRunes {
		return nil, fieldErr(models.FieldLetterPatientName, "shorten it to %d characters or fewer so that it fits on every page", models.MaxNameRunes)
	}
	if l.Patient.DateOfBirth.IsZero() {
		return nil, fieldErr(models.FieldLetterPatientDOB, "enter her date of birth; every page must show it")
	}
	if l.Patient.DateOfBirth.After(l.Date) {
		return nil, fieldErr(models.FieldLetterPatientDOB, "it is after the letter date; check it")
	}
	p.dob = l.Patient.DateOfBirth.UK()
	nhs, err := models.NormaliseNHSNumber(l.Patient.NHSNumber)
	if err != nil {
		return nil, models.OnField(models.FieldLetterPatientNHS, err)
	}
	p.nhs = models.FormatNHSNumber(nhs)

	// The recipient, shown through the envelope window.
	rname := cleanLine(l.Recipient.Name)
	if rname == "" {
		return nil, fieldErr(models.FieldLetterRecipientName, "enter who the letter is to")
	}
	addr := cleanLines(l.Recipient.Address)
	if len(addr) == 0 {
		return nil, fieldErr(models.FieldLetterRecipientAddr, "enter the postal address; it shows through the envelope window")
	}
	p.window = append(p.window, rname)
	if v := cleanLine(l.Recipient.Role); v != "" {
		p.window = append(p.window, v)
	}
	if v := cleanLine(l.Recipient.Organisation); v != "" && v != addr[0] {
		p.window = append(p.window, v) // an address that starts with the organisation names it once
	}
	p.window = append(p.window, addr...)

	for i, c := range l.CopyTo {
		n := cleanLine(c.Name)
		if n == "" {
			return nil, fieldErr(models.FieldLetterCopyTo.Item(i), "enter the name of the person the letter is copied to, or remove the copy")
		}
		p.copyTo = append(p.copyTo, joinNonEmpty(", ", n, cleanLine(c.Role), cleanLine(c.Organisation)))
	}

	if p.authorName = cleanLine(l.Author.Name); p.authorName == "" {
		return nil, fieldErr(models.FieldLetterAuthor, "enter the name of the person signing the letter")
	}
	p.authorRole = cleanLine(l.Author.Role)
	p.authorReg = cleanLine(l.Author.Registration)
	p.onBehalf = cleanLine(l.OnBehalfOf)
	if p.closing = cleanLine(l.Closing); p.closing == "" {
		p.closing = defaultClosing
	}
	if p.body = cleanBody(l.Body); p.body == "" {
		return nil, fieldErr(models.FieldLetterBody, "the letter has no text; merge the template first")
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
		Logo:         s.Logo,
	}
	for _, req := range []struct {
		value string
		field models.FieldID
	}{
		{p.service.Name, models.FieldLetterServiceName},
		{p.service.CrisisLine, models.FieldLetterCrisisLine},
		{p.service.DutyPhone, models.FieldLetterDutyPhone},
		{p.service.DutyHours, models.FieldLetterDutyHours},
	} {
		if req.value == "" {
			return nil, fieldErr(req.field, "enter it in Settings; every letter prints it")
		}
	}
	return p, p.checkPrintable(cov)
}

// checkPrintable refuses any text with a character the font cannot draw.
func (p *prepared) checkPrintable(cov *coverage) error {
	// The messages give the character's code and script, not the character
	// itself: it may be part of her name.
	check := func(field models.FieldID, s string) error {
		r, bad := firstUnprintable(cov, s)
		if !bad {
			return nil
		}
		if field == models.FieldLetterPatientName {
			if c, script := models.CheckNameScript(s); c == models.NameOtherScript {
				return fieldErr(field, "it is written in %s, which letters cannot print; record her name in Latin script for letters", scriptPhrase(script))
			}
		}
		return fieldErr(field, "it has a character letters cannot print (U+%04X); replace it", r)
	}
	texts := []struct {
		field models.FieldID
		s     string
	}{
		{models.FieldLetterPatientName, p.name},
		{models.FieldLetterRecipient, strings.Join(p.window, " ")},
		{models.FieldLetterCopyTo, strings.Join(p.copyTo, " ")},
		{models.FieldLetterAuthor, p.authorName + " " + p.authorRole + " " + p.authorReg + " " + p.onBehalf},
		{models.FieldLetterClosing, p.closing},
		{models.FieldLetterBody, p.body},
		{models.FieldLetterService, strings.Join(append([]string{p.service.Name, p.service.Organisation,
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

// scriptPhrase names a script as models.CheckNameScript gives it: "Arabic
// script", or "another script".
func scriptPhrase(script string) string {
	if script == "another script" {
		return script
	}
	return script + " script"
}

func kindList() string {
	names := make([]string, len(models.LetterKinds))
	for i, k := range models.LetterKinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}
