package app

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"perinatal-caseload/letters"
	"perinatal-caseload/models"
)

// carePlanByHand is the envelope-window line of a care plan that may not
// be posted to her (it is not safe to write home and no safe address is
// recorded, or she did not consent to the referral): it is given to her in
// person, and her home address is printed nowhere on it.
const carePlanByHand = "To be given to her in person"

// IssuePDF prints the referral's current care plan for her, in the letter
// layout (the letterhead, her name, date of birth and NHS number on every
// page, and the crisis box), signed by the author of that version (with a
// line saying actor issued it on their behalf, when it is someone else),
// and keeps it in the letter
// register like an issued letter: the PDF bytes and their SHA-256, with
// the plan's version as the template version. The window address is where
// her letters go (her safe address when it is not safe to write home).
// Printing is audited.
func (s *CarePlanService) IssuePDF(actor *models.StaffMember, referralID uint) (*models.Letter, error) {
	if err := s.authorise(actor, models.PermUpdateCaseload); err != nil {
		return nil, err
	}
	plan, err := s.Current(actor, referralID)
	if err != nil {
		return nil, err
	}
	if plan == nil {
		return nil, models.NewFieldError(models.FieldCarePlanGoals, "there is no care plan to print yet; write and save one first")
	}
	r, err := s.loadReferralFull(s.db, referralID)
	if err != nil {
		return nil, err
	}
	var author models.StaffMember
	if err := s.db.First(&author, plan.AuthorID).Error; err != nil {
		return nil, notFound(err)
	}
	l := s.carePlanLetter(&author, actor, r, plan)
	pdf, err := letters.Render(l)
	if err != nil {
		return nil, fmt.Errorf("the care plan for referral %d cannot be drawn: %w", referralID, err)
	}
	input, err := json.Marshal(l)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(pdf)
	now := s.clock.Now()
	issued := &models.Letter{
		ReferralID: referralID, PackID: fmt.Sprintf("care-plan-%d-%d", referralID, now.UnixNano()), Kind: models.DocumentCarePlan,
		RecipientName: l.Recipient.Name, RecipientRole: rolePatient, RecipientAddress: strings.Join(l.Recipient.Address, "\n"),
		AuthorID: actor.ID, IssuedAt: now, TemplateVersion: plan.Number, PDF: pdf, Input: string(input),
		SHA256: hex.EncodeToString(sum[:]), Demo: r.Demo,
	}
	issued.Version = 1
	err = s.transaction(func(tx *gorm.DB) error {
		if err := tx.Create(issued).Error; err != nil {
			return fmt.Errorf("cannot save the care plan to the register: %w", err)
		}
		summary := map[string]any{"kind": issued.Kind, "care_plan_version": plan.Number, "sha256": issued.SHA256}
		return s.auditWith(tx, actor, ActionIssueLetter, "letter", issued.ID, nil, summary,
			"referral "+models.ReferralReference(referralID), letterDetails(issued))
	})
	if err != nil {
		return nil, err
	}
	return issued, nil
}

// carePlanLetter lays plan out as a document for her, from referral r
// (read with her details), signed by author and issued by issuer.
func (s *CarePlanService) carePlanLetter(author, issuer *models.StaffMember, r *models.Referral, plan *models.CarePlan) letters.Letter {
	p := &r.Patient
	route := p.PostTo(r.ConsentObtained, p.Address())
	home := p.Address()
	window := route.Address
	if route.SafeAddress || route.Held() {
		home = route.Address // her home address is on nothing that must not reveal it
	}
	if route.Held() {
		window = []string{carePlanByHand}
	}
	today := models.LondonDate(s.clock.Now())
	return letters.Letter{
		Kind: models.DocumentCarePlan, Date: today,
		Patient:    letters.Patient{Name: p.LetterName(), DateOfBirth: p.DateOfBirth, NHSNumber: nhsDigits(p), Address: home},
		Recipient:  fitWindow(letters.Person{Name: p.LetterName(), Address: window}),
		Author:     authorOf(author),
		OnBehalfOf: onBehalfOf(author, issuer),
		Closing:    "Written with you by",
		Body:       carePlanBody(p.LetterGivenName(), plan),
		Service:    s.letterhead(),
		LargePrint: p.LargePrint,
	}
}

// carePlanBody is the text of her care plan under the NHS care-plan
// headings, in the letters' body markup (see package letters).
func carePlanBody(firstName string, plan *models.CarePlan) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Dear %s,\n\nThis is your care plan, written with you on %s. Please keep it somewhere you can find it, "+
		"and share it with the people who support you if you would like to.\n\n", firstName, models.LondonDate(plan.SavedAt).Long())
	for _, sec := range []struct{ heading, text string }{
		{"Your goals", plan.Goals},
		{"Signs that you may be becoming unwell", plan.RelapseSigns},
		{"What to do in a crisis", plan.CrisisPlan},
		{"If things do not go to plan", plan.Contingency},
	} {
		if sec.text == "" {
			continue
		}
		fmt.Fprintf(&b, "# %s\n%s\n\n", sec.heading, planText(sec.text))
	}
	fmt.Fprintf(&b, "# Reviewing your plan\nWe will look at this plan again with you by %s, or sooner if things change.", plan.ReviewDate.Long())
	return b.String()
}

// planText keeps what the key worker wrote from being read as markup: a
// line of theirs starting with "#" is not a heading, and "**" is not bold.
// Lines starting with "- " stay bullet points.
func planText(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "**", "*"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimLeft(strings.TrimRight(l, " \t"), "#")
	}
	return strings.Join(lines, "\n")
}
