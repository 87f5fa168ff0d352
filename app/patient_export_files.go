package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// PatientExport is what ExportPatient wrote.
type PatientExport struct {
	Dir   string   // the folder
	Files []string // the files written in it, by their names within it
}

// ExportPatient writes the subject-access copy of the woman whose patient
// record is patientID into dir:
// record.json (see PatientRecord), record.pdf (the same, to read) and the
// PDF of each issued letter under letters/, every file private (0600).
// dir is made if it does not exist, and must otherwise be empty, so that
// nothing is written over and no copy mixes with another's. The export is
// audited; if anything fails, what was written is removed.
func (s *ReferralService) ExportPatient(actor *models.StaffMember, patientID uint, dir string) (*PatientExport, error) {
	rec, err := s.PatientRecord(actor, patientID)
	if err != nil {
		return nil, err
	}
	out := &PatientExport{Dir: dir}
	if err := prepareExportDir(dir); err != nil {
		return nil, err
	}
	if err := out.write(rec, s.core); err != nil {
		out.remove()
		return nil, err
	}
	err = s.transaction(func(tx *gorm.DB) error {
		return s.audit(tx, actor, ActionExport, "patient", rec.Patient.ID, nil, nil,
			fmt.Sprintf("subject-access copy: %d referrals, %d letters", len(rec.Referrals), len(rec.Letters)))
	})
	if err != nil {
		out.remove()
		return nil, err
	}
	return out, nil
}

// prepareExportDir makes dir, or checks that it is an empty folder.
func prepareExportDir(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return fmt.Errorf("cannot make the folder %s: %w", dir, err)
		}
		return nil
	case err != nil:
		return fmt.Errorf("cannot use the folder %s: %w", dir, err)
	case len(entries) > 0:
		return fmt.Errorf("the folder %s is not empty; choose a new or empty folder for the copy", dir)
	}
	return nil
}

// write writes every file of the copy.
func (out *PatientExport) write(rec *PatientRecord, c *core) error {
	if err := os.MkdirAll(filepath.Join(out.Dir, "letters"), 0o700); err != nil {
		return fmt.Errorf("cannot make the letters folder: %w", err)
	}
	for i := range rec.Letters {
		l := &rec.Letters[i]
		if l.Held() || len(l.PDF) == 0 {
			continue
		}
		l.File = filepath.ToSlash(filepath.Join("letters", fmt.Sprintf("letter-%d-%s.pdf", l.ID, l.Kind)))
		if err := out.file(l.File, l.PDF); err != nil {
			return err
		}
	}
	data, err := json.MarshalIndent(rec, "", "  ")
	if err != nil {
		return fmt.Errorf("cannot write the record as JSON: %w", err)
	}
	if err := out.file("record.json", append(data, '\n')); err != nil {
		return err
	}
	pdf, err := renderRecordCopy(c, rec)
	if err != nil {
		return err
	}
	return out.file("record.pdf", pdf)
}

// file writes one private file of the copy and notes it.
func (out *PatientExport) file(name string, data []byte) error {
	if err := WritePrivateFile(filepath.Join(out.Dir, filepath.FromSlash(name)), data, false); err != nil {
		return err
	}
	out.Files = append(out.Files, name)
	return nil
}

// remove takes away what a failed export wrote, leaving the folder as it was.
func (out *PatientExport) remove() {
	for _, name := range out.Files {
		os.Remove(filepath.Join(out.Dir, filepath.FromSlash(name)))
	}
	os.Remove(filepath.Join(out.Dir, "letters"))
	out.Files = nil
}
