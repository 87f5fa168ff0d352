package app_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

// TestMHSDSExtractRowCounts checks each table's rows for November 2026
// against the fixture, counted by hand. Referrals received: 7, 8, 9.
// Contacts: C8, C9, C10, C14, C15, C16, C17 (C3 is 23:30 GMT on 31 October;
// C18 is in December). Measures: EPDS of 1 and 12, PHQ-9 of 2, CORE-10 of
// 6 twice, GBO of 7 twice = 7, of which 3 were taken on the day of an
// attended contact (MHS607): 12's EPDS on 15/11 (C14), 6's CORE-10 on 05/11
// (C8) and 7's GBO on 09/11 (C10); the other 4 are MHS606. Women: 1, 2, 6,
// 7, 8, 9, 12.
func TestMHSDSExtractRowCounts(t *testing.T) {
	f := newReportsFixture(t)
	x, err := f.e.Services.Reports.MHSDS(f.manager, models.Month{Year: 2026, Month: time.November})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"MHS001MPI": 7, "MHS101Referral": 3, "MHS102ServiceTypeReferredTo": 3, "MHS201CareContact": 7,
		"MHS606CodedScoreAssessmentRefer": 4, "MHS607CodedScoreAssessmentAct": 3}
	var names []string
	for _, tb := range x.Tables {
		names = append(names, tb.Name)
		if len(tb.Rows) != want[tb.Name] {
			t.Errorf("%s: %d rows, want %d", tb.Name, len(tb.Rows), want[tb.Name])
		}
	}
	if !slices.Equal(names, []string{"MHS001MPI", "MHS101Referral", "MHS102ServiceTypeReferredTo", "MHS201CareContact",
		"MHS606CodedScoreAssessmentRefer", "MHS607CodedScoreAssessmentAct"}) {
		t.Errorf("tables = %v", names)
	}
	refs := column(t, x.Table("MHS101Referral"), "ServiceRequestId")
	if !slices.Equal(refs, []string{models.ReferralReference(f.ref[7].ID), models.ReferralReference(f.ref[8].ID), models.ReferralReference(f.ref[9].ID)}) {
		t.Errorf("referrals = %v", refs)
	}
	if dates := column(t, x.Table("MHS201CareContact"), "CareContDate"); dates[len(dates)-1] != "2026-11-30" {
		t.Errorf("the last contact is 23:30 GMT on 30 November: %v", dates)
	}
	files := x.Files()
	if len(files) != 7 || !strings.HasPrefix(string(files["MHS101Referral.csv"]), "\ufeffServiceRequestId,LocalPatientId,ReferralRequestReceivedDate") {
		t.Errorf("files: %d", len(files))
	}
	var events int64
	f.e.DB.Model(&models.AuditEvent{}).Where("entity = ? AND action = ? AND detail = ?", "mhsds", app.ActionExport, "MHSDS extract 2026-11").Count(&events)
	if events != 1 {
		t.Errorf("audit events = %d", events)
	}
	if _, err := f.e.Services.Reports.MHSDS(f.kw1, models.Month{Year: 2026, Month: time.November}); !errors.As(err, new(*app.PermissionError)) {
		t.Errorf("a key worker made the extract: %v", err)
	}
}

// TestMHSDSExtractCodesAndValidation checks every code written for
// October and September 2026 is in range, and that the validation report
// lists woman 5's missing NHS number by her local identifier.
func TestMHSDSExtractCodesAndValidation(t *testing.T) {
	f := newReportsFixture(t)
	inRange := map[string][]string{
		"SourceOfReferralMH":   models.MHSDSSourceCodes,
		"ClinRespPriorityType": {"1", "2", "3", "4"},
		"ServTeamTypeRefToMH":  {"C02"},
		"ConsMechanismMH":      {"01", "02", "04", "11", "98"},
		"AttendStatus":         {"0", "2", "3", "4", "5", "6", "7"},
		"DemoRecord":           {"N"},
	}
	for _, m := range []time.Month{time.September, time.October} {
		x, err := f.e.Services.Reports.MHSDS(f.manager, models.Month{Year: 2026, Month: m})
		if err != nil {
			t.Fatal(err)
		}
		for _, tb := range x.Tables {
			for field, codes := range inRange {
				if !slices.Contains(tb.Columns, field) {
					continue
				}
				for _, v := range column(t, &tb, field) {
					if !slices.Contains(codes, v) {
						t.Errorf("%s %s.%s = %q, not a code", m, tb.Name, field, v)
					}
				}
			}
		}
		if m == time.September {
			// C13 (00:30 BST on 1 September) is September's; C19 (23:30 BST on 31 August) is not.
			if got := column(t, x.Table("MHS201CareContact"), "CareContDate"); got[0] != "2026-09-01" || len(got) != 3 {
				t.Errorf("September contacts = %v", got)
			}
			continue
		}
		// October: referrals 4 (received 00:30 BST on 1 October), 5 and 6.
		if n := len(x.Table("MHS101Referral").Rows); n != 3 {
			t.Errorf("October referrals = %d, want 3", n)
		}
		want := app.MHSDSProblem{Table: "MHS001MPI", Record: fmt.Sprintf("P%06d", f.ref[5].PatientID), Field: "NHSNumber", Problem: "missing: it is mandatory"}
		if !slices.Contains(x.Problems, want) {
			t.Errorf("validation lacks %+v: %+v", want, x.Problems)
		}
		for _, p := range x.Problems {
			if strings.Contains(p.Record+p.Problem, "Woman") {
				t.Errorf("a problem names her: %+v", p)
			}
		}
	}
}

