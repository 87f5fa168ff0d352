package letters

import (
	"bytes"
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

// TestBatchEveryPageBelongsToOneWoman renders 100 letters for 100 women
// into one PDF and reads back every page: each shows its own woman's name,
// date of birth and NHS number and its own "Page x of y", and no page shows
// another woman's name or NHS number.
func TestBatchEveryPageBelongsToOneWoman(t *testing.T) {
	women := syntheticWomen(t, 100)
	letters := batchLetters(t, women)

	// Each letter on its own, for its page count.
	counts := make([]int, len(letters))
	sum := 0
	for i, l := range letters {
		needPoppler(t)
		counts[i] = pageCount(t, writePDF(t, render(t, l)))
		sum += counts[i]
	}

	calls, last := 0, 0
	pdf, err := RenderBatch(letters, func(done, total int) {
		calls++
		if total != len(letters) || done != last+1 {
			t.Errorf("progress(%d, %d) after %d", done, total, last)
		}
		last = done
	})
	if err != nil {
		t.Fatal(err)
	}
	if calls != len(letters) || last != len(letters) {
		t.Errorf("progress was called %d times, reaching %d", calls, last)
	}

	pages := pageTexts(t, pdf)
	if len(pages) != sum {
		t.Fatalf("the batch has %d pages; the letters have %d between them", len(pages), sum)
	}
	multi := 0
	page := 0
	for i, w := range women {
		if counts[i] > 1 {
			multi++
		}
		own := pages[page : page+counts[i]]
		page += counts[i]
		dob := letters[i].Patient.DateOfBirth.UK()
		checkEveryPage(t, own, identity{name: w.name, dob: dob, nhs: models.FormatNHSNumber(w.nhs)})
		for k, text := range own {
			for j, other := range women {
				if j == i {
					continue
				}
				if strings.Contains(text, other.name) || strings.Contains(text, models.FormatNHSNumber(other.nhs)) || strings.Contains(text, other.nhs) {
					t.Errorf("page %d of letter %d (%s) shows woman %d's name or NHS number", k+1, i+1, w.name, j+1)
				}
			}
		}
	}
	if multi < 30 {
		t.Errorf("only %d letters ran to more than one page; the test needs more", multi)
	}
}

func TestBatchIsDeterministic(t *testing.T) {
	letters := batchLetters(t, syntheticWomen(t, 12))
	a, err := RenderBatch(letters, nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := RenderBatch(letters, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("the same batch gave different bytes")
	}
}

func TestBatchErrorNamesThePositionNotThePatient(t *testing.T) {
	women := syntheticWomen(t, 5)
	letters := batchLetters(t, women)
	letters[2].Patient.NHSNumber = "9876544321"
	_, err := RenderBatch(letters, func(int, int) { t.Error("progress reported for a batch that fails its checks") })
	if err == nil || !strings.HasPrefix(err.Error(), "letter 3 of 5: patient's NHS number:") {
		t.Fatalf("got %v", err)
	}
	if strings.Contains(err.Error(), women[2].name) || strings.Contains(err.Error(), "9876544321") {
		t.Errorf("the error names the patient: %v", err)
	}
	if _, err := RenderBatch(nil, nil); err == nil {
		t.Error("an empty batch was accepted")
	}
}
