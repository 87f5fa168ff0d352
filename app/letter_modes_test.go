package app

import (
	"bytes"
	"image"
	"image/png"
	"strings"
	"testing"
	"time"

	"perinatal-caseload/models"
)

const testBases = "Brandon Unit\nGwendolen Road\nLeicester LE5 4PW\n\nMarket Harborough clinic\n1 Sample Street\nMarket Harborough LE16 0AA"

// The acceptance letter gives what she needs for every way of holding the
// appointment: the link and how to join a video call; when we ring and
// from which number; the clinic's address; who will visit her at home.
func TestAcceptanceLetterGivesEachModesDetails(t *testing.T) {
	w := newWorkflow(t)
	for key, value := range map[string]string{SetBases: testBases, SetCallFromNumber: "0116 295 0000"} {
		if err := w.s.Settings.Set(w.admin, key, value, 0); err != nil {
			t.Fatal(err)
		}
	}
	start := time.Date(2026, 11, 30, 14, 30, 0, 0, models.London)
	cases := []struct {
		mode       models.Mode
		venue      string
		want, none []string
	}{
		{models.ModeVideo, "", []string{"**How:** by video on Attend Anywhere", "**Link:** https://attendanywhere.example/perinatal",
			"camera and a microphone", "Chrome, Safari or Edge", "quiet, private place", "Join a few minutes early",
			"If you cannot join, or you would rather be seen another way, please ring us on 0116 225 6846"}, []string{"**Where:**"}},
		{models.ModeTelephone, "", []string{"**How:** by telephone", "We will ring you at this time", "The call will come from 0116 295 0000"},
			[]string{"someone you trust", "Attend Anywhere", "**Where:**"}},
		{models.ModeFaceToFace, models.ParseBases(testBases)[1].Venue(), []string{"**Where:** Market Harborough clinic, 1 Sample Street, Market Harborough LE16 0AA",
			"bring someone you trust"}, []string{"Attend Anywhere", "Brandon Unit"}},
		{models.ModeFaceToFace, "", []string{"**Where:** Brandon Unit, Gwendolen Road, Leicester LE5 4PW"}, nil},
		{models.ModeHomeVisit, "", []string{"**Where:** at your home", "**Who will visit:** Test doc", "have someone you trust with you"},
			[]string{"Attend Anywhere", "Brandon Unit"}},
	}
	for _, c := range cases {
		r := w.accept(nil)
		f := AppointmentForm{ReferralID: r.ID, Kind: models.KindInitialAssessment, Mode: c.mode, Date: "30/11/2026", Time: "14:30",
			DurationMinutes: 60, ClinicianID: w.doc.ID, Venue: c.venue}
		a, err := w.s.Appointments.BookForm(w.admin, f, true)
		if err != nil {
			t.Fatal(err)
		}
		if !a.StartsAt.Equal(start) || (c.mode == models.ModeFaceToFace) != (a.Venue != "") {
			t.Errorf("%s booked at %v, venue %q", c.mode, a.StartsAt, a.Venue)
		}
		pack, err := w.s.Letters.BuildPack(w.admin, r.ID, "")
		if err != nil {
			t.Fatal(err)
		}
		body := pack[0].Letter.Body
		for _, want := range append(c.want, "**When:** Monday 30 November 2026 at 2:30pm") {
			if !strings.Contains(body, want) {
				t.Errorf("%s: the letter lacks %q:\n%s", c.mode, want, body)
			}
		}
		for _, never := range c.none {
			if strings.Contains(body, never) {
				t.Errorf("%s: the letter says %q:\n%s", c.mode, never, body)
			}
		}
	}
	// With no number set, we ring from the service telephone.
	if err := w.s.Settings.Set(w.admin, SetCallFromNumber, "", 1); err != nil {
		t.Fatal(err)
	}
	if got := w.s.Letters.callFromNumber(); got != "0116 225 6846" {
		t.Errorf("the number we ring from defaults to %q", got)
	}
}

