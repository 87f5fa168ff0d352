package app

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"perinatal-caseload/models"
)

// TestPermissionMatrixIsEnforcedInTheServices calls every service method as
// each role and checks it is allowed or refused as the matrix says. A refusal
// must be a *PermissionError and must be audited.
func TestPermissionMatrixIsEnforcedInTheServices(t *testing.T) {
	s, _, _ := newTestServices(t)
	people := map[models.Role]*models.StaffMember{}
	for _, r := range models.Roles {
		people[r] = addStaff(t, s, string(r), r)
	}
	admin, doc, worker := people[models.RoleAdministrator], people[models.RoleClinician], people[models.RoleKeyWorker]
	n := 0
	newReferral := func() *models.Referral {
		n++
		nhs, _ := models.NHSNumberWithCheckDigit(fmt.Sprintf("999%06d", 100+n*7))
		r := sampleReferral(nhs)
		if err := s.Referrals.Register(admin, r); err != nil {
			t.Fatal(err)
		}
		return r
	}
	accepted := func() *models.Referral {
		r := newReferral()
		if err := s.Referrals.Decide(doc, r.ID, r.Version, Decision{Outcome: models.DecisionAccept, Priority: models.PriorityUrgent}); err != nil {
			t.Fatal(err)
		}
		r.Version++
		return r
	}
	booked := func() (*models.Referral, *models.Appointment) {
		r := accepted()
		a := &models.Appointment{ReferralID: r.ID, Kind: models.KindInitialAssessment, Mode: models.ModeVideo, StartsAt: testNow.Add(time.Duration(n) * 24 * time.Hour), DurationMinutes: 60, ClinicianID: doc.ID}
		if err := s.Appointments.Book(admin, a, true); err != nil {
			t.Fatal(err)
		}
		r.Version++
		return r, a
	}
	onCaseload := func() *models.Referral {
		r, _ := booked()
		if err := s.Referrals.RecordOutcome(doc, r.ID, r.Version, OutcomeCaseload, ""); err != nil {
			t.Fatal(err)
		}
		r.Version++
		return r
	}
	const A, C, K, M = 1, 2, 4, 8 // which roles may
	cases := []struct {
		name string
		may  int
		call func(actor *models.StaffMember) error
	}{
		{"Referrals.Register", A | M, func(a *models.StaffMember) error {
			return s.Referrals.Register(a, sampleReferral("9434765919"))
		}},
		{"Referrals.Get", A | C | K | M, func(a *models.StaffMember) error { _, err := s.Referrals.Get(a, newReferral().ID); return err }},
		{"Referrals.Page", A | C | K | M, func(a *models.StaffMember) error { _, err := s.Referrals.Page(a, ReferralFilter{}, 0, 10); return err }},
		{"Referrals.Count", A | C | K | M, func(a *models.StaffMember) error { _, err := s.Referrals.Count(a, ReferralFilter{}); return err }},
		{"Referrals.PatientByNHSNumber", A | C | K | M, func(a *models.StaffMember) error {
			_, _, err := s.Referrals.PatientByNHSNumber(a, "9434765919")
			return err
		}},
		{"Referrals.Decide", C | M, func(a *models.StaffMember) error {
			r := newReferral()
			return s.Referrals.Decide(a, r.ID, r.Version, Decision{Outcome: models.DecisionAccept, Priority: models.PriorityUrgent})
		}},
		{"Referrals.RecordOutcome", C | M, func(a *models.StaffMember) error {
			r, _ := booked()
			return s.Referrals.RecordOutcome(a, r.ID, r.Version, OutcomeMedicalReview, "")
		}},
		{"Referrals.Close", C | K | M, func(a *models.StaffMember) error {
			r := onCaseload()
			return s.Referrals.Close(a, r.ID, r.Version, "treatment complete")
		}},
		{"Appointments.Book", A | M, func(a *models.StaffMember) error {
			r := accepted()
			return s.Appointments.Book(a, &models.Appointment{ReferralID: r.ID, Kind: models.KindInitialAssessment, Mode: models.ModeVideo, StartsAt: testNow.Add(72 * time.Hour), DurationMinutes: 60, ClinicianID: doc.ID}, true)
		}},
		{"Appointments.RecordAttendance", A | M, func(a *models.StaffMember) error {
			_, ap := booked()
			return s.Appointments.RecordAttendance(a, ap.ID, ap.Version, models.AttendOnTime, "", "")
		}},
		{"Appointments.ForReferral", A | C | K | M, func(a *models.StaffMember) error {
			_, err := s.Appointments.ForReferral(a, newReferral().ID)
			return err
		}},
		{"Allocations.Allocate", M, func(a *models.StaffMember) error {
			_, err := s.Allocations.Allocate(a, onCaseload().ID, worker.ID, "", true)
			return err
		}},
		{"Allocations.History", A | C | K | M, func(a *models.StaffMember) error {
			_, err := s.Allocations.History(a, newReferral().ID)
			return err
		}},
		{"JointWorking.Add", C | K | M, func(a *models.StaffMember) error {
			return s.JointWorking.Add(a, &models.JointWorking{ReferralID: onCaseload().ID, Service: models.JointCMHT})
		}},
		{"JointWorking.ForReferral", A | C | K | M, func(a *models.StaffMember) error {
			_, err := s.JointWorking.ForReferral(a, newReferral().ID)
			return err
		}},
		{"Settings.Set", A | M, func(a *models.StaffMember) error {
			views, _ := s.Settings.All()
			for _, v := range views {
				if v.Key == SetOfficeHours {
					return s.Settings.Set(a, SetOfficeHours, "9am to 5pm, Monday to Friday ("+a.Username+")", v.Version)
				}
			}
			return errors.New("no setting")
		}},
		{"Staff.Add", M, func(a *models.StaffMember) error {
			m := &models.StaffMember{Name: "New " + a.Username, Username: "new-" + a.Username}
			m.SetRoles(models.RoleKeyWorker)
			return s.Staff.Add(a, m, "a long enough password")
		}},
		{"Staff.Update", M, func(a *models.StaffMember) error {
			m, _ := s.Staff.Get(worker.ID)
			m.JobTitle = "Nurse " + a.Username
			return s.Staff.Update(a, m)
		}},
		{"Auth.ResetPassword", M, func(a *models.StaffMember) error {
			return s.Auth.ResetPassword(a, worker.Username, "another long password")
		}},
		{"Audit.Page", M, func(a *models.StaffMember) error { _, err := s.Audit.Page(a, AuditFilter{}, 0, 10); return err }},
		{"Audit.Count", M, func(a *models.StaffMember) error { _, err := s.Audit.Count(a, AuditFilter{}); return err }},
	}
	bit := map[models.Role]int{models.RoleAdministrator: A, models.RoleClinician: C, models.RoleKeyWorker: K, models.RoleManager: M}
	for _, tc := range cases {
		for _, role := range models.Roles {
			t.Run(tc.name+"/"+string(role), func(t *testing.T) {
				actor := people[role]
				var refusedBefore int64
				s.DB().Table("audit_events").Where("action = ? AND actor_id = ?", ActionRefused, actor.ID).Count(&refusedBefore)
				err := tc.call(actor)
				var pe *PermissionError
				refused := errors.As(err, &pe)
				if want := tc.may&bit[role] != 0; want {
					if err != nil {
						t.Errorf("%s was refused or failed: %v", role, err)
					}
					return
				}
				if !refused {
					t.Fatalf("%s was not refused: err = %v", role, err)
				}
				var refusedAfter int64
				s.DB().Table("audit_events").Where("action = ? AND actor_id = ?", ActionRefused, actor.ID).Count(&refusedAfter)
				if refusedAfter != refusedBefore+1 {
					t.Error("the refusal was not audited")
				}
			})
		}
	}
}

func TestServicesRefuseAnActorWhoIsNotSignedIn(t *testing.T) {
	s, _, _ := newTestServices(t)
	if _, err := s.Referrals.Page(nil, ReferralFilter{}, 0, 10); !errors.Is(err, ErrNotSignedIn) {
		t.Errorf("Page(nil) = %v, want ErrNotSignedIn", err)
	}
}
