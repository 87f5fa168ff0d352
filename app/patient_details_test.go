package app

import (
	"errors"
	"strings"
	"testing"
	"time"

	"perinatal-caseload/models"
)

// herDetails is a woman on worker's caseload with her details as read,
// ready to be changed.
type herDetails struct {
	w *workflow
	r *models.Referral
	u DetailsUpdate
}

func newHerDetails(t *testing.T) *herDetails {
	w := newWorkflow(t)
	r := w.onCaseload(nil, w.worker)
	return &herDetails{w: w, r: r, u: w.readDetails(r.ID)}
}

// readDetails reads her details and versions as the dialog does.
func (w *workflow) readDetails(referralID uint) DetailsUpdate {
	r := w.referral(referralID)
	return DetailsUpdate{ReferralID: r.ID, PatientVersion: r.Patient.Version, ReferralVersion: r.Version,
		Details: models.DetailsOf(&r.Patient, r)}
}

// lastEvent returns the latest audit event on entity id, views aside.
func lastEvent(t *testing.T, s *Services, entity string, id uint) models.AuditEvent {
	t.Helper()
	var ev models.AuditEvent
	if err := s.core.db.Where("entity = ? AND entity_id = ? AND action <> ?", entity, id, ActionView).Order("id DESC").Limit(1).Find(&ev).Error; err != nil {
		t.Fatal(err)
	}
	return ev
}

// Hazard: her details changed after intake are versioned and audited.
func TestHerKeyWorkerChangesHerTelephoneAndTheTrailNamesTheField(t *testing.T) {
	h := newHerDetails(t)
	h.u.Details.Phone, h.u.Details.PhoneMessages = "07700 900123", models.AnswerNo
	if err := h.w.s.Patients.UpdateDetails(h.w.worker, h.u); err != nil {
		t.Fatal(err)
	}
	got := h.w.referral(h.r.ID).Patient
	if got.Phone != "07700 900123" || got.PhoneMessages != models.AnswerNo || got.Version != h.u.PatientVersion+1 {
		t.Errorf("after the change: telephone %q, messages %q, version %d", got.Phone, got.PhoneMessages, got.Version)
	}
	ev := lastEvent(t, h.w.s, "patient", got.ID)
	if ev.Action != ActionUpdate || ev.ActorID != h.w.worker.ID || ev.Detail != "changed: Telephone, Messages" {
		t.Errorf("audit event %s by %d: %q", ev.Action, ev.ActorID, ev.Detail)
	}
	if strings.Contains(ev.Detail, "900123") {
		t.Error("the event's detail repeats the telephone number")
	}
	// The same details again change nothing and write nothing.
	same := h.w.readDetails(h.r.ID)
	before := countRows(t, h.w.s, "audit_events")
	if err := h.w.s.Patients.UpdateDetails(h.w.worker, same); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, h.w.s, "audit_events"); n != before {
		t.Errorf("saving unchanged details wrote %d audit events", n-before)
	}
}

// Hazard: HAZ-011.
func TestStaleChangeOfHerDetailsIsAConflict(t *testing.T) {
	h := newHerDetails(t)
	first := h.u
	first.Details.Phone = "0116 496 0000"
	if err := h.w.s.Patients.UpdateDetails(h.w.admin, first); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		edit func(*DetailsUpdate)
	}{
		{"her record", func(u *DetailsUpdate) { u.Details.Phone = "07700 900999" }},
		{"the referral's due date", func(u *DetailsUpdate) { u.PatientVersion++; u.ReferralVersion--; u.Details.Phone = "0116 496 0000" }},
	} {
		stale := h.u
		if tc.name != "her record" {
			stale = h.w.readDetails(h.r.ID)
			stale.Details.DueDate = stale.Details.DueDate.AddDays(7)
		}
		tc.edit(&stale)
		err := h.w.s.Patients.UpdateDetails(h.w.worker, stale)
		var c *ConflictError
		if !errors.As(err, &c) {
			t.Fatalf("%s: stale change = %v, want a *ConflictError", tc.name, err)
		}
		if c.ChangedBy != h.w.admin.Name {
			t.Errorf("%s: conflict names %q, want %q", tc.name, c.ChangedBy, h.w.admin.Name)
		}
	}
	got := h.w.referral(h.r.ID)
	if got.Patient.Phone != "0116 496 0000" || got.ExpectedDeliveryDate != h.r.ExpectedDeliveryDate {
		t.Errorf("after the conflicts: telephone %q, due %s; the first change alone must stand", got.Patient.Phone, got.ExpectedDeliveryDate)
	}
}

