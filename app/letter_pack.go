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

// service returns the sending team as the settings describe it (see
// letterhead, in letterhead.go).
func (s *LetterService) service() letters.Service { return s.letterhead() }

// BuildPack assembles the letter pack of one kind for a referral, without
// saving anything: the letter to the woman (or, for assessment-not-needed,
// to the referrer) and a copy to every other professional involved, each
// with the same "Copy to" list (see addressPack for who gets one, where it
// goes, and when her letter is held). A professional without a full postal
// address makes it a *MissingAddressError. Every field comes from this
// referral's own records.
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
	r, appts, state, err := s.referralForLetters(referralID, s.loadReferralFull)
	if err != nil {
		return nil, err
	}
	if kind, err = chooseKind(kind, state); err != nil {
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
	base := letters.Letter{
		Kind: kind, Date: models.LondonDate(s.clock.Now()),
		Patient:    letters.Patient{Name: r.Patient.LetterName(), DateOfBirth: r.Patient.DateOfBirth, NHSNumber: nhsDigits(&r.Patient), Address: r.Patient.Address()},
		Author:     authorOf(signer),
		OnBehalfOf: onBehalfOf(signer, actor),
		Service:    s.service(),
	}
	fields.Reader = "her"
	return s.addressPack(r, base, tmpl.Version, fields, herBody, proBody)
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

// fields gathers the template fields of a letter of kind from the
// referral's own records and her appointments, for a letter signed by
// signer.
func (s *LetterService) fields(signer *models.StaffMember, r *models.Referral, kind models.LetterKind, appts []models.Appointment) (letters.Fields, error) {
	f := letters.Fields{
		FirstName: r.Patient.LetterGivenName(), FullName: r.Patient.LetterName(),
		DateOfBirth: r.Patient.DateOfBirth.UK(), NHSNumber: r.Patient.NHSNumberText(),
		LetterDate:   letters.LongDate(models.LondonDate(s.clock.Now())),
		ReferralDate: letters.LongDate(models.LondonDate(r.ReceivedAt)),
		ReferrerName: r.Referrer.Name, ReferrerRole: models.ProfessionalRole(r.Referrer.Role).Label(),
		ReferrerSalutation: r.Referrer.Salutation(),
		AuthorName:         signer.Name, AuthorRole: signer.JobTitle,
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
