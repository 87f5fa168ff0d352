package app

import (
	"strings"
	"testing"

	"perinatal-caseload/models"
)

// When the kind has a template in her language, she is sent her letter in
// it with the English letter beside it, and every professional's copy is
// the English letter (with the PRSB headings), read back from the issued
// PDFs.
func TestHerLanguageLetterBesideTheEnglishAndEnglishCopies(t *testing.T) {
	w := newWorkflow(t)
	polish := "Szanowna Pani {{.FirstName}}\n\nDziękujemy za rozmowę. Pani koordynatorką opieki jest {{.KeyWorkerName}}."
	if err := w.s.Letters.SaveLanguageTemplate(w.admin, models.LetterOutcomeCaseload, "pl", polish, 0); err != nil {
		t.Fatal(err)
	}
	copied := &models.Professional{Name: "Grace Okafor", Role: string(models.ProfMidwife), Organisation: "Test Maternity",
		Address: "2 Sample Road, Leicester, LE1 1AA"}
	r := w.onCaseload(func(r *models.Referral) {
		r.Patient.InterpreterNeeded, r.Patient.Language = true, "pl"
		r.CopyRecipients = []models.CopyRecipient{{Professional: *copied}}
	}, w.worker)
	issued, err := w.s.Letters.IssuePack(w.admin, r.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(issued) != 4 {
		t.Fatalf("%d letters issued; want hers in English and in Polish, and copies to the GP and the midwife", len(issued))
	}
	polishWords := []string{"Szanowna", "Dziękujemy", "koordynatorką"}
	check := func(i int, role, lang string, want, never []string) {
		t.Helper()
		l := issued[i]
		text := strings.Join(strings.Fields(pdfText(t, l.PDF)), " ")
		if l.RecipientRole != role || l.Language != lang {
			t.Errorf("letter %d is to %q in %q; want to %q in %q", i+1, l.RecipientRole, l.Language, role, lang)
		}
		for _, s := range want {
			if !strings.Contains(text, s) {
				t.Errorf("letter %d (to %s) does not print %q:\n%s", i+1, role, s, text)
			}
		}
		for _, s := range never {
			if strings.Contains(text, s) {
				t.Errorf("letter %d (to %s) prints %q:\n%s", i+1, role, s, text)
			}
		}
	}
	english := []string{"Dear Zoë", "Your key worker is Test worker", "We will book an interpreter in Polish"}
	check(0, rolePatient, "", english, append([]string{"COPY", "Clinical summary"}, polishWords...))
	check(1, rolePatient, "pl", append([]string{"Szanowna Pani Zoë"}, polishWords...), []string{"COPY", "Dear Zoë"})
	professional := append(english, "COPY", "Clinical summary", "Copy to: Dr Test GP, GP")
	check(2, "GP", "", professional, polishWords)
	check(3, "Midwife", "", append(professional, "Grace Okafor"), polishWords)
}
