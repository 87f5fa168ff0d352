package main

import (
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"perinatal-caseload/models"
)

// exportCommands are the kinds of `caseload export KIND`.
var exportCommands = map[string]command{
	"patient": cmdExportPatient,
}

// cmdExport is `caseload export KIND ...`: data written out of the program.
func cmdExport(e *env, args []string, in io.Reader, stdout, stderr io.Writer) error {
	kinds := make([]string, 0, len(exportCommands))
	for k := range exportCommands {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	if len(args) == 0 || exportCommands[args[0]] == nil {
		return usageError{"export: name what to export: " + strings.Join(kinds, ", ")}
	}
	return exportCommands[args[0]](e, args[1:], in, stdout, stderr)
}

// cmdExportPatient is `caseload export patient --nhs-number N --out DIR`:
// her subject-access copy (see app.ReferralService.ExportPatient).
func cmdExportPatient(e *env, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("export patient", flag.ContinueOnError)
	fs.SetOutput(stderr)
	nhs := fs.String("nhs-number", "", "her NHS number (spaces allowed)")
	out := fs.String("out", "", "a new or empty folder for the copy")
	if err := fs.Parse(args); err != nil {
		return usageError{"export patient: " + err.Error()}
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
	fmt.Fprintf(stdout, "Wrote her subject-access copy to %s: %d files (record.json, record.pdf and her letters). The export is in the audit trail.\n", x.Dir, len(x.Files))
	return nil
}
