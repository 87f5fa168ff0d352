package app

import (
	"fmt"
	"strings"

	"perinatal-caseload/letters"
	"perinatal-caseload/models"
)

// Who gets a pack, and how.
//
// A pack has exactly one original: the letter to the woman, or, for a kind
// written to the referrer, the letter to the referrer. Every other letter
// in it is the same letter, marked as a copy, with its recipient's address
// in the envelope window. Every letter carries the same "Copy to" list,
// which names exactly the people who are posted a copy.
//
// Every professional's letter needs a full postal address, from the
// directory of organisations or their own record; a pack in which one is
// missing is refused, naming them (see MissingAddressError). A letter to
// the woman goes where her communication needs allow (see
// models.CommunicationNeeds.PostTo): home, the safe address she gave, or
// nowhere, when it is held with the reason. Her letters are in large print
// when she needs it, say what interpreter will be booked, and, when there
// is a template in her language, come with that letter as well as the
// English one.

// Register roles of the recipients who are not professionals with a role.
const (
	rolePatient    = "patient"
	roleGPPractice = "GP practice"
)

// MissingAddress is a professional or organisation that should get a letter
// but has no full postal address.
type MissingAddress struct {
	// Role says who they are in the pack, such as "the referrer (GP)" or
	// "her GP practice".
	Role string
	// Name is the professional's (or the organisation's) name.
	Name string
	// Organisation is their organisation as recorded, if any.
	Organisation string
}

func (m MissingAddress) String() string {
	s := m.Role + ", " + m.Name
	if m.Organisation != "" && m.Organisation != m.Name {
		s += " (" + m.Organisation + ")"
	}
	return s
}

// MissingAddressError refuses a pack because some of the professionals who
// should get a letter have no full postal address. It names each by role
// and name, never the woman, and says how to add the address. Nothing was
// saved.
type MissingAddressError struct {
	Missing []MissingAddress
}

func (e *MissingAddressError) Error() string {
	var who string
	if len(e.Missing) == 1 {
		who = "there is no full postal address for " + e.Missing[0].String()
	} else {
		names := make([]string, len(e.Missing))
		for i, m := range e.Missing {
			names[i] = m.String()
		}
		who = fmt.Sprintf("there is no full postal address for %d of the people who get one: %s", len(e.Missing), strings.Join(names, "; "))
	}
	return "The letters cannot be made: " + who + ". Add it on the Directory screen: give the organisation its address " +
		"(or add the organisation), or link the professional to their organisation, or type their full address with its postcode; then try again."
}

// packRecipient is one letter of a pack before it is made.
type packRecipient struct {
	person letters.Person
	role   string // the register's recipient role
	her    bool   // the letter goes to the woman herself
	refers bool   // the letter goes to the referrer
	hold   string // why it is held, or ""
}

// recipientsOf lists who gets a letter about referral r: first the original
// recipient (her, or the referrer for a kind written to the referrer), then
// the rest. route is where a letter to her may go.
func (s *LetterService) recipientsOf(r *models.Referral, kind models.LetterKind, route models.PostalRoute) ([]packRecipient, error) {
	her := packRecipient{person: letters.Person{Name: r.Patient.LetterName(), Address: route.Address}, role: rolePatient, her: true, hold: route.HoldReason}
	professionals, err := s.professionalRecipients(r)
	if err != nil {
		return nil, err
	}
	if letters.WrittenToReferrer(kind) && len(professionals) > 0 && professionals[0].refers {
		return append([]packRecipient{professionals[0], her}, professionals[1:]...), nil
	}
	return append([]packRecipient{her}, professionals...), nil
}

