package models

import (
	"errors"
	"strings"
	"testing"
)

func TestRegistrationNormalised(t *testing.T) {
	cases := []struct {
		prof     Profession
		in, want string
		field    string // the FieldError's field, or "" when accepted
	}{
		// GMC: 7 digits.
		{ProfessionDoctor, "1234567", "1234567", ""},
		{ProfessionDoctor, " GMC 1234567 ", "1234567", ""},
		{ProfessionDoctor, "gmc:1234567", "1234567", ""},
		{ProfessionDoctor, "765432", "765432", "Registration number"},
		{ProfessionDoctor, "12345678", "12345678", "Registration number"},
		{ProfessionDoctor, "123456A", "123456A", "Registration number"},
		{ProfessionDoctor, "", "", "Registration number"},
		{ProfessionDoctor, "9000009", "9000009", ""},
		{ProfessionDoctor, "123456:", "123456:", "Registration number"},
		{ProfessionDoctor, "GMC", "GMC", "Registration number"}, // the register's name alone is not a number
		// NMC: 2 digits, a letter, 4 digits, a letter.
		{ProfessionNurse, "12A3456E", "12A3456E", ""},
		{ProfessionNurse, "90Z0000A", "90Z0000A", ""},
		{ProfessionNurse, "90[0000A", "90[0000A", "Registration number"},
		{ProfessionMidwife, "nmc 12a3456e", "12A3456E", ""},
		{ProfessionNurse, "12 A 3456 E", "12A3456E", ""},
		{ProfessionNurse, "1AA3456E", "1AA3456E", "Registration number"},
		{ProfessionNurse, "12A345E", "12A345E", "Registration number"},
		{ProfessionNurse, "12A34567", "12A34567", "Registration number"},
		{ProfessionNurse, "1234567", "1234567", "Registration number"},
		// HCPC: the profession's code and up to 6 digits.
		{ProfessionPsychologist, "PYL12345", "PYL12345", ""},
		{ProfessionPsychologist, "HCPC PYL123456", "PYL123456", ""},
		{ProfessionPsychologist, "PYL1", "PYL1", ""},
		{ProfessionPsychologist, "PYL1234567", "PYL1234567", "Registration number"},
		{ProfessionPsychologist, "PYL", "PYL", "Registration number"},
		{ProfessionPsychologist, "OT12345", "OT12345", "Registration number"}, // another profession's code
		{ProfessionOccupationalTherapist, "ot 54321", "OT54321", ""},
		{ProfessionArtsTherapist, "AS01234", "AS01234", ""},
		{ProfessionOccupationalTherapist, "OT12A45", "OT12A45", "Registration number"},
		// Social Work England: SW and up to 7 digits.
		{ProfessionSocialWorker, "SW12345", "SW12345", ""},
		{ProfessionSocialWorker, "Social Work England SW123", "SW123", ""},
		{ProfessionSocialWorker, "54321", "54321", "Registration number"},
		{ProfessionSocialWorker, "SW12345678", "SW12345678", "Registration number"},
		// No register.
		{ProfessionUnregistered, "", "", ""},
		{ProfessionNone, "", "", ""},
		{ProfessionUnregistered, "1234567", "1234567", "Registration number"},
		{"astronaut", "", "", "Profession"},
	}
	for _, c := range cases {
		got, err := ProfessionalRegistration{Profession: c.prof, Number: c.in}.Normalised()
		var ie *FieldError
		switch {
		case got.Number != c.want:
			t.Errorf("%s %q: number %q; want %q", c.prof, c.in, got.Number, c.want)
		case c.field == "" && err != nil:
			t.Errorf("%s %q: refused: %v", c.prof, c.in, err)
		case c.field != "" && (!errors.As(err, &ie) || ie.Field.Label() != c.field):
			t.Errorf("%s %q: %v; want a FieldError for %q", c.prof, c.in, err, c.field)
		case err != nil && len(c.in) > 3 && strings.Contains(err.Error(), strings.TrimSpace(c.in)):
			t.Errorf("%s %q: the message repeats the number: %v", c.prof, c.in, err)
		}
	}
}

