package letters

import (
	"bytes"
	"testing"

	"perinatal-caseload/models"
)

// BenchmarkRenderLetter renders one two-page acceptance letter with its
// video invitation. Target: under 20 ms.
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

// BenchmarkRenderBatch500 renders 500 letters, of every kind and of one to
// three pages, into one PDF for the printer. Target: under 5 s.
//
//	go test ./letters -run '^$' -bench RenderBatch500 -benchmem
func BenchmarkRenderBatch500(b *testing.B) {
	letters := batchLetters(b, syntheticWomen(b, 500))
	b.ReportAllocs()
	var pdf []byte
	for b.Loop() {
		var err error
		if pdf, err = RenderBatch(letters, nil); err != nil {
			b.Fatal(err)
		}
	}
	// Report the size of the job: pages (each page object is "/Type /Page")
	// and megabytes.
	b.ReportMetric(float64(bytes.Count(pdf, []byte("/Type /Page\n"))), "pages")
	b.ReportMetric(float64(len(pdf))/1e6, "MB")
}
