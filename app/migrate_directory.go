package app

import (
	"fmt"
	"time"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// The tables and columns that migration 2026120701 makes. A migration keeps
// its own copy of what it touches, so that a later change to the models
// cannot change what it does.

// organisationV1 is the directory of organisations as first made.
type organisationV1 struct {
	ID           uint `gorm:"primaryKey"`
	CreatedAt    time.Time
	UpdatedAt    time.Time
	Version      int    `gorm:"not null;default:1"`
	Kind         string `gorm:"size:30;not null;index:idx_organisations_kind"`
	Name         string `gorm:"size:200;not null"`
	ODSCode      string `gorm:"size:10;index:idx_organisations_ods_code"`
	AddressLines string `gorm:"size:500"`
	Postcode     string `gorm:"size:8"`
	Phone        string `gorm:"size:40"`
	Email        string `gorm:"size:200"`
	Retired      bool
	Demo         bool
}

func (organisationV1) TableName() string { return "organisations" }

// patientColumnsV3 are the patient's name for letters, her GP practice in
// the directory and her communication needs.
type patientColumnsV3 struct {
	NameForLetters         string `gorm:"size:100;not null;default:''"`
	GPPracticeID           *uint
	NeedsInterpreterNeeded bool   `gorm:"not null;default:false"`
	NeedsLanguage          string `gorm:"size:10;not null;default:''"`
	NeedsLanguageOtherName string `gorm:"size:60;not null;default:''"`
	NeedsBSL               bool   `gorm:"column:needs_bsl;not null;default:false"`
	NeedsLargePrint        bool   `gorm:"not null;default:false"`
	NeedsEasyRead          bool   `gorm:"not null;default:false"`
	NeedsBraille           bool   `gorm:"not null;default:false"`
	NeedsPreferredContact  string `gorm:"size:20;not null;default:''"`
	NeedsUnsafeToWriteHome bool   `gorm:"not null;default:false"`
	NeedsSafeAddressLines  string `gorm:"size:500;not null;default:''"`
	NeedsSafePostcode      string `gorm:"size:8;not null;default:''"`
	NeedsNotes             string `gorm:"size:500;not null;default:''"`
}

func (patientColumnsV3) TableName() string { return "patients" }

// professionalColumnsV2 links a professional to the directory.
type professionalColumnsV2 struct{ OrganisationID *uint }

func (professionalColumnsV2) TableName() string { return "professionals" }

// letterColumnsV3 are why a letter was held, and its language.
type letterColumnsV3 struct {
	HoldReason string `gorm:"size:300;not null;default:''"`
	Language   string `gorm:"size:10;not null;default:''"`
}

func (letterColumnsV3) TableName() string { return "letters" }

// letterTemplateColumnsV2 is the language of a template.
type letterTemplateColumnsV2 struct {
	Language string `gorm:"size:10;not null;default:''"`
}

func (letterTemplateColumnsV2) TableName() string { return "letter_templates" }

// directoryIndexes serve the links to the directory and the templates in
// each language. Their names match the models' index tags, so a database
// created fresh already has them.
var directoryIndexes = []indexDef{
	{"idx_patients_gp_practice_id", "patients", "gp_practice_id"},
	{"idx_professionals_organisation_id", "professionals", "organisation_id"},
}

// migrateDirectoryAndNeeds makes the directory of organisations, links
// professionals and GP practices to it, records her communication needs
// (moving the preferred language and interpreter columns into them), lets
// templates have language variants, and lets a letter be held.
func migrateDirectoryAndNeeds(tx *gorm.DB) error {
	m := tx.Migrator()
	if !m.HasTable(&organisationV1{}) {
		if err := m.CreateTable(&organisationV1{}); err != nil {
			return fmt.Errorf("cannot create the directory of organisations: %w", err)
		}
	}
	adds := []struct {
		model  any
		fields []string
	}{
		{&patientColumnsV3{}, []string{"NameForLetters", "GPPracticeID", "NeedsInterpreterNeeded", "NeedsLanguage", "NeedsLanguageOtherName",
			"NeedsBSL", "NeedsLargePrint", "NeedsEasyRead", "NeedsBraille", "NeedsPreferredContact", "NeedsUnsafeToWriteHome",
			"NeedsSafeAddressLines", "NeedsSafePostcode", "NeedsNotes"}},
		{&professionalColumnsV2{}, []string{"OrganisationID"}},
		{&letterColumnsV3{}, []string{"HoldReason", "Language"}},
		{&letterTemplateColumnsV2{}, []string{"Language"}},
	}
	for _, a := range adds {
		for _, f := range a.fields {
			if m.HasColumn(a.model, f) {
				continue
			}
			if err := m.AddColumn(a.model, f); err != nil {
				return fmt.Errorf("cannot add the column %s: %w", f, err)
			}
		}
	}
	if err := moveLanguageColumns(tx); err != nil {
		return err
	}
	// One template per kind and language, instead of one per kind. DROP
	// INDEX IF EXISTS and CREATE UNIQUE INDEX IF NOT EXISTS are understood
	// by SQLite and PostgreSQL alike.
	if err := tx.Exec("DROP INDEX IF EXISTS idx_letter_templates_kind").Error; err != nil {
		return fmt.Errorf("cannot change the index of letter templates: %w", err)
	}
	if err := tx.Exec("CREATE UNIQUE INDEX IF NOT EXISTS idx_letter_template_kind_language ON letter_templates (kind, language)").Error; err != nil {
		return fmt.Errorf("cannot change the index of letter templates: %w", err)
	}
	return createIndexes(tx, directoryIndexes)
}

// oldLanguageRow is a patient's preferred language and interpreter as the
// columns before migration 2026120701 held them.
type oldLanguageRow struct {
	ID                uint
	PreferredLanguage string
	InterpreterNeeded *bool
}

// moveLanguageColumns moves preferred_language (free text) and
// interpreter_needed into her communication needs: a language the list
// knows is recorded by its code, any other as "other" with its name in
// words; then the old columns are dropped. A database made fresh never had
// them.
func moveLanguageColumns(tx *gorm.DB) error {
	m := tx.Migrator()
	if !m.HasColumn("patients", "preferred_language") {
		return nil
	}
	var rows []oldLanguageRow
	err := tx.Table("patients").Select("id, preferred_language, interpreter_needed").
		Where("preferred_language <> '' OR interpreter_needed = ?", true).Find(&rows).Error
	if err != nil {
		return fmt.Errorf("cannot read the preferred languages: %w", err)
	}
	for _, r := range rows {
		code, other := models.LanguageFromText(r.PreferredLanguage)
		set := map[string]any{"needs_language": code, "needs_language_other_name": other,
			"needs_interpreter_needed": r.InterpreterNeeded != nil && *r.InterpreterNeeded}
		if err := tx.Table("patients").Where("id = ?", r.ID).Updates(set).Error; err != nil {
			return fmt.Errorf("cannot move the preferred language of patient %d: %w", r.ID, err)
		}
	}
	// ALTER TABLE … DROP COLUMN is understood by SQLite (3.35 on) and
	// PostgreSQL alike; GORM's SQLite migrator would rebuild the table
	// instead, which the foreign keys to patients forbid.
	for _, col := range []string{"preferred_language", "interpreter_needed"} {
		if err := tx.Exec("ALTER TABLE patients DROP COLUMN " + col).Error; err != nil {
			return fmt.Errorf("cannot remove the old column %s: %w", col, err)
		}
	}
	return nil
}