// TestMHSDSScoresAtContacts checks which scores of November 2026 are
// MHS607 care-activity scores, each linked to the contact of its day (and
// so to that contact's MHS201 row), and which stay MHS606 referral scores:
// a score on a day with only a missed or cancelled contact, or with none,
// is the referral's. Codes are the SNOMED CT codes of the measures.
// Hazard: HAZ-040.
func TestMHSDSScoresAtContacts(t *testing.T) {
	f := newReportsFixture(t)
	x, err := f.e.Services.Reports.MHSDS(f.manager, models.Month{Year: 2026, Month: time.November})
	if err != nil {
		t.Fatal(err)
	}
	act, ref := x.Table("MHS607CodedScoreAssessmentAct"), x.Table("MHS606CodedScoreAssessmentRefer")
	contactID := func(label string) string { return fmt.Sprintf("C%08d", f.contact[label].ID) }
	// In order of the day taken: 6's CORE-10 (C8), 7's GBO (C10), 12's EPDS (C14).
	if got, want := column(t, act, "CareContactId"), []string{contactID("C8"), contactID("C10"), contactID("C14")}; !slices.Equal(got, want) {
		t.Errorf("MHS607 contacts = %v, want %v", got, want)
	}
	contacts := column(t, x.Table("MHS201CareContact"), "CareContactId")
	for i, id := range column(t, act, "CareContactId") {
		if !slices.Contains(contacts, id) {
			t.Errorf("MHS607 row %d links to %s, not an MHS201 row", i, id)
		}
		if act.Rows[i][slices.Index(act.Columns, "CareActId")] != "A"+id[1:] {
			t.Errorf("MHS607 row %d: CareActId %v", i, act.Rows[i])
		}
	}
	if got, want := column(t, act, "LocalMeasureName"), []string{"CORE-10", "GBO", "EPDS"}; !slices.Equal(got, want) {
		t.Errorf("MHS607 measures = %v, want %v", got, want)
	}
	if got, want := column(t, act, "PersScore"), []string{"16", "3", "15"}; !slices.Equal(got, want) {
		t.Errorf("MHS607 scores = %v, want %v", got, want)
	}
	// PHQ-9 of 2 (01/11), CORE-10 of 6 (19/11), EPDS of 1 (20/11), GBO of 7 (25/11).
	if got, want := column(t, ref, "AssToolCompDate"), []string{"2026-11-01", "2026-11-19", "2026-11-20", "2026-11-25"}; !slices.Equal(got, want) {
		t.Errorf("MHS606 dates = %v, want %v", got, want)
	}
	for _, tb := range []*app.MHSDSTable{act, ref} {
		for i, m := range column(t, tb, "LocalMeasureName") {
			if code := tb.Rows[i][slices.Index(tb.Columns, "CodedAssToolType")]; code != models.MHSDSAssessmentToolCode(m) {
				t.Errorf("%s %s: code %q", tb.Name, m, code)
			}
		}
	}
	// October: 6's CORE-10 (22/10, C7 by telephone) and 5's GAD-7 (30/10,
	// C6) are at contacts; 1's EPDS of 5 October is on the day of C2,
	// which she did not attend, so it is the referral's.
	oct, err := f.e.Services.Reports.MHSDS(f.manager, models.Month{Year: 2026, Month: time.October})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := column(t, oct.Table("MHS607CodedScoreAssessmentAct"), "CareContactId"), []string{contactID("C7"), contactID("C6")}; !slices.Equal(got, want) {
		t.Errorf("October MHS607 contacts = %v, want %v", got, want)
	}
	if got := column(t, oct.Table("MHS606CodedScoreAssessmentRefer"), "AssToolCompDate"); !slices.Equal(got, []string{"2026-10-05"}) {
		t.Errorf("October MHS606 dates = %v", got)
	}
}

// column returns the values of the column called name.
func column(t *testing.T, tb *app.MHSDSTable, name string) []string {
	t.Helper()
	i := slices.Index(tb.Columns, name)
	if i < 0 {
		t.Fatalf("%s has no column %s", tb.Name, name)
	}
	var out []string
	for _, r := range tb.Rows {
		out = append(out, r[i])
	}
	return out
}