// professionalRecipients lists the referrer, her GP practice (when the
// referrer is not her GP), the other professionals on the referral and the
// contacts of current joint working, without repeats, the referrer first.
// A self-referral has no referrer to write to. Anyone without a full
// postal address makes it a *MissingAddressError.
func (s *LetterService) professionalRecipients(r *models.Referral) ([]packRecipient, error) {
	book := newAddressBook(s.db)
	var out []packRecipient
	var missing []MissingAddress
	add := func(p letters.Person, role, roleWords string, referrer bool) {
		if len(p.Address) == 0 {
			missing = append(missing, MissingAddress{Role: roleWords, Name: p.Name, Organisation: p.Organisation})
		}
		out = append(out, packRecipient{person: p, role: role, refers: referrer})
	}
	professional := func(p models.Professional, roleWords string, referrer bool) error {
		where, err := book.professional(p)
		if err != nil {
			return err
		}
		role := professionalRoleLabel(p.Role)
		if role != "" {
			roleWords += " (" + role + ")"
		}
		add(letters.Person{Name: p.Name, Role: role, Organisation: where.Organisation, Address: where.Lines}, role, roleWords, referrer)
		return nil
	}
	if r.Referrer.Role != string(models.ProfSelf) && strings.TrimSpace(r.Referrer.Name) != "" {
		if err := professional(r.Referrer, "the referrer", true); err != nil {
			return nil, err
		}
	}
	if r.Referrer.Role != string(models.ProfGP) && (strings.TrimSpace(r.Patient.GPPractice) != "" || r.Patient.GPPracticeID != nil) {
		o, err := book.gpPractice(&r.Patient)
		if err != nil {
			return nil, err
		}
		gp := letters.Person{Name: "The GP", Organisation: strings.TrimSpace(r.Patient.GPPractice)}
		if o != nil {
			gp.Organisation = o.Name
			if inUse(o) != nil {
				gp.Address = o.Address()
			}
		}
		out = append(out, packRecipient{person: gp, role: roleGPPractice})
		if len(gp.Address) == 0 {
			missing = append(missing, MissingAddress{Role: "her GP practice", Name: gp.Organisation})
		}
	}
	for _, c := range r.CopyRecipients {
		if err := professional(c.Professional, "a professional copied in", false); err != nil {
			return nil, err
		}
	}
	var joint []models.JointWorking
	if err := s.db.Where("referral_id = ?", r.ID).Order("id").Find(&joint).Error; err != nil {
		return nil, err
	}
	today := involvementDate(r, s.clock.Now())
	for _, j := range joint {
		if !j.Active(today) || (j.ContactName == "" && j.Team == "") {
			continue
		}
		where, err := book.team(j.Team, j.Address)
		if err != nil {
			return nil, err
		}
		p := letters.Person{Name: j.ContactName, Organisation: where.Organisation, Address: where.Lines}
		if p.Name == "" {
			p.Name, p.Organisation = where.Organisation, "" // the team itself is the recipient
		}
		role := ""
		if j.Service != models.JointOther {
			role = j.Service.Label() // "Other service" says nothing to the reader
		}
		p.Role = role
		words := "the joint-working contact"
		if role != "" {
			words += " (" + strings.ToLower(role) + ")"
		}
		add(p, role, words, false)
	}
	out = uniqueRecipients(out)
	if len(missing) > 0 {
		return nil, &MissingAddressError{Missing: uniqueMissing(missing)}
	}
	return out, nil
}

// professionalRoleLabel is a professional's role as a letter prints it: the
// role in words, or nothing for a role that says nothing ("Other health
// professional").
func professionalRoleLabel(role string) string {
	switch models.ProfessionalRole(role) {
	case models.ProfOther, models.ProfSelf:
		return ""
	}
	return strings.TrimSpace(models.ProfessionalRole(role).Label())
}

func uniqueRecipients(in []packRecipient) []packRecipient {
	seen := map[string]bool{}
	var out []packRecipient
	for _, p := range in {
		key := strings.ToLower(p.person.Name + "|" + p.person.Organisation)
		if !seen[key] {
			seen[key] = true
			out = append(out, p)
		}
	}
	return out
}

func uniqueMissing(in []MissingAddress) []MissingAddress {
	seen := map[string]bool{}
	var out []MissingAddress
	for _, m := range in {
		if key := m.String(); !seen[key] {
			seen[key] = true
			out = append(out, m)
		}
	}
	return out
}

