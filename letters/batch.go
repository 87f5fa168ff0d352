package letters

import (
	"fmt"

	"perinatal-caseload/models"
)

// RenderBatch prints many letters into one PDF for the printer, in the order
// given (the caller orders them, by recipient for the post). Each letter
// starts on a new page, numbers its pages from 1 ("Page 1 of 2" counts that
// letter's pages only), and every page's footer names only that letter's
// patient: each page belongs to exactly one letter.
//
// gofpdf cannot import existing PDFs, so the batch is re-rendered from the
// Letter structs that were stored when each letter was issued; it therefore
// has the same content as the issued letters. progress, if not nil, is
// called after each letter with the number done and the total. An error
// names the letter's position in the batch, never the patient.
//
// The document date is that of the latest letter, so the same batch always
// gives the same bytes.
func RenderBatch(letters []Letter, progress func(done, total int)) (pdf []byte, err error) {
	defer recoverRender(&err)
	if len(letters) == 0 {
		return nil, fmt.Errorf("letters: there are no letters to print")
	}
	// Check every letter before drawing any, so a bad one fails fast.
	prepped := make([]*prepared, len(letters))
	var latest models.Date
	for i, l := range letters {
		p, err := prepare(l)
		if err != nil {
			return nil, fmt.Errorf("letter %d of %d: %w", i+1, len(letters), err)
		}
		prepped[i] = p
		if latest.IsZero() || l.Date.After(latest) {
			latest = l.Date
		}
	}
	d, err := newDocument(latest, "Letters for printing", prepped[0].service.Name)
	if err != nil {
		return nil, err
	}
	for i, p := range prepped {
		if err := d.add(p); err != nil {
			return nil, fmt.Errorf("letter %d of %d: %w", i+1, len(letters), err)
		}
		if progress != nil {
			progress(i+1, len(letters))
		}
	}
	return d.bytes()
}
