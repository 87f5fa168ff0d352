package app

import (
	"fmt"
	"strings"

	"perinatal-caseload/models"
)

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

// safeguardingCols are the columns the caseload query reads for the
// safeguarding flags, so that they cost it no query of its own: whether a
// flag of each kind stands on her (one not ended: a flag is never raised
// for a future date nor ended on one), and whether it is unsafe to write
// to her home.
type safeguardingCols struct {
	SgChildProtectionPlan  bool
	SgChildInNeed          bool
	SgDomesticAbuse        bool
	SgMarac                bool
	NeedsUnsafeToWriteHome bool
}

// safeguardingSelect is the caseload query's columns for safeguardingCols.
var safeguardingSelect = func() string {
	var b strings.Builder
	for _, k := range models.SafeguardingKinds {
		fmt.Fprintf(&b, ", EXISTS (SELECT 1 FROM safeguarding_flags sf WHERE sf.patient_id = patients.id AND sf.kind = '%s' AND sf.ended_on IS NULL) AS sg_%s", k, k)
	}
	return b.String() + ", patients.needs_unsafe_to_write_home"
}()

// flags returns the safeguarding flags the columns say stand on her.
func (c safeguardingCols) flags() []CaseloadFlag {
	var out []CaseloadFlag
	for _, f := range []struct {
		on   bool
		flag CaseloadFlag
	}{{c.SgChildProtectionPlan, FlagChildProtection}, {c.SgChildInNeed, FlagChildInNeed}, {c.SgDomesticAbuse, FlagDomesticAbuse}, {c.SgMarac, FlagMARAC}, {c.NeedsUnsafeToWriteHome, FlagUnsafeHome}} {
		if f.on {
			out = append(out, f.flag)
		}
	}
	return out
}
