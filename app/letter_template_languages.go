package app

import (
	"fmt"

	"gorm.io/gorm"

	"perinatal-caseload/letters"
	"perinatal-caseload/models"
)

// Letter templates in other languages. A kind of letter may have a template
// in any language of models.Languages beside its English one. When a
// woman's language has one, her letter in that language goes in the pack
// with the English letter beside it; the professionals' copies are of the
// English letter.

// languageTemplate returns the template of kind in the language with code,
// and whether there is one.
func (s *LetterService) languageTemplate(kind models.LetterKind, code string) (models.LetterTemplate, bool, error) {
	var t models.LetterTemplate
	if code == "" {
		return t, false, nil
	}
	if err := s.db.Where("kind = ? AND language = ?", kind, code).Limit(1).Find(&t).Error; err != nil {
		return t, false, err
	}
	return t, t.ID != 0, nil
}

// TemplateLanguages lists the codes of the languages that have a template
// of kind, besides English, in the order of models.Languages.
func (s *LetterService) TemplateLanguages(actor *models.StaffMember, kind models.LetterKind) ([]string, error) {
	if err := s.authorise(actor, models.PermViewReferrals); err != nil {
		return nil, err
	}
	var codes []string
	if err := s.db.Model(&models.LetterTemplate{}).Where("kind = ? AND language <> ?", kind, "").Pluck("language", &codes).Error; err != nil {
		return nil, err
	}
	have := map[string]bool{}
	for _, c := range codes {
		have[c] = true
	}
	var out []string
	for _, l := range models.Languages {
		if have[l.Code] {
			out = append(out, l.Code)
		}
	}
	return out, nil
}

// LanguageTemplate returns the template of kind in the language with code,
// or, when there is none yet, one with the English body to translate and
// version 0.
func (s *LetterService) LanguageTemplate(actor *models.StaffMember, kind models.LetterKind, code string) (models.LetterTemplate, error) {
	if err := s.authorise(actor, models.PermViewReferrals); err != nil {
		return models.LetterTemplate{}, err
	}
	t, ok, err := s.languageTemplate(kind, code)
	if err != nil || ok {
		return t, err
	}
	english, err := s.Template(kind)
	if err != nil {
		return t, err
	}
	return models.LetterTemplate{Kind: kind, Language: code, Body: english.Body}, nil
}

// SaveLanguageTemplate checks and saves the template of kind in the
// language with code: a new one when readVersion is 0, otherwise a change to
// the version the editor opened. It must use only known fields and print in
// the letters' font (checked by drawing the sample letter), so that no
// woman's letter is later refused for it.
func (s *LetterService) SaveLanguageTemplate(actor *models.StaffMember, kind models.LetterKind, code, body string, readVersion int) error {
	if models.LanguageName(code) == "" {
		return models.NewFieldError(models.FieldLanguage, "choose a language from the list")
	}
	if err := letters.ValidateTemplate(body); err != nil {
		return models.OnField(models.FieldTemplate, err)
	}
	sample, err := letters.SampleLetter(kind, body, s.service())
	if err == nil {
		_, err = letters.Render(sample)
	}
	if err != nil {
		return models.OnField(models.FieldTemplate, fmt.Errorf("the letter in %s cannot be printed: %w", models.LanguageName(code), err))
	}
	return s.write(actor, models.PermEditTemplates, func(tx *gorm.DB) error {
		var t models.LetterTemplate
		if err := tx.Where("kind = ? AND language = ?", kind, code).Limit(1).Find(&t).Error; err != nil {
			return err
		}
		if t.ID == 0 {
			if readVersion != 0 {
				return &ConflictError{Entity: "letter_template"}
			}
			t = models.LetterTemplate{Kind: kind, Language: code, Body: body}
			t.Version = 1
			if err := tx.Create(&t).Error; err != nil {
				return fmt.Errorf("cannot save the template: %w", err)
			}
			return s.audit(tx, actor, ActionCreate, "letter_template", t.ID, nil, &t, string(kind)+" in "+models.LanguageName(code))
		}
		before := t
		t.Body, t.Version = body, readVersion
		if err := s.saveVersioned(tx, "letter_template", &t, func(v int) { t.Version = v }); err != nil {
			return err
		}
		return s.audit(tx, actor, ActionUpdate, "letter_template", t.ID, &before, &t, string(kind)+" in "+models.LanguageName(code))
	})
}
