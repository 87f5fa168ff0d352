package app

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"

	"gorm.io/gorm"

	"perinatal-caseload/letters"
	"perinatal-caseload/models"
)

// Standard texts. The program ships a standard text for each kind of
// letter (letters.DefaultTemplate); an administrator may edit it. When a
// new version of the program improves a standard text, a template nobody
// edited takes the new text on upgrade, and an edited template keeps its
// wording but is shown as "based on an older standard" on the Letter
// templates screen, where it can be compared with today's standard text and
// either reset to it or kept (see TemplateStandingOf, ResetTemplate and
// KeepTemplate). Each English template records the standard it was made
// from (models.LetterTemplate.StandardSHA256).

// TemplateStanding says how an English template stands against today's
// standard text of its kind.
type TemplateStanding string

const (
	// TemplateStandard is the standard text, unchanged.
	TemplateStandard TemplateStanding = "standard"
	// TemplateEdited was edited by the team from today's standard text.
	TemplateEdited TemplateStanding = "edited"
	// TemplateOlderStandard was edited from an earlier standard text (or
	// kept after comparing with one): today's standard text has changed
	// since, and may say things the team's wording does not.
	TemplateOlderStandard TemplateStanding = "older standard"
)

// Words describes the standing for the Letter templates screen.
func (s TemplateStanding) Words() string {
	switch s {
	case TemplateStandard:
		return "This is the standard text."
	case TemplateEdited:
		return "Your team has edited this template."
	default:
		return "Your team edited this template from an older standard text, and the standard text has changed since. " +
			"Compare the two, then keep your wording or use the standard text."
	}
}

// standardHistory lists, for each kind, the SHA-256 of every standard text
// the program has shipped, oldest first; the last is today's (a test checks
// it). A template whose text is one of them was never edited, and takes
// today's standard text on upgrade. When you change a standard text, add
// its new sum at the end and a migration that calls
// refreshStandardTemplates.
var standardHistory = map[models.LetterKind][]string{
	models.LetterAcceptance: {
		"fdd616c6821c178cfed78e10862008d0507228f41f3fe1df976efb58b31819bb",
		"d57bf3b6fc020e8cc2b02e0bbec94742e1cd7534718f93d2a9cb5662dc2d4af8", "e070bd31cc6b7be35fcf991ee59f5f0e7d049a4240523fd6ccbc8ad0e7e44687",
	},
	models.LetterOutcomeCaseload: {
		"863496b3c7c95f8f00a3f2861b38c197cab76319065316a3e71f4fffe8fafcac",
		"83db1d09420c77bc31932bb5622268dccef06d40d9d5f1897da14e337951ead8",
		"75fddbe0ff30d83f16bdc6d59788e428ae66ec1555c58c44878a6aff56b53cc0",
	},
	models.LetterOutcomeMedical: {
		"c5d5f4251259482a6bfd4ce74b1e6d71383f20885f18778989c629e337973b7d",
		"1cea7ca750054628349ab16a619b8fa7f2c459109254beb4170c75895084c616",
		"502dd9fdb8e4060732c5a7d6e2f973c957fa79715a9f5198fedd29b307354386",
	},
	models.LetterOutcomeDischarge: {
		"0b1efd171485832d7bf4e77d5a792c38f781c7122b65e58cab56a4d70839d936",
		"ad55acd9378e1c7886ab9e78baf0c3e4c00c920cca407cedbf6bdf1960b07a6d",
		"cf08cc479b0f188472383eb87e0447ade04b18b68c7a80ed91a8d039a8499a15",
	},
	models.LetterNotAccepted: {
		"01d5bc52b3ce781dd2fc10d9d8ea2e6650c4959931f5ae5e3f3c40a0c362e64f",
		"064dc93636489685f438793aa8d7386de1e00f17378128402b85b2b63ce6b9dc",
		"6d7e09dae2236f67d8c8a18e7e7e91199b4217b70b09ad5710e017cb5f99a6fa",
	},
	models.LetterAssessmentNotNeeded: {
		"2d90b9d7297755134eb14671f0b6b102f1d44014020ef4432398ca61f19de206",
		"0001c6407a5ec43fb0afae5b7503ef2403e14bc34c65593f0958f56ffbb1c263",
		"3f18d7558116dac69fc10535cdc434d395452e98cced22210431c159a94da444",
		"91709d9c686b9e13226c703d427253c29230795b0913b855ef7b0b00e08f8dd2",
	},
	models.LetterClosureTreatmentComplete: {
		"def5111116108806ace0e9481d2e38c2c1dc7a42e69f556f9ec6a3157c1e4a23",
		"130b359f64d2c523abbf6a0a1b6e6863aa1da72b5951fd1a61d6d4a14d056ab4",
	},
	models.LetterClosurePerinatalEnd:    {"b7e4dbc44a0557fbc7861485755933a31a25f7093cd92ea9c9946617a241d240"},
	models.LetterClosureMovedAway:       {"a51110210b97b105c4329d3ed6a519ce90c56726bf22ba59331ac366dd23790d"},
	models.LetterClosureTransferred:     {"b49b47012561159760cefe2c7c052fe901d76b6e5c5fe7b109e7750d2254ef6d"},
	models.LetterClosureDeclinedContact: {"4747f0f323cedaab701acfb74dc15b5acd32b20a39db5adf71f8cf152cbf7e79"},
	models.LetterClosureDidNotAttend:    {"99e5bc905f25f0a7f8d7c5f6ae98acd48804681e2337678b60689abfd51426eb"},
}

