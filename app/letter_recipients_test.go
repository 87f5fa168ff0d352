package app

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"perinatal-caseload/models"
)

// addOrganisation adds o to the directory as a team manager, failing the test if refused.
func addOrganisation(t *testing.T, s *Services, o models.Organisation) *models.Organisation {
	t.Helper()
	var manager models.StaffMember
	if err := s.core.db.Where("username = ?", "dirmanager").Limit(1).Find(&manager).Error; err != nil {
		t.Fatal(err)
	}
	if manager.ID == 0 {
		manager = *addStaff(t, s, "dirmanager", models.RoleManager)
	}
	if err := s.Directory.AddOrganisation(&manager, &o); err != nil {
		t.Fatalf("add organisation: %v", err)
	}
	return &o
}

// packNames lists a pack's recipients by name, and those marked as copies.
func packNames(pack []PackLetter) (all, copies []string) {
	for _, p := range pack {
		all = append(all, p.Letter.Recipient.Name)
		if p.Letter.Copy {
			copies = append(copies, p.Letter.Recipient.Name)
		}
	}
	return all, copies
}

// Hazard: HAZ-008.
func TestPackCopyListNamesExactlyThoseWhoGetACopy(t *testing.T) {
	w := newWorkflow(t)
	s := w.s
	hv := addOrganisation(t, s, models.Organisation{Kind: models.OrgHealthVisiting, Name: "Westcotes Health Visiting Team",
		AddressLines: "Westcotes Health Centre\nFosse Road South\nLeicester", Postcode: "LE3 0LP"})
	addOrganisation(t, s, models.Organisation{Kind: models.OrgGPPractice, Name: "Charnwood Practice", ODSCode: "C82001",
		AddressLines: "1 Station Road\nLoughborough", Postcode: "LE11 3TU"})
	addOrganisation(t, s, models.Organisation{Kind: models.OrgCMHT, Name: "County South CMHT",
		AddressLines: "Mill Lane\nBlaby", Postcode: "LE8 4FB"})
	r := w.accept(func(r *models.Referral) {
		r.Referrer = models.Professional{Name: "Dr Amira Patel", Role: string(models.ProfObstetrician), Organisation: "Leicester Royal Infirmary",
			Address: "Infirmary Square, Leicester, LE1 5WW"}
		r.Patient.GPPractice = "charnwood practice" // as the referrer typed it
		r.CopyRecipients = []models.CopyRecipient{
			{Professional: models.Professional{Name: "Ruth Chauhan", Role: "Health visitor", Organisation: "Westcotes Health Visiting Team"}},
			{Professional: models.Professional{Name: "Sam Okafor", Role: "other_professional", Address: "Social care office\n1 Town Hall Square\nLeicester LE1 9BG"}},
		}
	})
	if r.Patient.GPPracticeID == nil || r.CopyRecipients[0].Professional.OrganisationID == nil || *r.CopyRecipients[0].Professional.OrganisationID != hv.ID {
		t.Errorf("registration did not link her GP practice and the health visitor to the directory: %v, %v", r.Patient.GPPracticeID, r.CopyRecipients[0].Professional.OrganisationID)
	}
	if err := s.JointWorking.Add(w.doc, &models.JointWorking{ReferralID: r.ID, Service: models.JointCMHT, Team: "County South CMHT", ContactName: "Jo Care"}); err != nil {
		t.Fatal(err)
	}
	if err := s.JointWorking.Add(w.doc, &models.JointWorking{ReferralID: r.ID, Service: models.JointOther, Team: "Family Hub", ContactName: "Pat Lee",
		Address: "Family Hub\n5 Green Lane\nLeicester\nLE5 4PW"}); err != nil {
		t.Fatal(err)
	}

	pack, err := s.Letters.BuildPack(w.admin, r.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	all, copies := packNames(pack)
	want := []string{"Zoë Nguyễn", "Dr Amira Patel", "The GP", "Ruth Chauhan", "Sam Okafor", "Jo Care", "Pat Lee"}
	if !slices.Equal(all, want) {
		t.Fatalf("the pack goes to %q; want %q", all, want)
	}
	originals := 0
	for _, p := range pack {
		if !p.Letter.Copy && p.Language == "" {
			originals++
		}
		var listed []string
		for _, c := range p.Letter.CopyTo {
			listed = append(listed, c.Name)
			if c.Role == models.JointOther.Label() || c.Role == models.ProfOther.Label() {
				t.Errorf("the copy list prints the role %q", c.Role)
			}
		}
		if !slices.Equal(listed, copies) {
			t.Errorf("the letter to %s lists copies to %q; want exactly those who get one, %q", p.Letter.Recipient.Name, listed, copies)
		}
		if p.Letter.Body != pack[0].Letter.Body {
			t.Errorf("the letter to %s is not the same letter", p.Letter.Recipient.Name)
		}
		if p.HoldReason != "" {
			t.Errorf("the letter to %s is held: %s", p.Letter.Recipient.Name, p.HoldReason)
		}
		if n := len(p.Letter.Recipient.Address); n < 2 {
			t.Errorf("the letter to %s has no full postal address: %q", p.Letter.Recipient.Name, p.Letter.Recipient.Address)
		} else if _, err := models.NormalisePostcode(p.Letter.Recipient.Address[n-1]); err != nil {
			t.Errorf("the letter to %s does not end with a postcode: %q", p.Letter.Recipient.Name, p.Letter.Recipient.Address)
		}
	}
	if originals != 1 || pack[0].Letter.Copy {
		t.Errorf("%d originals; want exactly one, hers first", originals)
	}
	gp := pack[2].Letter.Recipient
	if gp.Organisation != "Charnwood Practice" || !slices.Equal(gp.Address, []string{"1 Station Road", "Loughborough", "LE11 3TU"}) {
		t.Errorf("the GP copy goes to %q at %q; want the practice at its address", gp.Organisation, gp.Address)
	}
	if ruth := pack[3].Letter.Recipient; ruth.Organisation != hv.Name || ruth.Address[0] != "Westcotes Health Centre" {
		t.Errorf("the health visitor's copy goes to %q at %q; want her team's address", ruth.Organisation, ruth.Address)
	}
	if sam := pack[4].Letter.Recipient; sam.Role != "" || sam.Address[len(sam.Address)-1] != "LE1 9BG" {
		t.Errorf("the copy to an other professional is %+v", sam)
	}

	issued, err := s.Letters.IssuePack(w.admin, r.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(issued) != len(want) {
		t.Fatalf("issued %d letters; want %d", len(issued), len(want))
	}
	if issued[0].RecipientRole != rolePatient || issued[2].RecipientRole != roleGPPractice || issued[0].Held() {
		t.Errorf("register roles %q, %q", issued[0].RecipientRole, issued[2].RecipientRole)
	}
	text := pdfText(t, issued[1].PDF)
	for _, name := range copies {
		if !strings.Contains(text, name) {
			t.Errorf("the printed copy list lacks %s", name)
		}
	}
	if strings.Contains(text, "Other service") || strings.Contains(text, "Other health professional") {
		t.Error("a letter prints a role that says nothing")
	}
}

// Hazard: HAZ-031.
func TestPackWithoutAPostalAddressIsRefusedNamingWho(t *testing.T) {
	w := newWorkflow(t)
	s := w.s
	r := w.accept(func(r *models.Referral) {
		r.CopyRecipients = []models.CopyRecipient{{Professional: models.Professional{Name: "Ruth Chauhan", Role: "Health visitor", Organisation: "Westcotes HV Team"}}}
		r.Patient.GPPractice = "Unknown Surgery"
		r.Referrer.Role = string(models.ProfMidwife)
	})
	_, err := s.Letters.BuildPack(w.admin, r.ID, "")
	var missing *MissingAddressError
	if !errors.As(err, &missing) || len(missing.Missing) != 2 {
		t.Fatalf("BuildPack = %v; want a refusal naming two recipients", err)
	}
	msg := err.Error()
	for _, want := range []string{"Ruth Chauhan", "health visitor", "Westcotes HV Team", "her GP practice, Unknown Surgery", "Directory screen"} {
		if !strings.Contains(strings.ToLower(msg), strings.ToLower(want)) {
			t.Errorf("the refusal does not say %q: %s", want, msg)
		}
	}
	if strings.Contains(msg, "Zoë") || strings.Contains(msg, "Nguyễn") {
		t.Errorf("the refusal names the woman: %s", msg)
	}
	if _, err := s.Letters.IssuePack(w.admin, r.ID, ""); !errors.As(err, &missing) {
		t.Fatalf("IssuePack = %v; want the same refusal", err)
	}
	if n := countRows(t, s, "letters"); n != 0 {
		t.Fatalf("%d letters were saved by a refused pack", n)
	}

	// Adding the addresses in the directory lets the pack go.
	hv := addOrganisation(t, s, models.Organisation{Kind: models.OrgHealthVisiting, Name: "Westcotes HV Team",
		AddressLines: "Fosse Road South\nLeicester", Postcode: "LE3 0LP"})
	addOrganisation(t, s, models.Organisation{Kind: models.OrgGPPractice, Name: "Unknown Surgery", ODSCode: "C82002",
		AddressLines: "3 High Street\nLeicester", Postcode: "LE1 4FP"})
	pack, err := s.Letters.BuildPack(w.admin, r.ID, "")
	if err != nil {
		t.Fatalf("after adding the addresses: %v", err)
	}
	if got := pack[3].Letter.Recipient; got.Name != "Ruth Chauhan" || got.Organisation != hv.Name {
		t.Errorf("the health visitor's letter goes to %+v", got)
	}
}

// Hazard: HAZ-007.
func TestNoLetterGoesToHerHomeWithoutConsent(t *testing.T) {
	w := newWorkflow(t)
	s := w.s
	r := sampleReferral(testNHSNumber(1))
	r.ConsentObtained = false
	register(t, s, w.admin, r)
	d := Decision{Outcome: models.DecisionDecline, Priority: r.Priority, Reason: "No consent."}
	if err := s.Referrals.Decide(w.doc, r.ID, r.Version, d); err != nil {
		t.Fatal(err)
	}
	pack, err := s.Letters.BuildPack(w.admin, r.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	if pack[0].Role != rolePatient || pack[0].HoldReason != models.HoldNoConsent || len(pack[0].Letter.Recipient.Address) != 0 {
		t.Fatalf("her letter = %+v, hold %q; want it held for want of consent, with no address", pack[0].Letter.Recipient, pack[0].HoldReason)
	}
	if len(pack[0].Letter.Patient.Address) != 0 {
		t.Error("her home address is in the letter's details")
	}
	issued, err := s.Letters.IssuePack(w.admin, r.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(issued) != 2 || !issued[0].Held() || issued[0].PDF != nil || issued[0].RecipientAddress != "" || issued[1].Held() {
		t.Fatalf("issued %d letters; want hers held without a PDF or an address, the referrer's posted", len(issued))
	}
	if _, err := s.Letters.PDF(w.admin, issued[0].ID); err == nil || !strings.Contains(err.Error(), "held") {
		t.Errorf("printing the held letter = %v; want a refusal saying it was held", err)
	}
	rows, err := s.Letters.Register(w.admin, LetterFilter{ReferralID: r.ID}, 0, 10)
	if err != nil || len(rows) != 2 {
		t.Fatalf("register: %d rows, %v", len(rows), err)
	}
	var held int
	for _, row := range rows {
		if row.HoldReason == models.HoldNoConsent {
			held++
		}
	}
	if held != 1 {
		t.Errorf("the register shows %d held letters; want 1", held)
	}
	var events int64
	s.core.db.Table("audit_events").Where("action = ? AND entity = ?", ActionHoldLetter, "letter").Count(&events)
	if events != 1 {
		t.Errorf("%d holds audited; want 1", events)
	}
	day, n, err := s.Letters.PrintDay(w.admin, testNow, nil)
	if err != nil || n != 1 || strings.Count(pdfText(t, day), "Private and confidential") == 0 {
		t.Errorf("the day's print has %d letters (%v); want only the referrer's", n, err)
	}
	timeline, err := s.Referrals.Timeline(w.manager, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range timeline {
		found = found || strings.Contains(e.What, "Letter held, not posted") && strings.Contains(e.What, "did not consent")
	}
	if !found {
		t.Error("the referral's history does not show the held letter and why")
	}
}

// Hazard: HAZ-007.
func TestUnsafeHomeGoesToTheSafeAddressOrIsHeld(t *testing.T) {
	w := newWorkflow(t)
	s := w.s
	safe := w.accept(func(r *models.Referral) {
		r.Patient.UnsafeToWriteHome = true
		r.Patient.SafeAddressLines = "c/o 4 Park Road\nLoughborough"
		r.Patient.SafePostcode = "le11 2hb"
	})
	pack, err := s.Letters.BuildPack(w.admin, safe.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	her := pack[0]
	if her.HoldReason != "" || !slices.Equal(her.Letter.Recipient.Address, []string{"c/o 4 Park Road", "Loughborough", "LE11 2HB"}) {
		t.Errorf("her letter goes to %q (hold %q); want the safe address", her.Letter.Recipient.Address, her.HoldReason)
	}
	for _, p := range pack {
		if slices.Contains(p.Letter.Patient.Address, "12 Example Street") || slices.Contains(p.Letter.Recipient.Address, "12 Example Street") {
			t.Errorf("the letter to %s carries her home address", p.Letter.Recipient.Name)
		}
	}

	held := w.accept(func(r *models.Referral) { r.Patient.UnsafeToWriteHome = true })
	issued, err := s.Letters.IssuePack(w.admin, held.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	if !issued[0].Held() || issued[0].HoldReason != models.HoldUnsafeHome || issued[0].RecipientAddress != "" {
		t.Errorf("her letter: held %v (%q), address %q; want it held", issued[0].Held(), issued[0].HoldReason, issued[0].RecipientAddress)
	}
}

// Hazard: HAZ-016.
func TestHerLanguageNeedsAndLargePrint(t *testing.T) {
	w := newWorkflow(t)
	s := w.s
	polish := "Szanowna Pani {{.FirstName}}\n\nDziękujemy. Zapraszamy na wizytę {{.AppointmentDate}} o {{.AppointmentTime}}."
	if err := s.Letters.SaveLanguageTemplate(w.admin, models.LetterAcceptance, "pl", polish, 0); err != nil {
		t.Fatal(err)
	}
	if err := s.Letters.SaveLanguageTemplate(w.doc, models.LetterAcceptance, "ro", polish, 0); err == nil {
		t.Error("a clinician saved a template")
	}
	if err := s.Letters.SaveLanguageTemplate(w.admin, models.LetterAcceptance, "pl", polish+" {{.ShoeSize}}", 1); err == nil {
		t.Error("a template with an unknown field was saved")
	}
	if err := s.Letters.SaveLanguageTemplate(w.admin, models.LetterAcceptance, "ur", "{{.FirstName}} شکریہ", 0); err == nil {
		t.Error("a template the letters cannot print was saved")
	}
	langs, err := s.Letters.TemplateLanguages(w.admin, models.LetterAcceptance)
	if err != nil || !slices.Equal(langs, []string{"pl"}) {
		t.Errorf("TemplateLanguages = %q, %v", langs, err)
	}
	if english, _ := s.Letters.Template(models.LetterAcceptance); english.Language != "" || strings.Contains(english.Body, "Szanowna") {
		t.Error("the English template was changed")
	}

	r := w.accept(func(r *models.Referral) {
		r.Patient.InterpreterNeeded, r.Patient.Language, r.Patient.LargePrint = true, "pl", true
	})
	w.book(r.ID, models.KindInitialAssessment, w.clock.Now().Add(72*time.Hour), w.doc)
	pack, err := s.Letters.BuildPack(w.admin, r.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(pack) != 3 || pack[1].Language != "pl" || pack[1].Letter.Copy || pack[1].Letter.Recipient.Name != pack[0].Letter.Recipient.Name {
		t.Fatalf("pack: %d letters, the second in %q; want her English letter, her Polish letter, then the referrer's copy", len(pack), pack[1].Language)
	}
	if !strings.HasPrefix(pack[1].Letter.Body, "Szanowna Pani Zoë") || strings.Contains(pack[0].Letter.Body, "Szanowna") {
		t.Errorf("the Polish letter is not from the Polish template:\n%s", pack[1].Letter.Body)
	}
	if !strings.Contains(pack[0].Letter.Body, "We will book an interpreter in Polish") || pack[0].Letter.Body != pack[2].Letter.Body {
		t.Errorf("the letter and its copy do not state the interpreter arrangement:\n%s", pack[0].Letter.Body)
	}
	if !pack[0].Letter.LargePrint || !pack[1].Letter.LargePrint || pack[2].Letter.LargePrint {
		t.Errorf("large print: hers %v, %v, the copy %v; want hers only", pack[0].Letter.LargePrint, pack[1].Letter.LargePrint, pack[2].Letter.LargePrint)
	}
	issued, err := s.Letters.IssuePack(w.admin, r.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	if issued[1].Language != "pl" || !strings.Contains(pdfText(t, issued[1].PDF), "Dziękujemy") {
		t.Error("the Polish letter is not in the register")
	}

	// Without a template in her language she gets the English letter only.
	other := w.accept(func(r *models.Referral) { r.Patient.Language = "ro" })
	if pack, err := s.Letters.BuildPack(w.admin, other.ID, ""); err != nil || len(pack) != 2 || strings.Contains(pack[0].Letter.Body, "Interpreter") {
		t.Errorf("a Romanian speaker's pack: %d letters, %v", len(pack), err)
	}
}

func TestLetterToTheReferrerGreetsByTitleAndFamilyName(t *testing.T) {
	w := newWorkflow(t)
	s := w.s
	r := sampleReferral(testNHSNumber(1))
	r.Referrer.Name = "Dr Amira Patel"
	register(t, s, w.admin, r)
	d := Decision{Outcome: models.DecisionSignpost, Priority: r.Priority, Reason: "Talking therapies will help most."}
	if err := s.Referrals.Decide(w.doc, r.ID, r.Version, d); err != nil {
		t.Fatal(err)
	}
	pack, err := s.Letters.BuildPack(w.admin, r.ID, models.LetterAssessmentNotNeeded)
	if err != nil {
		t.Fatal(err)
	}
	if pack[0].Letter.Recipient.Name != "Dr Amira Patel" || pack[0].Letter.Copy || !strings.HasPrefix(pack[0].Letter.Body, "Dear Dr Patel\n") {
		t.Errorf("the letter to the referrer starts %q", strings.SplitN(pack[0].Letter.Body, "\n", 2)[0])
	}
	if len(pack) != 2 || pack[1].Role != rolePatient || !pack[1].Letter.Copy || pack[1].Letter.CopyTo[0].Name != "Zoë Nguyễn" {
		t.Errorf("she is not posted a copy named in the copy list")
	}
}

// Hazard: HAZ-007.
func TestAHeldLetterGoesOnceHerSafeAddressIsRecorded(t *testing.T) {
	w := newWorkflow(t)
	s := w.s
	r := w.accept(func(r *models.Referral) { r.Patient.UnsafeToWriteHome = true })
	if pack, _ := s.Letters.BuildPack(w.admin, r.ID, ""); pack[0].HoldReason != models.HoldUnsafeHome {
		t.Fatalf("her letter is not held: %q", pack[0].HoldReason)
	}
	needs := r.Patient.CommunicationNeeds
	needs.SafeAddressLines, needs.SafePostcode = "c/o 4 Park Road\nLoughborough", "LE11"
	err := s.Referrals.UpdateNeeds(w.worker, r.PatientID, r.Patient.Version, "", needs)
	if f := models.FieldErrorsIn(err); len(f) != 1 || f[0].Field != models.FieldSafePostcode {
		t.Fatalf("a safe postcode that is not one = %v", err)
	}
	needs.SafePostcode = "le11 2hb"
	if err := s.Referrals.UpdateNeeds(w.worker, r.PatientID, r.Patient.Version, "", needs); err != nil {
		t.Fatal(err)
	}
	var conflict *ConflictError
	if err := s.Referrals.UpdateNeeds(w.admin, r.PatientID, r.Patient.Version, "", needs); !errors.As(err, &conflict) {
		t.Errorf("a stale change = %v; want a conflict", err)
	}
	pack, err := s.Letters.BuildPack(w.admin, r.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	if pack[0].HoldReason != "" || pack[0].Letter.Recipient.Address[2] != "LE11 2HB" {
		t.Errorf("her letter: hold %q, address %q; want it posted to the safe address", pack[0].HoldReason, pack[0].Letter.Recipient.Address)
	}
	needs.LargePrint = true // a clinician who works with her may record it too
	if err := s.Referrals.UpdateNeeds(w.doc, r.PatientID, r.Patient.Version+1, "", needs); err != nil {
		t.Errorf("a clinician = %v", err)
	}
}
