package models

// MHSDS codes for the monthly extract (issue 16). Sources, checked on
// 26/11/2026 with the search tool:
//   - Consultation mechanism (ConsMechanismMH): 01 face to face, 02
//     telephone, 04 talk type, 11 video consultation, 98 other. NHS Data
//     Dictionary, data element CONSULTATION MECHANISM (MENTAL HEALTH),
//     June 2026 release (the code 11 description from the earlier
//     CONSULTATION MECHANISM attribute page). Verified.
//   - Attendance (AttendStatus in MHSDS v6, AttendOrDNACode in v5): 5, 6,
//     7, 2, 3, 4, 0 as the domain notes give them. Not verified against
//     the specification itself.
//   - Source of referral (SourceOfReferralMH) and clinical response
//     priority (ClinRespPriorityType): the codes the domain notes give.
//     Not verified; the mapping of each referrer role to a code below is
//     this program's and is not verified either.
//   - Service or team type referred to (ServTeamTypeRefToMH) C02,
//     specialist perinatal mental health community service: from the
//     domain notes. Not verified.

// MHSDSPerinatalTeamType is the service or team type of a specialist
// perinatal community mental health team (C02). Not verified.
const MHSDSPerinatalTeamType = "C02"

// MHSDSSourceOfReferral returns the MHSDS source-of-referral code for a
// referrer's role, or "" when there is none to give. Not verified: GP A1,
// health visitor A2, midwife and obstetrician A4 (maternity service),
// psychiatrist and other health professionals H2 (other secondary care),
// CMHT P1 (internal: the trust's own teams), self B1.
func MHSDSSourceOfReferral(role ProfessionalRole) string {
	switch role {
	case ProfGP:
		return "A1"
	case ProfHealthVisitor:
		return "A2"
	case ProfMidwife, ProfObstetrician:
		return "A4"
	case ProfPsychiatrist, ProfOther:
		return "H2"
	case ProfCMHT:
		return "P1"
	case ProfSelf:
		return "B1"
	}
	return ""
}

// MHSDSSourceCodes lists every source-of-referral code the extract writes.
var MHSDSSourceCodes = []string{"A1", "A2", "A4", "H2", "P1", "B1"}

// MHSDSAssessmentToolCode returns the SNOMED CT code the extract gives as
// CodedAssToolType for a measure's total score: the one its definition
// holds (see MeasureDef.SNOMED, with where each came from), or "" when
// none has been found, which the extract leaves empty and its validation
// report lists, rather than guess a code.
func MHSDSAssessmentToolCode(measure string) string {
	if d := MeasureByCode(measure); d != nil {
		return d.SNOMED
	}
	return ""
}
