package letters

import (
	"sync"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// The DRAFT watermark is drawn as the outlines of its letters, filled, not
// as text: text laid across the page at an angle would be read back by a
// PDF reader's copy and search in the middle of the letter's own lines. The
// framed DRAFT label at the top of each page is the text that says it.

// outlineUnits is the scale the outlines are loaded at: 1000 units an em.
const outlineUnits = 1000

// outline is one word's glyph outlines, in thousandths of an em, with the
// y axis pointing down and the origin at the start of the baseline.
type outline struct {
	segs    sfnt.Segments
	width   float64 // advance width of the word
	capTop  float64 // the highest point above the baseline (negative, y down)
	capBase float64 // the lowest point (descent below the baseline)
}

var (
	draftOnce    sync.Once
	draftOutline *outline
)

// draftWord returns the outline of "DRAFT" in the bold letter face, or nil
// if the font cannot give it (the watermark is then left out; the labels
// still mark the draft).
func draftWord() *outline {
	draftOnce.Do(func() {
		f, err := sfnt.Parse(fontBold)
		if err != nil {
			return
		}
		var b sfnt.Buffer
		ppem := fixed.I(outlineUnits)
		o := &outline{}
		x := fixed.Int26_6(0)
		for _, r := range markDraft {
			gi, err := f.GlyphIndex(&b, r)
			if err != nil || gi == 0 {
				return
			}
			segs, err := f.LoadGlyph(&b, gi, ppem, nil)
			if err != nil {
				return
			}
			for _, s := range segs {
				for i := range s.Args {
					s.Args[i].X += x
					o.capTop = min(o.capTop, float64(s.Args[i].Y)/64)
					o.capBase = max(o.capBase, float64(s.Args[i].Y)/64)
				}
				o.segs = append(o.segs, s)
			}
			adv, err := f.GlyphAdvance(&b, gi, ppem, 0)
			if err != nil {
				return
			}
			x += adv
		}
		o.width = float64(x) / 64
		draftOutline = o
	})
	return draftOutline
}

// drawOutline fills the word's outline at size (points), centred on cx,
// cy and turned by angle degrees anticlockwise.
func drawOutline(pdf *gofpdf.Fpdf, o *outline, cx, cy, size, angle float64, c rgb) {
	scale := ptToMM(size) / outlineUnits
	x0 := cx - o.width*scale/2
	y0 := cy - (o.capTop+o.capBase)*scale/2
	pt := func(p fixed.Point26_6) (float64, float64) {
		return x0 + float64(p.X)/64*scale, y0 + float64(p.Y)/64*scale
	}
	pdf.SetFillColor(c.r, c.g, c.b)
	pdf.TransformBegin()
	pdf.TransformRotate(angle, cx, cy)
	for _, s := range o.segs {
		switch s.Op {
		case sfnt.SegmentOpMoveTo:
			pdf.MoveTo(pt(s.Args[0]))
		case sfnt.SegmentOpLineTo:
			pdf.LineTo(pt(s.Args[0]))
		case sfnt.SegmentOpQuadTo:
			x1, y1 := pt(s.Args[0])
			x2, y2 := pt(s.Args[1])
			pdf.CurveTo(x1, y1, x2, y2)
		case sfnt.SegmentOpCubeTo:
			x1, y1 := pt(s.Args[0])
			x2, y2 := pt(s.Args[1])
			x3, y3 := pt(s.Args[2])
			pdf.CurveBezierCubicTo(x1, y1, x2, y2, x3, y3)
		}
	}
	pdf.DrawPath("F")
	pdf.TransformEnd()
}
