package models

// ProfessionalRole is the kind of professional who refers or receives copies.
type ProfessionalRole string

// The referrer roles of the referral form. RoleSelf is refused at screening.
const (
	ProfGP            ProfessionalRole = "gp"
	ProfMidwife       ProfessionalRole = "midwife"
	ProfHealthVisitor ProfessionalRole = "health_visitor"
	ProfObstetrician  ProfessionalRole = "obstetrician"
	ProfPsychiatrist  ProfessionalRole = "psychiatrist"
	ProfCMHT          ProfessionalRole = "cmht"
	ProfOther         ProfessionalRole = "other_professional"
	ProfSelf          ProfessionalRole = "self"
)

// ReferrerRoles lists the roles the referral form allows, in form order.
var ReferrerRoles = []ProfessionalRole{ProfGP, ProfMidwife, ProfHealthVisitor, ProfObstetrician, ProfPsychiatrist, ProfCMHT, ProfOther, ProfSelf}

// Label returns the role in words.
func (r ProfessionalRole) Label() string { return labelOf(professionalRoleLabels, r) }

// professionalRoleLabels holds the words for each ProfessionalRole.
var professionalRoleLabels = map[ProfessionalRole]string{
	ProfGP:            "GP",
	ProfMidwife:       "Midwife",
	ProfHealthVisitor: "Health visitor",
	ProfObstetrician:  "Obstetrician",
	ProfPsychiatrist:  "Psychiatrist",
	ProfCMHT:          "Community mental health team",
	ProfOther:         "Other health professional",
	ProfSelf:          "Self-referral",
}

// Professional is a referrer, or another professional who is copied into letters.
type Professional struct {
	Record
	Name         string `gorm:"size:200;not null" json:"name"`
	Role         string `gorm:"size:60" json:"role"` // a ProfessionalRole for referrers; free text for others
	Organisation string `gorm:"size:200" json:"organisation"`
	// OrganisationID links the professional to their organisation in the
	// directory; letters to them then go to its postal address. It is nil
	// when they are not linked, and their own Address is used.
	OrganisationID *uint  `gorm:"index" json:"organisation_id,omitempty"`
	Phone          string `gorm:"size:40" json:"phone"`
	Email          string `gorm:"size:200" json:"email"`
	Address        string `gorm:"size:500" json:"address"` // typed freely; see PostalAddress
	Demo           bool   `json:"demo,omitempty"`
}
