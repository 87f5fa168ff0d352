package views

import (
	"net/url"
	"os"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

// acceptedReferral registers Zoë Nguyễn's referral from her GP, with a
// community midwife copied in, and accepts it: her pack is three letters.
func (e *testEnv) acceptedReferral(admin, doc *models.StaffMember) *models.Referral {
	e.t.Helper()
	nhs, no := "9434765919", false
	r := &models.Referral{
		ReceivedAt: e.clock.Now().Add(-48 * time.Hour),
		Patient: models.Patient{
			NHSNumber: &nhs, GivenName: "Zoë", FamilyName: "Nguyễn", DateOfBirth: models.NewDate(1994, 3, 2),
			AddressLines: "12 Example Street\nLeicester", Postcode: "le3 0ab",
		},
		Referrer: models.Professional{Name: "Dr Amira Patel", Role: string(models.ProfGP), Organisation: "Westcotes Medical Centre",
			Address: "2 Fosse Road South, Leicester, LE3 0LP"},
		ConsentObtained:  true,
		RegisteredWithGP: true,
		LivesInArea:      true,
		Stage:            models.StagePregnant, ExpectedDeliveryDate: models.NewDate(2027, 3, 15),
		Severity: models.SeveritySevere, ManageableInPrimaryCare: &no,
		Conditions:        []models.Condition{{Code: "bipolar_disorder", Status: models.ConditionCurrent}},
		ReasonForReferral: "Bipolar disorder, 20 weeks pregnant.",
		CopyRecipients: []models.CopyRecipient{{Professional: models.Professional{
			Name: "Siobhán Byrne", Role: "Community midwife", Organisation: "Leicester Royal Infirmary", Address: "Infirmary Square, Leicester, LE1 5WW"}}},
	}
	if err := e.svc.Referrals.Register(admin, r); err != nil {
		e.t.Fatal(err)
	}
	rec, _ := app.StoredRecommendation(r)
	if err := e.svc.Referrals.Decide(doc, r.ID, r.Version, app.Decision{Outcome: models.DecisionAccept, Priority: rec.Priority, Reason: "Accepted."}); err != nil {
		e.t.Fatal(err)
	}
	return r
}

// newAcceptedCase makes an empty test environment with an administrator
// ("admin") and a clinician ("doc"), and Zoë Nguyễn's referral registered
// by the one and accepted by the other.
func newAcceptedCase(t *testing.T) (e *testEnv, admin, doc *models.StaffMember, r *models.Referral) {
	t.Helper()
	e = newTestEnv(t, 0)
	admin = e.addStaff("admin", models.RoleAdministrator)
	doc = e.addStaff("doc", models.RoleClinician)
	return e, admin, doc, e.acceptedReferral(admin, doc)
}

// lettersScreen builds the Letters screen for actor in a window, working
// inline, with an opener that records the files it is given instead of
// launching a viewer.
func (e *testEnv) lettersScreen(actor *models.StaffMember) (*lettersScreen, fyne.Window, *[]string) {
	w := e.showInWindow(nil)
	s := newLettersScreen(e.sessionIn(actor, w))
	opened := &[]string{}
	s.Files.Opener = func(u *url.URL) error {
		uri, err := storage.ParseURI(u.String())
		if err != nil {
			return err
		}
		*opened = append(*opened, uri.Path())
		return nil
	}
	e.t.Cleanup(s.Cleanup)
	w.SetContent(s.Content())
	return s, w, opened
}

// readOpened reads a file the opener was given.
func (e *testEnv) readOpened(path string) []byte {
	e.t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		e.t.Fatal(err)
	}
	return b
}
