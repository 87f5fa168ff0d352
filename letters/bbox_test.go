package letters

import (
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// placed is one word as pdftotext -bbox places it, in millimetres from the
// top left of the page.
type placed struct {
	text           string
	x0, y0, x1, y1 float64
}

// size returns the type size (points) the word is set in. pdftotext's box
// is the font's ascent plus descent high: 1.362 em for Noto Sans
// (ascender 1069, descender 293, in 1000 units an em).
func (w placed) size() float64 { return (w.y1 - w.y0) / (25.4 / 72) / 1.362 }

// pageWords reads the words of page n of the PDF at path, with their boxes.
func pageWords(t testing.TB, path string, n int) []placed {
	t.Helper()
	p := strconv.Itoa(n)
	out, err := exec.Command("pdftotext", "-bbox", "-f", p, "-l", p, path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox page %d: %v", n, err)
	}
	return parseWords(string(out))
}

func parseWords(html string) []placed {
	const mm = 72 / 25.4
	var words []placed
	for _, m := range wordRE.FindAllStringSubmatch(html, -1) {
		v := [4]float64{}
		for i := range v {
			v[i], _ = strconv.ParseFloat(m[i+1], 64)
			v[i] /= mm
		}
		words = append(words, placed{text: m[5], x0: v[0], y0: v[1], x1: v[2], y1: v[3]})
	}
	return words
}

// allPageWords reads every page's words, from one pdftotext call.
func allPageWords(t testing.TB, pdf []byte) [][]placed {
	t.Helper()
	needPoppler(t)
	out, err := exec.Command("pdftotext", "-bbox", writePDF(t, pdf), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	parts := strings.Split(string(out), "<page ")
	pages := make([][]placed, 0, len(parts)-1)
	for _, p := range parts[1:] {
		pages = append(pages, parseWords(p))
	}
	return pages
}
