package letters

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"perinatal-caseload/models"
)

var (
	firstNames = []string{"Zoë", "Siobhán", "Łucja", "Aoife", "Chloé", "Renée", "Małgorzata", "Thảo", "Ayşe", "Zsófia",
		"Ingrid", "Amira", "Ngozi", "Fatimah", "Bronwen", "Mária", "Ewa", "Hồng", "Chiamaka", "Noémie",
		"Saoirse", "Agnieszka", "Linh", "Oluwaseun", "Élodie", "Dóra", "Kirsty", "Yasmin", "Ilona", "Gráinne"}
	surnames = []string{"Nguyễn", "Ó Súilleabháin", "Wiśniewska", "Kowalczyk", "Brontë", "Müller", "Øvergård",
		"Trần", "Dąbrowska", "Şahin", "Ferreira", "MacLeòid", "Patel", "Okonkwo", "Jóhannsdóttir", "Lefèvre",
		"Czerwińska", "Phạm", "Ní Bhriain", "Hålland"}
)

// woman is one synthetic patient for the batch tests.
type woman struct {
	first, name, nhs, dob string
}

// syntheticWomen returns n women with distinct names (no name inside
// another), valid distinct NHS numbers in the 999 test range, and
// distinct dates of birth.
func syntheticWomen(t testing.TB, n int) []woman {
	t.Helper()
	var out []woman
	for i := 0; len(out) < n; i++ {
		// Every pair of first name and surname once, mixed.
		a := i % len(firstNames)
		first := firstNames[a]
		last := surnames[(i/len(firstNames)+a)%len(surnames)]
		if i >= len(firstNames)*len(surnames) {
			t.Fatalf("only %d distinct synthetic names", len(out))
		}
		nhs, ok := models.NHSNumberWithCheckDigit(fmt.Sprintf("999%06d", 100+i*7))
		if !ok || namedInSample(first+" "+last) {
			continue
		}
		out = append(out, woman{first: first, name: first + " " + last, nhs: nhs,
			dob: models.NewDate(1985+i%15, time.Month(1+i%12), 1+i%28).ISO()})
	}
	for i, a := range out {
		for j, b := range out {
			if i != j && (strings.Contains(a.name, b.name) || a.nhs == b.nhs) {
				t.Fatalf("the synthetic women are not distinct: %q and %q", a.name, b.name)
			}
		}
	}
	return out
}

// namedInSample reports whether a name appears in the sample fields (the key
// worker, the referrer), where it would look like another woman's name.
func namedInSample(name string) bool {
	for _, f := range FieldInfos() {
		if strings.Contains(f.Example, name) {
			return true
		}
	}
	return false
}

// batchLetters builds one letter per woman, of every kind in turn, some
// long enough for two or three pages.
func batchLetters(t testing.TB, women []woman) []Letter {
	t.Helper()
	svc := sampleService()
	letters := make([]Letter, len(women))
	for i, w := range women {
		kind := models.LetterKinds[i%len(models.LetterKinds)]
		f := SampleFields()
		f.SetService(svc)
		f.FirstName, f.FullName = w.first, w.name
		f.NHSNumber = models.FormatNHSNumber(w.nhs)
		body, err := DefaultTemplate(kind)
		if err != nil {
			t.Fatal(err)
		}
		text, err := Merge(body, f)
		if err != nil {
			t.Fatal(err)
		}
		for range i % 3 * 6 {
			text += "\nWe have added this paragraph so that some letters run onto another page, to test that the pages of each letter are numbered on their own.\n"
		}
		var dob models.Date
		if err := dob.UnmarshalText([]byte(w.dob)); err != nil {
			t.Fatal(err)
		}
		home := Person{Name: w.name, Address: []string{strconv.Itoa(i+1) + " Sample Street", "Leicester", "LE2 0AA"}}
		gp := Person{Name: "Dr Amara Okafor", Role: "GP", Organisation: "Sample Medical Centre", Address: []string{"1 Surgery Road", "Leicester", "LE3 0BB"}}
		recipient, copyTo := home, []Person{gp}
		if WrittenToReferrer(kind) {
			recipient, copyTo = gp, []Person{{Name: w.name}}
		}
		letters[i] = Letter{
			Kind:      kind,
			Date:      models.NewDate(2026, 11, 23).AddDays(i % 5),
			Patient:   Patient{Name: w.name, DateOfBirth: dob, NHSNumber: w.nhs, Address: home.Address},
			Recipient: recipient,
			CopyTo:    copyTo,
			Author:    Person{Name: "Dr Priya Shah", Role: "Consultant perinatal psychiatrist"},
			Body:      text,
			Service:   svc,
		}
	}
	return letters
}
