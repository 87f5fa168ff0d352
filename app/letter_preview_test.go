package app

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"perinatal-caseload/models"
)

func TestRegisterCountMatchesTheRegisterPages(t *testing.T) {
	s, _, admin, doc := newTeamServices(t)
	r := acceptedWithVideo(t, s, admin, doc, sampleReferral("9434765919"))
	if _, err := s.Letters.IssuePack(admin, r.ID, ""); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		f    LetterFilter
		want int64
	}{
		{LetterFilter{}, 2},
		{LetterFilter{ReferralID: r.ID, Kind: models.LetterAcceptance}, 2},
		{LetterFilter{Recipient: "Zoë"}, 1},
		{LetterFilter{Kind: models.LetterNotAccepted}, 0},
		{LetterFilter{Day: testNow}, 2},
		{LetterFilter{Day: testNow.AddDate(0, 0, 1)}, 0},
	} {
		n, err := s.Letters.RegisterCount(doc, c.f)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := s.Letters.Register(doc, c.f, 0, 100)
		if err != nil {
			t.Fatal(err)
		}
		if n != c.want || int64(len(rows)) != n {
			t.Errorf("filter %+v: count %d, %d rows, want %d", c.f, n, len(rows), c.want)
		}
	}
}

func TestPreviewTemplateUsesSampleDataAndRefusesUnknownFields(t *testing.T) {
	s, _, _ := newTestServices(t)
	doc := addStaff(t, s, "doc", models.RoleClinician)
	body := templateBody(t, s, models.LetterOutcomeCaseload)
	l, err := s.Letters.PreviewTemplate(doc, models.LetterOutcomeCaseload, body)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(l.Body, "Łucja Kowalczyk") || !models.IsTestNHSNumber(l.Patient.NHSNumber) {
		t.Errorf("preview is not filled with sample data: %q, NHS %s", l.Body, l.Patient.NHSNumber)
	}
	if name := s.Settings.Get(SetServiceName); l.Service.Name != name {
		t.Errorf("preview letterhead is %q, want the service's name from settings %q", l.Service.Name, name)
	}
	pdf, err := s.Letters.PreviewTemplatePDF(doc, models.LetterOutcomeCaseload, body)
	if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF")) {
		t.Fatalf("preview PDF: %d bytes, %v", len(pdf), err)
	}
	if _, err := s.Letters.PreviewTemplate(doc, models.LetterOutcomeCaseload, body+"\n{{.ShoeSize}}"); err == nil || !strings.Contains(err.Error(), "ShoeSize") {
		t.Errorf("preview of an unknown field = %v, want it named", err)
	}
	var perm *PermissionError
	if _, err := s.Letters.PreviewTemplate(&models.StaffMember{Name: "Nobody", Record: models.Record{ID: 999}}, models.LetterOutcomeCaseload, body); !errors.As(err, &perm) {
		t.Errorf("preview without a role = %v, want a permission error", err)
	}
}
