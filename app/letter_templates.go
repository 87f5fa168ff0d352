package app

import (
	"perinatal-caseload/letters"
	"perinatal-caseload/models"
)

// LetterService issues letter packs, keeps the register of issued letters,
// and looks after the editable templates.
type LetterService struct{ *core }

// Template returns the current English template of a kind of letter and
// its version (see LanguageTemplate for the templates in other languages).
func (s *LetterService) Template(kind models.LetterKind) (models.LetterTemplate, error) {
	var t models.LetterTemplate
	if err := s.db.Where("kind = ? AND language = ?", kind, "").Limit(1).Find(&t).Error; err != nil {
		return t, err
	}
	if t.ID == 0 {
		body, err := letters.DefaultTemplate(kind)
		if err != nil {
			return t, err
		}
		t = models.LetterTemplate{Kind: kind, Body: body}
	}
	return t, nil
}

// SaveTemplate checks and saves a new body for a kind of letter. A template
// that does not parse, or uses a field that does not exist, is refused with
// the reason. readVersion is the version the editor opened. An edit keeps
// the standard text the template was made from (see TemplateStanding),
// unless it puts back today's.
func (s *LetterService) SaveTemplate(actor *models.StaffMember, kind models.LetterKind, body string, readVersion int) error {
	if err := letters.ValidateTemplate(body); err != nil {
		return models.OnField(models.FieldTemplate, err)
	}
	standard, sum, err := standardText(kind)
	if err != nil {
		return err
	}
	return s.changeTemplate(actor, kind, readVersion, "edited", func(t *models.LetterTemplate) {
		t.Body = body
		if body == standard {
			t.StandardSHA256 = sum
		}
	})
}
