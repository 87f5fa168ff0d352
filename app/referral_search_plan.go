package app

import (
	"fmt"
	"strings"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// How a search is read. A search by name or postcode may name one woman or
// one in eight (a single letter), and the list is filtered by status and
// priority too, so no one way of reading it is fast for all. Each search
// is read in one of two directions, chosen by cheap counts that stop
// early:
//
//   - From the women: the patients whose names match, read from the
//     indexes on their search keys, then their referrals. Its cost follows
//     the number of women matched, so it suits a search that names few.
//   - From the referrals: the referrals, in list order or as the status
//     filter picks them, each looked up in the patients table by her ID.
//     Its cost follows the referrals read, so it suits a filter that keeps
//     few referrals, and a page of a search that matches many, which fills
//     100 rows within the first few thousand.
//
// Neither engine can tell which direction is cheaper from its statistics
// alone (SQLite keeps none unless asked), so the choice is made here.

// fewFilteredReferrals is the most referrals a status filter may keep
// for a search to be read from those referrals. A var, so that
// tests can read every search both ways.
var fewFilteredReferrals int64 = 2000

// pageScanFrom is how many women a search must name, at least, for its
// page to be found by reading the list in order. Below it, the women's
// referrals are read and sorted. A var, as fewFilteredReferrals.
var pageScanFrom int64 = 2000

// Count returns how many referrals match f. With a search (f.Query), it
// counts no further than SearchCountLimit+1, reading in whichever
// direction stops soonest.
func (s *ReferralService) Count(actor *models.StaffMember, f ReferralFilter) (int64, error) {
	if strings.TrimSpace(f.Query) == "" {
		return s.countFor(actor, models.PermViewReferrals, s.filterReferrals(s.db.Table("referrals"), f))
	}
	if err := s.authorise(actor, models.PermViewReferrals); err != nil {
		return 0, err
	}
	q := s.filterReferrals(s.db.Table("referrals").Select("referrals.id"), f)
	if broadSearch(f.Query) {
		few, err := s.fewFiltered(f)
		if err != nil {
			return 0, err
		}
		if few || searchTerm(f.Query) != "" {
			q = s.searchMatches(f, few)
		}
	}
	return s.countUpTo(q, SearchCountLimit)
}

// Page returns rows offset..offset+limit of the referrals matching f,
// urgent first, then oldest first. The page's IDs are picked from the
// indexes first; only those rows are then joined to their patient and
// referrer.
func (s *ReferralService) Page(actor *models.StaffMember, f ReferralFilter, offset, limit int) ([]ReferralRow, error) {
	if err := s.authorise(actor, models.PermViewReferrals); err != nil {
		return nil, err
	}
	match, order := s.listPatients, referralOrder
	if strings.TrimSpace(f.Query) != "" {
		// Read from the women: their referrals are few, so they are sorted
		// rather than found by walking the list's order index. The "+ 0"
		// keeps PostgreSQL from walking it anyway: its estimate assumes the
		// matches are spread evenly down the list, and at 100,000
		// referrals it read 62,000 of them for a postcode sector's page.
		order = "referrals.urgent_rank + 0, referrals.received_at, referrals.id"
	}
	if broadSearch(f.Query) {
		scan, err := s.scanForPage(f)
		if err != nil {
			return nil, err
		}
		if scan {
			match, order = s.probePatients, referralOrder
		}
	}
	ids := s.filterReferralsBy(s.db.Table("referrals").Select("referrals.id"), f, match).
		Order(order).Offset(offset).Limit(limit)
	var rows []ReferralRow
	err := s.referralRows().Where("referrals.id IN (?)", ids).Order(referralOrder).Scan(&rows).Error
	return rows, err
}

// scanForPage reports whether the page of a search is found sooner by
// reading the referrals (in list order, or those the filter keeps) than
// by reading the women it names and sorting their referrals.
func (c *core) scanForPage(f ReferralFilter) (bool, error) {
	few, err := c.fewFiltered(f)
	if err != nil || few {
		return few, err
	}
	return c.manyWomen(strings.TrimSpace(f.Query))
}

// manyWomen reports whether a broad search of one word, or a postcode,
// names about pageScanFrom women or more, counted on the indexes of the
// search keys alone, each range stopping at pageScanFrom. A woman whose
// given and family names both match is counted twice, which is near
// enough for choosing how to read.
func (c *core) manyWomen(query string) (bool, error) {
	start := searchTerm(query)
	if start == "" {
		return false, nil
	}
	columns := []string{"given_key", "family_key", "family_part_key"}
	if looksLikePostcode(query) {
		columns = []string{"postcode_key"}
	}
	lo, hi := prefixRange(start)
	var counts []string
	var args []any
	for i, col := range columns {
		counts = append(counts, fmt.Sprintf("(SELECT count(*) FROM (SELECT 1 FROM patients WHERE %[1]s >= ? AND %[1]s < ? LIMIT %[2]d) AS k%[3]d)", col, pageScanFrom, i))
		args = append(args, lo, hi)
	}
	var n int64
	err := c.db.Raw("SELECT "+strings.Join(counts, " + "), args...).Scan(&n).Error
	return n >= pageScanFrom, err
}

// searchTerm returns the folded start of a broad search of one term: a
// postcode's key, or one word of a name. A search of several words
// matches few women, so it returns "" for those, which are read from the
// women named.
func searchTerm(query string) string {
	query = strings.TrimSpace(query)
	if looksLikePostcode(query) {
		return models.PostcodeKey(query)
	}
	if words := models.FoldWords(query); len(words) == 1 {
		return words[0]
	}
	return ""
}

// broadSearch reports whether a search is by name or postcode, which may
// match many women. A reference names one referral and an NHS number one
// woman: those are read straight from their indexes.
func broadSearch(query string) bool {
	query = strings.TrimSpace(query)
	if _, ok := referenceQuery(query); ok || query == "" {
		return false
	}
	_, ok := nhsNumberQuery(query)
	return !ok
}

// fewFiltered reports whether f filters by status, keeping no more than
// fewFilteredReferrals referrals. (A priority alone keeps too many: the
// routine referrals are most of the register, and the urgent ones come
// first in the list's order anyway.)
func (c *core) fewFiltered(f ReferralFilter) (bool, error) {
	if f.Status == "" && !f.OpenOnly {
		return false, nil
	}
	statusOnly := ReferralFilter{Status: f.Status, OpenOnly: f.OpenOnly}
	n, err := c.countUpTo(filterStatus(c.db.Table("referrals").Select("referrals.id"), statusOnly), fewFilteredReferrals)
	return n <= fewFilteredReferrals, err
}

// searchMatches returns a query of the IDs of the referrals a broad
// search f matches, in no order, read from the referrals the status
// filter keeps (few) or else from the women the search names. Counted with a limit, it
// stops as soon as the limit is reached.
func (c *core) searchMatches(f ReferralFilter, few bool) *gorm.DB {
	if few {
		return c.filterReferralsBy(c.db.Table("referrals").Select("referrals.id"), f, c.probePatients)
	}
	// SQLite reads the tables of a CROSS JOIN in the order written, and
	// the status from each referral rather than from its index (rowValue),
	// so that each woman's referrals are found by her ID. PostgreSQL plans
	// it as any other join, from its statistics.
	q := c.db.Table("patients CROSS JOIN referrals").Select("referrals.id").Where("referrals.patient_id = patients.id")
	cond, args := patientCondition(strings.TrimSpace(f.Query))
	return filterStatusOf(q, f, rowValue(c.db, "referrals.status")).Where(cond, args...)
}

// probePatients keeps the referrals whose patient matches the search,
// looking each one's patient up by her ID: fastest when few referrals are
// read, or when they are read in list order and many match.
func (c *core) probePatients(q *gorm.DB, cond string, args []any) *gorm.DB {
	return q.Where("EXISTS (?)", c.db.Table("patients").Select("1").Where("patients.id = referrals.patient_id").Where(cond, args...))
}

// countUpTo counts the rows q finds, up to limit+1.
func (c *core) countUpTo(q *gorm.DB, limit int64) (int64, error) {
	var n int64
	err := c.db.Table("(?) AS matches", q.Limit(int(limit+1))).Count(&n).Error
	return n, err
}
