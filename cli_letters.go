package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

// cmdLetters renders a referral's letter pack into a folder as DRAFT
// previews and prints the paths. The letters are signed by the responsible
// clinician, or by --author if given. It does not issue the letters (the
// Letters screen does that); the export is audited. A kind that does not
// fit the referral's state is refused with the reason, and nothing is
// written.
func cmdLetters(e *env, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	fs := commandFlags("letters", stderr)
	id := fs.Uint("referral", 0, "the referral's ID")
	out := fs.String("out", "", "the folder to write the PDFs into")
	kind := fs.String("kind", "", "the kind of letter (default: the first that fits the referral's state)")
	author := fs.String("author", "", "the username of the person who signs the letters (default: the clinician who made the decision)")
	force := fs.Bool("force", false, "replace letters already in the folder")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *id == 0 || *out == "" {
		return usageError{"letters: give --referral ID and --out DIR"}
	}
	var k models.LetterKind
	if *kind != "" {
		parsed, err := models.ParseLetterKind(*kind)
		if err != nil {
			return usageError{"letters: --kind: " + fieldMessage(err)}
		}
		k = parsed
	}
	var signer *models.StaffMember
	if *author != "" {
		m, err := e.svc.Staff.ByUsername(*author)
		if err != nil {
			return usageError{fmt.Sprintf("letters: --author: there is no account called %q", *author)}
		}
		signer = m
	}
	pack, pdfs, err := e.svc.Letters.RenderPack(e.actor, signer, *id, k)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(*out, 0o700); err != nil {
		return fmt.Errorf("--out: cannot create the folder: %w", err)
	}
	paths := make([]string, len(pack))
	for i, p := range pack {
		if p.HoldReason != "" { // held, not posted: there is nothing to print
			continue
		}
		paths[i] = filepath.Join(*out, letterFileName(*id, i, p))
		if _, err := os.Lstat(paths[i]); err == nil && !*force {
			return fmt.Errorf("%s already exists; nothing was written: choose another folder, or add --force to replace the letters", paths[i])
		}
	}
	for i, p := range pack {
		if paths[i] == "" {
			fmt.Fprintf(stderr, "caseload letters: letter %d of referral %d is held, not posted: %s\n", i+1, *id, p.HoldReason)
			continue
		}
		if err := app.WritePrivateFile(paths[i], pdfs[i], *force); err != nil {
			return err
		}
		fmt.Fprintln(stdout, paths[i])
	}
	return nil
}

// letterFileName names the i-th letter of the pack of referral id. File
// names carry the recipient's role, never the woman's name.
func letterFileName(id uint, i int, p app.PackLetter) string {
	role := p.Letter.Recipient.Role
	switch {
	case p.Role == "patient" && p.Language != "":
		role = "patient-" + p.Language
	case p.Letter.Recipient.Name == p.Letter.Patient.Name:
		role = "patient"
	case role == "":
		role = p.Letter.Recipient.Name // a professional's name is not patient data
	}
	return fmt.Sprintf("referral-%d-%s-%02d-%s.pdf", id, p.Letter.Kind, i+1, fileSafe(role))
}

// fieldMessage returns a field error's message without its field label.
func fieldMessage(err error) string {
	var fe *models.FieldError
	if errors.As(err, &fe) {
		return fe.Message
	}
	return err.Error()
}

var unsafeChars = regexp.MustCompile(`[^A-Za-z0-9]+`)

// fileSafe turns a role into a plain file-name part.
func fileSafe(role string) string {
	s := strings.Trim(unsafeChars.ReplaceAllString(role, "-"), "-")
	if s == "" {
		return "recipient"
	}
	return strings.ToLower(s)
}
