package views

import (
	"testing"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// openReferralActions opens referral id through the shell and returns
// the appointments panel of its detail.
func openReferralActions(t *testing.T, m *MainWindow, id uint) *referralAppointments {
	t.Helper()
	m.shell.OpenReferral(id)
	list := m.shell.built[screenReferrals].(*referralsScreen)
	if list.Detail == nil {
		t.Fatal("the referral did not open")
	}
	var found []*referralAppointments
	for _, o := range objectsOnShow(m.window) {
		if a, ok := o.(*referralAppointments); ok {
			found = append(found, a)
		}
	}
	if len(found) != 1 {
		t.Fatalf("the open referral shows %d appointment panels, want 1", len(found))
	}
	return found[0]
}

// appointments returns a referral's appointments as saved.
func (e *testEnv) appointments(referralID uint) []models.Appointment {
	e.t.Helper()
	out, err := e.svc.Appointments.ForReferral(e.system, referralID)
	if err != nil {
		e.t.Fatal(err)
	}
	return out
}

// bookAt books an initial assessment with clinician by the service, at
// date and time typed in UK time.
func (e *testEnv) bookAt(admin, clinician *models.StaffMember, referralID uint, date, clock string) *models.Appointment {
	e.t.Helper()
	a, err := e.svc.Appointments.BookForm(admin, app.AppointmentForm{
		ReferralID: referralID, Kind: models.KindInitialAssessment, Mode: models.ModeVideo,
		Date: date, Time: clock, DurationMinutes: 60, ClinicianID: clinician.ID,
	}, false)
	if err != nil {
		e.t.Fatal(err)
	}
	return a
}

// savedFile records what a widgets.SaveFileFunc was given.
type savedFile struct {
	name string
	data []byte
}

// saveInto returns a widgets.SaveFileFunc that keeps the file in f instead of asking.
func saveInto(f *savedFile) widgets.SaveFileFunc {
	return func(name string, data []byte, done func(string, error)) {
		f.name, f.data = name, data
		done(name, nil)
	}
}
