package letters

import "github.com/jung-kurt/gofpdf"

// measurer gives the printed width of text in the letter fonts. It caches
// each character's advance width, read once from gofpdf's font metrics, so
// laying out a long batch costs little. gofpdf does not kern, so the width of
// a string is exactly the sum of its characters' widths.
type measurer struct {
	pdf   *gofpdf.Fpdf
	units [2]map[rune]int // [regular, bold]: advance width in 1/1000 em
}

func newMeasurer(pdf *gofpdf.Fpdf) *measurer {
	return &measurer{pdf: pdf, units: [2]map[rune]int{{}, {}}}
}

// width returns the width in millimetres of s set in the given weight and
// size (points).
func (m *measurer) width(s string, bold bool, size float64) float64 {
	face := 0
	if bold {
		face = 1
	}
	total := 0
	for _, r := range s {
		u, ok := m.units[face][r]
		if !ok {
			style := ""
			if bold {
				style = "B"
			}
			m.pdf.SetFont(fontFamily, style, size)
			u = m.pdf.GetStringSymbolWidth(string(r))
			m.units[face][r] = u
		}
		total += u
	}
	return float64(total) * ptToMM(size) / 1000
}
