package app

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"perinatal-caseload/models"
)

// Hazard: HAZ-022.
func TestReferralListPutsNewUrgentReferralsFirstAndSearches(t *testing.T) {
	s, _, admin := newAdminServices(t)
	routine := sampleReferral("9000000009")
	routine.Medications = nil // no mood stabiliser: routine
	routine.Patient.GivenName, routine.Patient.FamilyName, routine.Patient.Postcode = "Siobhán", "Byrne", "LE11 3TU"
	routine.ReceivedAt = routine.ReceivedAt.AddDate(0, 0, -3) // older
	urgent := sampleReferral("9434765919")                    // lithium: urgent
	for _, r := range []*models.Referral{routine, urgent} {
		register(t, s, admin, r)
	}
	if urgent.Priority != models.PriorityUrgent || routine.Priority != models.PriorityRoutine {
		t.Fatalf("priorities %s and %s", urgent.Priority, routine.Priority)
	}
	rows, err := s.Referrals.Page(admin, ReferralFilter{}, 0, 10)
	if err != nil || len(rows) != 2 || rows[0].ID != urgent.ID {
		t.Fatalf("list = %+v, %v; want the new urgent referral first although it is newer", rows, err)
	}
	for _, tc := range []struct {
		query string
		want  uint
	}{
		{"byrne", routine.ID}, {"Siob", routine.ID}, {"Zoë Nguyễn", urgent.ID}, {"nguyễn zoë", urgent.ID},
		{"943 476 5919", urgent.ID}, {"9000000009", routine.ID}, {"le11 3tu", routine.ID}, {"LE3", urgent.ID},
	} {
		rows, err := s.Referrals.Page(admin, ReferralFilter{Query: tc.query}, 0, 10)
		n, _ := s.Referrals.Count(admin, ReferralFilter{Query: tc.query})
		if err != nil || len(rows) != 1 || rows[0].ID != tc.want || n != 1 {
			t.Errorf("search %q = %d rows (count %d), %v; want referral %d", tc.query, len(rows), n, err, tc.want)
		}
	}
	n, _ := s.Referrals.Count(admin, ReferralFilter{Status: models.StatusReceived, Priority: models.PriorityUrgent})
	if n != 1 {
		t.Errorf("%d urgent referrals awaiting screening, want 1", n)
	}
}

// TestSearchForgivesAccentsApostrophesSpacesAndFindsTheReference checks
// every forgiving form of search: names without their accents, case,
// apostrophes, hyphens or spaces; NHS numbers and postcodes with or
// without their spaces; and the referral's own reference.
//
// Hazard: HAZ-005.
func TestSearchForgivesAccentsApostrophesSpacesAndFindsTheReference(t *testing.T) {
	s, _, admin := newAdminServices(t)
	women := []struct{ given, family, postcode string }{
		{"Siobhán", "Ní Bhriain", "LE11 3TU"},
		{"Mary-Kate", "O'Brien-Smith", "LE3 0AB"},
		{"Zoë", "Nguyễn", "LE2 7LX"},
		{"Łucja", "Wiśniewska-Żółć", "LE67 1AA"},
		{"Siobhan", "Byrne", "DE11 8BB"},
	}
	ids := make([]uint, len(women))
	for i, w := range women {
		r := sampleReferral(testNHSNumber(i + 1))
		r.Patient.GivenName, r.Patient.FamilyName, r.Patient.Postcode = w.given, w.family, w.postcode
		register(t, s, admin, r)
		ids[i] = r.ID
	}
	nhs := models.FormatNHSNumber(testNHSNumber(3)) // "999 000 00xx"
	for _, tc := range []struct {
		query string
		want  []int // indexes into women
	}{
		{"siobhan", []int{0, 4}},
		{"SIOBHÁN", []int{0, 4}},
		{"ni bhriain", []int{0}},
		{"Ní Bhriain", []int{0}},
		{"nibhriain", []int{0}},
		{"bhriain", []int{0}},
		{"siobhan ni bhriain", []int{0}},
		{"ni bhriain siobhan", []int{0}},
		{"Siobhán Bhriain", []int{0}},
		{"Byrne, Siobhan", []int{4}},
		{"obrien", []int{1}},
		{"o'brien", []int{1}},
		{"O’Brien", []int{1}},
		{"obrien smith", []int{1}},
		{"smith", []int{1}},
		{"mary kate", []int{1}},
		{"marykate obrien", []int{1}},
		{"nguyen", []int{2}},
		{"zoe nguyen", []int{2}},
		{"lucja wisniewska", []int{3}},
		{"zolc", []int{3}},
		{nhs, []int{2}},
		{strings.ReplaceAll(nhs, " ", ""), []int{2}},
		{strings.ReplaceAll(nhs, " ", "-"), []int{2}},
		{"le11 3tu", []int{0}},
		{"LE113TU", []int{0}},
		{"le113", []int{0}},
		{"LE11 3", []int{0}},
		{"de11", []int{4}},
		{models.ReferralReference(ids[3]), []int{3}},
		{strings.ToLower(models.ReferralReference(ids[3])), []int{3}},
		{fmt.Sprintf("PMH-%d", ids[3]), []int{3}},
		{fmt.Sprintf("pmh%06d", ids[3]), []int{3}},
		{fmt.Sprint(ids[3]), []int{3}},
		{"PMH-999999", nil},
		{"s", []int{0, 1, 4}}, // one letter: given, family or part of the family name
		{"Ł", []int{3}},
		{"w", []int{3}},
		{"q", nil},
		{"xyz", nil},
		{"'", nil},
	} {
		rows, err := s.Referrals.Page(admin, ReferralFilter{Query: tc.query}, 0, 10)
		n, cerr := s.Referrals.Count(admin, ReferralFilter{Query: tc.query})
		var got []uint
		for _, r := range rows {
			got = append(got, r.ID)
		}
		var want []uint
		for _, i := range tc.want {
			want = append(want, ids[i])
		}
		slices.Sort(got)
		if err != nil || cerr != nil || !slices.Equal(got, want) || n != int64(len(want)) {
			t.Errorf("search %q = %v (count %d), %v %v; want %v", tc.query, got, n, err, cerr, want)
		}
	}
	rows, _ := s.Referrals.Page(admin, ReferralFilter{Query: "bhriain"}, 0, 1)
	if len(rows) != 1 || rows[0].Reference() != models.ReferralReference(ids[0]) {
		t.Errorf("the row's reference = %+v", rows)
	}
	// A reference search keeps the other filters.
	if n, _ := s.Referrals.Count(admin, ReferralFilter{Query: models.ReferralReference(ids[3]), Status: models.StatusClosed}); n != 0 {
		t.Errorf("a received referral was found among the closed ones")
	}
}

