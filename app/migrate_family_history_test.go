package app

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/go-gormigrate/gormigrate/v2"

	"perinatal-caseload/models"
)

// TestEncodedColumnsWrittenByAnOlderReleaseStillRead builds a database as
// it stood before migration 2026120202, writes a referral's family history
// and recommendation in the encoding the older code used (comma-separated
// codes; JSON in a text column), upgrades it, and reads both back.
func TestEncodedColumnsWrittenByAnOlderReleaseStillRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := openSQLite(path)
	if err != nil {
		t.Fatal(err)
	}
	// Today's services need today's schema to register a referral, so the
	// database is made whole, the rows are rewritten in the older encoding
	// and the family-history migration is marked as never run: what an
	// older release's database looks like to the upgrade.
	const migration = "2026120202_family_history_as_json"
	if !slices.ContainsFunc(migrations(), func(m *gormigrate.Migration) bool { return m.ID == migration }) {
		t.Fatal("the family-history migration is not in the list")
	}
	if _, err := migrateTo(db, migrations()); err != nil {
		t.Fatal(err)
	}
	old := New(db, NewManualClock(testNow))
	admin := addStaff(t, old, "admin", models.RoleAdministrator)
	screened, unscreened := sampleReferral(testNHSNumber(1)), sampleReferral(testNHSNumber(2))
	for _, r := range []*models.Referral{screened, unscreened} {
		if err := old.Referrals.Register(admin, r); err != nil {
			t.Fatal(err)
		}
	}
	// What the older code wrote: json.Marshal of the recommendation, and
	// the codes joined by commas; nothing at all for an unscreened referral
	// without family history.
	recJSON, err := json.Marshal(*screened.Recommendation)
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range []struct {
		id             uint
		family, recomm string
	}{
		{screened.ID, "bipolar_disorder,postpartum_psychosis", string(recJSON)},
		{unscreened.ID, "", ""},
	} {
		err := db.Exec("UPDATE referrals SET family_history = ?, recommendation = ? WHERE id = ?", row.family, row.recomm, row.id).Error
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Exec("DELETE FROM migrations WHERE id = ?", migration).Error; err != nil {
		t.Fatal(err)
	}
	db = upgraded(t, db, path)
	s := New(db, NewManualClock(testNow))

	got, err := s.Referrals.Get(admin, screened.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"bipolar_disorder", "postpartum_psychosis"}; !reflect.DeepEqual(got.FamilyHistory, want) {
		t.Errorf("family history after upgrade = %q, want %q", got.FamilyHistory, want)
	}
	if !got.HasFamilyHistory("postpartum_psychosis") {
		t.Error("HasFamilyHistory(postpartum_psychosis) is false after upgrade")
	}
	var wantRec models.Recommendation // as the older code read it back
	if err := json.Unmarshal(recJSON, &wantRec); err != nil {
		t.Fatal(err)
	}
	if rec, err := StoredRecommendation(got); err != nil || !reflect.DeepEqual(rec, wantRec) {
		t.Errorf("recommendation after upgrade = %+v, %v; want %+v", rec, err, wantRec)
	}

	got, err = s.Referrals.Get(admin, unscreened.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.FamilyHistory) != 0 {
		t.Errorf("empty family history reads as %q after upgrade", got.FamilyHistory)
	}
	if _, err := StoredRecommendation(got); err == nil {
		t.Error("an unscreened referral has a recommendation after upgrade")
	}

	var stored string
	if err := db.Raw("SELECT family_history FROM referrals WHERE id = ?", screened.ID).Scan(&stored).Error; err != nil {
		t.Fatal(err)
	}
	if stored != `["bipolar_disorder","postpartum_psychosis"]` {
		t.Errorf("family_history column after upgrade = %s, want the JSON list", stored)
	}
}
