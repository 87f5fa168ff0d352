package demo_test

import (
	"testing"

	"gorm.io/gorm"
)

// checkRiskAndCarePlans checks that a demo gives women on the caseload
// risk summaries (some reviews falling due), safeguarding flags (some
// ended) and care plans (some with an earlier version kept).
func checkRiskAndCarePlans(t *testing.T, db *gorm.DB) {
	t.Helper()
	count := func(table, where string, args ...any) int64 {
		var n int64
		if err := db.Table(table).Where(where, args...).Count(&n).Error; err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := count("risk_summaries", "demo = ?", true); n == 0 {
		t.Error("no demo risk summaries")
	}
	if standing, ended := count("safeguarding_flags", "ended_on IS NULL"), count("safeguarding_flags", "ended_on IS NOT NULL"); standing == 0 || ended == 0 {
		t.Errorf("demo safeguarding flags: %d standing, %d ended; want some of each", standing, ended)
	}
	if first, changed := count("care_plans", "number = 1"), count("care_plans", "number = 2"); first == 0 || changed == 0 {
		t.Errorf("demo care plans: %d first versions, %d second; want some of each", first, changed)
	}
}
