package demo_test

import (
	"testing"

	"perinatal-caseload/app"
	"perinatal-caseload/app/apptest"
	"perinatal-caseload/app/demo"
	"perinatal-caseload/models"
)

// TestSubjectAccessExportOfADemoWomanHoldsEveryKindOfRecord makes a demo
// caseload and finds a woman whose subject-access copy holds every kind of
// record the service keeps about a woman on the caseload; the demo is made
// so that several have all of them.
// Hazard: HAZ-037.
func TestSubjectAccessExportOfADemoWomanHoldsEveryKindOfRecord(t *testing.T) {
	e := apptest.New(t)
	if _, err := demo.Generate(e.Services, demo.Options{Referrals: 300, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	admin := e.AddStaff("sar.admin", models.RoleAdministrator)
	rows, err := e.Services.Referrals.Page(admin, app.ReferralFilter{}, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	kinds := func(rec *app.PatientRecord) map[string]int {
		notes := 0
		for _, c := range rec.Contacts {
			if c.Note != "" {
				notes++
			}
		}
		return map[string]int{
			"referrals": len(rec.Referrals), "allocations": len(rec.Allocations), "appointments": len(rec.Appointments),
			"contacts with notes": notes, "measures": len(rec.Measures), "tasks": len(rec.Tasks), "letters": len(rec.Letters),
			"births": len(rec.Births), "people": len(rec.People), "risk summaries": len(rec.RiskSummaries),
			"care plans": len(rec.CarePlans), "safeguarding flags": len(rec.SafeguardingFlags), "joint working": len(rec.JointWorking),
			"trail": len(rec.Trail),
		}
	}
	seen := map[uint]bool{}
	best, bestHas := map[string]int{}, 0
	for _, r := range rows {
		if seen[r.PatientID] {
			continue
		}
		seen[r.PatientID] = true
		rec, err := e.Services.Referrals.PatientRecord(admin, r.PatientID)
		if err != nil {
			t.Fatal(err)
		}
		k, has := kinds(rec), 0
		for _, n := range k {
			if n > 0 {
				has++
			}
		}
		if has > bestHas {
			best, bestHas = k, has
		}
		if has == len(k) {
			return
		}
	}
	t.Errorf("no demo woman's copy holds every kind of record; the fullest: %v", best)
}
