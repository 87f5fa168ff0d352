package models

import (
	"strings"
	"time"
)

// RiskLevel is the key worker's overall judgement of her risk, kept to
// three words so that a list can show it at a glance; the summary says why.
type RiskLevel string

// Risk levels. RiskNotRated means no level was given.
const (
	RiskNotRated RiskLevel = ""
	RiskLow      RiskLevel = "low"
	RiskMedium   RiskLevel = "medium"
	RiskHigh     RiskLevel = "high"
)

// RiskLevels lists the levels a key worker can choose, lowest first.
var RiskLevels = []RiskLevel{RiskLow, RiskMedium, RiskHigh}

// Label returns the level in words.
func (l RiskLevel) Label() string { return labelOf(riskLevelLabels, l) }

// riskLevelLabels holds the words for each RiskLevel.
var riskLevelLabels = map[RiskLevel]string{
	RiskNotRated: "Not rated", RiskLow: "Low", RiskMedium: "Medium", RiskHigh: "High",
}

// RiskReviewDueDays is how many days ahead a risk review counts as falling
// due, for the Dashboard.
const RiskReviewDueDays = 7

// RiskSummary is the current risk summary of one referral: what the key
// worker judges her risk to be, who last reviewed it and when, and when it
// is next to be reviewed. There is one per referral; each change is a
// version-checked edit, and the audit trail keeps what it said before.
type RiskSummary struct {
	Record
	ReferralID   uint      `gorm:"not null;uniqueIndex" json:"referral_id"`
	Summary      string    `gorm:"type:text;not null" json:"summary"`
	Level        RiskLevel `gorm:"size:10" json:"level,omitempty"`
	ReviewedByID uint      `gorm:"not null" json:"reviewed_by_id"`
	// ReviewedOn is the date of the review the summary records.
	ReviewedOn Date `gorm:"not null" json:"reviewed_on"`
	// ReviewDue is the date the next review is due.
	ReviewDue Date `gorm:"not null;index" json:"review_due"`
	Demo      bool `json:"demo,omitempty"`
}

// ReviewFallingDue reports whether the next review is due within
// RiskReviewDueDays of today, or already past.
func (r *RiskSummary) ReviewFallingDue(today Date) bool {
	return !r.ReviewDue.After(today.AddDays(RiskReviewDueDays))
}

// Check tidies the summary and checks it as entered on today: a summary,
// a known level, a review date not in the future and a next review after
// it. Every problem is listed.
func (r *RiskSummary) Check(today Date) error {
	r.Summary = strings.TrimSpace(r.Summary)
	var v FieldErrors
	if r.Summary == "" {
		v.Add(FieldRiskSummary, "write the risk summary")
	}
	if r.Level != RiskNotRated && labelOf(riskLevelLabels, r.Level) == string(r.Level) {
		v.Add(FieldRiskLevel, "choose low, medium or high, or leave it not rated")
	}
	switch {
	case r.ReviewedOn.IsZero():
		v.Add(FieldRiskReviewedOn, "enter the date the risk was reviewed")
	case r.ReviewedOn.After(today):
		v.Add(FieldRiskReviewedOn, "the review date is in the future")
	}
	switch {
	case r.ReviewDue.IsZero():
		v.Add(FieldRiskReviewDue, "enter the date of the next review")
	case !r.ReviewedOn.IsZero() && !r.ReviewDue.After(r.ReviewedOn):
		v.Add(FieldRiskReviewDue, "the next review must be after the review date")
	}
	return v.Err()
}

// SafeguardingKind is a safeguarding concern flagged on her record.
type SafeguardingKind string

// Safeguarding flags. Whether it is unsafe to write to her home is not
// among them: it is kept once, in CommunicationNeeds.UnsafeToWriteHome,
// and shown beside these.
const (
	SafeguardChildProtection SafeguardingKind = "child_protection_plan"
	SafeguardChildInNeed     SafeguardingKind = "child_in_need"
	SafeguardDomesticAbuse   SafeguardingKind = "domestic_abuse"
	SafeguardMARAC           SafeguardingKind = "marac"
)

// SafeguardingKinds lists every flag in the order screens show them.
var SafeguardingKinds = []SafeguardingKind{SafeguardChildProtection, SafeguardChildInNeed, SafeguardDomesticAbuse, SafeguardMARAC}

// Label returns the flag in words.
func (k SafeguardingKind) Label() string { return labelOf(safeguardingLabels, k) }

// Valid reports whether k is one of SafeguardingKinds.
func (k SafeguardingKind) Valid() bool {
	_, ok := safeguardingLabels[k]
	return ok
}

// safeguardingLabels holds the words for each SafeguardingKind.
var safeguardingLabels = map[SafeguardingKind]string{
	SafeguardChildProtection: "Child protection plan",
	SafeguardChildInNeed:     "Child in need",
	SafeguardDomesticAbuse:   "Domestic abuse",
	SafeguardMARAC:           "MARAC (multi-agency risk assessment conference)",
}

