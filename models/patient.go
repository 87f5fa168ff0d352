package models

import "strings"

// Patient is a woman known to the service. One patient may have several
// referrals over time (re-referrals link to the same patient).
type Patient struct {
	Record
	// NHSNumber holds the ten digits without spaces, or nil when not known.
	NHSNumber         *string `gorm:"size:10;uniqueIndex" json:"nhs_number,omitempty"`
	GivenName         string  `gorm:"size:100;not null" json:"given_name"`
	FamilyName        string  `gorm:"size:100;not null" json:"family_name"`
	DateOfBirth       Date    `gorm:"not null" json:"date_of_birth"`
	AddressLines      string  `gorm:"size:500" json:"address_lines"` // one line per "\n"
	Postcode          string  `gorm:"size:8;index" json:"postcode"`
	Phone             string  `gorm:"size:40" json:"phone"`
	Email             string  `gorm:"size:200" json:"email"`
	GPPractice        string  `gorm:"size:200" json:"gp_practice"`
	PreferredLanguage string  `gorm:"size:60" json:"preferred_language"`
	InterpreterNeeded bool    `json:"interpreter_needed"`
	// GivenKey and FamilyKey are the names folded for search (see
	// FoldName), kept for indexed prefix search: "nibhriain" for
	// "Ní Bhriain". FamilyPartKey is the folded last word of a family name
	// of several words ("bhriain", or "smith" of "O'Brien-Smith"), and
	// empty otherwise, so that a search by that word alone finds her.
	// PostcodeKey is the postcode without its space ("LE113TU"), so that a
	// postcode is found with or without it. UpdateSearchKeys fills them.
	GivenKey      string `gorm:"size:100;index;index:idx_patient_name_keys,priority:1" json:"-"`
	FamilyKey     string `gorm:"size:100;index;index:idx_patient_name_keys,priority:2" json:"-"`
	FamilyPartKey string `gorm:"size:100;index;index:idx_patient_name_keys,priority:3" json:"-"`
	PostcodeKey   string `gorm:"size:8;index" json:"-"`
	// Demo marks synthetic patients made by `caseload demo`.
	Demo bool `json:"demo,omitempty"`
}

// FullName returns "Given Family".
func (p *Patient) FullName() string {
	return strings.TrimSpace(p.GivenName + " " + p.FamilyName)
}

// NHSNumberText returns the NHS number grouped 3-3-4, or "" when not known.
func (p *Patient) NHSNumberText() string {
	if p.NHSNumber == nil {
		return ""
	}
	return FormatNHSNumber(*p.NHSNumber)
}

// Address returns the address lines and postcode as separate lines.
func (p *Patient) Address() []string {
	var out []string
	for _, l := range strings.Split(p.AddressLines, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	if p.Postcode != "" {
		out = append(out, p.Postcode)
	}
	return out
}

// SearchKey lower-cases a name for sorting lists by name.
func SearchKey(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// UpdateSearchKeys keeps the search keys in step with the names and the
// postcode; the services call it before every save.
func (p *Patient) UpdateSearchKeys() {
	p.GivenKey = nameKey(p.GivenName)
	p.FamilyKey = nameKey(p.FamilyName)
	p.FamilyPartKey = nameKey(lastNamePart(p.FamilyName))
	p.PostcodeKey = PostcodeKey(p.Postcode)
	if len(p.PostcodeKey) > 8 {
		p.PostcodeKey = "" // not a postcode; a valid one has at most 7 characters
	}
}
