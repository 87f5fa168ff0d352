package app

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"perinatal-caseload/models"
)

// pdfPages extracts each page's text with pdftotext (see pdfText), which
// ends every page with a form feed.
func pdfPages(t *testing.T, pdf []byte) []string {
	t.Helper()
	pages := strings.Split(pdfText(t, pdf), "\f")
	return pages[:len(pages)-1]
}

// issueDay issues acceptance packs for n women today and returns the
// issued letters ordered as the day's print run orders them: by recipient.
func issueDay(t *testing.T, s *Services, n int) (*models.StaffMember, []models.Letter) {
	t.Helper()
	admin := addStaff(t, s, "admin", models.RoleAdministrator)
	doc := addStaff(t, s, "doc", models.RoleClinician)
	var all []models.Letter
	for i, k := 0, 0; i < n; k++ {
		nhs, ok := models.NHSNumberWithCheckDigit(fmt.Sprintf("999%06d", 300+k*11))
		if !ok {
			continue
		}
		r := sampleReferral(nhs)
		r.Patient.GivenName = []string{"Zoë", "Łucja", "Ștefana", "Олена"}[i%4]
		r.Patient.FamilyName = fmt.Sprintf("Nguyễn-%c", 'A'+i)
		acceptedWithVideo(t, s, admin, doc, r)
		issued, err := s.Letters.IssuePack(admin, r.ID, "")
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, issued...)
		i++
	}
	sort.SliceStable(all, func(i, j int) bool {
		a, b := strings.ToLower(all[i].RecipientName), strings.ToLower(all[j].RecipientName)
		return a < b || a == b && all[i].ID < all[j].ID
	})
	return admin, all
}

// TestPrintDayPrintsTheStoredLetters checks that "Print today's letters"
// prints what the register holds: every page of the print run reads as the
// same page of the stored letter, in order, and there are exactly as many
// pages as the stored letters have between them.
func TestPrintDayPrintsTheStoredLetters(t *testing.T) {
	s, _, _ := newTestServices(t)
	admin, stored := issueDay(t, s, 4)
	var want []string
	for _, l := range stored {
		pages := pdfPages(t, l.PDF)
		if strings.Contains(strings.Join(pages, ""), "DRAFT") {
			t.Errorf("issued letter %d is marked DRAFT", l.ID)
		}
		want = append(want, pages...)
	}
	calls := 0
	pdf, n, err := s.Letters.PrintDay(admin, testNow, func(done, total int) {
		calls++
		if total != len(stored) || done != calls {
			t.Errorf("progress(%d, %d) at call %d", done, total, calls)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != len(stored) || calls != len(stored) {
		t.Errorf("PrintDay reports %d letters and %d progress calls; %d were issued", n, calls, len(stored))
	}
	got := pdfPages(t, pdf)
	if len(got) != len(want) {
		t.Fatalf("the print run has %d pages; the stored letters have %d", len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("page %d of the print run differs from the stored letter's page:\n%s\nwant\n%s", i+1, got[i], want[i])
		}
	}
	var prints int64
	s.Letters.db.Model(&models.AuditEvent{}).Where("action = ? AND entity = ?", ActionPrint, "letter").Count(&prints)
	if prints != 1 {
		t.Errorf("%d print events were audited, want 1", prints)
	}
}

// TestPrintDayRefusesALetterThatWasChanged refuses to print a day whose
// stored PDF no longer matches its fingerprint, naming the letter by its
// number only.
func TestPrintDayRefusesALetterThatWasChanged(t *testing.T) {
	s, _, _ := newTestServices(t)
	admin, stored := issueDay(t, s, 1)
	l := stored[len(stored)-1]
	changed := append([]byte(nil), l.PDF...)
	changed[len(changed)/2] ^= 0xFF
	if err := s.Letters.db.Model(&models.Letter{}).Where("id = ?", l.ID).Update("pdf", changed).Error; err != nil {
		t.Fatal(err)
	}
	_, _, err := s.Letters.PrintDay(admin, testNow, nil)
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("letter %d does not match its stored fingerprint", l.ID)) {
		t.Fatalf("got %v", err)
	}
	if strings.Contains(err.Error(), "Nguyễn") {
		t.Errorf("the error names her: %v", err)
	}
}

// TestPreviewsAreDrafts checks the two previews, the pack rendered without
// issuing (the command line's letters command) and the template editor's
// sample, carry DRAFT on every page.
func TestPreviewsAreDrafts(t *testing.T) {
	s, _, admin, doc := newTeamServices(t)
	r := acceptedWithVideo(t, s, admin, doc, sampleReferral("9434765919"))
	pack, pdfs, err := s.Letters.RenderPack(admin, nil, r.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	sample, err := s.Letters.PreviewTemplatePDF(admin, models.LetterAcceptance, templateBody(t, s, models.LetterAcceptance))
	if err != nil {
		t.Fatal(err)
	}
	for i, pdf := range append(pdfs, sample) {
		if i < len(pack) && !pack[i].Letter.Draft {
			t.Errorf("pack letter %d is not marked as a draft", i+1)
		}
		for p, text := range pdfPages(t, pdf) {
			if !strings.Contains(text, "DRAFT") {
				t.Errorf("preview %d, page %d is not marked DRAFT", i+1, p+1)
			}
		}
	}
}

// TestRenderErrorsNameTheReferralNotHer: a letter that cannot be drawn is
// explained by referral and recipient, never by her name.
//
// Hazard: HAZ-020.
func TestRenderErrorsNameTheReferralNotHer(t *testing.T) {
	s, _, admin, doc := newTeamServices(t)
	r := acceptedWithVideo(t, s, admin, doc, sampleReferral("9434765919"))
	// Her name, changed underneath intake, to one the letters cannot print.
	if err := s.Letters.db.Model(&models.Patient{}).Where("id = ?", r.PatientID).Update("given_name", "Zoë 😀").Error; err != nil {
		t.Fatal(err)
	}
	_, _, err := s.Letters.RenderPack(admin, nil, r.ID, "")
	want := fmt.Sprintf("letter to her for referral %d cannot be drawn: patient's name:", r.ID)
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("got %v, want an error saying %q", err, want)
	}
	if strings.Contains(err.Error(), "Zoë") || strings.Contains(err.Error(), "Nguyễn") {
		t.Errorf("the error names her: %v", err)
	}
}
