package app

import (
	"strings"
	"testing"
	"time"

	"perinatal-caseload/models"
)

// Closing ends joint working still running on the closing date (audited),
// and the closure letter goes to those involved then: not to a ward that
// discharged her months before, nor to a team that came in after.
//
// Hazard: HAZ-008.
func TestClosingEndsJointWorkingAndCopiesThoseInvolvedAtClosure(t *testing.T) {
	w := newWorkflow(t)
	r := w.onCaseload(nil, w.worker)
	today := models.LondonDate(w.clock.Now())
	ward := &models.JointWorking{ReferralID: r.ID, Service: models.JointInpatientWard, Team: "Bradgate Unit, Ward 3", ContactName: "Ward 3 nurse in charge",
		Address: "Groby Road\nLeicester LE3 9EJ", StartDate: today.AddDays(-120), EndDate: today.AddDays(-90)}
	cmht := &models.JointWorking{ReferralID: r.ID, Service: models.JointCMHT, Team: "City East CMHT", ContactName: "Dr Ama Mensah",
		Address: "1 Sample Road\nLeicester LE5 0AA", StartDate: today.AddDays(-30)}
	for _, j := range []*models.JointWorking{ward, cmht} {
		if err := w.s.JointWorking.Add(w.worker, j); err != nil {
			t.Fatal(err)
		}
	}
	closure := Closure{Reason: models.ClosureTreatmentComplete, ClosureDetails: models.ClosureDetails{
		WhatHelped: "Fortnightly visits and the sleep plan.", WarningSigns: "Several bad nights in a row.", TransferredTo: "ignored for this reason",
	}}
	if err := w.s.Referrals.Discharge(w.worker, r.ID, w.referral(r.ID).Version, Closure{Reason: models.ClosureDischargedWithAdvice}); !hasField(err, "Reason") {
		t.Errorf("closing as discharged with advice = %v; want it refused, it is an assessment outcome", err)
	}
	if err := w.s.Referrals.Discharge(w.worker, r.ID, w.referral(r.ID).Version, closure); err != nil {
		t.Fatal(err)
	}
	closed := w.referral(r.ID)
	if closed.ClosedByID == nil || *closed.ClosedByID != w.worker.ID || closed.WhatHelped != "Fortnightly visits and the sleep plan." || closed.TransferredTo != "" {
		t.Errorf("closure kept: by %v, details %+v", closed.ClosedByID, closed.ClosureDetails)
	}
	joint, _ := w.s.JointWorking.ForReferral(w.manager, r.ID)
	for _, j := range joint {
		switch j.ID {
		case cmht.ID:
			if j.EndDate != today {
				t.Errorf("the CMHT's joint working ends %v; want the closing date %v", j.EndDate, today)
			}
		case ward.ID:
			if j.EndDate != today.AddDays(-90) {
				t.Errorf("the ward's joint working, ended before, now ends %v", j.EndDate)
			}
		}
	}
	var audited int64
	w.s.core.db.Table("audit_events").Where("entity = ? AND entity_id = ? AND detail = ?", "joint_working", cmht.ID, "ended: referral closed: treatment complete").Count(&audited)
	if audited != 1 {
		t.Error("the end of the joint working was not audited")
	}

	// Weeks later someone records a ward that took her on after she
	// closed; the closure letter still goes to those of the closing date.
	w.clock.Advance(21 * 24 * time.Hour)
	later := &models.JointWorking{ReferralID: r.ID, Service: models.JointInpatientWard, Team: "Later Ward", ContactName: "Later Ward nurse",
		Address: "2 Sample Road\nLeicester LE1 1AA", StartDate: today.AddDays(10)}
	if err := w.s.JointWorking.Add(w.worker, later); err != nil {
		t.Fatal(err)
	}
	pack, err := w.s.Letters.BuildPack(w.admin, r.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	var to []string
	for _, p := range pack {
		to = append(to, p.Letter.Recipient.Name)
	}
	got := strings.Join(to, "; ")
	if !strings.Contains(got, "Dr Ama Mensah") || strings.Contains(got, "Ward 3") || strings.Contains(got, "Later Ward") {
		t.Errorf("the closure letter goes to %s; want the CMHT, involved at closure, and not the ward", got)
	}
	body := pack[0].Letter.Body
	for _, want := range []string{"# What helped", "Fortnightly visits and the sleep plan.", "Several bad nights in a row.", "# Coming back to us", "You and Test worker have agreed"} {
		if pack[0].Letter.Kind != models.LetterClosureTreatmentComplete || !strings.Contains(body, want) {
			t.Errorf("the %s letter lacks %q:\n%s", pack[0].Letter.Kind, want, body)
		}
	}
	if strings.Contains(body, "we do not think you need support") {
		t.Error("the treatment-complete letter uses the discharge wording")
	}
	if pack[0].Letter.Author.Name != "Test worker" {
		t.Errorf("the closure letter is signed by %q; want who closed the referral", pack[0].Letter.Author.Name)
	}
}

// Each closure reason has its own letter, which the pack chooses by itself;
// moved away and transferred name the team now caring for her, and need it.
func TestEachClosureReasonHasItsOwnLetter(t *testing.T) {
	w := newWorkflow(t)
	team := "Nottingham Perinatal Mental Health Team\nSample House, Sample Road\nNottingham NG1 1AA"
	want := map[models.ClosureReason][]string{
		models.ClosureTreatmentComplete:    {"can now come to an end", "Signs to look out for"},
		models.ClosureEndOfPerinatalPeriod: {"That time has now come to an end for you", "Who can help you now"},
		models.ClosureMovedAway:            {"You have moved to a new area", "Nottingham Perinatal Mental Health Team"},
		models.ClosureDeclinedContact:      {"you do not want any more contact", "If you change your mind"},
		models.ClosureDidNotAttend:         {"We have not been able to meet you", "If you would like our help"},
		models.ClosureTransferred:          {"Your care is moving", "Sample House, Sample Road"},
	}
	for _, reason := range models.ClosureReasons[:6] {
		r := w.onCaseload(nil, w.worker)
		if reason.NeedsTransferTeam() {
			if err := w.s.Referrals.Close(w.worker, r.ID, w.referral(r.ID).Version, reason); !hasField(err, "Transferred to") {
				t.Errorf("%s without the new team = %v", reason, err)
			}
		}
		if err := w.s.Referrals.Discharge(w.worker, r.ID, w.referral(r.ID).Version, Closure{Reason: reason, ClosureDetails: models.ClosureDetails{TransferredTo: team}}); err != nil {
			t.Fatalf("%s: %v", reason, err)
		}
		kind := closureLetter[reason]
		pack, err := w.s.Letters.BuildPack(w.admin, r.ID, "")
		if err != nil || pack[0].Letter.Kind != kind {
			t.Fatalf("%s: pack %v, %v; want the %s letter", reason, len(pack), err, kind)
		}
		for _, text := range want[reason] {
			if !strings.Contains(pack[0].Letter.Body, text) {
				t.Errorf("the %s letter lacks %q:\n%s", kind, text, pack[0].Letter.Body)
			}
		}
		if _, err := w.s.Letters.BuildPack(w.admin, r.ID, models.LetterOutcomeDischarge); err == nil {
			t.Errorf("%s: the discharge-with-advice letter was built", reason)
		}
		issued, err := w.s.Letters.IssuePack(w.admin, r.ID, kind)
		if err != nil || len(issued) == 0 {
			t.Fatalf("%s: %v", kind, err)
		}
		if text := pdfText(t, issued[0].PDF); !strings.Contains(flatText(text), strings.Fields(want[reason][0])[0]) {
			t.Errorf("the issued %s letter reads:\n%s", kind, text)
		}
	}
}

// The discharge-with-advice letter follows only an assessment that found no
// need, and tells what the clinician wrote.
func TestDischargeWithAdviceLetterFollowsTheAssessment(t *testing.T) {
	w := newWorkflow(t)
	r := w.accept(nil)
	a := w.book(r.ID, models.KindInitialAssessment, w.clock.Now().Add(-time.Hour), w.doc)
	if err := w.s.Appointments.RecordAttendance(w.admin, a.ID, a.Version, models.AttendOnTime, "", ""); err != nil {
		t.Fatal(err)
	}
	rec := AssessmentRecord{Outcome: models.OutcomeDischarged, Clinical: models.ClinicalContent{Summary: "Your low mood is lifting with the support you have."}}
	if err := w.s.Referrals.RecordAssessment(w.doc, r.ID, w.referral(r.ID).Version, rec); err != nil {
		t.Fatal(err)
	}
	got := w.referral(r.ID)
	if got.ClosureReason != string(models.ClosureDischargedWithAdvice) || got.ClosedByID == nil || *got.ClosedByID != w.doc.ID {
		t.Errorf("closed as %q by %v", got.ClosureReason, got.ClosedByID)
	}
	pack, err := w.s.Letters.BuildPack(w.admin, r.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	if l := pack[0].Letter; l.Kind != models.LetterOutcomeDischarge || !strings.Contains(l.Body, "Your low mood is lifting") || strings.Contains(l.Body, "Accepted in a test.") {
		t.Errorf("the %s letter reads:\n%s", l.Kind, l.Body)
	}
}

// A decline gives her the reason in plain words and only the services
// screening chose for her: a woman from outside the area is sent to the
// team where she lives, never to the local talking-therapies service.
//
// Hazard: HAZ-019.
func TestDeclineLetterSignpostsOnlyWhatScreeningChose(t *testing.T) {
	w := newWorkflow(t)
	r := sampleReferral(testNHSNumber(3))
	r.LivesInArea = false
	r.Patient.Postcode = "NG1 1AA"
	register(t, w.s, w.admin, r)
	rec, _ := StoredRecommendation(r)
	if !rec.HasSignpost(models.SignpostLocalPerinatalService) || rec.HasSignpost(models.SignpostVitaMinds) {
		t.Fatalf("screening of an out-of-area woman signposts %v", rec.Signpost)
	}
	if err := w.s.Referrals.Decide(w.doc, r.ID, r.Version, Decision{Outcome: rec.Decision, Priority: rec.Priority}); err != nil {
		t.Fatal(err)
	}
	pack, err := w.s.Letters.BuildPack(w.admin, r.ID, models.LetterNotAccepted)
	if err != nil {
		t.Fatal(err)
	}
	hers := pack[0].Letter.Body
	for _, want := range []string{"Our team can only care for women who live in Leicester, Leicestershire or Rutland", "**The perinatal mental health team where you live**"} {
		if !strings.Contains(hers, want) {
			t.Errorf("her letter lacks %q:\n%s", want, hers)
		}
	}
	for _, never := range []string{"VitaMinds", "talking therapies", "where she lives", "Perinatal mental health service where"} {
		if strings.Contains(hers, never) {
			t.Errorf("her letter says %q:\n%s", never, hers)
		}
	}
	toReferrer, err := w.s.Letters.BuildPack(w.admin, r.ID, models.LetterAssessmentNotNeeded)
	if err != nil {
		t.Fatal(err)
	}
	if body := toReferrer[0].Letter.Body; !strings.Contains(body, "perinatal mental health team for the area where she lives") || strings.Contains(body, "VitaMinds") {
		t.Errorf("the referrer's letter reads:\n%s", body)
	}
}

// closureLetter is the letter each closure reason calls for.
var closureLetter = map[models.ClosureReason]models.LetterKind{
	models.ClosureTreatmentComplete:    models.LetterClosureTreatmentComplete,
	models.ClosureEndOfPerinatalPeriod: models.LetterClosurePerinatalEnd,
	models.ClosureMovedAway:            models.LetterClosureMovedAway,
	models.ClosureDeclinedContact:      models.LetterClosureDeclinedContact,
	models.ClosureDidNotAttend:         models.LetterClosureDidNotAttend,
	models.ClosureTransferred:          models.LetterClosureTransferred,
}