// UnsafeToWriteHomeLabel names, beside the safeguarding flags, the need
// recorded in CommunicationNeeds.UnsafeToWriteHome.
const UnsafeToWriteHomeLabel = "Unsafe to write home"

// SafeguardingFlag is a safeguarding concern about a woman, raised on one
// of her referrals and shown on all of them, wherever she appears, until
// it is ended. An ended flag is kept, with who ended it and when.
type SafeguardingFlag struct {
	Record
	PatientID  uint             `gorm:"not null;index" json:"patient_id"`
	ReferralID uint             `gorm:"not null;index" json:"referral_id"` // the referral it was raised on
	Kind       SafeguardingKind `gorm:"size:30;not null" json:"kind"`
	RaisedOn   Date             `gorm:"not null" json:"raised_on"`
	RaisedByID uint             `gorm:"not null" json:"raised_by_id"`
	EndedOn    Date             `json:"ended_on"`
	EndedByID  *uint            `json:"ended_by_id,omitempty"`
	Note       string           `gorm:"type:text" json:"note"`
	Demo       bool             `json:"demo,omitempty"`
}

// Active reports whether the flag stands on date d.
func (f *SafeguardingFlag) Active(d Date) bool {
	return !f.RaisedOn.After(d) && (f.EndedOn.IsZero() || d.Before(f.EndedOn))
}

// CarePlan is one version of a referral's care plan, under the sections of
// an NHS mental-health care plan. A change saves a new version with the
// next Number; earlier versions are kept unchanged, so her record shows
// what her plan said at any time. The current plan is the highest Number.
type CarePlan struct {
	Record
	ReferralID   uint   `gorm:"not null;uniqueIndex:idx_care_plan_number,priority:1" json:"referral_id"`
	Number       int    `gorm:"not null;uniqueIndex:idx_care_plan_number,priority:2" json:"number"`
	Goals        string `gorm:"type:text;not null" json:"goals"`
	CrisisPlan   string `gorm:"type:text" json:"crisis_plan"`
	RelapseSigns string `gorm:"type:text" json:"relapse_signs"`
	Contingency  string `gorm:"type:text" json:"contingency"`
	// ReviewDate is when the plan is next to be reviewed with her.
	ReviewDate Date      `gorm:"not null" json:"review_date"`
	AuthorID   uint      `gorm:"not null" json:"author_id"`
	SavedAt    time.Time `gorm:"not null" json:"saved_at"`
	Demo       bool      `json:"demo,omitempty"`
}

// Check tidies the plan and checks it as saved on today: goals and a
// crisis plan are needed, and a review date not in the past.
func (p *CarePlan) Check(today Date) error {
	for _, s := range []*string{&p.Goals, &p.CrisisPlan, &p.RelapseSigns, &p.Contingency} {
		*s = strings.TrimSpace(*s)
	}
	var v FieldErrors
	if p.Goals == "" {
		v.Add(FieldCarePlanGoals, "write at least one goal")
	}
	if p.CrisisPlan == "" {
		v.Add(FieldCarePlanCrisis, "write what she and others should do in a crisis")
	}
	switch {
	case p.ReviewDate.IsZero():
		v.Add(FieldCarePlanReview, "enter the date the plan is to be reviewed")
	case p.ReviewDate.Before(today):
		v.Add(FieldCarePlanReview, "the review date has passed; choose a later one")
	}
	return v.Err()
}

// The fields of the risk summary, safeguarding flags and care plan.
const (
	FieldRiskSummary      FieldID = "risk.summary"
	FieldRiskLevel        FieldID = "risk.level"
	FieldRiskReviewedOn   FieldID = "risk.reviewed_on"
	FieldRiskReviewDue    FieldID = "risk.review_due"
	FieldSafeguardingKind FieldID = "safeguarding.kind"
	FieldSafeguardRaised  FieldID = "safeguarding.raised_on"
	FieldSafeguardEnded   FieldID = "safeguarding.ended_on"
	FieldCarePlanGoals    FieldID = "care_plan.goals"
	FieldCarePlanCrisis   FieldID = "care_plan.crisis_plan"
	FieldCarePlanReview   FieldID = "care_plan.review_date"
)

func init() {
	DefineFields(map[FieldID]string{
		FieldRiskSummary: "Risk summary", FieldRiskLevel: "Risk level",
		FieldRiskReviewedOn: "Reviewed on", FieldRiskReviewDue: "Next review",
		FieldSafeguardingKind: "Safeguarding flag", FieldSafeguardRaised: "Date raised", FieldSafeguardEnded: "Date ended",
		FieldCarePlanGoals: "Goals", FieldCarePlanCrisis: "Crisis plan", FieldCarePlanReview: "Review date",
	})
}
