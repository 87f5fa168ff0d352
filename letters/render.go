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
	if err := d.add(p); err != nil {
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
func (d *document) layout(p *prepared) ([][]op, error) {
	head, top, err := d.m.letterhead(p)
	if err != nil {
		return nil, err
	}
	pg := newPager(top)
	pg.add(0, head...)
	boxes := d.m.bodyBoxes(p.body)
	if n := len(boxes); n > 0 {
		boxes[n-1].keepWithNext = true // never leave the sign-off alone on a page
	}
	sign, copies := d.m.signOffBoxes(p), d.m.copyBoxes(p)
	if len(copies) > 0 {
		sign[len(sign)-1].keepWithNext = true // the copy list follows the signature
	}
	boxes = append(boxes, sign...)
	boxes = append(boxes, copies...)
	pg.flow(boxes)
	pg.placeAtFoot(d.m.crisisBox(p))
	return pg.pages, nil
}

// add draws one letter on new pages, numbered within the letter.
func (d *document) add(p *prepared) error {
	pages, err := d.layout(p)
	if err != nil {
		return err
	}
	for i, ops := range pages {
		d.pdf.AddPage()
		if i > 0 {
			d.draw(d.m.continuation(p))
		}
		d.draw(ops)
		d.draw(d.m.footer(p, i+1, len(pages)))
	}
	if err := d.pdf.Error(); err != nil {
		return fmt.Errorf("letters: drawing the letter: %w", err)
	}
	return nil
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