// The medical-review letter gives the date, time, place and with whom of
// the review still to be held.
func TestMedicalReviewLetterGivesDateTimePlaceAndWithWhom(t *testing.T) {
	w := newWorkflow(t)
	w.doc.JobTitle = "Consultant Perinatal Psychiatrist"
	if err := w.s.Staff.Update(w.manager, w.doc); err != nil {
		t.Fatal(err)
	}
	r := w.accept(nil)
	a := w.book(r.ID, models.KindInitialAssessment, w.clock.Now().Add(-time.Hour), w.doc)
	if err := w.s.Appointments.RecordAttendance(w.admin, a.ID, a.Version, models.AttendOnTime, "", ""); err != nil {
		t.Fatal(err)
	}
	if err := w.s.Referrals.RecordOutcome(w.doc, r.ID, w.referral(r.ID).Version, models.OutcomeMedicalReview, ""); err != nil {
		t.Fatal(err)
	}
	pack, err := w.s.Letters.BuildPack(w.admin, r.ID, "")
	if err != nil || !strings.Contains(pack[0].Letter.Body, "We will contact you soon to arrange a date and time") {
		t.Fatalf("the letter before the review is booked: %v", err)
	}
	review := &models.Appointment{ReferralID: r.ID, Kind: models.KindMedicalReview, Mode: models.ModeFaceToFace,
		StartsAt: time.Date(2026, 12, 3, 10, 0, 0, 0, models.London), DurationMinutes: 45, ClinicianID: w.doc.ID}
	if err := w.s.Appointments.Book(w.admin, review, true); err != nil {
		t.Fatal(err)
	}
	pack, err = w.s.Letters.BuildPack(w.admin, r.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	body := pack[0].Letter.Body
	for _, want := range []string{"**When:** Thursday 3 December 2026 at 10:00am",
		"**With:** Test doc, consultant perinatal psychiatrist", "**Where:** Perinatal Mental Health Service, Leicester"} {
		if !strings.Contains(body, want) {
			t.Errorf("the medical-review letter lacks %q:\n%s", want, body)
		}
	}
	w.clock.Set(time.Date(2026, 12, 4, 9, 0, 0, 0, models.London))
	if _, err := w.s.Letters.BuildPack(w.admin, r.ID, ""); err == nil || !strings.Contains(err.Error(), "Thursday 3 December 2026 at 10:00 is in the past") {
		t.Errorf("a medical-review letter after the review = %v; want it refused", err)
	}
}

func TestBasesSettingIsChecked(t *testing.T) {
	s, _, admin := newAdminServices(t)
	if bases := s.Settings.Bases(); len(bases) != 1 || bases[0].Name != "Perinatal Mental Health Service" {
		t.Errorf("with no bases set, Bases = %+v; want the service at its address", bases)
	}
	if err := s.Settings.Set(admin, SetBases, "Brandon Unit", 0); !hasField(err, "Bases for face-to-face appointments (a name, then its address below; a blank line between bases; empty: the service address)") {
		t.Errorf("a base without an address = %v", err)
	}
	if err := s.Settings.Set(admin, SetBases, testBases, 0); err != nil {
		t.Fatal(err)
	}
	if bases := s.Settings.Bases(); len(bases) != 2 || bases[1].Name != "Market Harborough clinic" {
		t.Errorf("Bases = %+v", bases)
	}
}

// signaturePNG returns a small PNG image.
func signaturePNG(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 120, 40))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Each person may set their own signature image; a team manager anyone's.
// The image is printed with the letters they sign; the profession and
// number are checked against the register's shape.
func TestStaffRegistrationAndSignature(t *testing.T) {
	w := newWorkflow(t)
	img := signaturePNG(t)
	if err := w.s.Staff.SetSignature(w.doc, w.doc.ID, []byte("not an image")); !hasField(err, "Signature image") {
		t.Errorf("a signature that is not an image = %v", err)
	}
	if err := w.s.Staff.SetSignature(w.admin, w.doc.ID, img); err == nil {
		t.Error("an administrator set someone else's signature")
	}
	if err := w.s.Staff.SetSignature(w.doc, w.doc.ID, img); err != nil {
		t.Fatal(err)
	}
	doc, _ := w.s.Staff.Get(w.doc.ID)
	if !bytes.Equal(doc.Signature, img) {
		t.Fatal("the signature was not kept")
	}
	doc.ProfessionalRegistration = models.ProfessionalRegistration{Profession: models.ProfessionDoctor, Number: "12345"}
	if err := w.s.Staff.Update(w.manager, doc); !hasField(err, "Registration number") {
		t.Errorf("a GMC number of 5 digits = %v", err)
	}
	doc.Number = "GMC 7654321"
	doc.Signature = nil // an edit never clears the signature
	if err := w.s.Staff.Update(w.manager, doc); err != nil {
		t.Fatal(err)
	}
	doc, _ = w.s.Staff.Get(w.doc.ID)
	if doc.Number != "7654321" || !bytes.Equal(doc.Signature, img) {
		t.Errorf("after the edit: number %q, signature kept %v", doc.Number, bytes.Equal(doc.Signature, img))
	}
	r := w.accept(nil)
	pack, err := w.s.Letters.BuildPack(w.admin, r.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	if a := pack[0].Letter.Author; !bytes.Equal(a.Signature, img) || a.Registration != "GMC 7654321" {
		t.Errorf("the letter's author: registration %q, signature %d bytes", a.Registration, len(a.Signature))
	}
	if err := w.s.Staff.SetSignature(w.manager, w.doc.ID, nil); err != nil {
		t.Fatal(err)
	}
	if doc, _ = w.s.Staff.Get(w.doc.ID); doc.Signature != nil {
		t.Error("the manager could not remove the signature")
	}
	var audited int64
	w.s.core.db.Table("audit_events").Where("entity = ? AND entity_id = ? AND detail LIKE ?", "staff", w.doc.ID, "signature image set, sha256 %").Count(&audited)
	if audited != 1 {
		t.Errorf("%d signature changes audited with the image's fingerprint, want 1", audited)
	}
}
