package models

import (
	"strings"
	"testing"
)

func TestRiskSummaryCheck(t *testing.T) {
	today := d("2026-11-27")
	valid := func() RiskSummary {
		return RiskSummary{Summary: "Thoughts of self-harm in the past month; no plan.", Level: RiskMedium,
			ReviewedOn: d("2026-11-20"), ReviewDue: d("2026-12-20")}
	}
	for _, tc := range []struct {
		name string
		edit func(*RiskSummary)
		want []FieldID
	}{
		{"complete", func(*RiskSummary) {}, nil},
		{"not rated is a choice", func(r *RiskSummary) { r.Level = RiskNotRated }, nil},
		{"every known level", func(r *RiskSummary) { r.Level = RiskHigh }, nil},
		{"reviewed today", func(r *RiskSummary) { r.ReviewedOn = today }, nil},
		{"blank summary", func(r *RiskSummary) { r.Summary = " \n\t " }, []FieldID{FieldRiskSummary}},
		{"unknown level", func(r *RiskSummary) { r.Level = "severe" }, []FieldID{FieldRiskLevel}},
		{"no review date", func(r *RiskSummary) { r.ReviewedOn = Date{} }, []FieldID{FieldRiskReviewedOn}},
		{"reviewed tomorrow", func(r *RiskSummary) { r.ReviewedOn = d("2026-11-28") }, []FieldID{FieldRiskReviewedOn}},
		{"no next review", func(r *RiskSummary) { r.ReviewDue = Date{} }, []FieldID{FieldRiskReviewDue}},
		{"next review on the review date", func(r *RiskSummary) { r.ReviewDue = r.ReviewedOn }, []FieldID{FieldRiskReviewDue}},
		{"next review the day after", func(r *RiskSummary) { r.ReviewDue = r.ReviewedOn.AddDays(1) }, nil},
		{"everything missing", func(r *RiskSummary) { *r = RiskSummary{} },
			[]FieldID{FieldRiskSummary, FieldRiskReviewedOn, FieldRiskReviewDue}},
	} {
		r := valid()
		tc.edit(&r)
		checkFields(t, tc.name, r.Check(today), tc.want, "")
	}
	r := valid()
	r.Summary = "  Low mood.  \n"
	if err := r.Check(today); err != nil || r.Summary != "Low mood." {
		t.Errorf("summary tidied to %q (%v), want %q", r.Summary, err, "Low mood.")
	}
}

func TestRiskReviewFallingDue(t *testing.T) {
	today := d("2026-11-27")
	for due, want := range map[string]bool{
		"2026-11-01": true, "2026-11-27": true, "2026-12-04": true, "2026-12-05": false,
	} {
		r := RiskSummary{ReviewDue: d(due)}
		if got := r.ReviewFallingDue(today); got != want {
			t.Errorf("review due %s, on 27/11/2026 falling due = %v, want %v", due, got, want)
		}
	}
}

func TestCarePlanCheck(t *testing.T) {
	today := d("2026-11-27")
	valid := func() CarePlan {
		return CarePlan{Goals: "Sleep through most nights.", CrisisPlan: "Ring the duty line.", ReviewDate: d("2027-01-15")}
	}
	for _, tc := range []struct {
		name string
		edit func(*CarePlan)
		want []FieldID
	}{
		{"complete", func(*CarePlan) {}, nil},
		{"review today", func(p *CarePlan) { p.ReviewDate = today }, nil},
		{"no goals", func(p *CarePlan) { p.Goals = "  " }, []FieldID{FieldCarePlanGoals}},
		{"no crisis plan", func(p *CarePlan) { p.CrisisPlan = "\n" }, []FieldID{FieldCarePlanCrisis}},
		{"no review date", func(p *CarePlan) { p.ReviewDate = Date{} }, []FieldID{FieldCarePlanReview}},
		{"review yesterday", func(p *CarePlan) { p.ReviewDate = d("2026-11-26") }, []FieldID{FieldCarePlanReview}},
		{"empty", func(p *CarePlan) { *p = CarePlan{} }, []FieldID{FieldCarePlanGoals, FieldCarePlanCrisis, FieldCarePlanReview}},
	} {
		p := valid()
		tc.edit(&p)
		checkFields(t, tc.name, p.Check(today), tc.want, "")
	}
	p := valid()
	p.RelapseSigns, p.Contingency = " Not eating. ", "\tHer mother stays.\n"
	if err := p.Check(today); err != nil || p.RelapseSigns != "Not eating." || p.Contingency != "Her mother stays." {
		t.Errorf("sections tidied to %q and %q (%v)", p.RelapseSigns, p.Contingency, err)
	}
}

func TestSafeguardingFlagActiveAndLabels(t *testing.T) {
	f := SafeguardingFlag{Kind: SafeguardMARAC, RaisedOn: d("2026-03-01"), EndedOn: d("2026-06-01")}
	for on, want := range map[string]bool{
		"2026-02-28": false, "2026-03-01": true, "2026-05-31": true, "2026-06-01": false,
	} {
		if got := f.Active(d(on)); got != want {
			t.Errorf("flag raised 01/03 and ended 01/06: active on %s = %v", on, got)
		}
	}
	if open := (SafeguardingFlag{RaisedOn: d("2026-03-01")}); !open.Active(d("2036-03-01")) {
		t.Error("a flag never ended stops being active")
	}
	for _, k := range SafeguardingKinds {
		if !k.Valid() || k.Label() == string(k) {
			t.Errorf("%s: valid %v, label %q", k, k.Valid(), k.Label())
		}
	}
	if SafeguardingKind("rumour").Valid() {
		t.Error("an unknown safeguarding flag is valid")
	}
	for _, l := range RiskLevels {
		if l.Label() == string(l) || strings.ToLower(l.Label()) != string(l) {
			t.Errorf("risk level %q has label %q", l, l.Label())
		}
	}
}