// textSum is the SHA-256 of a template's text, in hex.
func textSum(body string) string {
	sum := sha256.Sum256([]byte(body))
	return hex.EncodeToString(sum[:])
}

// standardText returns today's standard text of kind and its sum.
func standardText(kind models.LetterKind) (body, sum string, err error) {
	if body, err = letters.DefaultTemplate(kind); err != nil {
		return "", "", err
	}
	return body, textSum(body), nil
}

// standingOf says how an English template stands against today's standard
// text, sum.
func standingOf(t models.LetterTemplate, standard, sum string) TemplateStanding {
	switch {
	case t.Body == standard:
		return TemplateStandard
	case t.StandardSHA256 == sum:
		return TemplateEdited
	default:
		return TemplateOlderStandard
	}
}

// TemplateStandingOf returns how the English template of kind stands
// against today's standard text, and that text, to compare with.
func (s *LetterService) TemplateStandingOf(actor *models.StaffMember, kind models.LetterKind) (TemplateStanding, string, error) {
	if err := s.authorise(actor, models.PermViewReferrals); err != nil {
		return "", "", err
	}
	t, err := s.Template(kind)
	if err != nil {
		return "", "", err
	}
	standard, sum, err := standardText(kind)
	if err != nil {
		return "", "", err
	}
	if t.ID == 0 {
		return TemplateStandard, standard, nil
	}
	return standingOf(t, standard, sum), standard, nil
}

// ResetTemplate replaces the English template of kind with today's
// standard text. readVersion is the version the editor opened.
func (s *LetterService) ResetTemplate(actor *models.StaffMember, kind models.LetterKind, readVersion int) error {
	standard, sum, err := standardText(kind)
	if err != nil {
		return err
	}
	return s.changeTemplate(actor, kind, readVersion, "reset to the standard text", func(t *models.LetterTemplate) {
		t.Body, t.StandardSHA256 = standard, sum
	})
}

// KeepTemplate records that the team compared its wording of kind with
// today's standard text and keeps it: the template is no longer shown as
// based on an older standard, until the standard text changes again.
func (s *LetterService) KeepTemplate(actor *models.StaffMember, kind models.LetterKind, readVersion int) error {
	_, sum, err := standardText(kind)
	if err != nil {
		return err
	}
	return s.changeTemplate(actor, kind, readVersion, "kept after comparing with the standard text", func(t *models.LetterTemplate) {
		t.StandardSHA256 = sum
	})
}

// changeTemplate changes the English template of kind with change, as a
// new version, audited with what was done.
func (s *LetterService) changeTemplate(actor *models.StaffMember, kind models.LetterKind, readVersion int, what string, change func(*models.LetterTemplate)) error {
	return s.write(actor, models.PermEditTemplates, func(tx *gorm.DB) error {
		var t models.LetterTemplate
		if err := tx.Where("kind = ? AND language = ?", kind, "").Limit(1).Find(&t).Error; err != nil {
			return err
		}
		if t.ID == 0 {
			return fmt.Errorf("there is no %q template", kind)
		}
		before := t
		change(&t)
		t.Version = readVersion
		if err := s.saveVersioned(tx, "letter_template", &t, func(v int) { t.Version = v }); err != nil {
			return err
		}
		return s.audit(tx, actor, ActionUpdate, "letter_template", t.ID, &before, &t, string(kind)+": "+what)
	})
}

// migrateTemplateStandards (migration 2026121101) records the standard
// text each English template was made from: it adds the column, brings
// every template that is still a standard text the program shipped up to
// today's, and leaves an edited template as the team wrote it, with no
// standard recorded, so that the Letter templates screen shows it as based
// on an older standard.
func migrateTemplateStandards(tx *gorm.DB) error {
	if !tx.Migrator().HasColumn(&models.LetterTemplate{}, "StandardSHA256") {
		if err := tx.Migrator().AddColumn(&models.LetterTemplate{}, "StandardSHA256"); err != nil {
			return fmt.Errorf("cannot add the column for the templates' standard texts: %w", err)
		}
	}
	return refreshStandardTemplates(tx)
}

// refreshStandardTemplates gives each English template that nobody edited
// (its text is a standard text the program shipped, or the one it records
// as its standard) today's standard text, as a new version, and records it
// as its standard. An edited template is left as it is.
func refreshStandardTemplates(tx *gorm.DB) error {
	var ts []models.LetterTemplate
	if err := tx.Where("language = ?", "").Order("id").Find(&ts).Error; err != nil {
		return err
	}
	for _, t := range ts {
		standard, sum, err := standardText(t.Kind)
		if err != nil {
			return err
		}
		got := textSum(t.Body)
		change := map[string]any{}
		switch {
		case t.Body == standard:
			if t.StandardSHA256 != sum {
				change["standard_sha256"] = sum
			}
		case got == t.StandardSHA256 || slices.Contains(standardHistory[t.Kind], got):
			change = map[string]any{"body": standard, "standard_sha256": sum, "version": t.Version + 1}
		}
		if len(change) == 0 {
			continue
		}
		if err := tx.Model(&models.LetterTemplate{}).Where("id = ?", t.ID).Updates(change).Error; err != nil {
			return fmt.Errorf("cannot bring the %s template up to date: %w", t.Kind, err)
		}
	}
	return nil
}