// TestSearchKeysFollowAChangeOfName checks that a re-referral that brings
// her name up to date brings the search keys with it.
//
// Hazard: HAZ-005.
func TestSearchKeysFollowAChangeOfName(t *testing.T) {
	s, _, admin := newAdminServices(t)
	register(t, s, admin, sampleReferral("9434765919"))
	again := sampleReferral("9434765919")
	again.Patient.FamilyName, again.Patient.Postcode = "Ó Súilleabháin", "LE1 5WW"
	register(t, s, admin, again)
	for _, q := range []string{"osuilleabhain", "suilleabhain", "le15ww"} {
		if n, _ := s.Referrals.Count(admin, ReferralFilter{Query: q}); n != 2 {
			t.Errorf("search %q finds %d referrals after her change of name, want both", q, n)
		}
	}
	if n, _ := s.Referrals.Count(admin, ReferralFilter{Query: "nguyen"}); n != 0 {
		t.Errorf("her old name still finds %d referrals", n)
	}
}

// TestSearchKeysMigrationRefoldsAnOlderDatabase opens a database made
// before the forgiving search, whose keys were only lower-cased, and
// checks that the upgrade makes every patient findable the forgiving way.
func TestSearchKeysMigrationRefoldsAnOlderDatabase(t *testing.T) {
	db, path := databaseBefore(t, "2026120301_forgiving_search_keys")
	// The first migration creates the tables from today's models, so the
	// columns the older release never had are taken out again.
	for _, ix := range searchKeyIndexes {
		if err := db.Exec("DROP INDEX " + ix.name).Error; err != nil {
			t.Fatal(err)
		}
	}
	for _, col := range []string{"FamilyPartKey", "PostcodeKey"} {
		if err := db.Migrator().DropColumn(&patientSearchKeysV2{}, col); err != nil {
			t.Fatal(err)
		}
	}
	err := db.Exec(`INSERT INTO patients (created_at, updated_at, version, given_name, family_name, date_of_birth, postcode, given_key, family_key)
		VALUES (?, ?, 3, 'Siobhán', 'Ní Bhriain', '1994-03-02', 'LE11 3TU', 'siobhán', 'ní bhriain')`, testNow, testNow).Error
	if err != nil {
		t.Fatal(err)
	}
	db, _ = upgraded(t, db, path)
	var p models.Patient
	if err := db.First(&p).Error; err != nil {
		t.Fatal(err)
	}
	if p.GivenKey != "siobhan" || p.FamilyKey != "nibhriain" || p.FamilyPartKey != "bhriain" || p.PostcodeKey != "LE113TU" {
		t.Errorf("keys after the upgrade: %q %q %q %q", p.GivenKey, p.FamilyKey, p.FamilyPartKey, p.PostcodeKey)
	}
	if p.Version != 3 || !p.UpdatedAt.Equal(testNow) {
		t.Errorf("the upgrade changed her record's version (%d) or update time (%s)", p.Version, p.UpdatedAt)
	}
	for _, ix := range searchKeyIndexes {
		if !db.Migrator().HasIndex(&models.Patient{}, ix.name) {
			t.Errorf("no index %s after the upgrade", ix.name)
		}
	}
}

func TestASearchCountsNoFurtherThanItsLimit(t *testing.T) {
	s, _, admin := newAdminServices(t)
	for _, nhs := range []string{"9000000009", "9434765919", "9990000107"} {
		r := sampleReferral(nhs)
		r.Patient.FamilyName = "Sandhu"
		register(t, s, admin, r)
	}
	defer func(was int64) { SearchCountLimit = was }(SearchCountLimit)
	SearchCountLimit = 2
	for _, tc := range []struct {
		name string
		f    ReferralFilter
		want int64
	}{
		{"a search matching more than the limit counts one past it", ReferralFilter{Query: "s"}, 3},
		{"a search matching exactly the limit counts them all", ReferralFilter{Query: "9000000009"}, 1},
		{"the list without a search counts every referral", ReferralFilter{}, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n, err := s.Referrals.Count(admin, tc.f)
			if err != nil || n != tc.want {
				t.Errorf("count = %d, %v; want %d", n, err, tc.want)
			}
		})
	}
	SearchCountLimit = 3
	if n, _ := s.Referrals.Count(admin, ReferralFilter{Query: "sandhu"}); n != 3 {
		t.Errorf("three matches within a limit of 3 counted %d", n)
	}
}
