package models

import (
	"slices"
	"time"
)

// Stage is where the woman is in the perinatal period, as the referrer stated it.
type Stage string

// The perinatal stages of the referral form.
const (
	StagePreconception Stage = "preconception"
	StagePregnant      Stage = "pregnant"
	StagePostnatal     Stage = "postnatal"
)

// Severity is the referrer's view of how severe the illness is.
type Severity string

// The severities of the referral form. SeverityNone means not stated.
const (
	SeverityNone     Severity = ""
	SeverityMild     Severity = "mild"
	SeverityModerate Severity = "moderate"
	SeveritySevere   Severity = "severe"
)

// Priority is the clinical response priority.
type Priority string

// Priorities, with MHSDS codes given by MHSDSCode.
const (
	PriorityRoutine Priority = "routine"
	PriorityUrgent  Priority = "urgent"
)

// MHSDSCode returns the MHSDS clinical response priority code (2 urgent, 3 routine).
func (p Priority) MHSDSCode() string {
	if p == PriorityUrgent {
		return "2"
	}
	return "3"
}

// CurrentServices records which services already hold the woman at referral.
type CurrentServices struct {
	CMHTOpen               bool   `json:"cmht_open"`
	CMHTTeam               string `gorm:"size:200" json:"cmht_team"`
	CareCoordinator        string `gorm:"size:200" json:"care_coordinator"`
	PsychiatricInpatient   bool   `json:"psychiatric_inpatient"`
	Ward                   string `gorm:"size:200" json:"ward"`
	MBUAdmission           bool   `json:"mbu_admission"`
	MBUExpectedDischarge   Date   `json:"mbu_expected_discharge"`
	SubstanceMisuseService bool   `json:"substance_misuse_service"`
	EatingDisorderService  bool   `json:"eating_disorder_service"`
}

// Referral is one referral of a woman to the service: what the referrer told
// us, the screening recommendation, the team's decision and where the
// referral now stands.
type Referral struct {
	Record
	// FormID identifies the online-form submission; importing the same one twice is refused.
	FormID     *string      `gorm:"size:100;uniqueIndex" json:"form_id,omitempty"`
	PatientID  uint         `gorm:"not null;index;index:idx_referral_queue,priority:4;index:idx_referral_order,priority:3" json:"patient_id"`
	Patient    Patient      `json:"patient"`
	ReferrerID uint         `gorm:"not null;index" json:"referrer_id"`
	Referrer   Professional `json:"referrer"`
	ReceivedAt time.Time    `gorm:"not null;index:idx_referral_queue,priority:3;index:idx_referral_order,priority:2" json:"received_at"`
	Status     Status       `gorm:"size:30;not null;index;index:idx_referral_queue,priority:1;index:idx_referral_accepted,priority:1;index:idx_referral_closure,priority:1" json:"status"`
	// UrgentRank is 0 for urgent and 1 for routine, so "urgent first" is an index order.
	UrgentRank int      `gorm:"not null;index:idx_referral_queue,priority:2;index:idx_referral_order,priority:1" json:"-"`
	Priority   Priority `gorm:"size:10;not null;default:routine" json:"priority"`

	ConsentObtained  bool `json:"consent_obtained"`
	RegisteredWithGP bool `json:"registered_with_gp"`
	LivesInArea      bool `json:"lives_in_area"`
	// Unanswered lists the eligibility questions not yet answered on a
	// referral being typed in, whose fields above then mean nothing. It is
	// never stored: a referral is saved only with every answer given.
	Unanswered           []Question `gorm:"-" json:"-"`
	Stage                Stage      `gorm:"size:20;not null" json:"stage"`
	ExpectedDeliveryDate Date       `json:"expected_delivery_date"`
	BabyDateOfBirth      Date       `json:"baby_date_of_birth"`
	Severity             Severity   `gorm:"size:10" json:"severity"`
	// ManageableInPrimaryCare is nil when the referrer did not say.
	ManageableInPrimaryCare *bool       `json:"manageable_in_primary_care"`
	Conditions              []Condition `gorm:"constraint:OnDelete:CASCADE" json:"conditions"`
	// FamilyHistory holds family-history codes: postpartum_psychosis, bipolar_disorder.
	FamilyHistory                   []string     `gorm:"serializer:json;size:100" json:"family_history"`
	PreviousPerinatalIllnessTreated bool         `json:"previous_perinatal_illness_treated"`
	SevereImpactOnFunctioning       bool         `json:"severe_impact_on_functioning"`
	Medications                     []Medication `gorm:"constraint:OnDelete:CASCADE" json:"medication"`
	Breastfeeding                   bool         `json:"breastfeeding"`
	MedicationAdviceRequested       bool         `json:"medication_advice_requested"`
	CurrentServices                 `gorm:"embedded;embeddedPrefix:cs_" json:"current_services"`
	CopyRecipients                  []CopyRecipient `gorm:"constraint:OnDelete:CASCADE" json:"other_professionals"`
	ReasonForReferral               string          `gorm:"type:text;not null" json:"reason_for_referral"`
	RiskSummary                     string          `gorm:"type:text" json:"risk_summary"`

	// Recommendation is the screening result, kept as it stood when the
	// decision was made so a later change to the rules never rewrites
	// history. It is nil until the referral is screened.
	Recommendation *Recommendation `gorm:"serializer:json;type:text" json:"recommendation,omitempty"`
	Decision       string          `gorm:"size:20" json:"decision,omitempty"`
	DecisionReason string          `gorm:"type:text" json:"decision_reason,omitempty"`
	DecidedByID    *uint           `json:"decided_by_id,omitempty"`
	DecidedAt      *time.Time      `json:"decided_at,omitempty"`
	AcceptedAt     *time.Time      `gorm:"index:idx_referral_accepted,priority:2;index:idx_referral_closure,priority:3" json:"accepted_at,omitempty"`
	ClosedAt       *time.Time      `json:"closed_at,omitempty"`
	ClosureReason  string          `gorm:"size:40;index:idx_referral_closure,priority:2" json:"closure_reason,omitempty"`
	// ClosedByID is who closed the referral; the closure letter is signed
	// by them. ClosureDetails is what the closure letter needs besides the
	// reason.
	ClosedByID     *uint `json:"closed_by_id,omitempty"`
	ClosureDetails `gorm:"embedded;embeddedPrefix:closure_" json:"closure_details"`

	// AssessmentOutcome is the outcome of the initial assessment, or
	// OutcomeNone; OutcomeByID and OutcomeAt say who recorded it and when.
	// The outcome letters are signed by that clinician and carry what they
	// wrote (ClinicalContent).
	AssessmentOutcome AssessmentOutcome `gorm:"size:20" json:"assessment_outcome,omitempty"`
	OutcomeByID       *uint             `json:"outcome_by_id,omitempty"`
	OutcomeAt         *time.Time        `json:"outcome_at,omitempty"`
	ClinicalContent   `gorm:"embedded;embeddedPrefix:outcome_" json:"clinical_content"`

	Demo bool `json:"demo,omitempty"`
}

