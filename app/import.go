package app

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"gorm.io/gorm"

	"perinatal-caseload/app/referralform"
	"perinatal-caseload/models"
)

// maxReferralFileBytes bounds a referral file. A submission is a few
// kilobytes; anything this large is not one, and is refused unread.
const maxReferralFileBytes = 1 << 20

// ImportResult is what became of one referral file.
type ImportResult struct {
	Path string
	// ReferralID is the new referral's ID; for a duplicate, the ID of the
	// referral the form was imported as before; 0 when the file was refused.
	ReferralID uint
	// Err is why the file was refused (a *ImportError, which may wrap a
	// *DuplicateFormError or *PermissionError); nil when it was imported.
	Err error
	// Duplicate is true when the file's form_id was imported before, so
	// nothing was created.
	Duplicate bool
	// Woman names the woman the file is about ("Siobhán Ní Bhriain"), when
	// the file could be read that far, so the person at the screen knows
	// whom each result is about.
	Woman string
	// Problems say why a refused file was refused, in words an
	// administrator can act on, one per field at fault; for a duplicate,
	// one saying so. None for a file imported.
	//
	// Woman and Problems may quote patient data from the file. They are for
	// the screen: never log or print them (the command line prints Err).
	Problems []ImportProblem
}

// ImportError is a referral file that was refused. Nothing from it was
// saved. Its text names the file and each field at fault by its JSON path,
// and never repeats patient data from the file.
type ImportError struct {
	Path string
	// Fields are the fields at fault, each with its JSON path as its ID;
	// empty when the file as a whole is (unreadable, not JSON, cut short)
	// or the refusal is not about a field.
	Fields models.FieldErrors
	Err    error
}

// Error gives one line: the file's name, then Problem.
func (e *ImportError) Error() string { return filepath.Base(e.Path) + ": " + e.Problem() }

// Problem says what is wrong in one line, without the file: every field at
// fault with its JSON path, or what is wrong with the file as a whole.
func (e *ImportError) Problem() string {
	if len(e.Fields) == 0 {
		return strings.ReplaceAll(e.Err.Error(), "\n", " ")
	}
	parts := make([]string, len(e.Fields))
	for i, f := range e.Fields {
		parts[i] = f.Message
		if f.Field != "" {
			parts[i] = string(f.Field) + ": " + f.Message
		}
	}
	return strings.Join(parts, "; ")
}

// Unwrap returns the underlying error.
func (e *ImportError) Unwrap() error { return e.Err }

// ReadReferralFile reads and strictly parses one referral-form file without
// saving anything. A refusal is an *ImportError naming the file and fields.
func ReadReferralFile(path string) (*models.Referral, error) {
	data, err := readReferralBytes(path)
	if err != nil {
		return nil, err
	}
	return parseReferral(path, data)
}

// readReferralBytes reads a referral file, refusing one too large to be a
// referral. A refusal is an *ImportError.
func readReferralBytes(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &ImportError{Path: path, Err: errors.New("the file cannot be opened; check that it exists and you may read it")}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxReferralFileBytes+1))
	if err != nil {
		return nil, &ImportError{Path: path, Err: errors.New("the file cannot be read; copy it again and retry")}
	}
	if len(data) > maxReferralFileBytes {
		return nil, &ImportError{Path: path, Err: fmt.Errorf("the file is larger than %d KB, so it is not a referral-form submission", maxReferralFileBytes>>10)}
	}
	return data, nil
}

// parseReferral parses the data of the referral file at path. A refusal is
// an *ImportError naming the file and fields.
func parseReferral(path string, data []byte) (*models.Referral, error) {
	r, err := referralform.Parse(data)
	if err != nil {
		return nil, &ImportError{Path: path, Fields: models.FieldErrorsIn(err), Err: err}
	}
	return r, nil
}

// ImportFile reads, validates and saves one referral-form file as a new
// referral, in one transaction: the referral, its patient, referrer, copy
// list and audit events are all saved, or none of them. A form_id imported
// before gives an *ImportError wrapping *DuplicateFormError and creates
// nothing. Every refusal is an *ImportError naming the file and field.
func (s *Services) ImportFile(actor *models.StaffMember, path string) (uint, error) {
	r, err := ReadReferralFile(path)
	if err != nil {
		return 0, err
	}
	if err := s.Referrals.Register(actor, r); err != nil {
		return 0, registerProblem(path, err)
	}
	return r.ID, nil
}

// ImportPaths imports every referral file named in paths, and names in
// each result the woman the file is about and, for a refused file, the
// problems in words (see ImportResult). Each file is
// saved whole or not at all (in its own savepoint; see importGroupSize), so
// one bad file never stops or spoils the others. A folder
// stands for the *.json files directly in it, in name order (fixture
// companions named *.expected.json are skipped); a file named twice is
// imported once. progress, if not nil, is called with the files done so far
// and the total, first with done 0, on the goroutine ImportPaths runs on.
// ImportPaths must not be called inside Services.Batch, whose transaction
// cannot keep one file's failure from the rest.
func (s *Services) ImportPaths(actor *models.StaffMember, paths []string, progress func(done, total int)) []ImportResult {
	files, results := ReferralFiles(paths)
	if progress == nil {
		progress = func(int, int) {}
	}
	progress(0, len(files))
	for i := range results {
		explainImport(&results[i], nil, nil)
	}
	if err := s.core.authorise(actor, models.PermRegisterReferrals); err != nil {
		for _, f := range files {
			res := ImportResult{Path: f, Err: &ImportError{Path: f, Err: err}}
			explainImport(&res, nil, nil)
			results = append(results, res)
		}
		progress(len(files), len(files))
		return results
	}
	for start := 0; start < len(files); start += importGroupSize {
		group := files[start:min(start+importGroupSize, len(files))]
		done := start
		results = append(results, s.importGroup(actor, group, func() { done++; progress(done, len(files)) })...)
	}
	return results
}

