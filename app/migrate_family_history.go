package app

import (
	"encoding/json"
	"strings"

	"gorm.io/gorm"
)

// migrateFamilyHistoryToJSON rewrites each referral's family history from
// the comma-separated codes that releases before 2026120201 wrote
// ("a,b") to the JSON list the model's serializer reads (["a","b"]). An
// empty history becomes NULL, which reads as no codes.
//
// The recommendation column needs no rewriting: it was always written as
// the JSON of models.Recommendation, which the serializer reads as it is.
func migrateFamilyHistoryToJSON(tx *gorm.DB) error {
	var rows []struct {
		ID            uint
		FamilyHistory string
	}
	err := tx.Table("referrals").Select("id, family_history").
		Where("family_history <> '' AND family_history NOT LIKE '[%'").Find(&rows).Error
	if err != nil {
		return err
	}
	for _, row := range rows {
		var codes []string
		for _, c := range strings.Split(row.FamilyHistory, ",") {
			if c = strings.TrimSpace(c); c != "" {
				codes = append(codes, c)
			}
		}
		var value any // NULL when the list held only commas
		if len(codes) > 0 {
			b, err := json.Marshal(codes)
			if err != nil {
				return err
			}
			value = string(b)
		}
		if err := tx.Table("referrals").Where("id = ?", row.ID).Update("family_history", value).Error; err != nil {
			return err
		}
	}
	return tx.Exec("UPDATE referrals SET family_history = NULL WHERE family_history = ''").Error
}