func TestOnlyHerKeyWorkerOrAnAdministratorChangesHerDetails(t *testing.T) {
	h := newHerDetails(t)
	other := addStaff(t, h.w.s, "other", models.RoleKeyWorker)
	for _, who := range []*models.StaffMember{other, h.w.doc} {
		u := h.u
		u.Details.Phone = "0116 496 0001"
		if err := h.w.s.Patients.UpdateDetails(who, u); !errors.Is(err, ErrNotHerKeyWorker) {
			t.Errorf("%s: %v, want ErrNotHerKeyWorker", who.Username, err)
		}
		if ev := lastEvent(t, h.w.s, "patient", h.r.PatientID); ev.Action != ActionRefused || ev.ActorID != who.ID {
			t.Errorf("%s: refusal not audited (last event %s by %d)", who.Username, ev.Action, ev.ActorID)
		}
	}
	if err := h.w.s.Patients.UpdateDetails(nil, h.u); !errors.Is(err, ErrNotSignedIn) {
		t.Errorf("nobody signed in: %v", err)
	}
	for _, who := range []*models.StaffMember{h.w.admin, h.w.manager} {
		u := h.w.readDetails(h.r.ID)
		u.Details.PreferredName = "Zo " + who.Username
		if err := h.w.s.Patients.UpdateDetails(who, u); err != nil {
			t.Errorf("%s: %v", who.Username, err)
		}
	}
}

func TestHerDetailsAreCheckedAsAtIntake(t *testing.T) {
	h := newHerDetails(t)
	other := h.w.accept(nil)
	u := h.u
	u.Details.GivenName, u.Details.Postcode, u.Details.EthnicCategory = "", "LE1", "X"
	u.Details.NHSNumber = *other.Patient.NHSNumber
	err := h.w.s.Patients.UpdateDetails(h.w.worker, u)
	want := []models.FieldID{models.FieldGivenName, models.FieldPostcode, models.FieldEthnicCategory, models.FieldNHSNumber}
	var got []models.FieldID
	for _, fe := range models.FieldErrorsIn(err) {
		got = append(got, fe.Field)
	}
	if len(got) != len(want) {
		t.Fatalf("fields at fault %v, want %v (%v)", got, want, err)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("field %d at fault is %s, want %s", i, got[i], want[i])
		}
	}
	if strings.Contains(err.Error(), *other.Patient.NHSNumber) {
		t.Error("the error repeats the NHS number")
	}
	if h.w.referral(h.r.ID).Patient.Version != h.u.PatientVersion {
		t.Error("refused details were saved")
	}
}

// Hazard: a change of address loses where she lived, and when.
func TestAChangedAddressIsKeptWithTheDatesItWasCurrent(t *testing.T) {
	h := newHerDetails(t)
	s := h.w.s
	first := h.u
	first.Details.AddressLines, first.Details.Postcode = "3 New Road\nLoughborough", "LE11 1AA"
	first.Details.MovedOn = models.NewDate(2026, 11, 20)
	if err := s.Patients.UpdateDetails(h.w.worker, first); err != nil {
		t.Fatal(err)
	}
	h.w.clock.Advance(30 * 24 * time.Hour)
	second := h.w.readDetails(h.r.ID)
	second.Details.AddressLines, second.Details.Postcode = "4 Other Road\nMelton Mowbray", "LE13 0AA"
	if err := s.Patients.UpdateDetails(h.w.worker, second); err != nil {
		t.Fatal(err)
	}
	history, err := s.Patients.AddressHistory(h.w.worker, h.r.PatientID)
	if err != nil || len(history) != 2 {
		t.Fatalf("history %v, %v; want two previous addresses", history, err)
	}
	latest, oldest := history[0], history[1]
	if oldest.Postcode != "LE3 0AB" || !oldest.CurrentFrom.IsZero() || oldest.CurrentUntil != models.NewDate(2026, 11, 20) {
		t.Errorf("first address kept as %s, %s to %s", oldest.Postcode, oldest.CurrentFrom, oldest.CurrentUntil)
	}
	today := models.LondonDate(h.w.clock.Now())
	if latest.Postcode != "LE11 1AA" || latest.CurrentFrom != models.NewDate(2026, 11, 21) || latest.CurrentUntil != today {
		t.Errorf("second address kept as %s, %s to %s", latest.Postcode, latest.CurrentFrom, latest.CurrentUntil)
	}
	if got := h.w.referral(h.r.ID).Patient; got.Postcode != "LE13 0AA" || got.PostcodeKey != "LE130AA" {
		t.Errorf("her address now %s (key %s)", got.Postcode, got.PostcodeKey)
	}
	third := h.w.readDetails(h.r.ID)
	third.Details.Postcode, third.Details.MovedOn = "LE1 5WW", models.NewDate(2026, 12, 1)
	if fe := models.FieldErrorsIn(s.Patients.UpdateDetails(h.w.worker, third)); len(fe) != 1 || fe[0].Field != models.FieldMovedOn {
		t.Errorf("a move dated before the address it replaces began: %v", fe)
	}
}

