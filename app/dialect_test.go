package app

import (
	"slices"
	"strings"
	"testing"
	"time"

	"perinatal-caseload/models"
)

func TestTimesComeBackAsTheSameInstantInUTC(t *testing.T) {
	w := newWorkflow(t)
	r := w.accept(nil)
	summer := time.Date(2027, 7, 1, 10, 30, 15, 0, models.London) // 09:30:15 UTC
	a := w.book(r.ID, models.KindInitialAssessment, summer, w.doc)
	got, err := w.s.Appointments.ForReferral(w.manager, r.ID)
	if err != nil || len(got) != 1 {
		t.Fatalf("appointments %v, %v", got, err)
	}
	if at := got[0].StartsAt; !at.Equal(summer) || at.Location() != time.UTC {
		t.Errorf("stored %v, read back %v; want the same instant, in UTC", summer, at)
	}
	if got[0].ID != a.ID {
		t.Errorf("read appointment %d, booked %d", got[0].ID, a.ID)
	}
}

func TestEveryTimeColumnIsTimeZoneAwareOnPostgreSQL(t *testing.T) {
	s, _ := newPostgresServices(t, "SQLite has no time-zone-aware column type; times are stored in UTC")
	var types []struct{ Column, Type string }
	err := s.core.db.Raw("SELECT table_name || '.' || column_name AS column, data_type AS type FROM information_schema.columns " +
		"WHERE table_schema = current_schema() AND data_type LIKE 'timestamp%'").Scan(&types).Error
	if err != nil || len(types) == 0 {
		t.Fatalf("time columns: %v, %v", types, err)
	}
	for _, c := range types {
		if c.Type != "timestamp with time zone" {
			t.Errorf("%s is %s; want timestamp with time zone", c.Column, c.Type)
		}
	}
}

func TestEachPostgreSQLSessionPlansForItsValuesWithoutParallelWorkers(t *testing.T) {
	s, _ := newPostgresServices(t, "SQLite plans each statement for its values and has no parallel workers")
	for setting, want := range map[string]string{
		"plan_cache_mode":                 "force_custom_plan",
		"max_parallel_workers_per_gather": "0",
	} {
		var got string
		if err := s.core.db.Raw("SELECT current_setting(?)", setting).Scan(&got).Error; err != nil || got != want {
			t.Errorf("%s = %q (%v); want %q", setting, got, err, want)
		}
	}
}

func TestSearchIndexesCarryWhatASearchReadsOnPostgreSQL(t *testing.T) {
	s, _ := newPostgresServices(t, "SQLite's indexes end with the row's ID and its tables are ordered by it")
	for index, want := range map[string]string{
		"idx_referral_order":       "(urgent_rank, received_at, patient_id) INCLUDE (id)",
		"idx_referral_queue":       "(status, urgent_rank, received_at, patient_id) INCLUDE (id)",
		"idx_patient_search_probe": "(id) INCLUDE (given_key, family_key, family_part_key, postcode_key)",
	} {
		var def string
		err := s.core.db.Raw("SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND indexname = ?", index).Scan(&def).Error
		if err != nil || !strings.HasSuffix(def, want) {
			t.Errorf("%s is %q (%v); want it to end %q", index, def, err, want)
		}
	}
}

func TestSearchedColumnsCompareCodePointByCodePointOnPostgreSQL(t *testing.T) {
	s, _ := newPostgresServices(t, "SQLite always compares text code point by code point")
	for _, c := range slices.Concat(byteOrderColumns, byteOrderSearchKeys) {
		var collation *string
		err := s.core.db.Raw("SELECT collation_name FROM information_schema.columns WHERE table_schema = current_schema() "+
			"AND table_name = ? AND column_name = ?", c.table, c.column).Scan(&collation).Error
		if err != nil || collation == nil || *collation != "C" {
			t.Errorf("%s.%s has collation %v (%v); want C", c.table, c.column, collation, err)
		}
	}
}

func TestNamesWithPunctuationAndAccentsAreFoundByTheirStart(t *testing.T) {
	s, _, admin := newAdminServices(t)
	names := [][2]string{{"Siobhán", "O'Brien-Smith"}, {"Åse", "de la Cruz"}, {"Zoë", "Nguyễn"}, {"Mary", "Obi"}}
	for i, n := range names {
		r := sampleReferral(testNHSNumber(i + 1))
		r.Patient.GivenName, r.Patient.FamilyName = n[0], n[1]
		register(t, s, admin, r)
	}
	for query, want := range map[string]int64{
		// Search forgives apostrophes and accents: "ob" is the start of
		// both O'Brien-Smith and Obi, and "ase" finds Åse.
		"o'b": 2, "O'BRIEN-S": 1, "ob": 2, "o": 2, "de": 1, "åse": 1, "ase": 1, "nguy": 1, "ZOË": 1, "siobhán o'brien": 1,
	} {
		n, err := s.Referrals.Count(admin, ReferralFilter{Query: query})
		if err != nil || n != want {
			t.Errorf("search %q found %d (%v); want %d", query, n, err, want)
		}
	}
}
