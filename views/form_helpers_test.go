package views

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// referralForm builds the referral form for actor in a window, recording
// the ID it reports saved.
func (e *testEnv) referralForm(actor *models.StaffMember) (*referralForm, fyne.Window, *uint) {
	saved := new(uint)
	w := e.showInWindow(nil)
	f := newReferralForm(e.sessionIn(actor, w), func(id uint) { *saved = id })
	w.SetContent(f.Content())
	return f, w, saved
}

// fillAcceptableReferral types a referral that screening accepts: a
// pregnant woman with current bipolar disorder, in the area, consent given.
func fillAcceptableReferral(t testing.TB, f *referralForm, nhs string) {
	t.Helper()
	test.Type(f.NHSNumber, nhs)
	test.Type(f.GivenName, "Zoë")
	test.Type(f.FamilyName, "Nguyễn")
	test.Type(f.DateOfBirth, "02/03/1994")
	test.Type(f.Address, "12 Example Street\nLeicester")
	test.Type(f.Postcode, "le3 0ab")
	test.Type(f.ReferrerName, "Dr Amira Patel")
	f.ReferrerRole.SetCode(string(models.ProfGP))
	test.Type(f.ReferrerOrganisation, "Westcotes Medical Centre")
	test.Type(f.ReferrerAddress, "2 Fosse Road South\nLeicester\nLE3 0LP")
	answerYes(f)
	f.Stage.SetSelected(models.StagePregnant.Label())
	test.Type(f.DueDate, "15/03/2027")
	f.Severity.SetCode(string(models.SeveritySevere))
	f.Manageable.SetCode("no")
	test.Tap(f.Conditions.AddButton)
	f.Conditions.Rows()[0].Code.SetCode("bipolar_disorder")
	test.Type(f.Reason, "Bipolar disorder, 20 weeks pregnant.")
}

// referralCount counts the referrals in the database.
func (e *testEnv) referralCount() int64 {
	e.t.Helper()
	n, err := e.svc.Referrals.Count(e.system, app.ReferralFilter{})
	if err != nil {
		e.t.Fatal(err)
	}
	return n
}

// answerYes answers the eligibility questions yes.
func answerYes(f *referralForm) {
	for _, c := range []*widgets.Choice{f.Consent, f.RegisteredWithGP, f.LivesInArea} {
		c.SetCode("yes")
	}
}
