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
	// Role is the recipient's role for the register: "patient" for her,
	// otherwise the professional's role in words (see addressPack).
	Role string
	// HoldReason, when not empty, says why this letter to her is held
	// rather than posted; it is recorded in the register, not printed.
	HoldReason string
	// Language is the code of the language of her letter from a template
	// in her language; "" for English.
	Language string
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
// saving anything: the original to the woman (or, for assessment-not-needed,
// to the referrer) and a copy to every other professional involved, each
// with the same body and the same "Copy to" list (see addressPack for who
// gets one, where it goes, and when her letter is held). A professional
// without a full postal address makes it a *MissingAddressError. Every
// field comes from this referral's own records.
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
	base := letters.Letter{
		Kind: kind, Date: models.LondonDate(s.clock.Now()),
		Patient: letters.Patient{Name: r.Patient.LetterName(), DateOfBirth: r.Patient.DateOfBirth, NHSNumber: nhsDigits(&r.Patient), Address: r.Patient.Address()},
		Author:  letters.Person{Name: signer.Name, Role: signer.JobTitle},
		Body:    body, Service: s.service(),
	}
	return s.addressPack(r, base, tmpl.Version, fields)
}

func nhsDigits(p *models.Patient) string {
	if p.NHSNumber == nil {
		return ""
	}
	return *p.NHSNumber
}

// fields gathers the template fields from the referral's own records.
func (s *LetterService) fields(actor *models.StaffMember, r *models.Referral) (letters.Fields, error) {
	f := letters.Fields{
		FirstName: r.Patient.LetterGivenName(), FullName: r.Patient.LetterName(),
		DateOfBirth: r.Patient.DateOfBirth.UK(), NHSNumber: r.Patient.NHSNumberText(),
		LetterDate:   letters.LongDate(models.LondonDate(s.clock.Now())),
		ReferralDate: letters.LongDate(models.LondonDate(r.ReceivedAt)),
		ReferrerName: r.Referrer.Name, ReferrerRole: models.ProfessionalRole(r.Referrer.Role).Label(),
		ReferrerSalutation: r.Referrer.Salutation(),
		Reason:             r.DecisionReason,
		AuthorName:         actor.Name, AuthorRole: actor.JobTitle,
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
