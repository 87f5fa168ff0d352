package letters

import "github.com/jung-kurt/gofpdf"

// opKind is what a drawing operation draws.
type opKind uint8

const (
	opText      opKind = iota // text with its baseline at y
	opRule                    // a horizontal line from x to x+w at y
	opBox                     // a filled rectangle
	opLink                    // a clickable web link over x, y, w, h
	opImage                   // the registered image named text, over x, y, w, h
	opFrame                   // an outlined rectangle over x, y, w, h
	opWatermark               // text turned 45° about its centre x, y, drawn faintly behind the page
)

// op is one drawing operation, laid out before any page exists so that the
// page count of a letter is known before its first footer is drawn.
type op struct {
	kind       opKind
	x, y, w, h float64
	text       string // the text, or the URL of a link
	bold       bool
	size       float64 // points
	color      rgb     // text or line colour
	fill       rgb     // box fill
	line       float64 // frame line width
}

// shift returns the op moved down by dy.
func (o op) shift(dy float64) op {
	o.y += dy
	return o
}

// textOp returns an op drawing s with its baseline at y.
func textOp(x, y float64, s string, bold bool, size float64, c rgb) op {
	return op{kind: opText, x: x, y: y, text: s, bold: bold, size: size, color: c}
}

// draw renders the op on the current page.
func (o op) draw(pdf *gofpdf.Fpdf) {
	switch o.kind {
	case opText:
		style := ""
		if o.bold {
			style = "B"
		}
		pdf.SetFont(fontFamily, style, o.size)
		pdf.SetTextColor(o.color.r, o.color.g, o.color.b)
		pdf.Text(o.x, o.y, o.text)
	case opRule:
		pdf.SetDrawColor(o.color.r, o.color.g, o.color.b)
		pdf.SetLineWidth(o.h)
		pdf.Line(o.x, o.y, o.x+o.w, o.y)
	case opBox:
		pdf.SetFillColor(o.fill.r, o.fill.g, o.fill.b)
		pdf.Rect(o.x, o.y, o.w, o.h, "F")
	case opLink:
		pdf.LinkString(o.x, o.y, o.w, o.h, o.text)
	case opImage:
		pdf.ImageOptions(o.text, o.x, o.y, o.w, o.h, false, gofpdf.ImageOptions{}, 0, "")
	case opFrame:
		pdf.SetDrawColor(o.color.r, o.color.g, o.color.b)
		pdf.SetLineWidth(o.line)
		pdf.Rect(o.x, o.y, o.w, o.h, "D")
	case opWatermark:
		if w := draftWord(); w != nil {
			drawOutline(pdf, w, o.x, o.y, o.size, 45, o.color)
		}
	}
}
