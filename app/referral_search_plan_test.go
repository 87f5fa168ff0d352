package app

import (
	"fmt"
	"testing"

	"perinatal-caseload/models"
)

// TestASearchFindsTheSameWhicheverWayItIsRead reads every search, with
// and without each filter, in each of the ways Count and Page may choose
// (see referral_search_plan.go), and checks that they all give the same
// count and the same page in the same order.
// Hazard: HAZ-005.
func TestASearchFindsTheSameWhicheverWayItIsRead(t *testing.T) {
	s, _, admin := newAdminServices(t)
	women := []struct {
		given, family, postcode string
		status                  models.Status
	}{
		{"Siobhán", "Ní Bhriain", "LE11 3TU", models.StatusReceived},
		{"Mary-Kate", "O'Brien-Smith", "LE3 0AB", models.StatusClosed},
		{"Zoë", "Nguyễn", "LE2 7LX", models.StatusCaseload},
		{"Łucja", "Wiśniewska-Żółć", "LE67 1AA", models.StatusNotAccepted},
		{"Siobhan", "Byrne", "DE11 8BB", models.StatusReceived},
		{"Sarah", "Smith", "LE3 9QQ", models.StatusCaseload},
		{"Sophie", "Sandhu", "LE3 1AB", models.StatusClosed},
	}
	for i, w := range women {
		r := sampleReferral(testNHSNumber(i + 1))
		r.Patient.GivenName, r.Patient.FamilyName, r.Patient.Postcode = w.given, w.family, w.postcode
		if i%2 == 0 {
			r.Medications = nil // routine, so that both priorities are listed
		}
		r.ReceivedAt = r.ReceivedAt.AddDate(0, 0, -i%3)
		register(t, s, admin, r)
		if err := s.core.db.Exec("UPDATE referrals SET status = ? WHERE id = ?", w.status, r.ID).Error; err != nil {
			t.Fatal(err)
		}
	}
	filters := []ReferralFilter{{}, {OpenOnly: true}, {Status: models.StatusClosed}, {Status: models.StatusReceived}, {Priority: models.PriorityUrgent}}
	queries := []string{"s", "si", "siobhan", "obrien", "smith", "ni bhriain", "siobhan byrne", "le3", "LE11 3", "xyz", "q"}
	if n, _ := s.Referrals.Count(admin, ReferralFilter{Query: "s"}); n != 5 {
		t.Fatalf("%q matches %d referrals; want 5 (Siobhán, Mary-Kate O'Brien-Smith, Siobhan, Sarah, Sophie)", "s", n)
	}
	ways := []struct {
		name          string
		few, scanFrom int64
	}{
		{"as chosen", fewFilteredReferrals, pageScanFrom},
		{"from the women", 0, 1 << 40},
		{"from the referrals in list order", 0, 1},
		{"from the filtered referrals", 1 << 40, 1},
	}
	defer func(few, scan int64) { fewFilteredReferrals, pageScanFrom = few, scan }(fewFilteredReferrals, pageScanFrom)
	for _, q := range queries {
		for _, f := range filters {
			f.Query = q
			var want string
			for i, way := range ways {
				fewFilteredReferrals, pageScanFrom = way.few, way.scanFrom
				n, err := s.Referrals.Count(admin, f)
				rows, perr := s.Referrals.Page(admin, f, 0, 3)
				more, _ := s.Referrals.Page(admin, f, 3, 10)
				var ids []uint
				for _, r := range append(rows, more...) {
					ids = append(ids, r.ID)
				}
				got := fmt.Sprintf("count %d, rows %v, errors %v %v", n, ids, err, perr)
				if i == 0 {
					want = got
					if err != nil || perr != nil || int64(len(ids)) != n {
						t.Errorf("search %+v read %s: %s", f, way.name, got)
					}
					continue
				}
				if got != want {
					t.Errorf("search %+v read %s: %s; read as chosen: %s", f, way.name, got, want)
				}
			}
		}
	}
}
