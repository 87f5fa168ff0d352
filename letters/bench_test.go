package letters

import (
	"bytes"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"

	"perinatal-caseload/models"
)

// BenchmarkRenderLetter renders one acceptance letter with its video
// invitation. Target: under 20 ms.
//
//	go test ./letters -run '^$' -bench RenderLetter -benchmem
func BenchmarkRenderLetter(b *testing.B) {
	l := testLetter(b, models.LetterAcceptance, "Zoë Ó Súilleabháin")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Render(l); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderLetterWithImages renders the same letter with a logo in
// the letterhead and a signature image. Target: under 20 ms.
func BenchmarkRenderLetterWithImages(b *testing.B) {
	l := testLetter(b, models.LetterAcceptance, "Zoë Ó Súilleabháin")
	l.Service.Logo = testLogo(b)
	l.Author.Signature = testSignature(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Render(l); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCombine500 joins 500 issued letters, of every kind and of one
// to three pages, into one PDF for the printer, as "Print today's letters"
// does. Target: under 5 s.
//
//	go test ./letters -run '^$' -bench Combine500 -benchmem
func BenchmarkCombine500(b *testing.B) {
	ls := batchLetters(b, syntheticWomen(b, 500))
	pdfs := make([][]byte, len(ls))
	for i, l := range ls {
		pdfs[i] = render(b, l)
	}
	b.ReportAllocs()
	b.ResetTimer()
	var pdf []byte
	for b.Loop() {
		var err error
		if pdf, err = Combine(pdfs, nil); err != nil {
			b.Fatal(err)
		}
	}
	// Report the size of the job: pages and megabytes.
	pages, err := api.PageCount(bytes.NewReader(pdf), combineConfig())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(pages), "pages")
	b.ReportMetric(float64(len(pdf))/1e6, "MB")
}
