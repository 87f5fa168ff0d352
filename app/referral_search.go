package app

import (
	"strings"
	"time"
	"unicode"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// ReferralFilter narrows the referral list.
type ReferralFilter struct {
	// Query is a name (or the start of one), an NHS number, a postcode (or
	// its start), or the referral's reference ("PMH-000155", "PMH-155",
	// "155"). Names are found whatever their accents, case, apostrophes and
	// hyphens; NHS numbers and postcodes with or without their spaces.
	Query    string
	Status   models.Status   // "" for every status
	Priority models.Priority // "" for both
	OpenOnly bool
}

// ReferralRow is one line of the referral list.
type ReferralRow struct {
	ID           uint
	ReceivedAt   time.Time
	Status       models.Status
	Priority     models.Priority
	Stage        models.Stage
	PatientID    uint
	GivenName    string
	FamilyName   string
	NHSNumber    *string
	DateOfBirth  models.Date
	Postcode     string
	ReferrerName string
	// Safeguarding are her standing safeguarding flags.
	Safeguarding safeguardingCols `gorm:"embedded"`
}

// SafeguardingFlags returns her standing safeguarding flags, for badges.
func (r ReferralRow) SafeguardingFlags() []CaseloadFlag { return r.Safeguarding.flags() }

// Reference returns the referral's reference, such as "PMH-000155".
func (r ReferralRow) Reference() string { return models.ReferralReference(r.ID) }

// PatientName returns "Family, Given" for lists.
func (r ReferralRow) PatientName() string { return r.FamilyName + ", " + r.GivenName }

// NHSNumberText returns the NHS number grouped 3-3-4.
func (r ReferralRow) NHSNumberText() string {
	if r.NHSNumber == nil {
		return ""
	}
	return models.FormatNHSNumber(*r.NHSNumber)
}

// referralRowColumns are the columns of a ReferralRow.
var referralRowColumns = "referrals.id, referrals.received_at, referrals.status, referrals.priority, referrals.stage, referrals.patient_id, " +
	"patients.given_name, patients.family_name, patients.nhs_number, patients.date_of_birth, patients.postcode, " +
	"professionals.name AS referrer_name" + safeguardingSelect

// referralRows is a query of referrals as ReferralRows, with their
// patients and referrers joined.
func (c *core) referralRows() *gorm.DB {
	return c.db.Table("referrals").
		Select(referralRowColumns).
		Joins("JOIN patients ON patients.id = referrals.patient_id").
		Joins("JOIN professionals ON professionals.id = referrals.referrer_id")
}

// openStatuses are the statuses of referrals still active with the service.
var openStatuses = func() []models.Status {
	var out []models.Status
	for _, st := range models.Statuses {
		if st.Open() {
			out = append(out, st)
		}
	}
	return out
}()

// filterReferrals applies f to a query on referrals. It names no other
// table: the patient conditions are subqueries on the patients' indexes, so
// a count or a page of IDs never joins. Searches use indexed equality and
// prefix ranges only, so they stay fast on a large register.
func (c *core) filterReferrals(q *gorm.DB, f ReferralFilter) *gorm.DB {
	if f.Status != "" {
		q = q.Where("referrals.status = ?", f.Status)
	} else if f.OpenOnly {
		q = q.Where("referrals.status IN ?", openStatuses)
	}
	if f.Priority != "" {
		q = q.Where("referrals.priority = ?", f.Priority)
	}
	query := strings.TrimSpace(f.Query)
	if id, ok := referenceQuery(query); ok {
		return q.Where("referrals.id = ?", id)
	}
	if patients := c.matchingPatients(query); patients != nil {
		q = q.Where("referrals.patient_id IN (?)", patients)
	}
	return q
}

// pageFilter is filterReferrals for picking a page in list order. A name
// search of one letter matches a large share of the register (an "s"
// matches one woman in eight), so the page is found sooner by reading the
// referrals in list order and keeping those of matching women, which
// reaches a page of 100 within the first thousand or so, than by fetching
// every matching woman's referrals and sorting them all. The unary plus
// stops the planner using the patient index for it; PostgreSQL reads it as
// the same number.
func (c *core) pageFilter(q *gorm.DB, f ReferralFilter) *gorm.DB {
	query := strings.TrimSpace(f.Query)
	words := models.FoldWords(query)
	if len(words) != 1 || len([]rune(words[0])) != 1 || allDigits(words[0]) {
		return c.filterReferrals(q, f)
	}
	patients := c.matchingPatients(query)
	return c.filterReferrals(q, ReferralFilter{Status: f.Status, OpenOnly: f.OpenOnly, Priority: f.Priority}).
		Where("+referrals.patient_id IN (?)", patients)
}

// referenceQuery reads a search for a referral by its reference: "PMH-155"
// and the like, or a number too short to be an NHS number ("155"). See
// models.ParseReferralReference.
func referenceQuery(query string) (uint, bool) {
	if allDigits(query) && len(query) >= 10 {
		return 0, false // an NHS number, or the start of one
	}
	return models.ParseReferralReference(query)
}

// matchingPatients returns a subquery of the IDs of the patients a search
// names, or nil for no search. A search is an NHS number (spaces and
// hyphens ignored), a postcode or its start (the space ignored), or a name:
// see nameCondition.
func (c *core) matchingPatients(query string) *gorm.DB {
	if query == "" {
		return nil
	}
	p := c.db.Table("patients").Select("id")
	if digits := strings.NewReplacer(" ", "", "-", "").Replace(query); len(digits) == 10 && allDigits(digits) {
		return p.Where("nhs_number = ?", digits)
	}
	if looksLikePostcode(query) {
		lo, hi := prefixRange(models.PostcodeKey(query))
		return p.Where("postcode_key >= ? AND postcode_key < ?", lo, hi)
	}
	words := models.FoldWords(query)
	if len(words) == 0 {
		return p.Where("1 = 0") // nothing searchable, such as "''": nobody
	}
	sql, args := nameCondition(words)
	return p.Where(sql, args...)
}

// maxNameWords bounds the words of a name search that are split between
// given and family names; later words join the last.
const maxNameWords = 4

// nameCondition matches the folded search words against the folded names
// (see models.FoldName), each word or run of words as the start of a name,
// so that a search forgives accents, case, apostrophes, hyphens and spaces
// within a name:
//   - all the words together start her given name, her family name or the
//     last part of her family name: "siobhan", "obrien", "ni bhriain",
//     "bhriain";
//   - the first words start one of her names and the rest the other, either
//     way round: "siobhan ni bh", "nguyen zoe", "siobhan bhriain".
//
// Every term is a prefix range on an indexed column.
func nameCondition(words []string) (string, []any) {
	if len(words) > maxNameWords {
		words = append(words[:maxNameWords-1], strings.Join(words[maxNameWords-1:], ""))
	}
	var terms []string
	var args []any
	prefix := func(column, start string) string {
		lo, hi := prefixRange(start)
		args = append(args, lo, hi)
		return column + " >= ? AND " + column + " < ?"
	}
	whole := strings.Join(words, "")
	terms = append(terms, prefix("given_key", whole), prefix("family_key", whole), prefix("family_part_key", whole))
	// Each split is a range of given names, narrowed by the family name:
	// the index on (given_key, family_key, family_part_key) answers it
	// without reading the patients' rows.
	family := func(start string) string {
		return "(" + prefix("family_key", start) + " OR " + prefix("family_part_key", start) + ")"
	}
	for k := 1; k < len(words); k++ {
		first, rest := strings.Join(words[:k], ""), strings.Join(words[k:], "")
		terms = append(terms,
			prefix("given_key", first)+" AND "+family(rest),
			prefix("given_key", rest)+" AND "+family(first),
		)
	}
	return "(" + strings.Join(terms, ") OR (") + ")", args
}

// referralOrder is the list's order: urgent first, then oldest first.
const referralOrder = "referrals.urgent_rank, referrals.received_at, referrals.id"

// SearchCountLimit is how far Count counts the matches of a search: a
// search matching more is counted as SearchCountLimit+1, which the list
// shows as "more than 1,000". Nobody reads that far down a search's answer,
// and counting every referral a single letter matches would take longer
// than the search itself. A var, so that tests can lower it.
var SearchCountLimit int64 = 1000

// Count returns how many referrals match f. With a search (f.Query), it
// counts no further than SearchCountLimit+1.
func (s *ReferralService) Count(actor *models.StaffMember, f ReferralFilter) (int64, error) {
	q := s.filterReferrals(s.db.Table("referrals"), f)
	if strings.TrimSpace(f.Query) != "" {
		q = s.db.Table("(?) AS matches", q.Select("referrals.id").Limit(int(SearchCountLimit+1)))
	}
	return s.countFor(actor, models.PermViewReferrals, q)
}

// Page returns rows offset..offset+limit of the referrals matching f,
// urgent first, then oldest first. The page's IDs are picked from the
// referrals' indexes first; only those rows are then joined to their
// patient and referrer.
func (s *ReferralService) Page(actor *models.StaffMember, f ReferralFilter, offset, limit int) ([]ReferralRow, error) {
	if err := s.authorise(actor, models.PermViewReferrals); err != nil {
		return nil, err
	}
	ids := s.pageFilter(s.db.Table("referrals").Select("referrals.id"), f).Order(referralOrder).Offset(offset).Limit(limit)
	var rows []ReferralRow
	err := s.referralRows().Where("referrals.id IN (?)", ids).Order(referralOrder).Scan(&rows).Error
	return rows, err
}

// prefixRange returns the bounds [lo, hi) of every string that starts with p.
func prefixRange(p string) (string, string) { return p, p + "\U0010FFFF" }

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// looksLikePostcode reports whether the query starts like a postcode: one or
// two letters then a digit.
func looksLikePostcode(q string) bool {
	r := []rune(strings.ToUpper(strings.ReplaceAll(q, " ", "")))
	i := 0
	for i < len(r) && i < 2 && unicode.IsLetter(r[i]) {
		i++
	}
	return i > 0 && i < len(r) && unicode.IsDigit(r[i])
}
