package demo_test

import (
	"testing"

	"perinatal-caseload/app/apptest"
	"perinatal-caseload/app/demo"
	"perinatal-caseload/models"
)

func TestDemoGivesWomenBirthsAndPartners(t *testing.T) {
	e := apptest.New(t)
	if _, err := demo.Generate(e.Services, demo.Options{Referrals: 60, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	var births []models.Birth
	if err := e.DB.Find(&births).Error; err != nil || len(births) == 0 {
		t.Fatalf("births %d, %v", len(births), err)
	}
	for _, b := range births {
		var r models.Referral
		if err := e.DB.First(&r, b.ReferralID).Error; err != nil {
			t.Fatal(err)
		}
		if r.Stage != models.StagePostnatal || r.BabyDateOfBirth.IsZero() || !b.Demo {
			t.Errorf("referral %d has a birth but is %s with the baby born %s (demo %v)", r.ID, r.Stage, r.BabyDateOfBirth, b.Demo)
		}
	}
	var states []string
	if err := e.DB.Model(&models.SupportPerson{}).Where("relationship = ?", models.RelPartner).Distinct("partner_assessment").Pluck("partner_assessment", &states).Error; err != nil {
		t.Fatal(err)
	}
	if len(states) != len(models.PartnerAssessments) {
		t.Errorf("the demo partners' assessments are only %q", states)
	}
	if countRows(t, e.DB, "support_people") <= int64(len(states)) {
		t.Error("too few people around the demo women")
	}
}
