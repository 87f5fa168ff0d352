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
	return c.filterReferralsBy(q, f, c.listPatients)
}

// patientMatch puts a search's condition on her patient (see
// patientCondition) to a query on referrals; listPatients, probePatients
// and joinPatients are the three ways, each fastest for some searches (see
// referral_search_plan.go).
type patientMatch func(q *gorm.DB, cond string, args []any) *gorm.DB

// filterReferralsBy is filterReferrals with the patient condition put by
// match.
func (c *core) filterReferralsBy(q *gorm.DB, f ReferralFilter, match patientMatch) *gorm.DB {
	q = filterStatus(q, f)
	query := strings.TrimSpace(f.Query)
	if id, ok := referenceQuery(query); ok {
		return q.Where("referrals.id = ?", id)
	}
	if cond, args := patientCondition(query); cond != "" {
		q = match(q, cond, args)
	}
	return q
}

// filterStatus applies the status and priority of f to a query on referrals.
func filterStatus(q *gorm.DB, f ReferralFilter) *gorm.DB {
	return filterStatusOf(q, f, "referrals.status")
}

// filterStatusOf is filterStatus with the status read as status, which
// is "referrals.status" or an expression of it.
func filterStatusOf(q *gorm.DB, f ReferralFilter, status string) *gorm.DB {
	if f.Status != "" {
		q = q.Where(status+" = ?", f.Status)
	} else if f.OpenOnly {
		q = q.Where(status+" IN ?", openStatuses)
	}
	if f.Priority != "" {
		q = q.Where("referrals.priority = ?", f.Priority)
	}
	return q
}

// listPatients keeps the referrals of the patients a list of IDs names,
// the list made first from the patients' indexes: fastest when the search
// names few women.
func (c *core) listPatients(q *gorm.DB, cond string, args []any) *gorm.DB {
	return q.Where(inSubquery(c.db, "referrals.patient_id"), c.db.Table("patients").Select("patients.id").Where(cond, args...))
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
// names, or nil for no search (see patientCondition).
func (c *core) matchingPatients(query string) *gorm.DB {
	cond, args := patientCondition(query)
	if cond == "" {
		return nil
	}
	return c.db.Table("patients").Select("patients.id").Where(cond, args...)
}

// patientCondition returns the condition on the patients table, in
// parentheses, that a search puts, or "" for no search. A search is an NHS
// number (spaces and hyphens ignored), a postcode or its start (the space
// ignored), or a name: see nameCondition.
func patientCondition(query string) (string, []any) {
	if query == "" {
		return "", nil
	}
	if digits, ok := nhsNumberQuery(query); ok {
		return "(patients.nhs_number = ?)", []any{digits}
	}
	if looksLikePostcode(query) {
		lo, hi := prefixRange(models.PostcodeKey(query))
		return "(patients.postcode_key >= ? AND patients.postcode_key < ?)", []any{lo, hi}
	}
	words := models.FoldWords(query)
	if len(words) == 0 {
		return "(1 = 0)", nil // nothing searchable, such as "''": nobody
	}
	cond, args := nameCondition(words)
	return "(" + cond + ")", args
}

// nhsNumberQuery reads a search for an NHS number, with or without its
// spaces and hyphens, returning its ten digits.
func nhsNumberQuery(query string) (string, bool) {
	digits := strings.NewReplacer(" ", "", "-", "").Replace(query)
	return digits, len(digits) == 10 && allDigits(digits)
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
		return "patients." + column + " >= ? AND patients." + column + " < ?"
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
