package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"perinatal-caseload/models"
)

// TestReferralFormReceivedRefusesWhatTheBookingDialogRefuses types times
// that cannot be read exactly (an impossible date, and a time skipped when
// the clocks go forward) into the form's Received box and into the booking
// dialog: both refuse them in the same words, and neither saves anything.
//
// Hazard: HAZ-003.
func TestReferralFormReceivedRefusesWhatTheBookingDialogRefuses(t *testing.T) {
	e, admin, _, r := newAcceptedCase(t)
	before := e.referralCount()
	f, _, saved := e.referralForm(admin)
	fillAcceptableReferral(t, f, "943 476 5919")
	booking := showBookAppointmentDialog(e.session(admin), r, models.KindInitialAssessment, nil)

	for _, c := range []struct {
		date, clock string
		field       string // the booking dialog's field at fault
		want        string // the message both give
	}{
		{"31/02/2026", "09:00", "Date", `"31/02/2026" is not a date; enter it as DD/MM/YYYY, for example 23/11/2026`},
		{"29/03/2026", "01:30", "Time", "01:30 does not exist on 29/03/2026: the clocks go forward from 01:00 to 02:00 that night; enter 02:30 or later"},
	} {
		booking.Date.SetText(c.date)
		booking.Time.SetText(c.clock)
		test.Tap(booking.Action)
		if got, want := booking.Message.Text, c.field+": "+c.want+"."; got != want {
			t.Errorf("booking %s %s: message %q; want %q", c.date, c.clock, got, want)
		}
		if n := len(e.appointments(r.ID)); n != 0 {
			t.Fatalf("booking %s %s saved %d appointments", c.date, c.clock, n)
		}

		f.Received.SetText(c.date + " " + c.clock)
		if err := f.Received.Validate(); err == nil || err.Error() != "Received: "+c.want {
			t.Errorf("Received %s %s: check gives %v; want %q", c.date, c.clock, err, "Received: "+c.want)
		}
		test.Tap(f.SaveButton)
		if *saved != 0 || !strings.Contains(f.Problems.Text, "Received: "+c.want) {
			t.Errorf("Received %s %s: saved %d; problems %q", c.date, c.clock, *saved, f.Problems.Text)
		}
		if e.referralCount() != before {
			t.Fatalf("Received %s %s: a referral was saved", c.date, c.clock)
		}
	}

	// What the booking dialog takes, Received takes too, in UK time.
	f.Received.SetText("29/03/2026 02:30")
	if err := f.Received.Validate(); err != nil {
		t.Errorf("Received 29/03/2026 02:30: %v", err)
	}
	if got := f.referral().ReceivedAt; got.Format("2006-01-02 15:04 MST") != "2026-03-29 01:30 UTC" {
		t.Errorf("Received 29/03/2026 02:30 (BST) read as %v; want 01:30 UTC", got)
	}
}
