package models

// MeasureResult is one completed outcome measure for a woman: the positions
// of the responses she chose (0 = the first response the questionnaire
// prints) and what they score to. The measure's definition (see the
// measure definitions in this package) turns answers into the total, band
// and risk item; the stored total and band are what was shown when it was
// recorded.
type MeasureResult struct {
	Record
	ReferralID uint `gorm:"not null;index:idx_measure_referral,priority:1" json:"referral_id"`
	// Measure is the measure's short name: "EPDS", "PHQ-9", "GAD-7",
	// "CORE-10" or "GBO".
	Measure string `gorm:"size:20;not null;index;index:idx_measure_referral,priority:2" json:"measure"`
	TakenOn Date   `gorm:"not null;index;index:idx_measure_referral,priority:3" json:"taken_on"`
	// Answers holds the positions as a JSON array of integers; for
	// goal-based outcomes, each goal's rating 0–10.
	Answers          string `gorm:"type:text;not null" json:"answers"`
	Total            int    `gorm:"not null" json:"total"`
	Band             string `gorm:"size:60" json:"band"`
	RiskItemPositive bool   `gorm:"not null;default:false" json:"risk_item_positive"`
	// Goals names the goals of a goal-based outcome, one per line.
	Goals        string `gorm:"type:text" json:"goals,omitempty"`
	RecordedByID uint   `gorm:"not null" json:"recorded_by_id"`
	Demo         bool   `json:"demo,omitempty"`
}
