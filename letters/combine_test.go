package letters

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"perinatal-caseload/models"
)

// issued renders each letter on its own, as IssuePack stores it.
func issued(t testing.TB, ls []Letter) [][]byte {
	t.Helper()
	out := make([][]byte, len(ls))
	for i, l := range ls {
		out[i] = render(t, l)
	}
	return out
}

// TestCombineTakesOverTheIssuedPages joins 50 issued letters, of every
// kind and of one to three pages, and reads back every page: the print run
// has exactly the letters' pages, in order, each reading as it does in the
// issued letter, so each page still carries its own woman and its own
// "Page x of y".
func TestCombineTakesOverTheIssuedPages(t *testing.T) {
	women := syntheticWomen(t, 50)
	ls := batchLetters(t, women)
	ls[1].Copy, ls[2].LargePrint = true, true
	pdfs := issued(t, ls)

	var want []string
	multi := 0
	counts := make([]int, len(pdfs))
	for i, pdf := range pdfs {
		pages := docTexts(t, pdf)
		counts[i] = len(pages)
		if len(pages) > 1 {
			multi++
		}
		want = append(want, pages...)
	}
	if multi < 15 {
		t.Fatalf("only %d letters ran to more than one page; the test needs more", multi)
	}

	calls, last := 0, 0
	pdf, err := Combine(pdfs, func(done, total int) {
		calls++
		if total != len(pdfs) || done != last+1 {
			t.Errorf("progress(%d, %d) after %d", done, total, last)
		}
		last = done
	})
	if err != nil {
		t.Fatal(err)
	}
	if calls != len(pdfs) || last != len(pdfs) {
		t.Errorf("progress was called %d times, reaching %d", calls, last)
	}
	got := docTexts(t, pdf)
	if n := pageCount(t, writePDF(t, pdf)); n != len(got) {
		t.Fatalf("pdfinfo counts %d pages, pdftotext %d", n, len(got))
	}
	if len(got) != len(want) {
		t.Fatalf("the print run has %d pages; the letters have %d between them", len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("page %d of the print run differs from the issued letter's page:\n%s\nwant\n%s", i+1, got[i], want[i])
		}
	}
	page := 0
	for i, l := range ls {
		n := counts[i]
		checkEveryPage(t, got[page:page+n], identity{name: women[i].name, dob: l.Patient.DateOfBirth.UK(), nhs: models.FormatNHSNumber(women[i].nhs)})
		page += n
	}
}

func TestCombineOneLetter(t *testing.T) {
	l := testLetter(t, models.LetterAcceptance, "Zoë Ó Súilleabháin")
	pdf := render(t, l)
	out, err := Combine([][]byte{pdf}, nil)
	if err != nil {
		t.Fatal(err)
	}
	a, b := pageTexts(t, pdf), pageTexts(t, out)
	if strings.Join(a, "\f") != strings.Join(b, "\f") {
		t.Error("one letter printed on its own reads differently")
	}
}

func TestCombineRefusesWhatIsNotAPDF(t *testing.T) {
	women := syntheticWomen(t, 4)
	pdfs := issued(t, batchLetters(t, women))
	pdfs[2] = []byte("%PDF-1.3\nthis is not a letter")
	calls := 0
	_, err := Combine(pdfs, func(int, int) { calls++ })
	if err == nil || !strings.HasPrefix(err.Error(), "letter 3 of 4 cannot be read as a PDF") {
		t.Fatalf("got %v", err)
	}
	if calls != 2 {
		t.Errorf("progress was reported %d times before the bad letter", calls)
	}
	if strings.Contains(err.Error(), women[2].name) {
		t.Errorf("the error names the patient: %v", err)
	}
	if _, err := Combine(nil, nil); err == nil {
		t.Error("an empty print run was accepted")
	}
}

var streamRE = regexp.MustCompile(`(?s)stream\r?\n(.*?)\r?\nendstream`)

// TestCombineKeepsTheIssuedBytes checks that every stream of every issued
// letter (its pages' content, its fonts, its images) is in the print run
// byte for byte: the pages are the register's, not drawn again.
func TestCombineKeepsTheIssuedBytes(t *testing.T) {
	ls := batchLetters(t, syntheticWomen(t, 6))
	letterhead(t, &ls[0])
	signed(t, &ls[0])
	pdfs := issued(t, ls)
	out, err := Combine(pdfs, nil)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for i, pdf := range pdfs {
		for _, m := range streamRE.FindAllSubmatch(pdf, -1) {
			n++
			if !bytes.Contains(out, m[1]) {
				t.Errorf("a stream of letter %d (%d bytes) is not in the print run as issued", i+1, len(m[1]))
			}
		}
	}
	if n < 6*8 {
		t.Errorf("only %d streams were compared", n)
	}
}
