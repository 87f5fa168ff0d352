package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

// cmdReport writes the manager's reports for a date range into a folder:
// one CSV per report and reports.pdf with every table and chart. It needs
// the view-reports permission and is audited.
func cmdReport(e *env, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	fs := commandFlags("report", stderr)
	from := fs.String("from", "", "the first day, YYYY-MM-DD")
	to := fs.String("to", "", "the last day, YYYY-MM-DD")
	out := fs.String("out", "", "the folder to write the CSV files and reports.pdf into")
	force := fs.Bool("force", false, "replace files already in the folder")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *from == "" || *to == "" || *out == "" {
		return usageError{"report: give --from YYYY-MM-DD, --to YYYY-MM-DD and --out DIR"}
	}
	fromDate, err := models.ParseISODate(*from)
	if err != nil {
		return usageError{"report: --from: " + err.Error()}
	}
	toDate, err := models.ParseISODate(*to)
	if err != nil {
		return usageError{"report: --to: " + err.Error()}
	}
	r, err := e.svc.Reports.Build(e.actor, fromDate, toDate, nil)
	if err != nil {
		return err
	}
	files, err := e.svc.Reports.ExportCSV(e.actor, r)
	if err != nil {
		return err
	}
	pdf, err := e.svc.Reports.ExportPDF(e.actor, r)
	if err != nil {
		return err
	}
	files["reports.pdf"] = pdf
	return writeFiles(*out, files, *force, stdout)
}

// writeFiles writes each file into the folder dir (made if need be), each
// readable by its owner only and never through a symbolic link, and prints
// each path. Unless overwrite is set, a file already there stops the
// command before anything is written.
func writeFiles(dir string, files map[string][]byte, overwrite bool, stdout io.Writer) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("--out: cannot create the folder: %w", err)
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if _, err := os.Lstat(filepath.Join(dir, name)); err == nil && !overwrite {
			return fmt.Errorf("%s already exists; nothing was written: choose another folder, or add --force to replace the files", filepath.Join(dir, name))
		}
	}
	for _, name := range names {
		path := filepath.Join(dir, name)
		if err := app.WritePrivateFile(path, files[name], overwrite); err != nil {
			return err
		}
		fmt.Fprintln(stdout, path)
	}
	return nil
}
