package main

import (
	"errors"
	"fmt"
	"io"
	"time"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

// cmdImport validates and saves referral-form files and folders of them.
// Each file is saved whole or not at all. It prints each new referral's ID,
// one per line, on stdout; a form imported before is noted on stderr and
// not imported again; each refused file gets one line on stderr naming the
// file and the fields at fault, and the command then exits non-zero.
func cmdImport(e *env, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usageError{"import: name one or more referral files or folders"}
	}
	last := time.Now()
	results := e.svc.ImportPaths(e.actor, args, func(done, total int) {
		if time.Since(last) > 2*time.Second {
			fmt.Fprintf(stderr, "import: %d of %d files\n", done, total)
			last = time.Now()
		}
	})
	var refused []app.ImportResult
	for _, r := range results {
		switch {
		case r.Duplicate:
			fmt.Fprintf(stderr, "import: %s: already imported as referral %s; not imported again\n", r.Path, models.ReferralReference(r.ReferralID))
		case r.Err != nil:
			refused = append(refused, r)
		default:
			fmt.Fprintln(stdout, r.ReferralID)
		}
	}
	if reportRefused(stderr, "import", refused) {
		return errReported
	}
	return nil
}

// reportRefused writes one line on stderr for each refused file, naming the
// file as it was given and the fields at fault, and reports whether there
// were any.
func reportRefused(stderr io.Writer, cmd string, refused []app.ImportResult) bool {
	for _, r := range refused {
		problem := r.Err.Error()
		var ie *app.ImportError
		if errors.As(r.Err, &ie) {
			problem = ie.Problem()
		}
		fmt.Fprintf(stderr, "caseload %s: %s: %s\n", cmd, r.Path, problem)
	}
	return len(refused) > 0
}
