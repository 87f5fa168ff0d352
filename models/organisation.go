package models

import (
	"errors"
	"slices"
	"strings"
)

// OrganisationKind is the kind of organisation in the directory of
// professionals and organisations that letters are copied to.
type OrganisationKind string

// Organisation kinds.
const (
	OrgGPPractice     OrganisationKind = "gp_practice"
	OrgCMHT           OrganisationKind = "cmht"
	OrgMidwiferyTeam  OrganisationKind = "midwifery_team"
	OrgHealthVisiting OrganisationKind = "health_visiting_team"
	OrgWard           OrganisationKind = "ward"
	OrgOther          OrganisationKind = "other"
)

// OrganisationKinds lists every kind, in the order lists offer them.
var OrganisationKinds = []OrganisationKind{OrgGPPractice, OrgCMHT, OrgMidwiferyTeam, OrgHealthVisiting, OrgWard, OrgOther}

// Label returns the kind in words.
func (k OrganisationKind) Label() string { return labelOf(organisationKindLabels, k) }

// organisationKindLabels holds the words for each OrganisationKind.
var organisationKindLabels = map[OrganisationKind]string{
	OrgGPPractice:     "GP practice",
	OrgCMHT:           "Community mental health team",
	OrgMidwiferyTeam:  "Midwifery team",
	OrgHealthVisiting: "Health visiting team",
	OrgWard:           "Inpatient ward",
	OrgOther:          "Other organisation",
}

// Valid reports whether k is one of OrganisationKinds.
func (k OrganisationKind) Valid() bool {
	return slices.Contains(OrganisationKinds, k)
}

// Organisation is an entry in the directory of organisations that letters
// are copied to: a GP practice, a community mental health team, a
// midwifery or health-visiting team, a ward. Administrators keep it, with
// full postal addresses, so that every copy can be posted.
type Organisation struct {
	Record
	Kind OrganisationKind `gorm:"size:30;not null;index" json:"kind"`
	Name string           `gorm:"size:200;not null" json:"name"`
	// ODSCode is the organisation's code in the NHS Organisation Data
	// Service; a GP practice must have one (see NormaliseGPPracticeCode).
	ODSCode      string `gorm:"size:10;index" json:"ods_code,omitempty"`
	AddressLines string `gorm:"size:500" json:"address_lines"` // one line per "\n", without the postcode
	Postcode     string `gorm:"size:8" json:"postcode"`
	Phone        string `gorm:"size:40" json:"phone"`
	Email        string `gorm:"size:200" json:"email"`
	// Retired marks an organisation that has closed or merged: it stays
	// for the letters already sent, and is no longer offered.
	Retired bool `json:"retired,omitempty"`
	Demo    bool `json:"demo,omitempty"`
}

// Address returns the postal address as lines with the postcode last.
func (o *Organisation) Address() []string {
	lines := AddressLines(o.AddressLines)
	if pc := strings.TrimSpace(o.Postcode); pc != "" {
		lines = append(lines, pc)
	}
	return lines
}

// HasPostalAddress reports whether a letter can be posted to the
// organisation: at least one address line and a postcode of UK shape.
func (o *Organisation) HasPostalAddress() bool {
	if len(AddressLines(o.AddressLines)) == 0 {
		return false
	}
	_, err := NormalisePostcode(o.Postcode)
	return err == nil
}

// Salutation greets the organisation when no named person is the recipient.
func (o *Organisation) Salutation() string { return "Dear colleagues" }

// Normalised returns the organisation tidied (spaces, the ODS code in
// capitals, the postcode in its standard form) and checked. Every problem
// is an *InputError naming the field; several are joined with errors.Join.
//
// An organisation may be saved without an address (a letter to it is then
// refused, naming it, until the address is added), but an address that is
// given must fit the shared limits, and its lines need a postcode.
func (o Organisation) Normalised() (Organisation, error) {
	o.Name = strings.Join(strings.Fields(o.Name), " ")
	o.ODSCode = strings.ToUpper(strings.Join(strings.Fields(o.ODSCode), ""))
	o.AddressLines = strings.Join(AddressLines(o.AddressLines), "\n")
	o.Postcode = strings.TrimSpace(o.Postcode)
	o.Phone = strings.TrimSpace(o.Phone)
	o.Email = strings.TrimSpace(o.Email)
	var errs []error
	if !o.Kind.Valid() {
		errs = append(errs, &FieldError{FieldOrgKind, "choose the kind of organisation"})
	}
	if o.Name == "" {
		errs = append(errs, &FieldError{FieldOrgName, "enter the organisation's name"})
	}
	if o.Kind == OrgGPPractice {
		code, err := NormaliseGPPracticeCode(o.ODSCode)
		if err != nil {
			errs = append(errs, err)
		}
		o.ODSCode = code
	} else if o.ODSCode != "" && !validODSShape(o.ODSCode) {
		errs = append(errs, &FieldError{FieldODSCode, "an ODS code has 3 to 10 letters and digits; check it or leave it empty"})
	}
	if err := CheckAddressLines(AddressLines(o.AddressLines)); err != nil {
		errs = append(errs, err)
	}
	var problems []error
	o.Postcode, problems = orgAddressFields.check(o.AddressLines, o.Postcode)
	errs = append(errs, problems...)
	if o.Email != "" && !plausibleEmail(o.Email) {
		errs = append(errs, &FieldError{FieldOrgEmail, "enter an email address such as team@nhs.net"})
	}
	return o, errors.Join(errs...)
}

// orgAddressFields are the fields of an organisation's address.
var orgAddressFields = addressFields{
	lines: FieldOrgAddress, postcode: FieldOrgPostcode,
	noLines:    "enter the address lines above the postcode",
	noPostcode: "enter the postcode; a letter cannot be posted without it",
}

// NormaliseGPPracticeCode checks a GP practice's ODS code and returns it in
// capitals. In the NHS Organisation Data Service a GP practice code (the
// NHS Data Dictionary's GENERAL MEDICAL PRACTICE CODE, format an6) is one
// letter followed by five digits, such as C82001. A wrong code is an
// *InputError naming the "ODS code" field.
func NormaliseGPPracticeCode(s string) (string, error) {
	code := strings.ToUpper(strings.Join(strings.Fields(s), ""))
	if code == "" {
		return "", &FieldError{FieldODSCode, "enter the practice's ODS code, a letter and five digits such as C82001"}
	}
	if !ValidGPPracticeCode(code) {
		return code, &FieldError{FieldODSCode, "a GP practice's ODS code is one letter followed by five digits, such as C82001"}
	}
	return code, nil
}

// ValidGPPracticeCode reports whether s is one capital letter followed by
// five digits.
func ValidGPPracticeCode(s string) bool {
	if len(s) != 6 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 1; i < 6; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// validODSShape reports whether s looks like any ODS code: 3 to 10 capital
// letters and digits (trusts have three characters, sites five, and so on).
func validODSShape(s string) bool {
	if len(s) < 3 || len(s) > 10 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if (s[i] < 'A' || s[i] > 'Z') && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	return true
}

// plausibleEmail reports whether s has the shape local@domain.tld with no
// spaces; whether the mailbox exists cannot be known here.
func plausibleEmail(s string) bool {
	local, domain, ok := strings.Cut(s, "@")
	return ok && local != "" && !strings.ContainsAny(s, " \t,;<>") && !strings.Contains(domain, "@") &&
		strings.Contains(domain, ".") && !strings.HasPrefix(domain, ".") && !strings.HasSuffix(domain, ".")
}
