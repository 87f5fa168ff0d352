package models

import (
	"fmt"
	"slices"
	"strings"
)

// Profession is a staff member's profession, which decides the regulator
// that holds their professional registration.
type Profession string

// Professions in a specialist perinatal mental health team.
const (
	ProfessionNone                  Profession = ""
	ProfessionDoctor                Profession = "doctor"                 // GMC
	ProfessionNurse                 Profession = "nurse"                  // NMC
	ProfessionMidwife               Profession = "midwife"                // NMC
	ProfessionPsychologist          Profession = "psychologist"           // HCPC, PYL
	ProfessionOccupationalTherapist Profession = "occupational_therapist" // HCPC, OT
	ProfessionArtsTherapist         Profession = "arts_therapist"         // HCPC, AS
	ProfessionSocialWorker          Profession = "social_worker"          // Social Work England
	ProfessionUnregistered          Profession = "unregistered"           // nursery nurse, support worker, peer support worker, administrator
)

// Professions lists every profession, in the order lists offer them.
var Professions = []Profession{
	ProfessionDoctor, ProfessionNurse, ProfessionMidwife, ProfessionPsychologist,
	ProfessionOccupationalTherapist, ProfessionArtsTherapist, ProfessionSocialWorker, ProfessionUnregistered,
}

// Label returns the profession in words.
func (p Profession) Label() string { return labelOf(professionLabels, p) }

// professionLabels holds the words for each Profession.
var professionLabels = map[Profession]string{
	ProfessionNone:                  "Not recorded",
	ProfessionDoctor:                "Doctor",
	ProfessionNurse:                 "Nurse",
	ProfessionMidwife:               "Midwife",
	ProfessionPsychologist:          "Practitioner psychologist",
	ProfessionOccupationalTherapist: "Occupational therapist",
	ProfessionArtsTherapist:         "Arts therapist",
	ProfessionSocialWorker:          "Social worker",
	ProfessionUnregistered:          "Not a registered profession",
}

// Regulator is the body that keeps a profession's register.
type Regulator string

// Regulators. RegulatorNone is for a profession with no statutory register.
const (
	RegulatorNone Regulator = ""
	RegulatorGMC  Regulator = "GMC"  // General Medical Council
	RegulatorNMC  Regulator = "NMC"  // Nursing and Midwifery Council
	RegulatorHCPC Regulator = "HCPC" // Health and Care Professions Council
	RegulatorSWE  Regulator = "SWE"  // Social Work England
)

// Regulator returns the body that registers the profession.
func (p Profession) Regulator() Regulator {
	switch p {
	case ProfessionDoctor:
		return RegulatorGMC
	case ProfessionNurse, ProfessionMidwife:
		return RegulatorNMC
	case ProfessionPsychologist, ProfessionOccupationalTherapist, ProfessionArtsTherapist:
		return RegulatorHCPC
	case ProfessionSocialWorker:
		return RegulatorSWE
	}
	return RegulatorNone
}

// hcpcPrefixes are the HCPC profession codes that start a registration
// number ("PYL123456"), for the professions of this team. The HCPC's
// "How to check the Register" says a number "has up to six numbers, and
// starts with the letters of the profession code".
var hcpcPrefixes = map[Profession]string{
	ProfessionPsychologist:          "PYL",
	ProfessionOccupationalTherapist: "OT",
	ProfessionArtsTherapist:         "AS",
}

// ProfessionalRegistration is a staff member's profession and registration
// number, designed to be embedded in StaffMember:
//
//	ProfessionalRegistration `gorm:"embedded;embeddedPrefix:reg_" json:"registration"`
type ProfessionalRegistration struct {
	Profession Profession `gorm:"size:30" json:"profession,omitempty"`
	// Number is the registration number in its standard form, without the
	// regulator's name: "1234567" (GMC), "12A3456E" (NMC), "PYL12345"
	// (HCPC), "SW12345" (Social Work England).
	Number string `gorm:"size:20" json:"number,omitempty"`
}

