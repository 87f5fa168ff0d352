package demo_test

import (
	"testing"

	"perinatal-caseload/app/apptest"
	"perinatal-caseload/app/demo"
	"perinatal-caseload/models"
)

func TestDemoGivesWomenEveryMeasureAndSomeRiskItems(t *testing.T) {
	e := apptest.New(t)
	if _, err := demo.Generate(e.Services, demo.Options{Referrals: 150, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	var kinds []string
	if err := e.DB.Model(&models.MeasureResult{}).Distinct("measure").Pluck("measure", &kinds).Error; err != nil {
		t.Fatal(err)
	}
	if len(kinds) != len(models.Measures()) {
		t.Errorf("demo measures %v; want every kind", kinds)
	}
	var risk, tasks, demoRows, all int64
	e.DB.Model(&models.MeasureResult{}).Where("risk_item_positive = ?", true).Count(&risk)
	e.DB.Model(&models.Task{}).Where("kind = ?", models.TaskRiskItem).Count(&tasks)
	e.DB.Model(&models.MeasureResult{}).Where("demo = ?", true).Count(&demoRows)
	e.DB.Model(&models.MeasureResult{}).Count(&all)
	if risk == 0 || tasks < risk || demoRows != all {
		t.Errorf("%d positive risk items, %d risk tasks, %d of %d results marked demo", risk, tasks, demoRows, all)
	}
	// Some women improve and some do not.
	var results []models.MeasureResult
	e.DB.Where("measure = ?", "EPDS").Order("referral_id, taken_on").Find(&results)
	first, better, worse := map[uint]int{}, 0, 0
	for _, r := range results {
		f, seen := first[r.ReferralID]
		if !seen {
			first[r.ReferralID] = r.Total
			continue
		}
		if r.Total < f {
			better++
		} else {
			worse++
		}
	}
	if better == 0 || worse == 0 {
		t.Errorf("EPDS follow-ups: %d better, %d not", better, worse)
	}
}
