package app

import (
	"errors"
	"slices"
	"testing"

	"perinatal-caseload/models"
)

// eventCount counts the audit events about one kind of entity.
func eventCount(t *testing.T, s *Services, entity, action string) int64 {
	t.Helper()
	var n int64
	if err := s.core.db.Model(&models.AuditEvent{}).Where("entity = ? AND action = ?", entity, action).Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

func TestRiskSummaryIsVersionCheckedAndAudited(t *testing.T) {
	w := newWorkflow(t)
	r := w.onCaseload(nil, w.worker)
	today := models.LondonDate(w.clock.Now())
	risk := w.s.Risk
	if got, err := risk.Summary(w.worker, r.ID); err != nil || got != nil {
		t.Fatalf("before any summary: %v, %v", got, err)
	}
	in := models.RiskSummary{Summary: "Low mood; no thoughts of harm.", Level: models.RiskLow, ReviewedOn: today, ReviewDue: today.AddDays(28)}
	if _, err := risk.SaveSummary(w.admin, r.ID, 0, in); !errors.As(err, new(*PermissionError)) {
		t.Fatalf("an administrator saved a risk summary: %v", err)
	}
	first, err := risk.SaveSummary(w.worker, r.ID, 0, in)
	if err != nil {
		t.Fatal(err)
	}
	if first.Version != 1 || first.ReviewedByID != w.worker.ID {
		t.Fatalf("first summary: %+v", first)
	}
	in.Summary, in.Level = "Thoughts of self-harm this week; safety plan made.", models.RiskHigh
	second, err := risk.SaveSummary(w.doc, r.ID, first.Version, in)
	if err != nil {
		t.Fatal(err)
	}
	if second.Version != 2 || second.ReviewedByID != w.doc.ID {
		t.Fatalf("second summary: %+v", second)
	}
	var conflict *ConflictError
	if _, err := risk.SaveSummary(w.worker, r.ID, first.Version, in); !errors.As(err, &conflict) || conflict.ChangedBy != w.doc.Name {
		t.Fatalf("a stale edit was not refused as a conflict naming who changed it: %v", err)
	}
	if _, err := risk.SaveSummary(w.worker, r.ID, 0, in); !errors.As(err, &conflict) {
		t.Fatalf("a second first summary was not refused as a conflict: %v", err)
	}
	got, err := risk.Summary(w.worker, r.ID)
	if err != nil || got.Summary != in.Summary || got.Level != models.RiskHigh {
		t.Fatalf("stored summary: %+v, %v", got, err)
	}
	if c, u := eventCount(t, w.s, "risk_summary", ActionCreate), eventCount(t, w.s, "risk_summary", ActionUpdate); c != 1 || u != 1 {
		t.Fatalf("audit events: %d created, %d updated; want 1 and 1", c, u)
	}
}

func TestRiskSummaryChecksItsFields(t *testing.T) {
	w := newWorkflow(t)
	r := w.onCaseload(nil, w.worker)
	today := models.LondonDate(w.clock.Now())
	for _, c := range []struct {
		name  string
		in    models.RiskSummary
		field models.FieldID
	}{
		{"no summary", models.RiskSummary{Summary: "  ", ReviewedOn: today, ReviewDue: today.AddDays(7)}, models.FieldRiskSummary},
		{"unknown level", models.RiskSummary{Summary: "x", Level: "extreme", ReviewedOn: today, ReviewDue: today.AddDays(7)}, models.FieldRiskLevel},
		{"reviewed in the future", models.RiskSummary{Summary: "x", ReviewedOn: today.AddDays(1), ReviewDue: today.AddDays(7)}, models.FieldRiskReviewedOn},
		{"no review date", models.RiskSummary{Summary: "x", ReviewDue: today.AddDays(7)}, models.FieldRiskReviewedOn},
		{"next review not after it", models.RiskSummary{Summary: "x", ReviewedOn: today, ReviewDue: today}, models.FieldRiskReviewDue},
		{"no next review", models.RiskSummary{Summary: "x", ReviewedOn: today}, models.FieldRiskReviewDue},
	} {
		_, err := w.s.Risk.SaveSummary(w.worker, r.ID, 0, c.in)
		var fe *models.FieldError
		if !errors.As(err, &fe) || fe.Field != c.field {
			t.Errorf("%s: got %v, want a problem with %s", c.name, err, c.field)
		}
	}
	if n := countRows(t, w.s, "risk_summaries"); n != 0 {
		t.Fatalf("%d summaries saved from bad input", n)
	}
}

// Hazard: HAZ-035.
func TestRiskReviewsFallingDueAreListed(t *testing.T) {
	w := newWorkflow(t)
	today := models.LondonDate(w.clock.Now())
	later := w.onCaseload(nil, w.worker)
	soon := w.onCaseload(nil, w.worker)
	past := w.onCaseload(nil, w.worker)
	save := func(id uint, reviewed models.Date, due models.Date) {
		t.Helper()
		in := models.RiskSummary{Summary: "Reviewed.", ReviewedOn: reviewed, ReviewDue: due}
		if _, err := w.s.Risk.SaveSummary(w.worker, id, 0, in); err != nil {
			t.Fatal(err)
		}
	}
	save(later.ID, today, today.AddDays(models.RiskReviewDueDays+1))
	save(soon.ID, today, today.AddDays(models.RiskReviewDueDays))
	save(past.ID, today.AddDays(-30), today.AddDays(-2))
	rows, err := w.s.Risk.ReviewsDue(w.worker, today, 0)
	if err != nil {
		t.Fatal(err)
	}
	var ids []uint
	for _, row := range rows {
		ids = append(ids, row.ReferralID)
	}
	if !slices.Equal(ids, []uint{past.ID, soon.ID}) {
		t.Fatalf("reviews due: %v, want the overdue one then the one due in 7 days %v", ids, []uint{past.ID, soon.ID})
	}
	if !rows[0].Overdue(today) || rows[1].Overdue(today) || rows[0].KeyWorkerName != w.worker.Name || rows[0].PatientName() == ", " {
		t.Fatalf("rows: %+v", rows)
	}
	// A day later, the third falls due too.
	if rows, _ = w.s.Risk.ReviewsDue(w.worker, today.AddDays(1), 0); len(rows) != 3 {
		t.Fatalf("a day later %d reviews due, want 3", len(rows))
	}
	if rows, _ = w.s.Risk.ReviewsDue(w.worker, today, 1); len(rows) != 1 {
		t.Fatalf("limit 1 gave %d rows", len(rows))
	}
}

func TestSafeguardingFlagsShowWhereverSheIsListed(t *testing.T) {
	w := newWorkflow(t)
	r := w.onCaseload(nil, w.worker)
	today := models.LondonDate(w.clock.Now())
	risk := w.s.Risk
	da, err := risk.RaiseFlag(w.worker, r.ID, models.SafeguardDomesticAbuse, today.AddDays(-3), "Disclosed at home visit.")
	if err != nil {
		t.Fatal(err)
	}
	if da.PatientID != r.PatientID || da.RaisedByID != w.worker.ID {
		t.Fatalf("flag: %+v", da)
	}
	if _, err := risk.RaiseFlag(w.worker, r.ID, models.SafeguardDomesticAbuse, today, ""); err == nil {
		t.Fatal("the same flag was raised twice")
	}
	if _, err := risk.RaiseFlag(w.worker, r.ID, models.SafeguardMARAC, today.AddDays(1), ""); err == nil {
		t.Fatal("a flag was raised in the future")
	}
	if _, err := risk.RaiseFlag(w.worker, r.ID, "bogus", today, ""); err == nil {
		t.Fatal("an unknown flag was raised")
	}
	cp, err := risk.RaiseFlag(w.doc, r.ID, models.SafeguardChildProtection, today, "")
	if err != nil {
		t.Fatal(err)
	}
	alerts, err := risk.Alerts(w.admin, r.ID)
	if err != nil || !slices.Equal(alerts, []string{models.SafeguardChildProtection.Label(), models.SafeguardDomesticAbuse.Label()}) {
		t.Fatalf("alerts: %v, %v", alerts, err)
	}
	row := caseloadRowOf(t, w, r.ID)
	if !row.HasFlag(FlagDomesticAbuse) || !row.HasFlag(FlagChildProtection) || row.HasFlag(FlagUnsafeHome) {
		t.Fatalf("caseload flags: %v", row.Flags)
	}
	only, err := w.s.Caseload.Caseload(w.worker, CaseloadFilter{Flag: FlagDomesticAbuse})
	if err != nil || len(only) != 1 {
		t.Fatalf("filtered by domestic abuse: %d rows, %v", len(only), err)
	}

	// Ending a flag keeps it, ended, and it no longer shows.
	if err := risk.EndFlag(w.worker, cp.ID, cp.Version, cp.RaisedOn.AddDays(-1)); err == nil {
		t.Fatal("a flag ended before it was raised")
	}
	if err := risk.EndFlag(w.worker, cp.ID, cp.Version, today); err != nil {
		t.Fatal(err)
	}
	var conflict *ConflictError
	if err := risk.EndFlag(w.worker, cp.ID, cp.Version, today); !errors.As(err, &conflict) {
		t.Fatalf("a stale end was not a conflict: %v", err)
	}
	flags, err := risk.Flags(w.worker, r.ID)
	if err != nil || len(flags) != 2 || flags[0].Kind != models.SafeguardDomesticAbuse || flags[1].EndedByID == nil || *flags[1].EndedByID != w.worker.ID {
		t.Fatalf("flags after ending one: %+v, %v", flags, err)
	}
	if row := caseloadRowOf(t, w, r.ID); row.HasFlag(FlagChildProtection) {
		t.Fatalf("an ended flag still shows: %v", row.Flags)
	}

	// Unsafe to write home is her communication need, shown beside them.
	p := w.referral(r.ID).Patient
	needs := p.CommunicationNeeds
	needs.UnsafeToWriteHome = true
	if err := w.s.Referrals.UpdateNeeds(w.admin, p.ID, p.Version, p.NameForLetters, needs); err != nil {
		t.Fatal(err)
	}
	if row := caseloadRowOf(t, w, r.ID); !row.HasFlag(FlagUnsafeHome) {
		t.Fatalf("unsafe to write home does not show: %v", row.Flags)
	}
	if alerts, _ := risk.Alerts(w.admin, r.ID); !slices.Contains(alerts, models.UnsafeToWriteHomeLabel) {
		t.Fatalf("alerts: %v", alerts)
	}
	if c, u := eventCount(t, w.s, "safeguarding_flag", ActionCreate), eventCount(t, w.s, "safeguarding_flag", ActionUpdate); c != 2 || u != 1 {
		t.Fatalf("audit events: %d raised, %d ended; want 2 and 1", c, u)
	}
	if FlagMARAC.Label() != models.SafeguardMARAC.Label() || FlagUnsafeHome.Label() != models.UnsafeToWriteHomeLabel {
		t.Fatal("safeguarding flags are not named in words")
	}
}

// caseloadRowOf returns the caseload row of referral id, failing the test
// if it is not on the team's caseload.
func caseloadRowOf(t *testing.T, w *workflow, id uint) CaseloadRow {
	t.Helper()
	rows, err := w.s.Caseload.Caseload(w.manager, CaseloadFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows {
		if row.ReferralID == id {
			return row
		}
	}
	t.Fatalf("referral %d is not on the caseload", id)
	return CaseloadRow{}
}
