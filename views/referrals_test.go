package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

// rowsShown returns every row the list holds for the current query.
func rowsShown(t *testing.T, s *referralsScreen) []app.ReferralRow {
	t.Helper()
	var out []app.ReferralRow
	for i := 0; i < s.List.Length(); i++ {
		r, ok := s.rows.Row(i)
		if !ok {
			t.Fatalf("row %d was not loaded", i)
		}
		out = append(out, r)
	}
	return out
}

// Hazard: HAZ-022.
func TestReferralsListsAllUrgentFirst(t *testing.T) {
	e := newTestEnv(t, 30)
	s, w := e.referralsScreen(e.system)
	if s.Count.Text != "30 referrals" {
		t.Fatalf("count says %q, want 30 referrals", s.Count.Text)
	}
	rows := rowsShown(t, s)
	if len(rows) != 30 {
		t.Fatalf("list has %d rows, want 30", len(rows))
	}
	seenRoutine := false
	for _, r := range rows {
		if r.Priority == models.PriorityRoutine {
			seenRoutine = true
		} else if seenRoutine {
			t.Fatal("an urgent referral comes after a routine one")
		}
	}
	first := rows[0]
	for _, want := range []string{first.NHSNumberText(), first.DateOfBirth.UK(), first.Postcode, first.Status.Label(), ukDate(first.ReceivedAt)} {
		if !drawn(w, want) {
			t.Errorf("the first row does not show %q", want)
		}
	}
}

func TestReferralsSearchBySurname(t *testing.T) {
	e := newTestEnv(t, 30)
	s, w := e.referralsScreen(e.system)
	all := rowsShown(t, s)
	surname := all[len(all)-1].FamilyName

	test.Type(s.Search, surname)

	want, err := e.svc.Referrals.Count(e.system, app.ReferralFilter{Query: surname})
	if err != nil {
		t.Fatal(err)
	}
	if want == 0 || want == 30 {
		t.Fatalf("the surname %q should pick out some referrals, not %d", surname, want)
	}
	if s.Count.Text != countText(want, "referral", "referrals") || int64(s.List.Length()) != want {
		t.Fatalf("after searching %q the count says %q and the list has %d rows; want %d", surname, s.Count.Text, s.List.Length(), want)
	}
	for _, r := range rowsShown(t, s) {
		if r.FamilyName != surname && !strings.HasPrefix(strings.ToLower(r.GivenName), strings.ToLower(surname)) {
			t.Errorf("searching %q shows %s", surname, r.PatientName())
		}
	}
	if !drawn(w, rowsShown(t, s)[0].NHSNumberText()) {
		t.Error("the matching referral is not drawn")
	}

	s.Search.SetText("")
	if s.List.Length() != 30 {
		t.Fatalf("clearing the search shows %d rows, want 30", s.List.Length())
	}
}

// Hazard: HAZ-005.
func TestReferralsSearchByNHSNumber(t *testing.T) {
	e := newTestEnv(t, 30)
	s, _ := e.referralsScreen(e.system)
	target := rowsShown(t, s)[5]
	test.Type(s.Search, target.NHSNumberText())
	rows := rowsShown(t, s)
	if len(rows) == 0 || rows[0].PatientID != target.PatientID {
		t.Fatalf("searching %s found %d rows, not her", target.NHSNumberText(), len(rows))
	}
}

func TestReferralsFilterByStatusAndOpenOnly(t *testing.T) {
	e := newTestEnv(t, 30)
	s, _ := e.referralsScreen(e.system)

	s.Status.SetSelected(models.StatusClosed.Label())
	want, _ := e.svc.Referrals.Count(e.system, app.ReferralFilter{Status: models.StatusClosed})
	if want == 0 || int64(s.List.Length()) != want || s.Count.Text != countText(want, "referral", "referrals") {
		t.Fatalf("closed filter: list %d, count %q; want %d", s.List.Length(), s.Count.Text, want)
	}
	for _, r := range rowsShown(t, s) {
		if r.Status != models.StatusClosed {
			t.Fatalf("the closed filter shows a referral that is %s", r.Status.Label())
		}
	}

	s.Status.SetSelected(allStatuses)
	test.Tap(s.OpenOnly)
	for _, r := range rowsShown(t, s) {
		if !r.Status.Open() {
			t.Fatalf("open only shows a referral that is %s", r.Status.Label())
		}
	}
	if s.List.Length() == 0 || s.List.Length() >= 30 {
		t.Fatalf("open only shows %d of 30 referrals", s.List.Length())
	}
}

// pageCounter counts the pages of referrals a screen fetches.
type pageCounter struct {
	referralSource
	fetched int
}

func (c *pageCounter) Page(actor *models.StaffMember, f app.ReferralFilter, offset, limit int) ([]app.ReferralRow, error) {
	c.fetched++
	return c.referralSource.Page(actor, f, offset, limit)
}

func TestReferralsPagesThroughALongList(t *testing.T) {
	e := newTestEnv(t, 30)
	s := newReferralsScreen(e.sessionIn(e.system, nil), false)
	pages := &pageCounter{referralSource: s.referrals}
	s.referrals = pages
	s.rows.PageSize = 7 // small pages, so 30 referrals span five of them
	s.Reload()
	if pages.fetched != 1 {
		t.Fatalf("opening the list fetched %d pages, want 1", pages.fetched)
	}
	rows := rowsShown(t, s)
	if pages.fetched != 5 || len(rows) != 30 {
		t.Fatalf("reading every row fetched %d pages and %d rows; want 5 and 30", pages.fetched, len(rows))
	}
	seen := map[uint]bool{}
	for _, r := range rows {
		if seen[r.ID] {
			t.Fatalf("referral %d is listed twice", r.ID)
		}
		seen[r.ID] = true
	}
}

func TestReferralDetailOpensFromTheList(t *testing.T) {
	e := newTestEnv(t, 30)
	s, w := e.referralsScreen(e.system)
	first := rowsShown(t, s)[0]

	s.List.Select(0)

	if s.Detail == nil || s.Detail.Referral.ID != first.ID {
		t.Fatal("selecting the first row did not open its referral")
	}
	for _, want := range []string{first.NHSNumberText(), "Screening recommendation", "Referrer", "Perinatal stage", first.ReferrerName} {
		if !drawn(w, want) {
			t.Errorf("the referral detail does not show %q", want)
		}
	}
	test.Tap(s.Detail.Back)
	if s.Detail != nil || !drawn(w, "Search by name") {
		t.Fatal("Back did not return to the list")
	}
}

func TestReferralsShowPermissionRefusal(t *testing.T) {
	e := newTestEnv(t, 5)
	nobody := &models.StaffMember{Name: "No roles"}
	nobody.ID = e.system.ID // signed in, but with no role at all
	s, _ := e.referralsScreen(nobody)
	if !strings.HasPrefix(s.Count.Text, "You need the Administrator role to view referrals") {
		t.Fatalf("the count line says %q", s.Count.Text)
	}
	if s.List.Length() != 0 {
		t.Fatal("a refused person sees rows")
	}
}

func TestReferralCountTextSaysWhenASearchMatchedMoreThanItCounts(t *testing.T) {
	for _, tc := range []struct {
		total int64
		want  string
	}{
		{1, "1 referral"},
		{app.SearchCountLimit, countText(app.SearchCountLimit, "referral", "referrals")},
		{app.SearchCountLimit + 1, "More than 1,000 referrals match: type more of her name, or her NHS number."},
	} {
		if got := referralCountText(tc.total); got != tc.want {
			t.Errorf("%d referrals: %q, want %q", tc.total, got, tc.want)
		}
	}
}