// importGroupSize is how many files share one commit. Each file is still
// saved whole or not at all, in its own savepoint; sharing the commit saves
// a disk flush per file, which is most of the time an import takes.
const importGroupSize = 50

// importGroup reads and parses files, then registers each in its own
// savepoint inside one transaction, calling fileDone after each. If that
// transaction cannot commit, every file in the group is reported as
// refused, since none was saved.
func (s *Services) importGroup(actor *models.StaffMember, files []string, fileDone func()) []ImportResult {
	out := make([]ImportResult, len(files))
	data := make([][]byte, len(files))
	parsed := make([]*models.Referral, len(files))
	for i, f := range files {
		out[i].Path = f
		if data[i], out[i].Err = readReferralBytes(f); out[i].Err == nil {
			parsed[i], out[i].Err = parseReferral(f, data[i])
		}
	}
	defer func() {
		for i := range out {
			explainImport(&out[i], data[i], parsed[i])
		}
	}()
	err := s.core.db.Transaction(func(tx *gorm.DB) error {
		in := newServices(&core{db: tx, clock: s.core.clock, session: s.core.session})
		for i, r := range parsed {
			if r == nil {
				fileDone()
				continue
			}
			err := in.Referrals.Register(actor, r)
			fileDone()
			if err != nil {
				out[i].Err = registerProblem(files[i], err)
				var dup *DuplicateFormError
				if errors.As(err, &dup) {
					out[i].Duplicate, out[i].ReferralID = true, dup.ReferralID
				}
				continue
			}
			out[i].ReferralID = r.ID
		}
		return nil
	})
	if err != nil {
		for i := range out {
			out[i] = ImportResult{Path: files[i], Err: &ImportError{Path: files[i], Err: fmt.Errorf("cannot save to the database: %w", err)}}
		}
	}
	return out
}

// ReferralFiles expands paths into the referral files to read: a file
// stands for itself; a folder for the *.json files directly in it, sorted
// by name, leaving out *.expected.json. Each file appears once. A path that
// cannot be read, or is not a plain file (a pipe, say, which would keep the
// import waiting), is returned in bad with its error and skipped.
func ReferralFiles(paths []string) (files []string, bad []ImportResult) {
	seen := map[string]bool{}
	add := func(p string) {
		key := filepath.Clean(p)
		if abs, err := filepath.Abs(p); err == nil {
			key = abs
		}
		if !seen[key] {
			seen[key] = true
			files = append(files, p)
		}
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			bad = append(bad, ImportResult{Path: p, Err: &ImportError{Path: p, Err: errors.New("there is no such file or folder")}})
			continue
		}
		if !info.IsDir() {
			if !info.Mode().IsRegular() {
				bad = append(bad, notRegular(p))
				continue
			}
			add(p)
			continue
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			bad = append(bad, ImportResult{Path: p, Err: &ImportError{Path: p, Err: errors.New("the folder cannot be read; check you may open it")}})
			continue
		}
		var names []string
		for _, e := range entries {
			if isReferralFileName(e.Name()) && !e.IsDir() {
				names = append(names, e.Name())
			}
		}
		sort.Strings(names)
		for _, n := range names {
			// A pipe would make the import wait for ever for a writer.
			if info, err := os.Stat(filepath.Join(p, n)); err != nil || !info.Mode().IsRegular() {
				bad = append(bad, notRegular(filepath.Join(p, n)))
				continue
			}
			add(filepath.Join(p, n))
		}
	}
	return files, bad
}

// notRegular is the result of a path skipped because it is a pipe, a
// device, a socket or anything else but a plain file.
func notRegular(p string) ImportResult {
	return ImportResult{Path: p, Err: &ImportError{Path: p, Err: errors.New("it is not a plain file (a pipe, device or socket, say); it was skipped")}}
}

// isReferralFileName reports whether a file in a folder is a referral file.
func isReferralFileName(name string) bool {
	lower := strings.ToLower(name)
	return strings.HasSuffix(lower, ".json") && !strings.HasSuffix(lower, ".expected.json") && !strings.HasPrefix(name, ".")
}

// registerProblem turns an error from Register into an *ImportError for
// the file. Register names the fields of a referral by their IDs, which are
// their JSON paths in the referral-form format, so the error names each
// field as the sender knows it. Its messages carry no patient data.
func registerProblem(path string, err error) error {
	return &ImportError{Path: path, Fields: models.FieldErrorsIn(err), Err: err}
}
