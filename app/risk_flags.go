package app

import "perinatal-caseload/models"

// The safeguarding flags a woman carries wherever she is listed: one per
// standing models.SafeguardingFlag, and FlagUnsafeHome when her
// communication needs say it is not safe to write to her home (kept there,
// once, and shown here beside the others).
const (
	FlagChildProtection CaseloadFlag = CaseloadFlag(models.SafeguardChildProtection)
	FlagChildInNeed     CaseloadFlag = CaseloadFlag(models.SafeguardChildInNeed)
	FlagDomesticAbuse   CaseloadFlag = CaseloadFlag(models.SafeguardDomesticAbuse)
	FlagMARAC           CaseloadFlag = CaseloadFlag(models.SafeguardMARAC)
	FlagUnsafeHome      CaseloadFlag = "unsafe_to_write_home"
)

// safeguardingFlags lists the safeguarding flags in the order lists show them.
var safeguardingFlags = []CaseloadFlag{FlagChildProtection, FlagChildInNeed, FlagDomesticAbuse, FlagMARAC, FlagUnsafeHome}

// safeguardingLabel returns a safeguarding flag in words, or "" for a flag
// that is not one.
func safeguardingLabel(f CaseloadFlag) string {
	if f == FlagUnsafeHome {
		return models.UnsafeToWriteHomeLabel
	}
	if k := models.SafeguardingKind(f); k.Valid() {
		return k.Label()
	}
	return ""
}

// addSafeguarding notes, per woman, the safeguarding flags standing on
// today and whether it is unsafe to write to her home. Two queries, each
// for every woman at once.
func (s *CaseloadService) addSafeguarding(recs []caseloadRecord, today models.Date) error {
	byPatient := make(map[uint][]*caseloadRecord, len(recs))
	ids := make([]uint, 0, len(recs))
	for i := range recs {
		r := &recs[i]
		if byPatient[r.PatientID] == nil {
			ids = append(ids, r.PatientID)
		}
		byPatient[r.PatientID] = append(byPatient[r.PatientID], r)
	}
	var flags []models.SafeguardingFlag
	err := inChunks(ids, func(chunk []uint) error {
		var part []models.SafeguardingFlag
		err := s.db.Select("patient_id, kind, raised_on, ended_on").Where("patient_id IN ? AND ended_on IS NULL", chunk).Find(&part).Error
		flags = append(flags, part...)
		return err
	})
	if err != nil {
		return err
	}
	for i := range flags {
		if flags[i].Active(today) {
			for _, r := range byPatient[flags[i].PatientID] {
				r.safeguarding = append(r.safeguarding, CaseloadFlag(flags[i].Kind))
			}
		}
	}
	var unsafe []uint
	err = inChunks(ids, func(chunk []uint) error {
		var part []uint
		err := s.db.Table("patients").Where("id IN ? AND needs_unsafe_to_write_home = ?", chunk, true).Pluck("id", &part).Error
		unsafe = append(unsafe, part...)
		return err
	})
	for _, id := range unsafe {
		for _, r := range byPatient[id] {
			r.safeguarding = append(r.safeguarding, FlagUnsafeHome)
		}
	}
	return err
}
