package app

import (
	"fmt"

	"perinatal-caseload/letters"
	"perinatal-caseload/models"
)

// TemplateFields lists the fields a letter template can use, each with what
// it holds and the example the previews show, for the template editor.
func TemplateFields() []letters.FieldInfo { return letters.FieldInfos() }

// PreviewTemplate fills in a template body, as it stands in the editor, with
// synthetic sample data and the letterhead from Settings, and returns the
// letter it would make, marked as a draft. It saves nothing and holds no patient data; a body
// that does not parse, or uses an unknown field, is refused with the reason,
// as SaveTemplate would refuse it.
func (s *LetterService) PreviewTemplate(actor *models.StaffMember, kind models.LetterKind, body string) (letters.Letter, error) {
	if err := s.authorise(actor, models.PermViewReferrals); err != nil {
		return letters.Letter{}, err
	}
	l, err := letters.SampleLetter(kind, body, s.service())
	l.Draft = true // a preview, never a letter to post
	return l, err
}

// PreviewTemplatePDF renders the sample letter of PreviewTemplate to a PDF,
// so an administrator can see the page before saving a template. It is a
// draft, marked DRAFT on every page.
func (s *LetterService) PreviewTemplatePDF(actor *models.StaffMember, kind models.LetterKind, body string) ([]byte, error) {
	l, err := s.PreviewTemplate(actor, kind, body)
	if err != nil {
		return nil, err
	}
	l.Draft = true
	pdf, err := letters.Render(l)
	if err != nil {
		return nil, fmt.Errorf("the sample %s letter cannot be drawn: %w", kind.Label(), err)
	}
	return pdf, nil
}

// RegisterCount counts the letters in the register that match f, so the
// Letters screen can page through them without reading them all.
func (s *LetterService) RegisterCount(actor *models.StaffMember, f LetterFilter) (int64, error) {
	return s.countFor(actor, models.PermViewReferrals, s.registerQuery(f))
}
