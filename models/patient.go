package models

import "strings"

// Patient is a woman known to the service. One patient may have several
// referrals over time (re-referrals link to the same patient).
type Patient struct {
	Record
	// NHSNumber holds the ten digits without spaces, or nil when not known.
	NHSNumber  *string `gorm:"size:10;uniqueIndex" json:"nhs_number,omitempty"`
	GivenName  string  `gorm:"size:100;not null" json:"given_name"`
	FamilyName string  `gorm:"size:100;not null" json:"family_name"`
	// NameForLetters is her name in Latin script, recorded when her name is
	// written in a script the letters cannot print; see LetterName.
	NameForLetters string `gorm:"size:100" json:"name_for_letters,omitempty"`
	// PreferredName is what she likes to be called, when it is not her
	// given name.
	PreferredName string `gorm:"size:100" json:"preferred_name,omitempty"`
	DateOfBirth   Date   `gorm:"not null" json:"date_of_birth"`
	AddressLines  string `gorm:"size:500" json:"address_lines"` // one line per "\n"
	Postcode      string `gorm:"size:8;index" json:"postcode"`
	Phone         string `gorm:"size:40" json:"phone"`
	// PhoneMessages says whether messages may be left on her telephone.
	PhoneMessages Answer `gorm:"size:10" json:"phone_messages,omitempty"`
	// EthnicCategory is her ethnic category as she states it.
	EthnicCategory EthnicCategory `gorm:"size:2" json:"ethnic_category,omitempty"`
	Email          string         `gorm:"size:200" json:"email"`
	// GPPractice is her GP practice as the referrer named it; GPPracticeID
	// links it to the directory of organisations, which holds its postal
	// address, or is nil when it is not (yet) in the directory.
	GPPractice   string `gorm:"size:200" json:"gp_practice"`
	GPPracticeID *uint  `gorm:"index" json:"gp_practice_id,omitempty"`
	// CommunicationNeeds are her needs under the Accessible Information
	// Standard, and whether it is safe to write to her home.
	CommunicationNeeds `gorm:"embedded;embeddedPrefix:needs_" json:"communication_needs"`
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

// LetterName returns the name her letters print: her name as written when
// the letter font prints it, otherwise her name for letters in Latin script
// (see the function NameForLetters). Intake refuses a referral for which
// neither can be printed; for such a record, made before that check, it
// returns her name as written and letters refuse it.
func (p *Patient) LetterName() string {
	if name, err := NameForLetters(p.FullName(), p.NameForLetters); err == nil {
		return name
	}
	return p.FullName()
}

// LetterGivenName returns the name her letters greet her by ("Dear Zoë"):
// her given name when the letter font prints it, otherwise the first word
// of her name for letters.
func (p *Patient) LetterGivenName() string {
	if c, _ := CheckNameScript(p.GivenName); c == NamePrintable && strings.TrimSpace(p.GivenName) != "" {
		return strings.Join(strings.Fields(p.GivenName), " ")
	}
	if words := strings.Fields(p.NameForLetters); len(words) > 0 {
		return words[0]
	}
	return strings.TrimSpace(p.GivenName)
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
