package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"perinatal-caseload/models"
)

// exportCommands are the subcommands of export.
var exportCommands = map[string]command{
	"mhsds":   cmdExportMHSDS,
	"patient": cmdExportPatient,
}

// cmdExport runs the export subcommand its first argument names.
func cmdExport(e *env, args []string, in io.Reader, stdout, stderr io.Writer) error {
	var names []string
	for name := range exportCommands {
		names = append(names, name)
	}
	sort.Strings(names)
	if len(args) == 0 {
		return usageError{"export: name what to export: " + strings.Join(names, ", ")}
	}
	sub, ok := exportCommands[args[0]]
	if !ok {
		return usageError{fmt.Sprintf("export: unknown export %q; choose %s", args[0], strings.Join(names, ", "))}
	}
	return sub(e, args[1:], in, stdout, stderr)
}

// cmdExportMHSDS writes the MHSDS-shaped extract of one month into a
// folder: one CSV per table, named after it, and validation.csv. It tells
// stderr how many mandatory fields are missing, and how many rows are
// demo records.
func cmdExportMHSDS(e *env, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	fs := commandFlags("export mhsds", stderr)
	month := fs.String("month", "", "the month, YYYY-MM")
	out := fs.String("out", "", "the folder to write the tables into")
	force := fs.Bool("force", false, "replace files already in the folder")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *month == "" || *out == "" {
		return usageError{"export mhsds: give --month YYYY-MM and --out DIR"}
	}
	m, err := models.ParseMonth(*month)
	if err != nil {
		return usageError{"export mhsds: --month: " + err.Error()}
	}
	x, err := e.svc.Reports.MHSDS(e.actor, m)
	if err != nil {
		return err
	}
	if err := writeFiles(*out, x.Files(), *force, stdout); err != nil {
		return err
	}
	if len(x.Problems) > 0 {
		fmt.Fprintf(stderr, "caseload export mhsds: %d missing mandatory fields; see validation.csv\n", len(x.Problems))
	}
	if x.Demo > 0 {
		fmt.Fprintf(stderr, "caseload export mhsds: %d rows are demo records (DemoRecord Y), not real data\n", x.Demo)
	}
	return nil
}

// cmdExportPatient is `caseload export patient --nhs-number N --out DIR`:
// her subject-access copy (see app.ReferralService.ExportPatient).
func cmdExportPatient(e *env, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	fs := commandFlags("export patient", stderr)
	nhs := fs.String("nhs-number", "", "her NHS number (spaces allowed)")
	out := fs.String("out", "", "a new or empty folder for the copy")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *nhs == "" || *out == "" || fs.NArg() > 0 {
		return usageError{"export patient: give --nhs-number N and --out DIR"}
	}
	if _, err := models.NormaliseNHSNumber(*nhs); err != nil {
		return models.NewFieldError(models.FieldNHSNumber, "%s", err)
	}
	p, _, err := e.svc.Referrals.PatientByNHSNumber(e.actor, *nhs)
	if err != nil {
		return err
	}
	if p == nil {
		return models.NewFieldError(models.FieldNHSNumber, "no woman with that NHS number is known to the service")
	}
	x, err := e.svc.Referrals.ExportPatient(e.actor, p.ID, *out)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Wrote her subject-access copy to %s: record.json, record.pdf and %s. The export is in the audit trail.\n",
		x.Dir, lettersCount(len(x.Files)-2))
	return nil
}

// lettersCount says how many of her letters a copy holds: "no letters",
// "1 letter", "3 letters".
func lettersCount(n int) string {
	switch n {
	case 0:
		return "no letters"
	case 1:
		return "1 letter"
	}
	return fmt.Sprintf("%d letters", n)
}
