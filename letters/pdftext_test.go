package letters

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The tests read PDFs back with poppler-utils (pdftotext, pdfinfo), as the
// design asks: what is checked is what a printer would print.

func needPoppler(t testing.TB) {
	t.Helper()
	for _, tool := range []string{"pdftotext", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is needed to check letters: install poppler-utils (apt-get install -y poppler-utils)", tool)
		}
	}
}

// writePDF saves pdf bytes in a temporary file and returns its path.
func writePDF(t testing.TB, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "letter.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

var pagesRE = regexp.MustCompile(`(?m)^Pages:\s+(\d+)`)

// pageCount asks pdfinfo how many pages a PDF has.
func pageCount(t testing.TB, path string) int {
	t.Helper()
	out, err := exec.Command("pdfinfo", path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, out)
	}
	m := pagesRE.FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo gave no page count:\n%s", out)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// pageText extracts one page's text with pdftotext -layout -f n -l n.
func pageText(t testing.TB, path string, n int) string {
	t.Helper()
	p := strconv.Itoa(n)
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", "-f", p, "-l", p, path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext page %d: %v", n, err)
	}
	return string(out)
}

// pageTexts returns the text of every page, one pdftotext call per page.
func pageTexts(t testing.TB, pdf []byte) []string {
	t.Helper()
	needPoppler(t)
	path := writePDF(t, pdf)
	n := pageCount(t, path)
	texts := make([]string, n)
	for i := range texts {
		texts[i] = pageText(t, path, i+1)
	}
	return texts
}

// flat joins a page's text into one line with single spaces, so that a
// phrase is found even where -layout spaced it out or wrapped it.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// identity is what every page of a letter must show.
type identity struct {
	name, dob, nhs string
}

// checkEveryPage asserts that each page carries the woman's name exactly,
// her date of birth, her NHS number grouped 3-3-4, "Private and
// confidential" and "Page i of n".
func checkEveryPage(t *testing.T, pages []string, id identity) {
	t.Helper()
	for i, text := range pages {
		want := []string{
			id.name,
			id.dob,
			id.nhs,
			"Private and confidential",
			"Page " + strconv.Itoa(i+1) + " of " + strconv.Itoa(len(pages)),
		}
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("page %d of %d does not show %q; it reads:\n%s", i+1, len(pages), w, text)
			}
		}
	}
}

// pdfInfo returns pdfinfo's report on a PDF, with dates as written in it.
func pdfInfo(t testing.TB, pdf []byte) string {
	t.Helper()
	out, err := exec.Command("pdfinfo", "-rawdates", writePDF(t, pdf)).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, out)
	}
	return string(bytes.TrimSpace(out))
}

// docTexts returns the text of every page from one pdftotext call, which
// ends each page with a form feed: quicker than pageTexts for many pages.
func docTexts(t testing.TB, pdf []byte) []string {
	t.Helper()
	needPoppler(t)
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", writePDF(t, pdf), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(string(out), "\f")
	return pages[:len(pages)-1] // after the last form feed
}
