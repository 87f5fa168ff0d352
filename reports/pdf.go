package reports

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/jung-kurt/gofpdf"
	"gonum.org/v1/plot/vg"

	"perinatal-caseload/letters"
)

// The page: A4 portrait, in millimetres.
const (
	pageW, marginX, marginTop, marginBottom = 210.0, 15.0, 15.0, 18.0
	bodyW                                   = pageW - 2*marginX
	chartH                                  = 70.0
	fontFamily                              = "NotoSans"
)

// PDF returns every report of the set as one PDF: a heading with the
// period, then each report's table and its chart, with "Page x of y" on
// every page. A set drawn from a database holding demo records says so at
// the top of every page.
func PDF(s Set) ([]byte, error) {
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.SetCatalogSort(true)
	pdf.SetCompression(true)
	pdf.SetCreationDate(s.Created)
	pdf.SetModificationDate(s.Created)
	pdf.SetCreator("Perinatal Caseload", true)
	pdf.SetTitle("Reports "+s.Period, true)
	pdf.SetAuthor(s.Title, true)
	regular, bold := letters.Fonts()
	pdf.AddUTF8FontFromBytes(fontFamily, "", regular)
	pdf.AddUTF8FontFromBytes(fontFamily, "B", bold)
	pdf.SetMargins(marginX, marginTop, marginX)
	pdf.SetAutoPageBreak(true, marginBottom)
	pdf.AliasNbPages("{nb}")
	pdf.SetHeaderFunc(func() {
		pdf.SetFont(fontFamily, "", 8)
		pdf.SetTextColor(90, 90, 90)
		head := s.Title + " · Reports " + s.Period
		if s.Demo {
			head = "DEMO DATA – NOT REAL PATIENTS · " + head
		}
		pdf.CellFormat(bodyW, 5, head, "", 1, "L", false, 0, "")
		pdf.SetTextColor(0, 0, 0)
		pdf.Ln(2)
	})
	pdf.SetFooterFunc(func() {
		pdf.SetY(-12)
		pdf.SetFont(fontFamily, "", 8)
		pdf.CellFormat(bodyW, 5, fmt.Sprintf("Page %d of {nb}", pdf.PageNo()), "", 0, "C", false, 0, "")
	})
	pdf.AddPage()
	pdf.SetFont(fontFamily, "B", 16)
	pdf.MultiCell(bodyW, 8, "Reports for the team manager", "", "L", false)
	pdf.SetFont(fontFamily, "", 10)
	pdf.MultiCell(bodyW, 5, fmt.Sprintf("%s\n%s\nMade %s", s.Title, s.Period, s.Created.Format("02/01/2006 15:04")), "", "L", false)
	pdf.Ln(4)
	for i, t := range s.Tables {
		if err := writeTable(pdf, t, i == 0); err != nil {
			return nil, err
		}
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("reports: writing the PDF: %w", err)
	}
	return buf.Bytes(), nil
}

// writeTable prints one report: a new page unless it is the first, its
// title and note, its table and its chart.
func writeTable(pdf *gofpdf.Fpdf, t Table, first bool) error {
	if !first {
		pdf.AddPage()
	}
	pdf.SetFont(fontFamily, "B", 13)
	pdf.MultiCell(bodyW, 7, t.Title, "", "L", false)
	if t.Note != "" {
		pdf.SetFont(fontFamily, "", 8.5)
		pdf.MultiCell(bodyW, 4, t.Note, "", "L", false)
	}
	pdf.Ln(2)
	widths := columnWidths(pdf, t)
	drawRow(pdf, widths, t.Columns, true)
	for _, r := range t.Rows {
		drawRow(pdf, widths, r, false)
	}
	if t.Chart == nil {
		return nil
	}
	png, err := ChartPNG(t.Title, *t.Chart, vg.Millimeter*bodyW, vg.Millimeter*chartH)
	if err != nil {
		return err
	}
	pdf.Ln(4)
	if pdf.GetY()+chartH > 297-marginBottom {
		pdf.AddPage()
	}
	name := "chart-" + t.Key
	pdf.RegisterImageOptionsReader(name, gofpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(png))
	pdf.ImageOptions(name, marginX, pdf.GetY(), bodyW, chartH, false, gofpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	pdf.SetY(pdf.GetY() + chartH)
	return pdf.Error()
}

// columnWidths shares the body width among the columns: each gets at
// least its widest word (so no word is broken), and the room left over
// goes to the columns in proportion to how much wider their text would
// like to be; the first (label) column wants at least a quarter.
func columnWidths(pdf *gofpdf.Fpdf, t Table) []float64 {
	n := len(t.Columns)
	least, want := make([]float64, n), make([]float64, n)
	measure := func(i int, text string) {
		want[i] = max(want[i], min(pdf.GetStringWidth(text)+6, bodyW/2))
		for _, w := range strings.Fields(text) {
			least[i] = max(least[i], pdf.GetStringWidth(w)+6) // SplitText and MultiCell keep a cell margin each side
		}
	}
	pdf.SetFont(fontFamily, "B", 8)
	for i, c := range t.Columns {
		measure(i, c)
	}
	pdf.SetFont(fontFamily, "", 8)
	for _, r := range t.Rows {
		for i := 0; i < n && i < len(r); i++ {
			measure(i, r[i])
		}
	}
	if n > 0 {
		want[0] = max(want[0], bodyW/4)
	}
	sumLeast, sumExtra := 0.0, 0.0
	for i := range want {
		want[i] = max(want[i], least[i])
		sumLeast += least[i]
		sumExtra += want[i] - least[i]
	}
	room := bodyW - sumLeast
	widths := make([]float64, n)
	for i := range widths {
		switch {
		case room <= 0:
			widths[i] = least[i] * bodyW / sumLeast
		case sumExtra == 0:
			widths[i] = least[i] + room/float64(n)
		default:
			widths[i] = least[i] + room*(want[i]-least[i])/sumExtra
		}
	}
	return widths
}

// drawRow prints one row of cells, wrapping long text within its cell.
func drawRow(pdf *gofpdf.Fpdf, widths []float64, cells []string, head bool) {
	style := ""
	if head {
		style = "B"
	}
	pdf.SetFont(fontFamily, style, 8)
	const lineH = 4.5
	lines := 1
	for i, w := range widths {
		if i < len(cells) {
			lines = max(lines, len(pdf.SplitText(cells[i], w-2)))
		}
	}
	h := float64(lines) * lineH
	if pdf.GetY()+h > 297-marginBottom {
		pdf.AddPage()
	}
	x, y := pdf.GetX(), pdf.GetY()
	if head {
		pdf.SetFillColor(225, 232, 240)
	}
	for i, w := range widths {
		text := ""
		if i < len(cells) {
			text = cells[i]
		}
		pdf.Rect(x, y, w, h, map[bool]string{true: "FD", false: "D"}[head])
		align := "L"
		if i > 0 && !head {
			align = "R"
		}
		pdf.SetXY(x+1, y)
		pdf.MultiCell(w-2, lineH, text, "", align, false)
		x += w
	}
	pdf.SetXY(marginX, y+h)
}
