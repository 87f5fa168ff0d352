package app

import (
	"fmt"
	"strings"
	"time"

	"perinatal-caseload/models"
)

// PackIssue is a pack of letters issued for a referral: one kind, issued
// together by one person.
type PackIssue struct {
	PackID   string
	Kind     models.LetterKind
	IssuedAt time.Time
	ByName   string // who issued it
	Letters  int    // how many letters the pack held
}

// Warning says, for the screen that is about to issue the pack again, what
// was issued before and asks whether to issue it again: "The Referral
// accepted letters were already issued by Joanne Pritchard at 14:03 on
// 23/11/2026 (3 letters). Issue them again?".
func (p *PackIssue) Warning() string {
	return fmt.Sprintf("The %s letters were already issued by %s at %s (%s). Issue them again?",
		strings.ToLower(p.Kind.Label()), p.ByName, p.IssuedAt.In(models.London).Format("15:04 on 02/01/2006"), plural(p.Letters, "letter"))
}

// EarlierIssue returns the latest pack of kind already issued for the
// referral, or nil when none has been, so that the screen can warn before
// IssuePack issues it again. An empty kind means the kind the referral's
// state calls for, as for IssuePack.
func (s *LetterService) EarlierIssue(actor *models.StaffMember, referralID uint, kind models.LetterKind) (*PackIssue, error) {
	if err := s.authorise(actor, models.PermViewReferrals); err != nil {
		return nil, err
	}
	if kind == "" {
		_, _, state, err := s.referralForLetters(referralID, s.loadReferral)
		if err != nil {
			return nil, err
		}
		if kind, err = chooseKind("", state); err != nil {
			return nil, err
		}
	}
	var last LetterRow
	err := s.registerQuery(LetterFilter{ReferralID: referralID, Kind: kind}).
		Order("letters.issued_at DESC, letters.id DESC").Limit(1).Scan(&last).Error
	if err != nil || last.ID == 0 {
		return nil, err
	}
	var n int64
	if err := s.db.Model(&models.Letter{}).Where("pack_id = ?", last.PackID).Count(&n).Error; err != nil {
		return nil, err
	}
	return &PackIssue{PackID: last.PackID, Kind: last.Kind, IssuedAt: last.IssuedAt, ByName: last.AuthorName, Letters: int(n)}, nil
}