// HasFamilyHistory reports whether the family history includes code.
func (r *Referral) HasFamilyHistory(code string) bool {
	return slices.Contains(r.FamilyHistory, code)
}

// SetPriority sets the priority and its sort rank together.
func (r *Referral) SetPriority(p Priority) {
	r.Priority = p
	r.UrgentRank = 1
	if p == PriorityUrgent {
		r.UrgentRank = 0
	}
}

// ConditionStatus says whether a condition is current or previous.
type ConditionStatus string

// Condition statuses of the referral form.
const (
	ConditionCurrent  ConditionStatus = "current"
	ConditionPrevious ConditionStatus = "previous"
)

// Condition is a diagnosis named on a referral.
type Condition struct {
	ID         uint            `gorm:"primaryKey" json:"-"`
	ReferralID uint            `gorm:"not null;index" json:"-"`
	Code       string          `gorm:"size:40;not null" json:"code"`
	Status     ConditionStatus `gorm:"size:10;not null" json:"status"`
	Primary    bool            `json:"primary"`
	Note       string          `gorm:"size:500" json:"note"`
}

// Medication is a medicine named on a referral.
type Medication struct {
	ID         uint   `gorm:"primaryKey" json:"-"`
	ReferralID uint   `gorm:"not null;index" json:"-"`
	Name       string `gorm:"size:200;not null" json:"name"`
	Class      string `gorm:"size:30;not null" json:"class"`
	Dose       string `gorm:"size:100" json:"dose"`
}

// MedicationClasses lists the medication classes the referral form allows.
var MedicationClasses = []string{"mood_stabiliser", "antipsychotic", "antidepressant", "anxiolytic", "hypnotic", "other"}

// CopyRecipient is another professional on a referral who receives copies of letters.
type CopyRecipient struct {
	ID             uint         `gorm:"primaryKey" json:"-"`
	ReferralID     uint         `gorm:"not null;index" json:"-"`
	ProfessionalID uint         `gorm:"not null;index" json:"-"`
	Professional   Professional `json:"professional"`
}
