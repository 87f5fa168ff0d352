package app

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"perinatal-caseload/letters"
	"perinatal-caseload/models"
)

// pdfText extracts a PDF's text with pdftotext (poppler-utils).
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext is missing: install poppler-utils (make test does)")
	}
	path := filepath.Join(t.TempDir(), "letter.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// acceptedWithVideo registers a referral, accepts it and books an Attend
// Anywhere assessment. It returns r.
func acceptedWithVideo(t *testing.T, s *Services, admin, doc *models.StaffMember, r *models.Referral) *models.Referral {
	t.Helper()
	register(t, s, admin, r)
	rec, _ := StoredRecommendation(r)
	if err := s.Referrals.Decide(doc, r.ID, r.Version, Decision{Outcome: models.DecisionAccept, Priority: rec.Priority, Reason: "accepted"}); err != nil {
		t.Fatal(err)
	}
	a := &models.Appointment{ReferralID: r.ID, Kind: models.KindInitialAssessment, Mode: models.ModeVideo,
		StartsAt: time.Date(2026, 11, 30, 14, 30, 0, 0, models.London), DurationMinutes: 60, ClinicianID: doc.ID}
	if err := s.Appointments.Book(admin, a, true); err != nil {
		t.Fatal(err)
	}
	return r
}

// templateBody returns the text of the kind's letter template as it stands.
func templateBody(t *testing.T, s *Services, kind models.LetterKind) string {
	t.Helper()
	tmpl, err := s.Letters.Template(kind)
	if err != nil {
		t.Fatal(err)
	}
	return tmpl.Body
}

func TestIssuePackStoresEachRecipientsLetterInTheRegister(t *testing.T) {
	s, _, admin, doc := newTeamServices(t)
	r := sampleReferral("9434765919")
	r.CopyRecipients = []models.CopyRecipient{{Professional: models.Professional{Name: "Siobhán Byrne", Role: "Community midwife", Organisation: "Leicester Royal Infirmary",
		Address: "Infirmary Square, Leicester, LE1 5WW"}}}
	acceptedWithVideo(t, s, admin, doc, r)

	issued, err := s.Letters.IssuePack(admin, r.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(issued) != 3 { // the woman, her GP (the referrer), the midwife
		t.Fatalf("issued %d letters, want 3", len(issued))
	}
	for _, l := range issued {
		text := pdfText(t, l.PDF)
		for _, want := range []string{"Zoë Nguyễn", "943 476 5919", "02/03/1994", "Private and confidential", "Page 1 of", "https://attendanywhere.example/perinatal", "Siobhán Byrne"} {
			if !strings.Contains(text, want) {
				t.Errorf("letter to %s lacks %q", l.RecipientName, want)
			}
		}
		if l.Kind != models.LetterAcceptance || l.TemplateVersion != 1 || len(l.SHA256) != 64 || l.AuthorID != admin.ID {
			t.Errorf("register row = kind %s, template v%d, sha %q, author %d", l.Kind, l.TemplateVersion, l.SHA256, l.AuthorID)
		}
	}
	rows, err := s.Letters.Register(admin, LetterFilter{ReferralID: r.ID}, 0, 10)
	if err != nil || len(rows) != 3 {
		t.Fatalf("register has %d rows, %v", len(rows), err)
	}
	again, err := s.Letters.PDF(admin, issued[0].ID)
	if err != nil || !bytes.Equal(again, issued[0].PDF) {
		t.Errorf("reprint differs from the issued letter (err %v)", err)
	}
	var audited int64
	s.core.db.Table("audit_events").Where("action = ? AND entity = ?", ActionIssueLetter, "letter").Count(&audited)
	if audited != 3 {
		t.Errorf("%d letter issues audited, want 3", audited)
	}
}

func TestReprintIsTheIssuedDocumentNotTodaysData(t *testing.T) {
	s, clock, admin, doc := newTeamServices(t)
	r := acceptedWithVideo(t, s, admin, doc, sampleReferral("9434765919"))
	issued, err := s.Letters.IssuePack(admin, r.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	clock.Advance(72 * time.Hour)
	if err := s.Settings.Set(admin, SetDutyPhone, "0116 999 9999", 0); err != nil {
		t.Fatal(err)
	}
	again, _ := s.Letters.PDF(admin, issued[0].ID)
	if !bytes.Equal(again, issued[0].PDF) || strings.Contains(pdfText(t, again), "0116 999 9999") {
		t.Error("the reprint changed with today's settings")
	}
}

func TestTemplateWithAnUnknownFieldIsRefused(t *testing.T) {
	s, _, admin := newAdminServices(t)
	tmpl, err := s.Letters.Template(models.LetterAcceptance)
	if err != nil || tmpl.Version != 1 {
		t.Fatalf("template = v%d, %v", tmpl.Version, err)
	}
	err = s.Letters.SaveTemplate(admin, models.LetterAcceptance, tmpl.Body+"\n{{.ShoeSize}}", tmpl.Version)
	var v *models.FieldError
	if !errors.As(err, &v) || !strings.Contains(err.Error(), "ShoeSize") {
		t.Fatalf("SaveTemplate with an unknown field = %v", err)
	}
	if err := s.Letters.SaveTemplate(admin, models.LetterAcceptance, "Dear {{.FirstName}},\n\n{{if .", tmpl.Version); !errors.As(err, &v) {
		t.Errorf("a template that does not parse = %v", err)
	}
	if err := s.Letters.SaveTemplate(admin, models.LetterAcceptance, tmpl.Body+"\nWith best wishes.", tmpl.Version); err != nil {
		t.Fatal(err)
	}
	now, _ := s.Letters.Template(models.LetterAcceptance)
	if now.Version != 2 {
		t.Errorf("saved template is v%d, want 2", now.Version)
	}
}

// Hazard: HAZ-009.
func TestBatchOf100PacksNeverMixesWomen(t *testing.T) {
	if testing.Short() {
		t.Skip("renders 100 packs")
	}
	s, _, admin, doc := newTeamServices(t)
	type woman struct{ name, nhs string }
	var women []woman
	packs := map[string][][]byte{}
	for i := 0; i < 100; i++ {
		nhs, ok := models.NHSNumberWithCheckDigit(fmt.Sprintf("999%06d", 1000+i*13))
		if !ok {
			continue
		}
		r := sampleReferral(nhs)
		// Names hold letters only (intake refuses digits), so each woman's
		// is told apart by a suffix of letters: Łucjaaa, Łucjaab, …
		suffix := string([]rune{'a' + rune(i/26), 'a' + rune(i%26)})
		r.Patient.GivenName = "Łucja" + suffix
		r.Patient.FamilyName = "Nguyễn" + suffix
		acceptedWithVideo(t, s, admin, doc, r)
		issued, err := s.Letters.IssuePack(admin, r.ID, "")
		if err != nil {
			t.Fatal(err)
		}
		w := woman{r.Patient.FullName(), models.FormatNHSNumber(nhs)}
		women = append(women, w)
		for _, l := range issued {
			packs[w.name] = append(packs[w.name], l.PDF)
		}
	}
	for _, w := range women {
		for _, pdf := range packs[w.name] {
			text := pdfText(t, pdf)
			if !strings.Contains(text, w.name) || !strings.Contains(text, w.nhs) {
				t.Fatalf("a letter of %s lacks her own name or NHS number", w.name)
			}
			for _, other := range women {
				if other != w && (strings.Contains(text, other.name) || strings.Contains(text, other.nhs)) {
					t.Fatalf("a letter of %s names %s", w.name, other.name)
				}
			}
		}
	}
	day, _, err := s.Letters.PrintDay(admin, testNow, nil)
	if err != nil {
		t.Fatal(err)
	}
	if text := pdfText(t, day); strings.Count(text, "Private and confidential") < 200 {
		t.Error("the day's print run is missing letters")
	}
}

func TestPackCopiesTheGPWhenSomeoneElseReferred(t *testing.T) {
	s, _, admin, doc := newTeamServices(t)
	r := sampleReferral("9434765919")
	r.Referrer = models.Professional{Name: "Sally Green", Role: string(models.ProfMidwife), Organisation: "Leicester Royal Infirmary",
		Address: "Infirmary Square\nLeicester\nLE1 5WW"}
	r.Patient.GPPractice = "Westcotes Medical Centre"
	addOrganisation(t, s, models.Organisation{Kind: models.OrgGPPractice, Name: "Westcotes Medical Centre", ODSCode: "C82099",
		AddressLines: "2 Fosse Road South\nLeicester", Postcode: "LE3 0LP"})
	acceptedWithVideo(t, s, admin, doc, r)
	pack, err := s.Letters.BuildPack(admin, r.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	var to []string
	for _, p := range pack {
		to = append(to, p.Letter.Recipient.Name)
	}
	if len(pack) != 3 || to[2] != "The GP" {
		t.Fatalf("pack goes to %v; want the woman, the midwife and her GP", to)
	}
	text := pdfText(t, func() []byte { b, _ := letters.Render(pack[0].Letter); return b }())
	if !strings.Contains(text, "The GP, Westcotes Medical Centre") || !strings.Contains(text, "Sally Green, Midwife, Leicester Royal Infirmary") {
		t.Errorf("the copy list does not name the GP practice and the midwife:\n%s", text)
	}
}
