package main

import (
	"encoding/json"
	"fmt"
	"io"

	"perinatal-caseload/app"
)

// cmdTriage screens referral-form files without saving anything. For each
// file it prints the recommendation as one line of JSON on stdout, in the
// order given (a folder stands for its *.json files). A file that cannot be
// read or parsed is reported on stderr, naming the file and field, and the
// command then exits non-zero after screening the rest.
func cmdTriage(e *env, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usageError{"triage: name one or more referral files"}
	}
	files, bad := app.ReferralFiles(args)
	failed := reportRefused(stderr, "triage", bad)
	for _, f := range files {
		r, err := app.ReadReferralFile(f)
		if err != nil {
			reportRefused(stderr, "triage", []app.ImportResult{{Path: f, Err: err}})
			failed = true
			continue
		}
		line, err := json.Marshal(e.svc.Referrals.Screen(r))
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, string(line))
	}
	if failed {
		return errReported
	}
	return nil
}
