package demo

import (
	"math/rand/v2"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

// Synthetic names for the people around the demo women and their babies.
var (
	partnerNames = []string{"Tom", "Daniel", "Arjun", "Kwame", "Piotr", "Liam", "Imran", "Sam", "Chris", "Ravi", "Jordan", "Alex"}
	babyNames    = []string{"Amara", "Oliver", "Isla", "Noah", "Maya", "Zain", "Ava", "Leo", "Niamh", "Arlo", "Hana", "Eli"}
)

// people gives a woman the team is working with the births of her babies
// and the people around her: every woman after birth has her baby's birth
// on record, a woman due within three weeks has just given birth (so her
// stage and period end move to the real date), most have a partner (with
// her consent to share and the partner's assessment at every stage) and
// some a mother who cares for her. It draws from a random source of its
// own, seeded by the referral, so the rest of the demo is the same with
// or without it.
func (g *generator) people(tx *app.Services, r *models.Referral, target models.Status) error {
	if target != models.StatusCaseload && target != models.StatusMedicalReview {
		return nil
	}
	rng := rand.New(rand.NewPCG(g.seed^0x5eed0f9e0b1e, uint64(r.ID)))
	cur, err := tx.Referrals.Get(g.actor, r.ID)
	if err != nil || !cur.Status.Open() {
		return err
	}
	today := models.LondonDate(g.now)
	if err := g.birth(tx, rng, cur, today); err != nil {
		return err
	}
	received := models.LondonDate(cur.ReceivedAt)
	answered := received.AddDays(rng.IntN(max(received.DaysUntil(today), 0) + 1))
	if rng.IntN(10) < 6 {
		p := &models.SupportPerson{PatientID: cur.PatientID, Relationship: models.RelPartner,
			Name:  partnerNames[rng.IntN(len(partnerNames))] + " " + g.partnerFamilyName(rng, &cur.Patient),
			Phone: "07700 900" + threeDigits(rng), ConsentToShare: models.AnswerYes, ConsentOn: answered}
		switch rng.IntN(4) {
		case 1:
			p.PartnerAssessment, p.PartnerOfferedOn = models.PartnerOffered, answered
		case 2:
			p.PartnerAssessment, p.PartnerOfferedOn = models.PartnerAccepted, answered
			p.PartnerOutcome = "Assessed by the team; signposted to NHS Talking Therapies (demo)."
		case 3:
			p.PartnerAssessment, p.PartnerOfferedOn = models.PartnerDeclined, answered
		}
		if err := tx.Patients.SaveSupportPerson(g.actor, p); err != nil {
			return err
		}
	}
	if rng.IntN(5) == 0 {
		m := &models.SupportPerson{PatientID: cur.PatientID, Relationship: models.RelMother, Carer: true,
			Name:  givenNames[rng.IntN(len(givenNames))] + " " + cur.Patient.FamilyName,
			Phone: "0116 496 0" + threeDigits(rng), ConsentToShare: models.AnswerNo, ConsentOn: answered}
		return tx.Patients.SaveSupportPerson(g.actor, m)
	}
	return nil
}

// birth records her baby's birth: the date given at referral for a woman
// after birth, or a few days ago for a woman due within three weeks.
func (g *generator) birth(tx *app.Services, rng *rand.Rand, r *models.Referral, today models.Date) error {
	b := &models.Birth{ReferralID: r.ID, BabyName: babyNames[rng.IntN(len(babyNames))]}
	switch {
	case r.Stage == models.StagePostnatal && !r.BabyDateOfBirth.IsZero():
		b.BornOn = r.BabyDateOfBirth
	case r.Stage == models.StagePregnant && !r.ExpectedDeliveryDate.IsZero() && r.ExpectedDeliveryDate.Before(today.AddDays(21)):
		b.BornOn = today.AddDays(-rng.IntN(5))
		if rng.IntN(3) == 0 {
			b.BabyName = "" // not yet named
		}
	default:
		return nil
	}
	return tx.Patients.RecordBirth(g.actor, r.Version, b)
}

// partnerFamilyName is her family name, or for some another.
func (g *generator) partnerFamilyName(rng *rand.Rand, p *models.Patient) string {
	if rng.IntN(2) == 0 {
		return p.FamilyName
	}
	return familyNames[rng.IntN(len(familyNames))]
}

// threeDigits returns three random digits.
func threeDigits(rng *rand.Rand) string {
	const digits = "0123456789"
	return string([]byte{digits[rng.IntN(10)], digits[rng.IntN(10)], digits[rng.IntN(10)]})
}
