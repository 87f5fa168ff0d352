package app

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"perinatal-caseload/models"
)

// TestRegisterRefusesWhatIsPastTheIntakeLimits registers one referral for
// each limit, and checks each is refused naming its field and never the
// value, with nothing saved.
func TestRegisterRefusesWhatIsPastTheIntakeLimits(t *testing.T) {
	s, _, _ := newTestServices(t)
	admin := addStaff(t, s, "admin", models.RoleAdministrator)
	many := make([]models.CopyRecipient, models.MaxCopyRecipients+1)
	for i := range many {
		many[i].Professional = models.Professional{Name: fmt.Sprintf("Dr Copy %d", i), Role: "health_visitor"}
	}
	cases := []struct {
		name   string
		change func(r *models.Referral)
		field  models.FieldID
	}{
		{"received in 2099", func(r *models.Referral) { r.ReceivedAt = time.Date(2099, 1, 1, 9, 0, 0, 0, time.UTC) }, models.FieldReceived},
		{"received six minutes ahead", func(r *models.Referral) { r.ReceivedAt = testNow.Add(6 * time.Minute) }, models.FieldReceived},
		{"a name of 10,000 characters", func(r *models.Referral) { r.Patient.FamilyName = strings.Repeat("Nguyễn", 1700) }, models.FieldFamilyName},
		{"a NUL in a name", func(r *models.Referral) { r.Patient.GivenName = "Zo\x00ë" }, models.FieldGivenName},
		{"a bell in the reason", func(r *models.Referral) { r.ReasonForReferral += "\a" }, models.FieldReasonForReferral},
		{"a bidi override in the address", func(r *models.Referral) { r.Patient.AddressLines = "12 \u202EExample Street\nLeicester" }, models.FieldAddress},
		{"21 copy recipients", func(r *models.Referral) { r.CopyRecipients = many }, models.FieldOtherProfessional},
		{"postcode Q1 1AA", func(r *models.Referral) { r.Patient.Postcode = "Q1 1AA" }, models.FieldPostcode},
		{"postcode LE1 5CI", func(r *models.Referral) { r.Patient.Postcode = "LE1 5CI" }, models.FieldPostcode},
	}
	for _, c := range cases {
		r := sampleReferral("9434765919")
		c.change(r)
		err := s.Referrals.Register(admin, r)
		var v models.FieldErrors
		if !errors.As(err, &v) {
			t.Errorf("%s: Register = %v; want a refusal", c.name, err)
			continue
		}
		named := false
		for _, fe := range v {
			named = named || fe.Field == c.field
		}
		if !named {
			t.Errorf("%s: %v does not name %s", c.name, err, c.field)
		}
		if strings.Contains(err.Error(), "Zo") || strings.Contains(err.Error(), "Nguy") || strings.Contains(err.Error(), "Example") {
			t.Errorf("%s: the refusal repeats what was typed: %v", c.name, err)
		}
	}
	if n := countRows(t, s, "referrals"); n != 0 {
		t.Errorf("%d referrals were saved", n)
	}
	ok := sampleReferral("9434765919")
	ok.ReceivedAt = testNow.Add(4 * time.Minute) // within the clocks' allowance
	ok.CopyRecipients = many[:models.MaxCopyRecipients]
	if err := s.Referrals.Register(admin, ok); err != nil {
		t.Errorf("a referral within every limit was refused: %v", err)
	}
}