// Normalised returns the registration with its number in standard form:
// capitals, no spaces, and without a leading regulator name typed with it
// ("GMC 1234567" → "1234567"). A number that does not fit the profession's
// register is an *InputError naming the "Registration number" field; the
// message says the expected shape and never repeats the number.
//
// Shapes checked:
//   - GMC reference number: 7 digits.
//   - NMC PIN: 2 digits, a letter, 4 digits, a letter (12A3456E).
//   - HCPC: the profession's code (PYL, OT, AS) and 1 to 6 digits.
//   - Social Work England: SW and 1 to 7 digits (numbers carried over from
//     the HCPC lost their leading zeros, per Social Work England's FAQs).
//
// A profession with no register needs no number, and must not have one.
func (r ProfessionalRegistration) Normalised() (ProfessionalRegistration, error) {
	n := strings.ToUpper(strings.Join(strings.Fields(r.Number), ""))
	reg := r.Profession.Regulator()
	names := []string{string(reg)}
	if reg == RegulatorSWE {
		names = append(names, "SOCIALWORKENGLAND")
	}
	for _, name := range names {
		if name != "" && strings.HasPrefix(n, name) && len(n) > len(name) {
			n = strings.TrimLeft(strings.TrimPrefix(n, name), ":-#")
		}
	}
	r.Number = n
	refuse := func(shape string) (ProfessionalRegistration, error) {
		return r, &FieldError{FieldRegistrationNumber, shape}
	}
	if r.Profession != ProfessionNone && !slices.Contains(Professions, r.Profession) {
		return r, &FieldError{FieldProfession, "choose a profession from the list"}
	}
	if reg == RegulatorNone && n != "" {
		return refuse("this profession has no register; leave the number empty")
	}
	if reg == RegulatorNone {
		return r, nil
	}
	if n == "" {
		return refuse(fmt.Sprintf("enter the %s registration number", reg))
	}
	if reg == RegulatorGMC && !matchShape(n, "9999999") {
		return refuse("a GMC reference number has 7 digits, such as 1234567")
	}
	if reg == RegulatorNMC && !matchShape(n, "99A9999A") {
		return refuse("an NMC PIN has 2 digits, a letter, 4 digits and a letter, such as 12A3456E")
	}
	if reg == RegulatorHCPC && !prefixedDigits(n, hcpcPrefixes[r.Profession], 6) {
		p := hcpcPrefixes[r.Profession]
		return refuse(fmt.Sprintf("an HCPC number for this profession is %s and up to 6 digits, such as %s12345", p, p))
	}
	if reg == RegulatorSWE && !prefixedDigits(n, "SW", 7) {
		return refuse("a Social Work England number is SW and up to 7 digits, such as SW12345")
	}
	return r, nil
}

// matchShape reports whether s matches shape, where '9' stands for a digit
// and 'A' for a capital letter.
func matchShape(s, shape string) bool {
	if len(s) != len(shape) {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; shape[i] {
		case '9':
			if c < '0' || c > '9' {
				return false
			}
		case 'A':
			if c < 'A' || c > 'Z' {
				return false
			}
		}
	}
	return true
}

// prefixedDigits reports whether s is prefix followed by 1 to max digits.
func prefixedDigits(s, prefix string, max int) bool {
	digits, ok := strings.CutPrefix(s, prefix)
	if !ok || len(digits) < 1 || len(digits) > max {
		return false
	}
	return matchShape(digits, strings.Repeat("9", len(digits)))
}

// Text returns the registration as letters print it after the signer's
// name: "GMC 1234567", "NMC 12A3456E", "HCPC PYL12345", "Social Work
// England SW12345", or "" when there is none.
func (r ProfessionalRegistration) Text() string {
	if r.Number == "" {
		return ""
	}
	switch reg := r.Profession.Regulator(); reg {
	case RegulatorNone:
		return ""
	case RegulatorSWE:
		return "Social Work England " + r.Number
	default:
		return string(reg) + " " + r.Number
	}
}

// Signer is the person a letter is signed by: the clinician who recorded
// the decision or outcome.
type Signer struct {
	StaffID      uint
	Name         string // "Dr Amira Patel"
	JobTitle     string // "Consultant Perinatal Psychiatrist"
	Registration ProfessionalRegistration
}

// SignatureLine returns the line under the signature: name, job title and
// registration, each when known: "Dr Amira Patel, Consultant Perinatal
// Psychiatrist, GMC 1234567".
func (s Signer) SignatureLine() string {
	var parts []string
	for _, p := range []string{tidyName(s.Name), tidyName(s.JobTitle), s.Registration.Text()} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ", ")
}

// Signature is what a letter prints to show who signed it and, when someone
// else issued it, who did.
type Signature struct {
	// Line is the signer's SignatureLine.
	Line string
	// SignerName is the signer's name alone.
	SignerName string
	// OnBehalf is true when the letter was issued by someone other than the
	// signer, such as an administrator issuing on the clinician's behalf.
	OnBehalf bool
	// IssuerName and IssuerRole name the person who issued it, when OnBehalf.
	IssuerName, IssuerRole string
}

// OnBehalfLine returns the sentence printed under the signature when the
// letter was issued on the signer's behalf, such as "Issued by Jo Smith,
// Team Administrator, on behalf of Dr Amira Patel.", or "" otherwise.
func (s Signature) OnBehalfLine() string {
	if !s.OnBehalf {
		return ""
	}
	who := s.IssuerName
	if s.IssuerRole != "" {
		who += ", " + s.IssuerRole + ","
	}
	return "Issued by " + who + " on behalf of " + s.SignerName + "."
}

// SignatureFor returns the signature of a letter signed by signer and
// issued by issuer. The issuer issues on the signer's behalf when they are
// different people: by staff ID when both are known, otherwise by name.
func SignatureFor(signer, issuer Signer) Signature {
	sig := Signature{Line: signer.SignatureLine(), SignerName: tidyName(signer.Name)}
	var same bool
	if signer.StaffID != 0 && issuer.StaffID != 0 {
		same = signer.StaffID == issuer.StaffID
	} else {
		same = strings.EqualFold(sig.SignerName, tidyName(issuer.Name))
	}
	if !same && tidyName(issuer.Name) != "" {
		sig.OnBehalf, sig.IssuerName, sig.IssuerRole = true, tidyName(issuer.Name), tidyName(issuer.JobTitle)
	}
	return sig
}
