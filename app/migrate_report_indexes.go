package app

import "gorm.io/gorm"

// reportIndexes let the manager's reports (issue 16) read a range of
// referrals, contacts, appointments and measures from indexes alone,
// without visiting the wide referral rows: over 100,000 referrals each
// report must take under a second. Most carry the columns the reports read
// after the column they search by, so that SQLite answers from the index
// (a covering index); PostgreSQL uses them as ordinary indexes.
var reportIndexes = []indexDef{
	// Referrals received in a range: the referral, waits, quality and
	// MHSDS reports.
	{"idx_referral_received", "referrals", "received_at, referrer_id, patient_id, priority, status, decision, accepted_at"},
	// Referrals accepted in a range: the outcome-letter wait and check.
	{"idx_referral_accepted_at", "referrals", "accepted_at, status, closure_reason"},
	// Whether the database holds any demo referral.
	{"idx_referral_demo", "referrals", "demo"},
	// A referral's attended initial assessments: the assessment wait.
	{"idx_appointment_referral_kind", "appointments", "referral_id, kind, attendance, starts_at"},
	// Contacts in a range by mode and attendance: access and attendance.
	{"idx_contact_at_counting", "contacts", "at, attendance, mode, referral_id"},
	// The referrals with a measure taken in a range: outcomes.
	{"idx_measure_taken_referral", "measure_results", "taken_on, referral_id"},
	// A referral's series of scores of one measure, in the order the
	// outcomes report pairs them (date, then ID).
	{"idx_measure_series", "measure_results", "referral_id, measure, taken_on, id, total"},
}

// migrateReportIndexes adds reportIndexes.
func migrateReportIndexes(tx *gorm.DB) error { return createIndexes(tx, reportIndexes) }
