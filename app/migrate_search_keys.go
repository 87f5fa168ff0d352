package app

import (
	"fmt"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// patientSearchKeysV2 is the part of the patients table that migration
// 2026120301 adds: the last part of a family name and the postcode without
// its space, both folded for search (see models.Patient.UpdateSearchKeys).
// A migration keeps its own copy of the columns it touches, so a later
// change to models.Patient cannot change what it does.
type patientSearchKeysV2 struct {
	FamilyPartKey string `gorm:"size:100"`
	PostcodeKey   string `gorm:"size:8"`
}

func (patientSearchKeysV2) TableName() string { return "patients" }

// searchKeyIndexes are the indexes on the new search columns, named as
// GORM names those on the model, so a database created fresh (whose first
// migration builds the tables from the models) already has them.
var searchKeyIndexes = []indexDef{
	{"idx_patients_family_part_key", "patients", "family_part_key"},
	{"idx_patients_postcode_key", "patients", "postcode_key"},
	{"idx_patient_name_keys", "patients", "given_key, family_key, family_part_key"},
}

// migrateSearchKeys (migration 2026120301) makes searches forgive accents,
// apostrophes and spaces: it adds the family-part and postcode search
// columns with their indexes, an index on the three name keys together for
// searches by given and family name, and works out every patient's search keys
// again, the name keys now folded (models.FoldName) rather than only
// lower-cased. The keys are derived from the names, so rewriting them is
// not an edit of her record: versions and update times are left alone.
func migrateSearchKeys(tx *gorm.DB) error {
	m := tx.Migrator()
	for _, col := range []string{"FamilyPartKey", "PostcodeKey"} {
		if m.HasColumn(&patientSearchKeysV2{}, col) {
			continue
		}
		if err := m.AddColumn(&patientSearchKeysV2{}, col); err != nil {
			return fmt.Errorf("cannot add the patient column %s: %w", col, err)
		}
	}
	if err := createIndexes(tx, searchKeyIndexes); err != nil {
		return err
	}
	return refoldPatientKeys(tx)
}

// refoldPatientKeys works out the search keys of every patient, a page at
// a time, writing only those that change.
func refoldPatientKeys(tx *gorm.DB) error {
	type row struct {
		ID                              uint
		GivenName, FamilyName, Postcode string
		GivenKey, FamilyKey             string
		FamilyPartKey, PostcodeKey      *string
	}
	var lastID uint
	for {
		var page []row
		err := tx.Table("patients").
			Select("id, given_name, family_name, postcode, given_key, family_key, family_part_key, postcode_key").
			Where("id > ?", lastID).Order("id").Limit(1000).Scan(&page).Error
		if err != nil {
			return fmt.Errorf("cannot read the patients to index them: %w", err)
		}
		for _, r := range page {
			lastID = r.ID
			p := models.Patient{GivenName: r.GivenName, FamilyName: r.FamilyName, Postcode: r.Postcode}
			p.UpdateSearchKeys()
			if p.GivenKey == r.GivenKey && p.FamilyKey == r.FamilyKey && r.FamilyPartKey != nil && p.FamilyPartKey == *r.FamilyPartKey &&
				r.PostcodeKey != nil && p.PostcodeKey == *r.PostcodeKey {
				continue
			}
			err := tx.Table("patients").Where("id = ?", r.ID).UpdateColumns(map[string]any{
				"given_key": p.GivenKey, "family_key": p.FamilyKey, "family_part_key": p.FamilyPartKey, "postcode_key": p.PostcodeKey,
			}).Error
			if err != nil {
				return fmt.Errorf("cannot index patient %d for search: %w", r.ID, err)
			}
		}
		if len(page) < 1000 {
			return nil
		}
	}
}
