package app

import (
	"slices"
	"testing"

	"perinatal-caseload/models"
)

// TestTheDashboardAndDiaryRowsCarryHerSafeguardingFlags raises a
// domestic-abuse flag on one woman and records that it is unsafe to write
// to her home, puts a second woman without flags beside her, and finds
// both flags on every row of hers that the Dashboard and the diary list
// (outcome letters due, assessments this week, the diary, tasks and risk
// reviews), and none on the other woman's.
//
// Hazard: HAZ-034.
func TestTheDashboardAndDiaryRowsCarryHerSafeguardingFlags(t *testing.T) {
	w := newWorkflow(t)
	today := models.LondonDate(w.clock.Now())
	flagged, plain := w.onCaseload(nil, w.worker), w.onCaseload(nil, w.worker)
	if _, err := w.s.Risk.RaiseFlag(w.worker, flagged.ID, models.SafeguardDomesticAbuse, today, ""); err != nil {
		t.Fatal(err)
	}
	p := flagged.Patient
	needs := p.CommunicationNeeds
	needs.UnsafeToWriteHome = true
	if err := w.s.Referrals.UpdateNeeds(w.admin, p.ID, p.Version, p.NameForLetters, needs); err != nil {
		t.Fatal(err)
	}
	for _, r := range []*models.Referral{flagged, plain} {
		if err := w.s.Tasks.Add(w.worker, &models.Task{ReferralID: r.ID, Title: "Ring the health visitor", AssigneeID: &w.worker.ID}); err != nil {
			t.Fatal(err)
		}
		in := models.RiskSummary{Summary: "Reviewed.", ReviewedOn: today, ReviewDue: today.AddDays(1)}
		if _, err := w.s.Risk.SaveSummary(w.worker, r.ID, 0, in); err != nil {
			t.Fatal(err)
		}
	}

	// row is one listed row: its referral and its flags.
	type row struct {
		referral uint
		flags    []CaseloadFlag
	}
	rowsOf := func(n int, at func(int) row) []row {
		out := make([]row, n)
		for i := range out {
			out[i] = at(i)
		}
		return out
	}
	week := func() []row {
		entries, err := w.s.Clocks.AssessmentsThisWeek(w.worker, today)
		if err != nil {
			t.Fatal(err)
		}
		return rowsOf(len(entries), func(i int) row { return row{entries[i].ReferralID, entries[i].SafeguardingFlags()} })
	}
	lists := map[string]func() []row{
		"outcome letters due": func() []row {
			l, err := w.s.Clocks.DueLetters(w.worker, today, 0)
			if err != nil {
				t.Fatal(err)
			}
			all := slices.Concat(l.Overdue, l.DueSoon, l.Due)
			return rowsOf(len(all), func(i int) row { return row{all[i].ReferralID, all[i].SafeguardingFlags()} })
		},
		"assessments this week": week,
		"diary": func() []row {
			from, to := Week(today)
			entries, err := w.s.Appointments.Diary(w.worker, DiaryFilter{From: from, To: to})
			if err != nil {
				t.Fatal(err)
			}
			return rowsOf(len(entries), func(i int) row { return row{entries[i].ReferralID, entries[i].SafeguardingFlags()} })
		},
		"tasks": func() []row {
			tasks, err := w.s.Tasks.ForAssignee(w.worker, w.worker.ID, false)
			if err != nil {
				t.Fatal(err)
			}
			return rowsOf(len(tasks), func(i int) row { return row{tasks[i].ReferralID, tasks[i].SafeguardingFlags()} })
		},
		"risk reviews": func() []row {
			reviews, err := w.s.Risk.ReviewsDue(w.worker, today, 0)
			if err != nil {
				t.Fatal(err)
			}
			return rowsOf(len(reviews), func(i int) row { return row{reviews[i].ReferralID, reviews[i].SafeguardingFlags()} })
		},
	}
	want := []CaseloadFlag{FlagDomesticAbuse, FlagUnsafeHome}
	for name, list := range lists {
		seen := map[uint]bool{}
		for _, r := range list() {
			seen[r.referral] = true
			switch r.referral {
			case flagged.ID:
				if !slices.Equal(r.flags, want) {
					t.Errorf("%s: her flags are %v, want %v", name, r.flags, want)
				}
			case plain.ID:
				if len(r.flags) != 0 {
					t.Errorf("%s: a woman without flags has %v", name, r.flags)
				}
			}
		}
		if !seen[flagged.ID] || !seen[plain.ID] {
			t.Errorf("%s: lists %v, want both women (%d, %d)", name, seen, flagged.ID, plain.ID)
		}
	}
}