func TestTheDueDateIsChangedOnTheReferral(t *testing.T) {
	h := newHerDetails(t)
	due := models.NewDate(2027, 4, 1)
	h.u.Details.DueDate = due
	if err := h.w.s.Patients.UpdateDetails(h.w.worker, h.u); err != nil {
		t.Fatal(err)
	}
	got := h.w.referral(h.r.ID)
	if got.ExpectedDeliveryDate != due || got.Version != h.u.ReferralVersion+1 || got.Patient.Version != h.u.PatientVersion {
		t.Errorf("due %s, referral version %d, her record version %d", got.ExpectedDeliveryDate, got.Version, got.Patient.Version)
	}
	if ev := lastEvent(t, h.w.s, "referral", h.r.ID); ev.Detail != "changed: Expected delivery date" {
		t.Errorf("audit detail %q", ev.Detail)
	}
}

// Hazard: her stage and the end of her perinatal period come from a due
// date long past instead of the baby's real date of birth.
// Hazard: HAZ-036.
func TestABirthMovesHerStageAndPeriodEnd(t *testing.T) {
	h := newHerDetails(t)
	s, w := h.w.s, h.w
	born := models.NewDate(2027, 3, 8) // the due date is 15/03/2027
	w.clock.Set(time.Date(2027, 3, 22, 10, 0, 0, 0, time.UTC))
	before, err := s.Caseload.Caseload(w.worker, CaseloadFilter{KeyWorkerID: w.worker.ID})
	if err != nil || len(before) != 1 || !strings.Contains(before[0].StageText, "pregnant") {
		t.Fatalf("before the birth the caseload says %+v, %v", before, err)
	}
	b := &models.Birth{ReferralID: h.r.ID, BornOn: born, BabyName: " Amara "}
	if err := s.Patients.RecordBirth(w.worker, h.r.Version, b); err != nil {
		t.Fatal(err)
	}
	r := w.referral(h.r.ID)
	if r.Stage != models.StagePostnatal || r.BabyDateOfBirth != born {
		t.Errorf("after the birth: stage %s, baby born %s", r.Stage, r.BabyDateOfBirth)
	}
	tf, err := r.Timeframe(models.NewDate(2027, 3, 22))
	if err != nil || tf.Text() != "2 weeks after birth" || tf.PeriodEnds != models.NewDate(2028, 3, 8) {
		t.Errorf("timeframe %q ending %s, %v", tf.Text(), tf.PeriodEnds, err)
	}
	rows, err := s.Caseload.Caseload(w.worker, CaseloadFilter{KeyWorkerID: w.worker.ID})
	if err != nil || len(rows) != 1 || rows[0].StageText != "2 weeks after birth" || rows[0].PeriodEnds != models.NewDate(2028, 3, 8) {
		t.Errorf("the caseload says %+v, %v", rows, err)
	}
	births, err := s.Patients.Births(w.worker, h.r.PatientID)
	if err != nil || len(births) != 1 || births[0].BabyName != "Amara" || births[0].RecordedByID != w.worker.ID {
		t.Errorf("births %+v, %v", births, err)
	}
	// A stale referral is refused, and a twin born the same day keeps the date.
	twin := &models.Birth{ReferralID: h.r.ID, BornOn: born}
	var c *ConflictError
	if err := s.Patients.RecordBirth(w.worker, h.r.Version, twin); !errors.As(err, &c) {
		t.Errorf("a birth on a stale referral: %v, want a conflict", err)
	}
	if err := s.Patients.RecordBirth(w.worker, r.Version, twin); err != nil {
		t.Fatal(err)
	}
	if got := w.referral(h.r.ID); got.BabyDateOfBirth != born {
		t.Errorf("after twins the baby's date of birth is %s", got.BabyDateOfBirth)
	}
	if n := countRows(t, s, "births"); n != 2 {
		t.Errorf("%d births kept, want 2", n)
	}
	other := addStaff(t, s, "other", models.RoleKeyWorker)
	if err := s.Patients.RecordBirth(other, w.referral(h.r.ID).Version, &models.Birth{ReferralID: h.r.ID, BornOn: born}); !errors.Is(err, ErrNotHerKeyWorker) {
		t.Errorf("a birth by another key worker: %v", err)
	}
}

