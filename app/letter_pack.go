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

// KindFor returns the letter a referral's current state calls for.
func KindFor(r *models.Referral) (models.LetterKind, error) {
	switch r.Status {
	case models.StatusAccepted, models.StatusAssessmentBooked:
		return models.LetterAcceptance, nil
	case models.StatusCaseload:
		return models.LetterOutcomeCaseload, nil
	case models.StatusMedicalReview:
		return models.LetterOutcomeMedical, nil
	case models.StatusNotAccepted:
		return models.LetterNotAccepted, nil
	case models.StatusClosed:
		return models.LetterOutcomeDischarge, nil
	}
	return "", fmt.Errorf("a referral that is %s has no outcome letter yet; record the decision first", strings.ToLower(r.Status.Label()))
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
// with the same body and the same "Copy to" list. Every field comes from
// this referral's own records.
func (s *LetterService) BuildPack(actor *models.StaffMember, referralID uint, kind models.LetterKind) ([]PackLetter, error) {
	return s.buildPack(actor, actor, referralID, kind)
}

// buildPack is BuildPack with the letters signed by signer.
func (s *LetterService) buildPack(actor, signer *models.StaffMember, referralID uint, kind models.LetterKind) ([]PackLetter, error) {
	if err := s.authorise(actor, models.PermViewReferrals); err != nil {
		return nil, err
	}
	r, err := s.loadReferralFull(s.db, referralID)
	if err != nil {
		return nil, err
	}
	if kind == "" {
		if kind, err = KindFor(r); err != nil {
			return nil, err
		}
	}
	tmpl, err := (s).Template(kind)
	if err != nil {
		return nil, err
	}
	fields, err := s.fields(signer, r)
	if err != nil {
		return nil, err
	}
	body, err := letters.Merge(tmpl.Body, fields)
	if err != nil {
		return nil, fmt.Errorf("the %s template cannot be filled in for this referral: %w", kind.Label(), err)
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
		Patient: letters.Patient{Name: woman.Name, DateOfBirth: r.Patient.DateOfBirth, NHSNumber: nhsDigits(&r.Patient), Address: woman.Address},
		Author:  letters.Person{Name: signer.Name, Role: signer.JobTitle},
		Body:    body, Service: s.service(),
	}
	pack := make([]PackLetter, 0, len(recipients))
	for _, to := range recipients {
		l := base
		l.Recipient = to
		l.CopyTo = withoutPerson(copyTo, to)
		pack = append(pack, PackLetter{Letter: l, TemplateVersion: tmpl.Version})
	}
	return pack, nil
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
// The CMHT care coordinator (or team) named on the referral form is copied
// in until the team records joint working with a CMHT, as accepting her
// does (see cmhtJointWorking); from then the records say who is copied.
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
	today := models.LondonDate(s.clock.Now())
	cmhtRecorded := false
	for _, j := range joint {
		cmhtRecorded = cmhtRecorded || j.Service == models.JointCMHT
		if !j.Active(today) || (j.ContactName == "" && j.Team == "") {
			continue
		}
		out = append(out, jointContact(j.Service, j.ContactName, j.Team, j.Address))
	}
	if cs := r.CurrentServices; !cmhtRecorded && (cs.CareCoordinator != "" || cs.CMHTTeam != "") {
		out = append(out, jointContact(models.JointCMHT, strings.TrimSpace(cs.CareCoordinator), strings.TrimSpace(cs.CMHTTeam), ""))
	}
	return uniquePeople(out), nil
}

// jointContact addresses the contact of a service the team works jointly
// with: the named contact at the team, or the team itself. With no postal
// address, the team's name stands in for it (internal post).
func jointContact(service models.JointService, contact, team, address string) letters.Person {
	name, org := contact, team
	if name == "" {
		name, org = team, "" // the team itself is the recipient
	}
	p := professionalPerson(models.Professional{Name: name, Organisation: org, Address: address})
	if len(p.Address) == 0 {
		p.Address = []string{team}
	}
	p.Role = service.Label()
	return p
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

// fields gathers the template fields from the referral's own records.
func (s *LetterService) fields(actor *models.StaffMember, r *models.Referral) (letters.Fields, error) {
	f := letters.Fields{
		FirstName: r.Patient.GivenName, FullName: r.Patient.FullName(),
		DateOfBirth: r.Patient.DateOfBirth.UK(), NHSNumber: r.Patient.NHSNumberText(),
		LetterDate:   letters.LongDate(models.LondonDate(s.clock.Now())),
		ReferralDate: letters.LongDate(models.LondonDate(r.ReceivedAt)),
		ReferrerName: r.Referrer.Name, ReferrerRole: models.ProfessionalRole(r.Referrer.Role).Label(),
		Reason:     r.DecisionReason,
		AuthorName: actor.Name, AuthorRole: actor.JobTitle,
	}
	f.SetService(s.service())
	f.VideoLink = ""
	if rec, err := StoredRecommendation(r); err == nil {
		var advice []string
		for _, code := range rec.Signpost {
			advice = append(advice, models.SignpostLabel(code))
		}
		f.SignpostText = strings.Join(advice, "; ")
	}
	var appts []models.Appointment
	if err := s.db.Preload("Clinician").Where("referral_id = ?", r.ID).Order("starts_at").Find(&appts).Error; err != nil {
		return f, err
	}
	for _, a := range appts {
		cancelled := a.Attendance == models.AttendCancelledByPatient || a.Attendance == models.AttendCancelledByService
		switch {
		case a.Kind == models.KindInitialAssessment && !cancelled:
			f.AppointmentDate, f.AppointmentTime = letterDay(a.StartsAt), letters.ClockTime(a.StartsAt.In(models.London))
			f.AppointmentWith = personLine(a.Clinician)
			f.VideoLink = ""
			if a.Mode == models.ModeVideo {
				f.VideoLink = a.VideoLink
			}
			if a.Attendance == models.AttendOnTime || a.Attendance == models.AttendLateSeen {
				f.AssessmentDate = letterDay(a.StartsAt)
			}
		case a.Kind == models.KindMedicalReview && !cancelled && a.Attendance == models.AttendFuture:
			f.ReviewClinician = personLine(a.Clinician)
			f.ReviewDate, f.ReviewTime = letterDay(a.StartsAt), letters.ClockTime(a.StartsAt.In(models.London))
		}
	}
	var alloc models.Allocation
	if err := s.db.Preload("KeyWorker").Where("referral_id = ? AND ended_at IS NULL", r.ID).Limit(1).Find(&alloc).Error; err != nil {
		return f, err
	}
	if alloc.ID != 0 {
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
