package demo

import (
	"fmt"
	"time"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

var acceptPath = map[models.Status]bool{
	models.StatusAccepted: true, models.StatusAssessmentBooked: true, models.StatusMedicalReview: true,
	models.StatusCaseload: true, models.StatusClosed: true,
}

// scenario builds a referral whose clinical story fits the status it is headed for.
func (g *generator) scenario(target models.Status, received time.Time) *models.Referral {
	day := models.LondonDate(received)
	town, pc := g.postcode()
	nhs := g.nextNHSNumber()
	formID := fmt.Sprintf("demo-%d-%s", g.rng.Uint32(), nhs)
	r := &models.Referral{
		FormID:     &formID,
		ReceivedAt: received,
		Patient: models.Patient{
			NHSNumber: &nhs, GivenName: g.pick(givenNames), FamilyName: g.pick(familyNames),
			DateOfBirth:  day.AddMonths(-12*(19+g.rng.IntN(24)) - g.rng.IntN(12)).AddDays(-g.rng.IntN(28)),
			AddressLines: fmt.Sprintf("%d %s\n%s", 1+g.rng.IntN(240), g.pick(streets), town), Postcode: pc,
			Phone: fmt.Sprintf("07700 900%03d", g.rng.IntN(1000)), GPPractice: g.pick(practices), Demo: true,
			CommunicationNeeds: demoNeeds(g.nhsSeq),
		},
		ConsentObtained: true, RegisteredWithGP: true, LivesInArea: true, Demo: true,
	}
	if acceptPath[target] && len(g.patients) > 20 && g.rng.IntN(20) == 0 {
		// A re-referral of a woman known to the service, who has since moved.
		known := g.patients[g.rng.IntN(len(g.patients))]
		known.AddressLines, known.Postcode = r.Patient.AddressLines, r.Patient.Postcode
		r.Patient = known
	} else {
		g.patients = append(g.patients, r.Patient)
	}
	roles := []models.ProfessionalRole{models.ProfGP, models.ProfGP, models.ProfMidwife, models.ProfHealthVisitor, models.ProfObstetrician, models.ProfPsychiatrist, models.ProfCMHT, models.ProfOther}
	r.Referrer = g.referrer(roles[g.rng.IntN(len(roles))])
	if g.rng.IntN(3) == 0 {
		r.CopyRecipients = []models.CopyRecipient{{Professional: g.referrer(models.ProfHealthVisitor)}}
	}
	g.stage(r, day, 0, 9)
	no := false
	r.ManageableInPrimaryCare = &no
	switch {
	case target == models.StatusDiscuss:
		g.stage(r, day, 10, 12) // 9 to 12 months after birth: the team decides
		r.Stage = models.StagePostnatal
		r.Severity = models.SeveritySevere
		r.Conditions = []models.Condition{{Code: "severe_depression", Status: models.ConditionCurrent}}
		r.ReasonForReferral = "Severe low mood ten months after the birth of her baby (demo)."
	case target == models.StatusNotAccepted:
		g.notAccepted(r)
	case acceptPath[target] || target == models.StatusReceived:
		g.accepted(r)
	}
	return r
}

// stage sets pregnancy, or a baby between minMonths and maxMonths old.
func (g *generator) stage(r *models.Referral, day models.Date, minMonths, maxMonths int) {
	if minMonths == 0 && g.rng.IntN(2) == 0 {
		r.Stage = models.StagePregnant
		r.ExpectedDeliveryDate = day.AddDays(7 * (4 + g.rng.IntN(30)))
		return
	}
	r.Stage = models.StagePostnatal
	r.BabyDateOfBirth = day.AddMonths(-(minMonths + g.rng.IntN(maxMonths-minMonths))).AddDays(-g.rng.IntN(20))
}

func (g *generator) accepted(r *models.Referral) {
	r.Severity = models.SeveritySevere
	switch g.rng.IntN(7) {
	case 0:
		r.Conditions = []models.Condition{{Code: "bipolar_disorder", Status: models.ConditionCurrent, Primary: true}}
		r.Medications = []models.Medication{{Name: "Lithium carbonate", Class: "mood_stabiliser", Dose: "400mg at night"}}
		r.MedicationAdviceRequested = true
		r.ReasonForReferral = "Bipolar affective disorder, stable on lithium; advice needed on medication in pregnancy (demo)."
	case 1:
		r.Conditions = []models.Condition{{Code: "postpartum_psychosis", Status: models.ConditionPrevious}}
		r.ReasonForReferral = "Postpartum psychosis after her first baby; currently well (demo)."
	case 2:
		r.Conditions = []models.Condition{{Code: "severe_depression", Status: models.ConditionCurrent, Primary: true}}
		r.SevereImpactOnFunctioning = true
		r.ReasonForReferral = "Severe depression with thoughts of hopelessness; struggling to care for the baby (demo)."
	case 3:
		r.Conditions = []models.Condition{{Code: "ptsd", Status: models.ConditionCurrent, Primary: true}}
		r.Severity = models.SeverityModerate
		r.CurrentServices = models.CurrentServices{CMHTOpen: true, CMHTTeam: "City East CMHT (demo)", CareCoordinator: "Paul Newman"}
		r.ReasonForReferral = "PTSD after a traumatic birth, not improving with primary care support; open to CMHT (demo)."
	case 4:
		r.Conditions = []models.Condition{{Code: "schizophrenia", Status: models.ConditionCurrent, Primary: true}}
		r.Medications = []models.Medication{{Name: "Aripiprazole", Class: "antipsychotic", Dose: "10mg"}}
		if g.rng.IntN(2) == 0 {
			r.CurrentServices = models.CurrentServices{PsychiatricInpatient: true, Ward: "Bradgate Unit, Ward 3 (demo)"}
		} else {
			r.CurrentServices = models.CurrentServices{CMHTOpen: true, CMHTTeam: "County South CMHT (demo)", CareCoordinator: "Rita Sandhu"}
		}
		r.ReasonForReferral = "Schizophrenia; antipsychotic review needed in pregnancy (demo)."
	case 5:
		r.Conditions = []models.Condition{{Code: "ocd", Status: models.ConditionCurrent, Primary: true}}
		r.FamilyHistory = []string{"postpartum_psychosis"}
		r.ReasonForReferral = "Severe OCD with intrusive thoughts about the baby; mother had postpartum psychosis (demo)."
	default:
		r.Conditions = []models.Condition{{Code: "psychotic_depression", Status: models.ConditionPrevious}}
		r.CurrentServices = models.CurrentServices{MBUAdmission: true, MBUExpectedDischarge: models.DateOf(r.ReceivedAt).AddDays(21)}
		if r.Stage != models.StagePostnatal {
			r.Stage, r.ExpectedDeliveryDate = models.StagePostnatal, models.Date{}
			r.BabyDateOfBirth = models.DateOf(r.ReceivedAt).AddDays(-40)
		}
		r.ReasonForReferral = "Admitted to the mother and baby unit with psychotic depression; follow-up on discharge (demo)."
	}
}

func (g *generator) notAccepted(r *models.Referral) {
	yes := true
	switch g.rng.IntN(5) {
	case 0:
		r.Severity = models.SeverityMild
		r.ManageableInPrimaryCare = &yes
		r.Conditions = []models.Condition{{Code: "anxiety", Status: models.ConditionCurrent}}
		r.ReasonForReferral = "Mild anxiety since the birth (demo)."
	case 1:
		r.ConsentObtained = false
		r.Severity = models.SeverityModerate
		r.Conditions = []models.Condition{{Code: "depression", Status: models.ConditionCurrent}}
		r.ReasonForReferral = "Low mood; she has not agreed to the referral (demo)."
	case 2:
		r.Referrer = g.referrer(models.ProfSelf)
		r.Severity = models.SeverityModerate
		r.Conditions = []models.Condition{{Code: "anxiety", Status: models.ConditionCurrent}}
		r.ReasonForReferral = "Asked to be seen by the team (demo)."
	case 3:
		r.Severity = models.SeverityModerate
		r.Conditions = []models.Condition{{Code: "substance_misuse", Status: models.ConditionCurrent, Primary: true}}
		r.ReasonForReferral = "Alcohol misuse in pregnancy (demo)."
	default:
		r.LivesInArea = false
		r.Patient.Postcode = "NN1 1AA"
		r.Severity = models.SeveritySevere
		r.Conditions = []models.Condition{{Code: "severe_depression", Status: models.ConditionCurrent}}
		r.ReasonForReferral = "Severe depression; lives in Northamptonshire (demo)."
	}
}

// walk moves a registered referral along the pathway to target, with each
// step timed as it would have happened, never later than now.
func (g *generator) walk(tx *app.Services, r *models.Referral, target models.Status, received time.Time) error {
	if target == models.StatusReceived {
		return nil
	}
	clock := app.NewManualClock(received)
	at := func(d time.Duration) { clock.Set(minTime(received.Add(d), g.now)) }
	svc := tx.WithClock(clock)
	rec, err := app.StoredRecommendation(r)
	if err != nil {
		return err
	}
	at(26 * time.Hour)
	d := app.Decision{Outcome: models.DecisionAccept, Priority: rec.Priority}
	switch target {
	case models.StatusDiscuss:
		d.Outcome = models.DecisionDiscuss
	case models.StatusNotAccepted:
		d.Outcome = rec.Decision
		if d.Outcome != models.DecisionSignpost && d.Outcome != models.DecisionDecline {
			d.Outcome = models.DecisionDecline
		}
	}
	if d.Outcome != rec.Decision {
		d.Reason = "Discussed at the team meeting (demo)."
	}
	// The team's clinicians make the decisions and record the outcomes, so
	// the demo letters are signed by them.
	if err := svc.Referrals.Decide(g.decider(r), r.ID, r.Version, d); err != nil {
		return err
	}
	if !acceptPath[target] || target == models.StatusAccepted {
		return nil
	}
	clinician := g.clinician[g.rng.IntN(len(g.clinician))]
	modes := []models.Mode{models.ModeVideo, models.ModeVideo, models.ModeVideo, models.ModeTelephone, models.ModeFaceToFace, models.ModeHomeVisit}
	assessAt := g.slot(received.Add(time.Duration(5+g.rng.IntN(8)) * 24 * time.Hour))
	if target == models.StatusAssessmentBooked {
		assessAt = g.slot(g.now.Add(time.Duration(1+g.rng.IntN(10)) * 24 * time.Hour))
	}
	a := &models.Appointment{ReferralID: r.ID, Kind: models.KindInitialAssessment, Mode: modes[g.rng.IntN(len(modes))], StartsAt: assessAt, DurationMinutes: 60, ClinicianID: clinician.ID, Demo: true}
	at(48 * time.Hour)
	if err := svc.Appointments.Book(g.actor, a, true); err != nil {
		return err
	}
	if target == models.StatusAssessmentBooked || assessAt.After(g.now) {
		return nil // her assessment is still to come: nothing can be recorded of it yet
	}
	clock.Set(minTime(assessAt.Add(time.Hour), g.now))
	code := models.AttendOnTime
	if g.rng.IntN(6) == 0 {
		code = models.AttendLateSeen
	}
	if err := svc.Appointments.RecordAttendance(g.actor, a.ID, a.Version, code, "", ""); err != nil {
		return err
	}
	v := r.Version + 2 // decided, then assessment booked
	switch {
	case target == models.StatusMedicalReview:
		if err := svc.Referrals.RecordOutcome(&clinician, r.ID, v, models.OutcomeMedicalReview, "(demo)"); err != nil {
			return err
		}
		review := &models.Appointment{ReferralID: r.ID, Kind: models.KindMedicalReview, Mode: models.ModeFaceToFace, StartsAt: g.slot(assessAt.Add(14 * 24 * time.Hour)), DurationMinutes: 45, ClinicianID: clinician.ID, Demo: true}
		return svc.Appointments.Book(g.actor, review, true)
	case target == models.StatusClosed && g.rng.IntN(3) == 0:
		return svc.Referrals.RecordOutcome(&clinician, r.ID, v, models.OutcomeDischarged, "(demo)")
	}
	if err := svc.Referrals.RecordOutcome(&clinician, r.ID, v, models.OutcomeCaseload, "(demo)"); err != nil {
		return err
	}
	v++
	return g.caseload(svc, clock, r, v, assessAt, target)
}

// caseload allocates a key worker, adds contacts and joint working, and
// closes the referral if that is where it is headed.
func (g *generator) caseload(svc *app.Services, clock *app.ManualClock, r *models.Referral, v int, assessAt time.Time, target models.Status) error {
	clock.Set(minTime(assessAt.Add(24*time.Hour), g.now))
	worker := g.workers[g.rng.IntN(len(g.workers))]
	if _, err := svc.Allocations.Allocate(g.actor, r.ID, worker.ID, "Allocated after the initial assessment (demo).", true); err != nil {
		return err
	}
	if g.rng.IntN(5) == 0 {
		next := g.workers[(g.rng.IntN(len(g.workers)-1)+1+indexOf(g.workers, worker.ID))%len(g.workers)]
		clock.Set(minTime(assessAt.Add(20*24*time.Hour), g.now))
		if _, err := svc.Allocations.Allocate(g.actor, r.ID, next.ID, "Reallocated to balance caseloads (demo).", true); err != nil {
			return err
		}
		worker = next
	}
	if err := g.jointWorking(svc, r, models.DateOf(assessAt)); err != nil {
		return err
	}
	codes := []models.Attendance{models.AttendOnTime, models.AttendOnTime, models.AttendLateSeen, models.AttendDNA, models.AttendCancelledByPatient, models.AttendCancelledByService, models.AttendLateNotSeen}
	modes := []models.Mode{models.ModeHomeVisit, models.ModeFaceToFace, models.ModeTelephone, models.ModeVideo}
	contacts, missed := 3, false
	if g.now.Sub(assessAt) > 365*24*time.Hour {
		contacts = 1 // long-closed history needs less detail
	}
	for k := 1; k <= contacts; k++ {
		start := g.slot(assessAt.Add(time.Duration(k*14) * 24 * time.Hour))
		a := &models.Appointment{ReferralID: r.ID, Kind: models.KindKeyWorkerContact, Mode: modes[g.rng.IntN(len(modes))], StartsAt: start, DurationMinutes: 60, ClinicianID: worker.ID, Demo: true}
		if k == 3 {
			a.Kind = models.KindReview
		}
		future, err := g.bookThenHold(svc, clock, a, func() (models.Attendance, string, string) {
			code := codes[g.rng.IntN(len(codes))]
			missed = missed || code.Missed() // the service makes a follow-up task
			by, why := "", ""
			if code == models.AttendCancelledByPatient {
				by, why = "Patient", "Baby unwell (demo)."
			} else if code == models.AttendCancelledByService {
				by, why = "Key worker", "Staff sickness (demo)."
			}
			return code, by, why
		})
		if err != nil {
			return err
		}
		if future {
			break
		}
	}
	if err := g.workOnTasks(svc, clock, r, missed); err != nil {
		return err
	}
	if err := g.measures(svc, clock, r, &worker, assessAt, target == models.StatusClosed); err != nil {
		return err
	}
	if target != models.StatusClosed {
		if err := g.contactNotes(svc, clock, r, worker, assessAt); err != nil {
			return err
		}
		return g.keepInTouch(svc, clock, r, worker, assessAt)
	}
	clock.Set(minTime(assessAt.Add(120*24*time.Hour), g.now))
	reasons := models.ClosureReasons[:len(models.ClosureReasons)-1]
	reason := reasons[g.rng.IntN(len(reasons))]
	return svc.Referrals.Discharge(&worker, r.ID, v, app.Closure{Reason: reason, ClosureDetails: demoClosureDetails})
}

// demoClosureDetails is what a demo closure records for its letter; the
// service keeps only the parts the reason uses.
var demoClosureDetails = models.ClosureDetails{
	TransferredTo: "Community Perinatal Mental Health Team (demo)\nDemo House, 1 Sample Road\nNottingham NG1 1AA",
	WhatHelped:    "Regular visits from your key worker, and the sleep plan you made with your family (demo).",
	WarningSigns:  "Sleeping badly for several nights, feeling unable to cope with the baby, or losing interest in things you enjoy (demo).",
}

// decider is the clinician who makes the screening decision on r: the
// team's clinicians in turn, by referral.
func (g *generator) decider(r *models.Referral) *models.StaffMember {
	return &g.clinician[int(r.ID)%len(g.clinician)]
}

// keepInTouch gives a woman still on the caseload a contact in the last
// few weeks and her next one booked, as a key worker would, so her row on
// the caseload and the diary look like a live caseload.
func (g *generator) keepInTouch(svc *app.Services, clock *app.ManualClock, r *models.Referral, worker models.StaffMember, assessAt time.Time) error {
	recent := g.slot(g.now.Add(-time.Duration(4+g.rng.IntN(21)) * 24 * time.Hour))
	next := g.slot(g.now.Add(time.Duration(1+g.rng.IntN(20)) * 24 * time.Hour))
	modes := []models.Mode{models.ModeHomeVisit, models.ModeTelephone, models.ModeVideo}
	for _, start := range []time.Time{recent, next} {
		if !start.After(assessAt.Add(7 * 24 * time.Hour)) {
			continue
		}
		a := &models.Appointment{ReferralID: r.ID, Kind: models.KindKeyWorkerContact, Mode: modes[g.rng.IntN(len(modes))], StartsAt: start, DurationMinutes: 60, ClinicianID: worker.ID, Demo: true}
		onTime := func() (models.Attendance, string, string) { return models.AttendOnTime, "", "" }
		if _, err := g.bookThenHold(svc, clock, a, onTime); err != nil {
			return err
		}
	}
	return nil
}

// bookThenHold books a, as if a week before it starts, and, once its time
// has passed, records what attend says happened, as if an hour after it
// started. It reports whether the appointment is still to come.
func (g *generator) bookThenHold(svc *app.Services, clock *app.ManualClock, a *models.Appointment, attend func() (code models.Attendance, by, why string)) (future bool, err error) {
	start := a.StartsAt
	clock.Set(minTime(start.Add(-7*24*time.Hour), g.now))
	if err := svc.Appointments.Book(g.actor, a, true); err != nil {
		return false, err
	}
	if start.After(g.now) {
		return true, nil
	}
	clock.Set(minTime(start.Add(time.Hour), g.now))
	code, by, why := attend()
	return false, svc.Appointments.RecordAttendance(g.actor, a.ID, a.Version, code, by, why)
}

// workOnTasks completes most of a woman's open tasks and hands some to a
// colleague, leaving the rest open, so the demo shows tasks with history.
// The services made the tasks themselves: on acceptance for a woman on a
// ward or in a mother and baby unit, and for each missed appointment. Only
// a woman who has tasks costs a query.
func (g *generator) workOnTasks(svc *app.Services, clock *app.ManualClock, r *models.Referral, missed bool) error {
	if !r.CurrentServices.PsychiatricInpatient && !r.CurrentServices.MBUAdmission && !missed {
		return nil
	}
	tasks, err := svc.Tasks.ForReferral(g.actor, r.ID)
	if err != nil {
		return err
	}
	clock.Set(minTime(clock.Now().Add(48*time.Hour), g.now))
	notes := map[models.TaskKind]string{
		models.TaskInpatientVisit: "Seen on the ward; antenatal care checked (demo).",
		models.TaskMBUDischarge:   "Seen at home after discharge from the unit (demo).",
		models.TaskMissedFollowUp: "Spoke to her by phone and rebooked (demo).",
	}
	for _, t := range tasks {
		if !t.Open() {
			continue
		}
		switch g.rng.IntN(4) {
		case 0: // still to do
		case 1:
			other := g.workers[g.rng.IntN(len(g.workers))]
			if t.AssigneeID != nil && other.ID == *t.AssigneeID {
				continue
			}
			if err := svc.Tasks.Reassign(g.actor, t.ID, t.Version, other.ID, "Covering while her key worker is on leave (demo)."); err != nil {
				return err
			}
		default:
			if err := svc.Tasks.Complete(g.actor, t.ID, t.Version, notes[t.Kind]); err != nil {
				return err
			}
		}
	}
	return nil
}

func (g *generator) jointWorking(svc *app.Services, r *models.Referral, start models.Date) error {
	// The CMHT on the form became joint working when she was accepted.
	var records []models.JointWorking
	cs := r.CurrentServices
	if cs.PsychiatricInpatient {
		records = append(records, models.JointWorking{Service: models.JointInpatientWard, Team: cs.Ward})
	}
	if cs.MBUAdmission {
		records = append(records, models.JointWorking{Service: models.JointMBU, Team: "Margaret Oates Mother and Baby Unit (demo)", EndDate: cs.MBUExpectedDischarge})
	}
	// The other services take turns, so even a small demo has each.
	g.jointSeq++
	switch g.jointSeq % 8 {
	case 0:
		records = append(records, models.JointWorking{Service: models.JointSubstanceMisuse, Team: "Turning Point (demo)", Notes: "Joint working for alcohol use (demo)."})
	case 1:
		records = append(records, models.JointWorking{Service: models.JointEatingDisorder, Team: "Adult eating disorder service (demo)"})
	case 2:
		records = append(records, models.JointWorking{Service: models.JointOther, Team: "Children's social care (demo)"})
	}
	for i := range records {
		j := &records[i]
		j.ReferralID, j.Demo = r.ID, true
		if j.StartDate.IsZero() {
			j.StartDate = start
		}
		if !j.EndDate.IsZero() && j.EndDate.Before(j.StartDate) {
			j.EndDate = j.StartDate
		}
		if err := svc.JointWorking.Add(g.actor, j); err != nil {
			return err
		}
	}
	return nil
}

// slot moves t to a weekday appointment time between 09:30 and 15:30, London time.
func (g *generator) slot(t time.Time) time.Time {
	lt := t.In(models.London)
	for lt.Weekday() == time.Saturday || lt.Weekday() == time.Sunday {
		lt = lt.AddDate(0, 0, 1)
	}
	return time.Date(lt.Year(), lt.Month(), lt.Day(), 9+g.rng.IntN(7), 30*g.rng.IntN(2), 0, 0, models.London).UTC()
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func indexOf(list []models.StaffMember, id uint) int {
	for i, m := range list {
		if m.ID == id {
			return i
		}
	}
	return 0
}

// stillOpen marks the statuses of women the team is still working with.
var stillOpen = map[models.Status]bool{
	models.StatusAccepted: true, models.StatusAssessmentBooked: true,
	models.StatusMedicalReview: true, models.StatusCaseload: true,
}

// keepInPeriod re-dates a woman who is still with the team so that she is
// within her perinatal period today, as a real caseload is: still pregnant
// (due within 38 weeks of the referral), or her baby born within 9 months
// before the referral, with her period ending at least 10 days from today. It reports false when
// no such dates fit a referral that old.
func (g *generator) keepInPeriod(r *models.Referral, received time.Time) bool {
	day, today := models.LondonDate(received), models.LondonDate(g.now)
	between := func(lo, hi models.Date) models.Date { return lo.AddDays(g.rng.IntN(lo.DaysUntil(hi) + 1)) }
	if lo, hi := today.AddDays(7), day.AddDays(38*7); !r.CurrentServices.MBUAdmission && lo.Before(hi) && g.rng.IntN(2) == 0 {
		r.Stage, r.ExpectedDeliveryDate, r.BabyDateOfBirth = models.StagePregnant, between(lo, hi), models.Date{}
		return true
	}
	lo, hi := today.AddMonths(-12).AddDays(10), day
	if earliest := day.AddMonths(-9); earliest.After(lo) {
		lo = earliest
	}
	if lo.After(hi) {
		return false
	}
	r.Stage, r.ExpectedDeliveryDate, r.BabyDateOfBirth = models.StagePostnatal, models.Date{}, between(lo, hi)
	return true
}
