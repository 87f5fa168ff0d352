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
	// Query is a name (or the start of one), an NHS number or a postcode (or its start).
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
}

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
const referralRowColumns = "referrals.id, referrals.received_at, referrals.status, referrals.priority, referrals.stage, referrals.patient_id, " +
	"patients.given_name, patients.family_name, patients.nhs_number, patients.date_of_birth, patients.postcode, " +
	"professionals.name AS referrer_name"

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
// a count or a page of IDs never joins. Searches use indexed equality and prefix
// ranges only, so they stay fast on a large register.
func (c *core) filterReferrals(q *gorm.DB, f ReferralFilter) *gorm.DB {
	if f.Status != "" {
		q = q.Where("referrals.status = ?", f.Status)
	} else if f.OpenOnly {
		q = q.Where("referrals.status IN ?", openStatuses)
	}
	if f.Priority != "" {
		q = q.Where("referrals.priority = ?", f.Priority)
	}
	if patients := c.matchingPatients(strings.TrimSpace(f.Query)); patients != nil {
		q = q.Where("referrals.patient_id IN (?)", patients)
	}
	return q
}

// matchingPatients returns a subquery of the IDs of the patients a search
// names (by NHS number, postcode or the start of a name), or nil for no search.
func (c *core) matchingPatients(query string) *gorm.DB {
	if query == "" {
		return nil
	}
	p := c.db.Table("patients").Select("id")
	if digits := strings.ReplaceAll(query, " ", ""); len(digits) == 10 && allDigits(digits) {
		return p.Where("nhs_number = ?", digits)
	}
	if looksLikePostcode(query) {
		pc := strings.ToUpper(query)
		if n, err := models.NormalisePostcode(pc); err == nil {
			return p.Where("postcode = ?", n)
		}
		lo, hi := prefixRange(pc)
		return p.Where("postcode >= ? AND postcode < ?", lo, hi)
	}
	words := strings.Fields(models.SearchKey(query))
	if len(words) == 1 {
		lo, hi := prefixRange(words[0])
		return p.Where("(family_key >= ? AND family_key < ?) OR (given_key >= ? AND given_key < ?)", lo, hi, lo, hi)
	}
	// "Sarah Jones" or "Jones Sarah": the first word starts one name and the last the other.
	first, last := words[0], words[len(words)-1]
	flo, fhi := prefixRange(first)
	llo, lhi := prefixRange(last)
	return p.Where("(given_key >= ? AND given_key < ? AND family_key >= ? AND family_key < ?) OR "+
		"(family_key >= ? AND family_key < ? AND given_key >= ? AND given_key < ?)",
		flo, fhi, llo, lhi, flo, fhi, llo, lhi)
}

// referralOrder is the list's order: urgent first, then oldest first.
const referralOrder = "referrals.urgent_rank, referrals.received_at, referrals.id"

// Count returns how many referrals match f.
func (s *ReferralService) Count(actor *models.StaffMember, f ReferralFilter) (int64, error) {
	if err := s.authorise(actor, models.PermViewReferrals); err != nil {
		return 0, err
	}
	var n int64
	err := s.filterReferrals(s.db.Table("referrals"), f).Count(&n).Error
	return n, err
}

// Page returns rows offset..offset+limit of the referrals matching f,
// urgent first, then oldest first. The page's IDs are picked from the
// referrals' indexes first; only those rows are then joined to their
// patient and referrer.
func (s *ReferralService) Page(actor *models.StaffMember, f ReferralFilter, offset, limit int) ([]ReferralRow, error) {
	if err := s.authorise(actor, models.PermViewReferrals); err != nil {
		return nil, err
	}
	ids := s.filterReferrals(s.db.Table("referrals").Select("referrals.id"), f).Order(referralOrder).Offset(offset).Limit(limit)
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
