package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"perinatal-caseload/models"
)

// cmdLetters renders a referral's letter pack into a folder and prints the
// paths, signed by --author if given. It does not issue the letters (the Letters screen does that); the
// export is audited.
func cmdLetters(e *env, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("letters", flag.ContinueOnError)
	fs.SetOutput(stderr)
	id := fs.Uint("referral", 0, "the referral's ID")
	out := fs.String("out", "", "the folder to write the PDFs into")
	kind := fs.String("kind", "", "the kind of letter (default: the one the referral's state calls for)")
	author := fs.String("author", "", "the username of the person who signs the letters (default: the system user)")
	if err := fs.Parse(args); err != nil {
		return usageError{"letters: " + err.Error()}
	}
	if *id == 0 || *out == "" {
		return usageError{"letters: give --referral ID and --out DIR"}
	}
	k := models.LetterKind(*kind)
	if k != "" && !validLetterKind(k) {
		var names []string
		for _, x := range models.LetterKinds {
			names = append(names, string(x))
		}
		return usageError{fmt.Sprintf("letters: --kind %q is not a kind of letter; use one of %s", *kind, strings.Join(names, ", "))}
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
	for i, p := range pack {
		if p.HoldReason != "" { // held, not posted: there is nothing to print
			fmt.Fprintf(stderr, "caseload letters: letter %d of referral %d is held, not posted: %s\n", i+1, *id, p.HoldReason)
			continue
		}
		// File names carry the recipient's role, never the woman's name.
		role := p.Letter.Recipient.Role
		switch {
		case p.Role == "patient" && p.Language != "":
			role = "patient-" + p.Language
		case p.Letter.Recipient.Name == p.Letter.Patient.Name:
			role = "patient"
		case role == "":
			role = p.Letter.Recipient.Name // a professional's name is not patient data
		}
		name := fmt.Sprintf("referral-%d-%s-%02d-%s.pdf", *id, p.Letter.Kind, i+1, fileSafe(role))
		path := filepath.Join(*out, name)
		if err := os.WriteFile(path, pdfs[i], 0o600); err != nil {
			return fmt.Errorf("cannot write %s: %w", path, err)
		}
		fmt.Fprintln(stdout, path)
	}
	return nil
}

func validLetterKind(k models.LetterKind) bool {
	for _, x := range models.LetterKinds {
		if x == k {
			return true
		}
	}
	return false
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