// addressPack turns the merged letter base into the pack for referral r:
// one letter per recipient, the first the original and the rest copies,
// each with the same "Copy to" list naming exactly those posted a copy.
// A letter to her that may not be posted is in the pack, held, with the
// reason. herBody is her letter's text and proBody the professionals' (with
// the clinical content under the PRSB headings); fields are the template
// fields for her, for her letter in her language.
func (s *LetterService) addressPack(r *models.Referral, base letters.Letter, templateVersion int, fields letters.Fields, herBody, proBody string) ([]PackLetter, error) {
	needs := r.Patient.CommunicationNeeds
	route := needs.PostTo(r.ConsentObtained, r.Patient.Address())
	if route.SafeAddress || route.Held() {
		base.Patient.Address = route.Address // her home address is not on letters that must not reveal it
	}
	recipients, err := s.recipientsOf(r, base.Kind, route)
	if err != nil {
		return nil, err
	}
	if recipients[0].her {
		herBody = withInterpreter(herBody, needs.Interpreter())
		proBody = withInterpreter(proBody, needs.Interpreter())
	}
	var copyTo []letters.Person
	for _, to := range recipients[1:] {
		if to.hold == "" {
			copyTo = append(copyTo, letters.Person{Name: to.person.Name, Role: to.person.Role, Organisation: to.person.Organisation})
		}
	}
	base.CopyTo = copyTo
	pack := make([]PackLetter, 0, len(recipients)+1)
	for i, to := range recipients {
		l := base
		l.Recipient = fitWindow(to.person)
		l.Body = proBody
		if to.her {
			l.Body = herBody
		}
		l.Copy = i > 0
		l.LargePrint = to.her && needs.LargePrint
		pack = append(pack, PackLetter{Letter: l, TemplateVersion: templateVersion, Role: to.role, HoldReason: to.hold})
		if i == 0 && to.her {
			translated, err := s.inHerLanguage(l, needs, fields, to.hold)
			if err != nil {
				return nil, err
			}
			pack = append(pack, translated...)
		}
	}
	return pack, nil
}

// inHerLanguage returns her letter in her language, from the template of
// the kind in her language, or nothing when there is none. english is her
// letter in English, which stays in the pack beside it.
func (s *LetterService) inHerLanguage(english letters.Letter, needs models.CommunicationNeeds, fields letters.Fields, hold string) ([]PackLetter, error) {
	if needs.Language == "" || needs.Language == models.LanguageOther {
		return nil, nil
	}
	tmpl, ok, err := s.languageTemplate(english.Kind, needs.Language)
	if err != nil || !ok {
		return nil, err
	}
	body, err := letters.Merge(tmpl.Body, fields)
	if err != nil {
		return nil, fmt.Errorf("the %s template in %s cannot be filled in for this referral: %w", english.Kind.Label(), models.LanguageName(needs.Language), err)
	}
	l := english
	l.Body = body
	return []PackLetter{{Letter: l, TemplateVersion: tmpl.Version, Role: rolePatient, HoldReason: hold, Language: needs.Language}}, nil
}

// withInterpreter adds to her letter what interpreting will be arranged,
// when she needs an interpreter, so the letter and every copy say so.
func withInterpreter(body string, need models.InterpreterNeed) string {
	if !need.Needed() {
		return body
	}
	who := "an interpreter in " + need.Interpreters()[0]
	if list := need.Interpreters(); len(list) > 1 {
		who = "interpreters in " + strings.Join(list, " and ")
	}
	text := "# Interpreter\n\nWe will book " + who + " for your appointments with us, at no cost to you. " +
		"You do not need to bring a family member or friend to interpret."
	if need.Spoken != "" {
		text += " If you ring us, tell us which language you speak and we will call you back with an interpreter."
	}
	return strings.TrimRight(body, "\n") + "\n\n" + text
}

// maxWindow is the most lines the envelope window shows (see package
// letters): the name, role and organisation, then the address.
const maxWindow = 8

// fitWindow keeps a professional's window to what the envelope shows,
// leaving out the role, then the organisation, when the address is long,
// so that a postal address the directory accepts is never refused.
func fitWindow(p letters.Person) letters.Person {
	lines := func() int {
		n := 1 + len(p.Address)
		if p.Role != "" {
			n++
		}
		if p.Organisation != "" && (len(p.Address) == 0 || p.Organisation != p.Address[0]) {
			n++
		}
		return n
	}
	if lines() > maxWindow {
		p.Role = ""
	}
	if lines() > maxWindow {
		p.Organisation = ""
	}
	return p
}
