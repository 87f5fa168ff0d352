package app

import (
	"errors"
	"testing"

	"perinatal-caseload/models"
)

func TestRegisterWritesReferralAndAuditTogether(t *testing.T) {
	s, _, admin := newAdminServices(t)
	r := register(t, s, admin, sampleReferral("9434765919"))
	var ev models.AuditEvent
	s.core.db.Where("entity = ? AND entity_id = ? AND action = ?", "referral", r.ID, ActionCreate).First(&ev)
	if ev.ActorID != admin.ID || ev.After == "" {
		t.Errorf("audit event = %+v; want one by the administrator with the new record", ev)
	}
}

func TestAFailedWriteLeavesNeitherChangeNorAudit(t *testing.T) {
	s, _, admin := newAdminServices(t)
	referrals, audits := countRows(t, s, "referrals"), countRows(t, s, "audit_events")
	boom := errors.New("the disk filled up")
	err := s.Batch(func(tx *Services) error {
		if err := tx.Referrals.Register(admin, sampleReferral("9434765919")); err != nil {
			return err
		}
		return boom // fails after the referral and its audit rows were written
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Batch = %v", err)
	}
	if countRows(t, s, "referrals") != referrals || countRows(t, s, "patients") != 0 || countRows(t, s, "audit_events") != audits {
		t.Error("a rolled-back write left rows behind")
	}
}

func TestInvalidReferralIsRefusedWholeNamingEachField(t *testing.T) {
	s, _, admin := newAdminServices(t)
	audits := countRows(t, s, "audit_events")
	r := sampleReferral("9876544321") // check digit wrong
	r.Patient.Postcode = "not a postcode"
	r.Patient.DateOfBirth = models.NewDate(2030, 1, 1)
	err := s.Referrals.Register(admin, r)
	var v models.FieldErrors
	if !errors.As(err, &v) {
		t.Fatalf("Register = %v, want a models.FieldErrors", err)
	}
	fields := map[models.FieldID]bool{}
	for _, f := range v {
		fields[f.Field] = true
	}
	for _, want := range []models.FieldID{models.FieldNHSNumber, models.FieldPostcode, models.FieldDateOfBirth} {
		if !fields[want] {
			t.Errorf("no error names %q; got %v", want, v)
		}
	}
	if countRows(t, s, "referrals") != 0 || countRows(t, s, "patients") != 0 || countRows(t, s, "audit_events") != audits {
		t.Error("an invalid referral left rows behind")
	}
}

func TestReReferralLinksToTheSamePatient(t *testing.T) {
	s, _, admin := newAdminServices(t)
	first, second := sampleReferral("943 476 5919"), sampleReferral("9434765919")
	second.Patient.GivenName = "Zoe"
	for _, r := range []*models.Referral{first, second} {
		register(t, s, admin, r)
	}
	if first.PatientID != second.PatientID || countRows(t, s, "patients") != 1 {
		t.Errorf("re-referral made a second patient: %d and %d", first.PatientID, second.PatientID)
	}
	p, rows, err := s.Referrals.PatientByNHSNumber(admin, "943 476 5919")
	if err != nil || p == nil || len(rows) != 2 {
		t.Errorf("PatientByNHSNumber = %v, %d rows, %v", p, len(rows), err)
	}
}

func TestSameFormIDIsNeverImportedTwice(t *testing.T) {
	s, _, admin := newAdminServices(t)
	id := "form-123"
	a, b := sampleReferral("9434765919"), sampleReferral("9434765919")
	a.FormID, b.FormID = &id, &id
	register(t, s, admin, a)
	var dup *DuplicateFormError
	if err := s.Referrals.Register(admin, b); !errors.As(err, &dup) || dup.ReferralID != a.ID {
		t.Fatalf("second import = %v, want a *DuplicateFormError naming referral %d", err, a.ID)
	}
	if countRows(t, s, "referrals") != 1 {
		t.Error("a duplicate form made a second referral")
	}
}
