package app

import (
	"strings"
	"testing"

	"perinatal-caseload/letters"
	"perinatal-caseload/models"
)

// copiedTo returns the names of the people a referral's pack of kind goes to.
func copiedTo(t *testing.T, s *Services, actor *models.StaffMember, referralID uint, kind models.LetterKind) []string {
	t.Helper()
	pack, err := s.Letters.BuildPack(actor, referralID, kind)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range pack {
		out = append(out, p.Letter.Recipient.Name)
	}
	return out
}

func TestTheCMHTCareCoordinatorOnTheFormIsTheJointWorkingContactAndCopied(t *testing.T) {
	w := newWorkflow(t)
	withCMHT := func(r *models.Referral) {
		r.CurrentServices = models.CurrentServices{CMHTOpen: true, CMHTTeam: "City East CMHT", CareCoordinator: "Paul Newman"}
	}
	// Accepted: she is the joint-working contact, from the day of the referral.
	accepted := w.accept(withCMHT)
	records, err := w.s.JointWorking.ForReferral(w.doc, accepted.ID)
	if err != nil || len(records) != 1 {
		t.Fatalf("joint working after acceptance = %+v, %v; want the CMHT", records, err)
	}
	j := records[0]
	if j.Service != models.JointCMHT || j.Team != "City East CMHT" || j.ContactName != "Paul Newman" ||
		j.StartDate != models.LondonDate(accepted.ReceivedAt) || !j.Active(models.LondonDate(testNow)) {
		t.Errorf("joint working = %+v", j)
	}
	var audited int64
	w.s.core.db.Table("audit_events").Where("entity = ? AND entity_id = ? AND action = ?", "joint_working", j.ID, ActionCreate).Count(&audited)
	if audited != 1 {
		t.Error("the joint working made on acceptance was not audited")
	}
	// Her team is in the directory with its postal address, so it can be posted a copy.
	cmht := models.Organisation{Kind: models.OrgCMHT, Name: "City East CMHT", AddressLines: "2 Sample Street\nLeicester", Postcode: "LE1 1AA"}
	if err := w.s.Directory.AddOrganisation(w.admin, &cmht); err != nil {
		t.Fatal(err)
	}
	pack, err := w.s.Letters.BuildPack(w.admin, accepted.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, p := range pack {
		if p.Letter.Recipient.Name == "Paul Newman" {
			found++
			if p.Letter.Recipient.Organisation != "City East CMHT" || p.Letter.Recipient.Role != models.JointCMHT.Label() {
				t.Errorf("the care coordinator is addressed as %+v", p.Letter.Recipient)
			}
		}
		if p.Letter.Recipient.Name == pack[0].Letter.Recipient.Name && !strings.Contains(fmtPeople(p.Letter.CopyTo), "Paul Newman") {
			t.Errorf("the letter to the woman does not list the care coordinator among its copies: %s", fmtPeople(p.Letter.CopyTo))
		}
	}
	if found != 1 {
		t.Errorf("the pack holds %d letters to the care coordinator, want 1", found)
	}

	// Once the CMHT closes her case, she is no longer copied.
	if err := w.s.JointWorking.End(w.worker, j.ID, j.Version, models.LondonDate(testNow).AddDays(-1)); err != nil {
		t.Fatal(err)
	}
	if got := copiedTo(t, w.s, w.admin, accepted.ID, ""); strings.Contains(strings.Join(got, "|"), "Paul Newman") {
		t.Errorf("after the CMHT joint working ended, letters still go to %q", got)
	}
	if err := w.s.JointWorking.End(w.worker, j.ID, j.Version+1, models.LondonDate(accepted.ReceivedAt).AddDays(-1)); !hasField(err, "End date") {
		t.Errorf("an end before the start = %v", err)
	}
}

func TestAcceptanceFillsInACMHTRecordAlreadyThere(t *testing.T) {
	w := newWorkflow(t)
	r := sampleReferral(testNHSNumber(1))
	r.CurrentServices = models.CurrentServices{CMHTOpen: true, CMHTTeam: "County South CMHT", CareCoordinator: "Rita Sandhu"}
	register(t, w.s, w.admin, r)
	if err := w.s.JointWorking.Add(w.doc, &models.JointWorking{ReferralID: r.ID, Service: models.JointCMHT, Team: "County South CMHT", Phone: "0116 496 0200"}); err != nil {
		t.Fatal(err)
	}
	if err := w.s.Referrals.Decide(w.doc, r.ID, r.Version, Decision{Outcome: models.DecisionAccept, Priority: models.PriorityUrgent, Reason: "test"}); err != nil {
		t.Fatal(err)
	}
	records, _ := w.s.JointWorking.ForReferral(w.doc, r.ID)
	if len(records) != 1 || records[0].ContactName != "Rita Sandhu" || records[0].Phone != "0116 496 0200" {
		t.Errorf("joint working = %+v; want the one record, with the care coordinator added", records)
	}
	// A form naming no CMHT makes no joint working.
	plain := w.accept(nil)
	if records, _ := w.s.JointWorking.ForReferral(w.doc, plain.ID); len(records) != 0 {
		t.Errorf("a referral without a CMHT got joint working %+v", records)
	}
}

func fmtPeople(people []letters.Person) string {
	var names []string
	for _, p := range people {
		names = append(names, p.Name)
	}
	return strings.Join(names, ", ")
}
