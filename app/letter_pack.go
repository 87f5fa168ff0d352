package app

import (
	"fmt"
	"strings"
	"time"

	"perinatal-caseload/letters"
	"perinatal-caseload/models"
)

// PackLetter is one letter of a pack, ready to render: the content and the
// template version it was merged from.
type PackLetter struct {
	Letter          letters.Letter
	TemplateVersion int
}

// service returns the sending team as the settings describe it.
func (s *LetterService) service() letters.Service {
	var address []string
	for _, l := range strings.Split(s.setting(SetServiceAddress), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			address = append(address, l)
		}
	}
	return letters.Service{
		Name: s.setting(SetServiceName), Address: address, Phone: s.setting(SetServicePhone), Email: s.setting(SetServiceEmail),
		OfficeHours: s.setting(SetOfficeHours), DutyPhone: s.setting(SetDutyPhone), DutyHours: s.setting(SetDutyHours),
		CrisisLine: s.setting(SetCrisisPhone), AttendAnywhereLink: s.setting(SetAttendAnywhereLink),
	}
}

// BuildPack assembles the letter pack of one kind for a referral, without
// saving anything: the letter to the woman (or, for assessment-not-needed,
// to the referrer) and a copy to every other professional involved, each
// with the same "Copy to" list. Every field comes from this referral's own
// records.
//
// The pathway decides the letter: a kind that does not fit the referral's
// state (see models.LetterFits) is refused with a sentence saying why, and
// kind "" is the first kind that fits. A letter that would offer a
// cancelled, held or past appointment is refused, naming it. The letters
// are signed by the responsible clinician (see responsibleClinician), with
// a line saying so when actor is someone else.
func (s *LetterService) BuildPack(actor *models.StaffMember, referralID uint, kind models.LetterKind) ([]PackLetter, error) {
	return s.buildPack(actor, nil, referralID, kind)
}

// buildPack is BuildPack with the letters signed by signer, or by the
// responsible clinician when signer is nil.
func (s *LetterService) buildPack(actor, signer *models.StaffMember, referralID uint, kind models.LetterKind) ([]PackLetter, error) {
	if err := s.authorise(actor, models.PermViewReferrals); err != nil {
		return nil, err
	}
	r, err := s.loadReferralFull(s.db, referralID)
	if err != nil {
		return nil, err
	}
	appts, err := s.referralAppointments(s.db, referralID)
	if err != nil {
		return nil, err
	}
	if kind, err = chooseKind(kind, letterState(r, appts)); err != nil {
		return nil, err
	}
	if signer == nil {
		if signer, err = s.responsibleClinician(s.db, r, kind, appts); err != nil {
			return nil, err
		}
	}
	tmpl, err := (s).Template(kind)
	if err != nil {
		return nil, err
	}
	fields, err := s.fields(signer, r, kind, appts)
	if err != nil {
		return nil, err
	}
	herBody, proBody, err := mergeBodies(tmpl.Body, fields, kind)
	if err != nil {
		return nil, err
	}
	woman := letters.Person{Name: r.Patient.FullName(), Address: r.Patient.Address()}
	professionals, err := s.professionals(r)
	if err != nil {
		return nil, err
	}
	recipients := append([]letters.Person{woman}, professionals...)
	copyTo := professionals
	if letters.WrittenToReferrer(kind) {
		recipients = professionals
		copyTo = append([]letters.Person{{Name: woman.Name}}, professionals[1:]...)
	}
	base := letters.Letter{
		Kind: kind, Date: models.LondonDate(s.clock.Now()),
		Patient:    letters.Patient{Name: woman.Name, DateOfBirth: r.Patient.DateOfBirth, NHSNumber: nhsDigits(&r.Patient), Address: woman.Address},
		Author:     authorOf(signer),
		OnBehalfOf: onBehalfOf(signer, actor),
		Service:    s.service(),
	}
	pack := make([]PackLetter, 0, len(recipients))
	for i, to := range recipients {
		l := base
		l.Recipient = to
		l.CopyTo = withoutPerson(copyTo, to)
		l.Body = proBody
		if i == 0 && !letters.WrittenToReferrer(kind) {
			l.Body = herBody // the first letter is hers
		}
		pack = append(pack, PackLetter{Letter: l, TemplateVersion: tmpl.Version})
	}
	return pack, nil
}

// mergeBodies fills in a template twice: for her, and for the
// professionals, whose copies carry the clinical content under the PRSB
// headings (see letters.Fields.Reader).
func mergeBodies(tmpl string, f letters.Fields, kind models.LetterKind) (her, pro string, err error) {
	f.Reader = "her"
	if her, err = letters.Merge(tmpl, f); err != nil {
		return "", "", fmt.Errorf("the %s template cannot be filled in for this referral: %w", kind.Label(), err)
	}
	f.Reader = "professional"
	if pro, err = letters.Merge(tmpl, f); err != nil {
		return "", "", fmt.Errorf("the %s template cannot be filled in for this referral: %w", kind.Label(), err)
	}
	return her, pro, nil
}