func TestProfessionRegulator(t *testing.T) {
	want := map[Profession]Regulator{
		ProfessionDoctor: RegulatorGMC, ProfessionNurse: RegulatorNMC, ProfessionMidwife: RegulatorNMC,
		ProfessionPsychologist: RegulatorHCPC, ProfessionOccupationalTherapist: RegulatorHCPC, ProfessionArtsTherapist: RegulatorHCPC,
		ProfessionSocialWorker: RegulatorSWE, ProfessionUnregistered: RegulatorNone, ProfessionNone: RegulatorNone, "astronaut": RegulatorNone,
	}
	for p, r := range want {
		if p.Regulator() != r {
			t.Errorf("%q.Regulator() = %q; want %q", p, p.Regulator(), r)
		}
		if r == RegulatorHCPC && hcpcPrefixes[p] == "" {
			t.Errorf("%q has no HCPC code", p)
		}
	}
	for _, p := range Professions {
		if p.Label() == string(p) {
			t.Errorf("%q has no label", p)
		}
	}
}

func TestSignature(t *testing.T) {
	patel := Signer{StaffID: 7, Name: "Dr Amira  Patel", JobTitle: "Consultant Perinatal Psychiatrist",
		Registration: ProfessionalRegistration{Profession: ProfessionDoctor, Number: "1234567"}}
	cases := []struct {
		signer Signer
		line   string
	}{
		{patel, "Dr Amira Patel, Consultant Perinatal Psychiatrist, GMC 1234567"},
		{Signer{Name: "Ruth Chauhan", JobTitle: "Community Psychiatric Nurse", Registration: ProfessionalRegistration{Profession: ProfessionNurse, Number: "12A3456E"}},
			"Ruth Chauhan, Community Psychiatric Nurse, NMC 12A3456E"},
		{Signer{Name: "Dr Lin Wu", JobTitle: "Clinical Psychologist", Registration: ProfessionalRegistration{Profession: ProfessionPsychologist, Number: "PYL12345"}},
			"Dr Lin Wu, Clinical Psychologist, HCPC PYL12345"},
		{Signer{Name: "Sam Okafor", JobTitle: "Social Worker", Registration: ProfessionalRegistration{Profession: ProfessionSocialWorker, Number: "SW123"}},
			"Sam Okafor, Social Worker, Social Work England SW123"},
		{Signer{Name: "Jo Smith", JobTitle: "Nursery Nurse", Registration: ProfessionalRegistration{Profession: ProfessionUnregistered}}, "Jo Smith, Nursery Nurse"},
		{Signer{Name: "Jo Smith"}, "Jo Smith"},
		{Signer{Name: "Dr Amira Patel", Registration: ProfessionalRegistration{Profession: ProfessionDoctor}}, "Dr Amira Patel"}, // no number yet
	}
	for _, c := range cases {
		if got := c.signer.SignatureLine(); got != c.line {
			t.Errorf("SignatureLine = %q; want %q", got, c.line)
		}
	}

	admin := Signer{StaffID: 3, Name: "Jo Smith", JobTitle: "Team Administrator"}
	sig := SignatureFor(patel, admin)
	if !sig.OnBehalf || sig.Line != cases[0].line || sig.OnBehalfLine() != "Issued by Jo Smith, Team Administrator, on behalf of Dr Amira Patel." {
		t.Errorf("on behalf: %+v, %q", sig, sig.OnBehalfLine())
	}
	if got := SignatureFor(patel, Signer{StaffID: 3, Name: "Jo Smith"}).OnBehalfLine(); got != "Issued by Jo Smith on behalf of Dr Amira Patel." {
		t.Errorf("on behalf without a role: %q", got)
	}
	for _, issuer := range []Signer{
		{StaffID: 7, Name: "Amira Patel"},    // the same person by ID, whatever the name
		{Name: "dr amira patel"},             // the same name when an ID is missing
		{StaffID: 0, Name: "Dr Amira Patel"}, // likewise
		{},                                   // nobody named
	} {
		if s := SignatureFor(patel, issuer); s.OnBehalf || s.OnBehalfLine() != "" {
			t.Errorf("issuer %+v: %+v; want signed by the clinician herself", issuer, s)
		}
	}
	if s := SignatureFor(patel, Signer{StaffID: 8, Name: "Dr Amira Patel"}); !s.OnBehalf {
		t.Error("two staff with the same name are treated as one")
	}
}
