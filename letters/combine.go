package letters

import (
	"bytes"
	"errors"
	"fmt"
	"sync"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// Combine joins issued letters, each a whole PDF, into one PDF for the
// printer, in the order given (the caller orders them, by recipient for the
// post). The pages are the issued letters' own pages, taken over unchanged:
// what is printed is what the register holds, never a new rendering. Each
// letter keeps its own page numbering, and each page carries only its own
// letter's patient.
//
// progress, if not nil, is called after each letter with the number done
// and the total. An error names the letter's position in the list, never
// the patient.
func Combine(pdfs [][]byte, progress func(done, total int)) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("letters: the PDF library failed while joining the letters (%v); please report this", r)
		}
	}()
	if len(pdfs) == 0 {
		return nil, errors.New("there are no letters to print")
	}
	conf := combineConfig()
	read := func(i int) (*model.Context, error) {
		ctx, err := api.ReadAndValidate(bytes.NewReader(pdfs[i]), conf)
		if err != nil {
			return nil, fmt.Errorf("letter %d of %d cannot be read as a PDF; do not print the day's letters, and tell the system administrator: %w", i+1, len(pdfs), err)
		}
		return ctx, nil
	}
	dest, err := read(0)
	if err != nil {
		return nil, err
	}
	dest.EnsureVersionForWriting()
	if progress != nil {
		progress(1, len(pdfs))
	}
	for i := 1; i < len(pdfs); i++ {
		src, err := read(i)
		if err != nil {
			return nil, err
		}
		if err := pdfcpu.MergeXRefTables("", src, dest, false, false); err != nil {
			return nil, fmt.Errorf("letter %d of %d cannot be added to the print run: %w", i+1, len(pdfs), err)
		}
		if progress != nil {
			progress(i+1, len(pdfs))
		}
	}
	var b bytes.Buffer
	if err := api.WriteContext(dest, &b); err != nil {
		return nil, fmt.Errorf("letters: writing the print run: %w", err)
	}
	return b.Bytes(), nil
}

var disableConfigDir sync.Once

// combineConfig returns pdfcpu's settings for joining letters: relaxed
// checks, no network, no optimising (the pages are taken over as they
// are), and no configuration folder in the user's profile.
func combineConfig() *model.Configuration {
	disableConfigDir.Do(api.DisableConfigDir)
	conf := model.NewDefaultConfiguration()
	conf.Cmd = model.MERGECREATE
	conf.ValidationMode = model.ValidationRelaxed
	conf.CreateBookmarks = false
	conf.OptimizeBeforeWriting = false
	conf.Offline = true
	return conf
}
