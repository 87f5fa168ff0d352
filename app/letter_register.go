package app

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"perinatal-caseload/letters"
	"perinatal-caseload/models"
)

// RenderPack renders a pack to PDFs without issuing it, for preview and for
// support: each letter is a draft, "DRAFT" on every page. It is signed by
// signer, or by the responsible clinician when signer is nil, and refused
// as BuildPack refuses, before anything is rendered. It needs the letters
// permission, since the PDFs can be printed and posted, and the export is
// audited.
func (s *LetterService) RenderPack(actor, signer *models.StaffMember, referralID uint, kind models.LetterKind) ([]PackLetter, [][]byte, error) {
	if err := s.authorise(actor, models.PermIssueLetters); err != nil {
		return nil, nil, err
	}
	pack, err := s.buildPack(actor, signer, referralID, kind)
	if err != nil {
		return nil, nil, err
	}
	pdfs := make([][]byte, len(pack))
	for i := range pack {
		pack[i].Letter.Draft = true
	}
	for i, p := range pack {
		if p.HoldReason != "" {
			continue // held: nothing to print (see PackLetter.HoldReason)
		}
		if pdfs[i], err = letters.Render(p.Letter); err != nil {
			return nil, nil, renderError(referralID, i, p.Letter, err)
		}
	}
	err = s.transaction(func(tx *gorm.DB) error {
		return s.audit(tx, actor, ActionExport, "referral", referralID, nil, nil, fmt.Sprintf("rendered %d %s letters (not issued)", len(pack), pack[0].Letter.Kind))
	})
	return pack, pdfs, err
}

