package models

import (
	"fmt"
	"strconv"
	"strings"
)

// ReferencePrefix starts every referral's reference: PMH, for perinatal
// mental health.
const ReferencePrefix = "PMH"

// ReferralReference returns the reference people use for a referral, such
// as "PMH-000155" for referral 155: the prefix and the referral's number,
// at least six digits long. It is what calendar invitations, the letter
// register and the audit trail name a referral by, and a search finds the
// referral by it (see ParseReferralReference). It names the referral, never
// the woman, so it may be shown where her details may not.
func ReferralReference(id uint) string {
	return fmt.Sprintf("%s-%06d", ReferencePrefix, id)
}

// ParseReferralReference reads a referral's reference as people type it:
// "PMH-000155", "PMH-155", "pmh000155", "PMH 155" or just the number,
// "155" or "000155". Case and spaces around it do not matter. It returns
// false for anything else, and for 0.
func ParseReferralReference(s string) (uint, bool) {
	s = strings.ToUpper(strings.TrimSpace(s))
	if rest, ok := strings.CutPrefix(s, ReferencePrefix); ok {
		s = strings.TrimLeft(strings.TrimSpace(rest), "-–")
	}
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 10 {
		return 0, false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, false
		}
	}
	n, err := strconv.ParseUint(s, 10, 32)
	if err != nil || n == 0 {
		return 0, false
	}
	return uint(n), true
}