func nhsDigits(p *models.Patient) string {
	if p.NHSNumber == nil {
		return ""
	}
	return *p.NHSNumber
}

// professionals lists the referrer, the GP practice (when the referrer is
// not her GP), the other professionals on the referral and the contacts of
// current joint working, without repeats. The referrer is always first.
func (s *LetterService) professionals(r *models.Referral) ([]letters.Person, error) {
	out := []letters.Person{professionalPerson(r.Referrer)}
	if r.Referrer.Role != string(models.ProfGP) && strings.TrimSpace(r.Patient.GPPractice) != "" {
		gp := professionalPerson(models.Professional{Name: "The GP", Organisation: r.Patient.GPPractice})
		gp.Role = ""
		out = append(out, gp)
	}
	for _, c := range r.CopyRecipients {
		out = append(out, professionalPerson(c.Professional))
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
		name, org := j.ContactName, j.Team
		if name == "" {
			name, org = j.Team, "" // the team itself is the recipient
		}
		p := professionalPerson(models.Professional{Name: name, Organisation: org, Address: j.Address})
		if len(p.Address) == 0 {
			p.Address = []string{j.Team}
		}
		p.Role = j.Service.Label()
		out = append(out, p)
	}
	return uniquePeople(out), nil
}

// professionalPerson addresses a professional. With no postal address the
// organisation stands in for it (internal post); with neither, the letter
// cannot be sent and rendering says so.
func professionalPerson(p models.Professional) letters.Person {
	person := letters.Person{Name: p.Name, Role: models.ProfessionalRole(p.Role).Label(), Organisation: p.Organisation, Address: splitLines(p.Address)}
	if len(person.Address) == 0 && person.Organisation != "" {
		person.Address = []string{person.Organisation}
	}
	return person
}

func splitLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func uniquePeople(in []letters.Person) []letters.Person {
	seen := map[string]bool{}
	var out []letters.Person
	for _, p := range in {
		key := strings.ToLower(p.Name + "|" + p.Organisation)
		if !seen[key] {
			seen[key] = true
			out = append(out, p)
		}
	}
	return out
}

func withoutPerson(list []letters.Person, p letters.Person) []letters.Person {
	var out []letters.Person
	for _, x := range list {
		if x.Name != p.Name || x.Organisation != p.Organisation {
			out = append(out, x)
		}
	}
	return out
}

// fields gathers the template fields of a letter of kind from the
// referral's own records and her appointments, for a letter signed by
// signer.
func (s *LetterService) fields(signer *models.StaffMember, r *models.Referral, kind models.LetterKind, appts []models.Appointment) (letters.Fields, error) {
	f := letters.Fields{
		FirstName: r.Patient.GivenName, FullName: r.Patient.FullName(),
		DateOfBirth: r.Patient.DateOfBirth.UK(), NHSNumber: r.Patient.NHSNumberText(),
		LetterDate:   letters.LongDate(models.LondonDate(s.clock.Now())),
		ReferralDate: letters.LongDate(models.LondonDate(r.ReceivedAt)),
		ReferrerName: r.Referrer.Name, ReferrerRole: models.ProfessionalRole(r.Referrer.Role).Label(),
		AuthorName: signer.Name, AuthorRole: signer.JobTitle,
	}
	f.SetService(s.service())
	decisionFields(&f, r, kind)
	if err := s.offeredFields(&f, kind, appts); err != nil {
		return f, err
	}
	outcomeFields(&f, r, kind)
	var alloc models.Allocation
	// The latest allocation: the current one, or for a closed referral the
	// one that ended when it closed.
	if err := s.db.Preload("KeyWorker").Where("referral_id = ?", r.ID).Order("allocated_at DESC, id DESC").Limit(1).Find(&alloc).Error; err != nil {
		return f, err
	}
	if alloc.ID != 0 && (alloc.EndedAt == nil || r.Status == models.StatusClosed) {
		f.KeyWorkerName, f.KeyWorkerRole = alloc.KeyWorker.Name, strings.ToLower(alloc.KeyWorker.JobTitle)
	}
	return f, nil
}

func letterDay(t time.Time) string { return t.In(models.London).Format("Monday 2 January 2006") }

func personLine(m models.StaffMember) string {
	if m.JobTitle == "" {
		return m.Name
	}
	return m.Name + ", " + strings.ToLower(m.JobTitle)
}