func TestABirthFarFromTheDueDateIsRefused(t *testing.T) {
	h := newHerDetails(t)
	err := h.w.s.Patients.RecordBirth(h.w.worker, h.r.Version, &models.Birth{ReferralID: h.r.ID, BornOn: models.NewDate(2026, 10, 1)})
	if fe := models.FieldErrorsIn(err); len(fe) != 1 || fe[0].Field != models.FieldBirthDate {
		t.Errorf("birth 24 weeks early: %v", err)
	}
	if got := h.w.referral(h.r.ID); got.Stage != models.StagePregnant || countRows(t, h.w.s, "births") != 0 {
		t.Error("a refused birth changed the referral or was kept")
	}
}

func TestThePeopleAroundHer(t *testing.T) {
	h := newHerDetails(t)
	s, w := h.w.s, h.w
	today := models.LondonDate(w.clock.Now())
	partner := &models.SupportPerson{PatientID: h.r.PatientID, Relationship: models.RelPartner, Name: "Sam Okafor", Phone: "07700 900456",
		ConsentToShare: models.AnswerYes, ConsentOn: today, PartnerAssessment: models.PartnerOffered, PartnerOfferedOn: today}
	mother := &models.SupportPerson{PatientID: h.r.PatientID, Relationship: models.RelMother, Name: "Ada Okafor", Carer: true}
	for _, p := range []*models.SupportPerson{mother, partner} {
		if err := s.Patients.SaveSupportPerson(w.worker, p); err != nil {
			t.Fatal(err)
		}
	}
	read := *partner
	partner.PartnerAssessment, partner.PartnerOutcome = models.PartnerAccepted, "Assessed; referred to talking therapies."
	if err := s.Patients.SaveSupportPerson(w.admin, partner); err != nil {
		t.Fatal(err)
	}
	read.Phone = "0116 496 0002"
	var c *ConflictError
	if err := s.Patients.SaveSupportPerson(w.worker, &read); !errors.As(err, &c) {
		t.Errorf("a stale change to her partner: %v, want a conflict", err)
	}
	people, err := s.Patients.SupportPeople(w.worker, h.r.PatientID)
	if err != nil || len(people) != 2 {
		t.Fatalf("people %v, %v", people, err)
	}
	if got := people[0]; got.Relationship != models.RelPartner || got.PartnerAssessment != models.PartnerAccepted ||
		got.Phone != "07700 900456" || got.Version != 2 {
		t.Errorf("her partner is %+v", got)
	}
	if ev := lastEvent(t, s, "support_person", partner.ID); ev.Action != ActionUpdate || ev.ActorID != w.admin.ID {
		t.Errorf("the change to her partner is not audited: %s by %d", ev.Action, ev.ActorID)
	}
	bad := &models.SupportPerson{PatientID: h.r.PatientID, Relationship: models.RelFriend, Name: "Jo", PartnerAssessment: models.PartnerOffered, PartnerOfferedOn: today}
	if err := s.Patients.SaveSupportPerson(w.worker, bad); len(models.FieldErrorsIn(err)) != 1 {
		t.Errorf("a partner's assessment offered to a friend: %v", err)
	}
	other := addStaff(t, s, "other", models.RoleKeyWorker)
	if err := s.Patients.SaveSupportPerson(other, &models.SupportPerson{PatientID: h.r.PatientID, Relationship: models.RelFriend, Name: "Jo"}); !errors.Is(err, ErrNotHerKeyWorker) {
		t.Errorf("a person added by another key worker: %v", err)
	}
}
