package models

// JointService is a service the team works jointly with.
type JointService string

// Joint-working services.
const (
	JointCMHT            JointService = "cmht"
	JointSubstanceMisuse JointService = "substance_misuse"
	JointEatingDisorder  JointService = "eating_disorder"
	JointInpatientWard   JointService = "inpatient_ward"
	JointMBU             JointService = "mbu"
	JointOther           JointService = "other"
)

// JointServices lists every joint-working service.
var JointServices = []JointService{JointCMHT, JointSubstanceMisuse, JointEatingDisorder, JointInpatientWard, JointMBU, JointOther}

// Label returns the service in words.
func (s JointService) Label() string { return labelOf(jointServiceLabels, s) }

// jointServiceLabels holds the words for each JointService.
var jointServiceLabels = map[JointService]string{
	JointCMHT:            "Community mental health team",
	JointSubstanceMisuse: "Substance misuse service",
	JointEatingDisorder:  "Eating disorder service",
	JointInpatientWard:   "Psychiatric inpatient ward",
	JointMBU:             "Mother and baby unit",
	JointOther:           "Other service",
}

// JointWorking records another service working with the woman alongside the team.
type JointWorking struct {
	Record
	ReferralID  uint         `gorm:"not null;index" json:"referral_id"`
	Service     JointService `gorm:"size:30;not null" json:"service"`
	Team        string       `gorm:"size:200" json:"team"`
	ContactName string       `gorm:"size:200" json:"contact_name"` // e.g. the CMHT care coordinator
	Phone       string       `gorm:"size:40" json:"phone"`
	Email       string       `gorm:"size:200" json:"email"`
	Address     string       `gorm:"size:500" json:"address"`
	StartDate   Date         `json:"start_date"`
	EndDate     Date         `json:"end_date"`
	Notes       string       `gorm:"type:text" json:"notes"`
	Demo        bool         `json:"demo,omitempty"`
}

// Active reports whether the joint working is current on date d.
func (j *JointWorking) Active(d Date) bool {
	return (j.StartDate.IsZero() || !d.Before(j.StartDate)) && (j.EndDate.IsZero() || !d.After(j.EndDate))
}
