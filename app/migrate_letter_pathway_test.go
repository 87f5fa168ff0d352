package app

import (
	"crypto/sha256"
	"encoding/hex"
	"testing"

	"perinatal-caseload/letters"
	"perinatal-caseload/models"
)

// An older database gains the new columns, the outcomes its referrals'
// states show, the closure templates, and today's text for each standard
// template nobody edited; an edited template is left as written.
func TestLetterPathwayMigrationUpgradesAnOlderDatabase(t *testing.T) {
	db, path := databaseBefore(t, "2026120601_letter_pathway")
	old := New(db, NewManualClock(testNow))
	admin := addStaff(t, old, "admin", models.RoleAdministrator)
	states := []struct {
		status  models.Status
		closure string
		want    models.AssessmentOutcome
	}{
		{models.StatusClosed, string(models.ClosureDischargedWithAdvice), models.OutcomeDischarged},
		{models.StatusCaseload, "", models.OutcomeCaseload},
		{models.StatusMedicalReview, "", models.OutcomeMedicalReview},
		{models.StatusClosed, string(models.ClosureMovedAway), models.OutcomeNone},
		{models.StatusAccepted, "", models.OutcomeNone},
	}
	ids := make([]uint, len(states))
	for i, st := range states {
		r := sampleReferral(testNHSNumber(i + 1))
		if err := old.Referrals.Register(admin, r); err != nil {
			t.Fatal(err)
		}
		if err := db.Exec("UPDATE referrals SET status = ?, closure_reason = ? WHERE id = ?", st.status, st.closure, r.ID).Error; err != nil {
			t.Fatal(err)
		}
		ids[i] = r.ID
	}
	// The acceptance template as first seeded (standing in for the earlier
	// text by its fingerprint), and the caseload letter as edited.
	firstBody := "Dear {{.FirstName}}\n\nAs first seeded.\n"
	sum := sha256.Sum256([]byte(firstBody))
	saved := firstSeededTemplates[models.LetterAcceptance]
	firstSeededTemplates[models.LetterAcceptance] = hex.EncodeToString(sum[:])
	t.Cleanup(func() { firstSeededTemplates[models.LetterAcceptance] = saved })
	edited := "Dear {{.FirstName}}\n\nOur own words.\n"
	for kind, body := range map[models.LetterKind]string{models.LetterAcceptance: firstBody, models.LetterOutcomeCaseload: edited} {
		if err := db.Exec("UPDATE letter_templates SET body = ?, version = 3 WHERE kind = ?", body, kind).Error; err != nil {
			t.Fatal(err)
		}
	}
	for _, k := range models.ClosureLetterKinds {
		db.Exec("DELETE FROM letter_templates WHERE kind = ?", k)
	}
	// The first migration builds today's tables: take away what 2026120601
	// adds, as a database made before it lacks them.
	for _, c := range []struct {
		model any
		field string
	}{{&referralColumnsV6{}, "AssessmentOutcome"}, {&referralColumnsV6{}, "OutcomeSummary"}, {&staffColumnsV6{}, "Signature"}, {&appointmentColumnsV6{}, "Venue"}} {
		if err := db.Migrator().DropColumn(c.model, c.field); err != nil {
			t.Fatalf("drop %s: %v", c.field, err)
		}
	}
	db = upgraded(t, db, path)
	s := New(db, NewManualClock(testNow))
	for i, st := range states {
		r, err := s.Referrals.Get(admin, ids[i])
		if err != nil || r.AssessmentOutcome != st.want {
			t.Errorf("a referral %s (%q) has outcome %q after the upgrade, want %q (%v)", st.status, st.closure, r.AssessmentOutcome, st.want, err)
		}
	}
	acceptance, _ := s.Letters.Template(models.LetterAcceptance)
	want, _ := letters.DefaultTemplate(models.LetterAcceptance)
	if acceptance.Body != want || acceptance.Version != 4 {
		t.Errorf("the unedited acceptance template is v%d and not today's text", acceptance.Version)
	}
	if caseload, _ := s.Letters.Template(models.LetterOutcomeCaseload); caseload.Body != edited || caseload.Version != 3 {
		t.Errorf("the edited caseload template was changed to v%d", caseload.Version)
	}
	for _, k := range models.ClosureLetterKinds {
		if tmpl, _ := s.Letters.Template(k); tmpl.ID == 0 || tmpl.Version != 1 {
			t.Errorf("the %s template was not seeded", k)
		}
	}
	for _, col := range []string{"AssessmentOutcome", "OutcomeSummary"} {
		if !db.Migrator().HasColumn(&referralColumnsV6{}, col) {
			t.Errorf("the referrals table lacks %s", col)
		}
	}
	if !db.Migrator().HasColumn(&staffColumnsV6{}, "Signature") || !db.Migrator().HasColumn(&appointmentColumnsV6{}, "Venue") {
		t.Error("the signature or venue column is missing")
	}
}