// IssuePack renders and issues a referral's letter pack: each recipient's
// PDF is stored in the register with its SHA-256, its content, the
// recipient, kind, author, time and template version, all in one
// transaction with its audit events. The register's author is the person
// who issued it; the letter is signed by the responsible clinician, on
// whose behalf it says it was issued. A pack BuildPack refuses writes
// nothing.
func (s *LetterService) IssuePack(actor *models.StaffMember, referralID uint, kind models.LetterKind) ([]models.Letter, error) {
	if err := s.authorise(actor, models.PermIssueLetters); err != nil {
		return nil, err
	}
	pack, err := s.BuildPack(actor, referralID, kind)
	if err != nil {
		return nil, err
	}
	now := s.clock.Now()
	packID := fmt.Sprintf("%d-%d", referralID, now.UnixNano())
	issued := make([]models.Letter, len(pack))
	for i, p := range pack {
		p.Letter.Draft = false // an issued letter is never a draft
		input, err := json.Marshal(p.Letter)
		if err != nil {
			return nil, err
		}
		issued[i] = models.Letter{
			ReferralID: referralID, PackID: packID, Kind: p.Letter.Kind,
			RecipientName: p.Letter.Recipient.Name, RecipientRole: p.Role,
			RecipientAddress: strings.Join(p.Letter.Recipient.Address, "\n"),
			AuthorID:         actor.ID, IssuedAt: now, TemplateVersion: p.TemplateVersion,
			Input: string(input), HoldReason: p.HoldReason, Language: p.Language,
		}
		issued[i].Version = 1
		if p.HoldReason != "" {
			continue // held: recorded with the reason, never printed
		}
		pdf, err := letters.Render(p.Letter)
		if err != nil {
			return nil, renderError(referralID, i, p.Letter, err)
		}
		sum := sha256.Sum256(pdf)
		issued[i].PDF, issued[i].SHA256 = pdf, hex.EncodeToString(sum[:])
	}
	err = s.transaction(func(tx *gorm.DB) error {
		for i := range issued {
			l := &issued[i]
			if err := tx.Create(l).Error; err != nil {
				return fmt.Errorf("cannot save the letter to the register: %w", err)
			}
			summary := map[string]any{"kind": l.Kind, "recipient": l.RecipientName, "sha256": l.SHA256, "template_version": l.TemplateVersion}
			action := ActionIssueLetter
			if l.Held() {
				action, summary["hold_reason"] = ActionHoldLetter, l.HoldReason
			}
			if err := s.auditWith(tx, actor, action, "letter", l.ID, nil, summary, "referral "+models.ReferralReference(referralID), letterDetails(l)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return issued, nil
}

// renderError explains why letter i of a referral's pack cannot be drawn,
// naming the referral and whom the letter is to by role, never by name: the
// woman's name must not reach an error or a log.
func renderError(referralID uint, i int, l letters.Letter, err error) error {
	to := "recipient " + strconv.Itoa(i+1)
	switch {
	case l.Recipient.Name == l.Patient.Name:
		to = "her"
	case strings.TrimSpace(l.Recipient.Role) != "":
		to = "the " + strings.ToLower(strings.TrimSpace(l.Recipient.Role))
	}
	return fmt.Errorf("the %s letter to %s for referral %d cannot be drawn: %w", strings.ToLower(l.Kind.Label()), to, referralID, err)
}

// LetterFilter narrows the register.
type LetterFilter struct {
	ReferralID uint
	Kind       models.LetterKind
	Recipient  string    // start of the recipient's name
	Day        time.Time // letters issued on this London calendar day; zero for any
}

// LetterRow is one line of the register (without the PDF bytes). Show the
// referral by its Reference.
type LetterRow struct {
	ID              uint
	ReferralID      uint
	PackID          string
	Kind            models.LetterKind
	RecipientName   string
	RecipientRole   string
	AuthorName      string
	IssuedAt        time.Time
	TemplateVersion int
	SHA256          string
	// HoldReason says why the letter was held rather than posted; "" for
	// a letter that was issued to be posted.
	HoldReason string
	// Language is the code of the letter's language; "" for English.
	Language string
}

// Reference returns the reference of the letter's referral, such as
// "PMH-000155".
func (r LetterRow) Reference() string { return models.ReferralReference(r.ReferralID) }

func (s *LetterService) registerQuery(f LetterFilter) *gorm.DB {
	q := s.db.Table("letters").
		Select("letters.id, letters.referral_id, letters.pack_id, letters.kind, letters.recipient_name, letters.recipient_role, " +
			"staff_members.name AS author_name, letters.issued_at, letters.template_version, letters.sha256, letters.hold_reason, letters.language").
		Joins("LEFT JOIN staff_members ON staff_members.id = letters.author_id")
	if f.ReferralID != 0 {
		q = q.Where("letters.referral_id = ?", f.ReferralID)
	}
	if f.Kind != "" {
		q = q.Where("letters.kind = ?", f.Kind)
	}
	if name := strings.TrimSpace(f.Recipient); name != "" {
		lo, hi := prefixRange(name)
		q = q.Where("letters.recipient_name >= ? AND letters.recipient_name < ?", lo, hi)
	}
	if !f.Day.IsZero() {
		from, to := londonDayBounds(f.Day)
		q = q.Where("letters.issued_at >= ? AND letters.issued_at < ?", from, to)
	}
	return q
}

// londonDayBounds returns the UTC instants that start and end t's London calendar day.
func londonDayBounds(t time.Time) (time.Time, time.Time) {
	day := models.LondonDate(t)
	return models.StartOfLondonDay(day), models.StartOfLondonDay(day.AddDays(1))
}

// Register returns a page of the register, newest first. The first page of
// one referral's letters is audited as a view of them.
func (s *LetterService) Register(actor *models.StaffMember, f LetterFilter, offset, limit int) ([]LetterRow, error) {
	if err := s.authorise(actor, models.PermViewReferrals); err != nil {
		return nil, err
	}
	var rows []LetterRow
	err := s.registerQuery(f).Order("letters.issued_at DESC, letters.id DESC").Offset(offset).Limit(limit).Scan(&rows).Error
	if err == nil && f.ReferralID != 0 && offset == 0 {
		err = s.auditView(actor, f.ReferralID, "her letters")
	}
	return rows, err
}

// PDF returns the stored bytes of an issued letter, for viewing or a
// reprint: always the document that was issued, never a new rendering. It is
// audited as a print.
func (s *LetterService) PDF(actor *models.StaffMember, id uint) ([]byte, error) {
	if err := s.authorise(actor, models.PermViewReferrals); err != nil {
		return nil, err
	}
	var l models.Letter
	if err := s.db.First(&l, id).Error; err != nil {
		return nil, notFound(err)
	}
	if l.Held() {
		return nil, fmt.Errorf("letter %d was held, not posted, so there is nothing to print: %s", id, l.HoldReason)
	}
	sum := sha256.Sum256(l.PDF)
	if hex.EncodeToString(sum[:]) != l.SHA256 {
		return nil, fmt.Errorf("letter %d does not match its stored fingerprint; do not print it, and tell the system administrator", id)
	}
	err := s.transaction(func(tx *gorm.DB) error {
		return s.audit(tx, actor, ActionPrint, "letter", l.ID, nil, nil, "opened or reprinted")
	})
	return l.PDF, err
}

// PrintDay joins the letters issued on day (London) into one PDF for the
// printer, ordered by recipient, each letter starting on a new page with its
// own page numbering. The pages are the stored PDFs from the register, each
// checked against its fingerprint, so what is printed is byte for byte what
// was issued. It runs off the UI goroutine with progress, and returns the
// PDF and how many letters it holds.
func (s *LetterService) PrintDay(actor *models.StaffMember, day time.Time, progress func(done, total int)) ([]byte, int, error) {
	if err := s.authorise(actor, models.PermIssueLetters); err != nil {
		return nil, 0, err
	}
	var issued []models.Letter
	from, to := londonDayBounds(day)
	if err := s.db.Select("id, pdf, sha256, recipient_name").Where("issued_at >= ? AND issued_at < ? AND hold_reason = ?", from, to, "").Find(&issued).Error; err != nil {
		return nil, 0, err
	}
	if len(issued) == 0 {
		return nil, 0, fmt.Errorf("no letters were issued on %s", day.In(models.London).Format("02/01/2006"))
	}
	sort.SliceStable(issued, func(i, j int) bool {
		a, b := strings.ToLower(issued[i].RecipientName), strings.ToLower(issued[j].RecipientName)
		return a < b || a == b && issued[i].ID < issued[j].ID
	})
	pdfs := make([][]byte, len(issued))
	for i, l := range issued {
		sum := sha256.Sum256(l.PDF)
		if hex.EncodeToString(sum[:]) != l.SHA256 {
			return nil, 0, fmt.Errorf("letter %d does not match its stored fingerprint; do not print today's letters, and tell the system administrator", l.ID)
		}
		pdfs[i] = l.PDF
	}
	pdf, err := letters.Combine(pdfs, progress)
	if err != nil {
		return nil, 0, err
	}
	err = s.transaction(func(tx *gorm.DB) error {
		return s.audit(tx, actor, ActionPrint, "letter", 0, nil, nil, fmt.Sprintf("batch print of %d letters issued on %s", len(issued), day.In(models.London).Format("02/01/2006")))
	})
	return pdf, len(issued), err
}
