package letters

import (
	"bytes"
	"fmt"

	"github.com/jung-kurt/gofpdf"

	"perinatal-caseload/models"
)

// Render prints one letter as an A4 PDF.
//
// The output is deterministic: the same Letter gives byte-identical PDFs,
// because the document's creation date is the letter date (midnight UTC) and
// fonts, objects and compressed streams are all written in a fixed order.
// An error is a *models.FieldError when the letter itself cannot be printed as
// given (a missing date of birth, an invalid NHS number, an address too long
// for the envelope window, a character the font cannot draw).
func Render(l Letter) (pdf []byte, err error) {
	defer recoverRender(&err)
	p, err := prepare(l)
	if err != nil {
		return nil, err
	}
	d, err := newDocument(l.Date, l.Kind.Label(), p.service.Name)
	if err != nil {
		return nil, err
	}
	if _, err := d.add(p); err != nil {
		return nil, err
	}
	return d.bytes()
}

// document is one PDF being built, holding any number of letters.
type document struct {
	pdf *gofpdf.Fpdf
	m   *measurer
}

// newDocument starts an A4 PDF with the letter fonts loaded. The metadata
// (title and author) names the kind and the service, never the patient.
func newDocument(created models.Date, title, author string) (*document, error) {
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.SetCatalogSort(true) // write fonts and resources in a fixed order
	pdf.SetCompression(true)
	pdf.SetCreationDate(created.Time())
	pdf.SetModificationDate(created.Time())
	pdf.SetCreator("Perinatal Caseload", true)
	pdf.SetTitle(title, true)
	pdf.SetAuthor(author, true)
	pdf.SetAutoPageBreak(false, 0) // pages are broken by the pager
	pdf.SetMargins(marginL, 0, marginR)
	// Each document gets its own copy of the font bytes: gofpdf appends to
	// slices of them when subsetting, which would otherwise write into the
	// shared embedded fonts and race between concurrent renders.
	pdf.AddUTF8FontFromBytes(fontFamily, "", bytes.Clone(fontRegular))
	pdf.AddUTF8FontFromBytes(fontFamily, "B", bytes.Clone(fontBold))
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("letters: loading the letter fonts: %w", err)
	}
	return &document{pdf: pdf, m: newMeasurer(pdf)}, nil
}

// layout places one letter's content on its pages, before anything is
// drawn, so that the page count is known for "Page x of y".
//
// The crisis box goes at the foot of the last page. When the text leaves
// too little room for it there, the sign-off (with the lines kept with it)
// or the copy list, whichever leaves the page before fuller, is carried
// over to the new page with the box, so that the last page is not blank but
// for the box; unless either would leave the page before more than a third
// empty, in which case the box goes on the new page alone.
func (d *document) layout(p *prepared) ([][]op, error) {
	if err := d.addImages(p); err != nil {
		return nil, err
	}
	p.foot = d.m.planFooter(p)
	head, top, err := d.m.letterhead(p)
	if err != nil {
		return nil, err
	}
	boxes := d.m.bodyBoxes(p)
	if n := len(boxes); n > 0 {
		boxes[n-1].keepWithNext = true // never leave the sign-off alone on a page
	}
	signAt := len(boxes)
	boxes = append(boxes, d.m.signOffBoxes(p)...)
	copyAt := len(boxes)
	copies := d.m.copyBoxes(p)
	boxes = append(boxes, copies...)
	crisis := d.m.crisisBox(p)

	flow := func(breakAt int) *pager {
		pg := newPager(top, contBodyTop(p), p.foot.bottom)
		pg.add(0, head...)
		pg.flow(boxes, breakAt)
		return pg
	}
	pg := flow(-1)
	if !pg.fitsAtFoot(crisis) {
		carry := []int{chainStart(boxes, signAt)}
		if len(copies) > 0 {
			carry = append(carry, copyAt)
		}
		var best *pager
		for _, at := range carry {
			alt := flow(at)
			if len(alt.pages) == len(pg.pages)+1 && alt.fitsAtFoot(crisis) && alt.emptiest() <= 1.0/3 &&
				(best == nil || alt.emptiest() < best.emptiest()) {
				best = alt
			}
		}
		if best != nil {
			pg = best
		}
	}
	pg.placeAtFoot(crisis)
	return pg.pages, nil
}

// chainStart returns the first box of the chain that box i is kept with.
func chainStart(bs []box, i int) int {
	for i > 0 && bs[i-1].keepWithNext {
		i--
	}
	return i
}

// addImages registers the letter's logo and signature, if it has them.
func (d *document) addImages(p *prepared) error {
	var err error
	if len(p.service.Logo) > 0 {
		if p.logo, err = d.addImage("logo", p.service.Logo, letterheadW, logoMaxH, FieldLetterLogo); err != nil {
			return err
		}
	}
	if len(p.signature) > 0 {
		if p.sigPicture, err = d.addImage("signature", p.signature, signatureMaxW, signatureMaxH, FieldLetterSignature); err != nil {
			return err
		}
	}
	return nil
}

// add draws one letter on new pages, numbered within the letter, and
// returns how many pages it took.
func (d *document) add(p *prepared) (int, error) {
	pages, err := d.layout(p)
	if err != nil {
		return 0, err
	}
	for i, ops := range pages {
		d.pdf.AddPage()
		d.draw(p.watermark())
		if i > 0 {
			d.draw(d.m.continuation(p))
		}
		d.draw(ops)
		d.draw(d.m.footer(p, i+1, len(pages)))
	}
	if err := d.pdf.Error(); err != nil {
		return 0, fmt.Errorf("letters: drawing the letter: %w", err)
	}
	return len(pages), nil
}

func (d *document) draw(ops []op) {
	for _, o := range ops {
		o.draw(d.pdf)
	}
}

// bytes finishes the document.
func (d *document) bytes() ([]byte, error) {
	var b bytes.Buffer
	if err := d.pdf.Output(&b); err != nil {
		return nil, fmt.Errorf("letters: writing the PDF: %w", err)
	}
	return b.Bytes(), nil
}

// recoverRender turns a panic inside gofpdf into an error, so that no input
// can bring the application down. The input is checked before drawing, so
// this is a last line of defence.
func recoverRender(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("letters: the PDF library failed while drawing the letter (%v); please report this", r)
	}
}
