package main

import (
	"fmt"
	"io"
	"time"

	"perinatal-caseload/app/demo"
)

// cmdDemo fills the database with synthetic demo data.
func cmdDemo(e *env, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	fs := commandFlags("demo", stderr)
	n := fs.Int("referrals", 200, "how many referrals to make")
	seed := fs.Uint64("seed", 1, "random seed; the same seed gives the same data")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *n < 0 {
		return usageError{"demo: --referrals must be 0 or more"}
	}
	start := time.Now()
	last := time.Now()
	res, err := demo.Generate(e.svc, demo.Options{Referrals: *n, Seed: *seed, Progress: func(done, total int) {
		if time.Since(last) > 2*time.Second {
			fmt.Fprintf(stderr, "demo: %d of %d referrals\n", done, total)
			last = time.Now()
		}
	}})
	if err != nil {
		return err
	}
	if res.Resumed > 0 {
		fmt.Fprintf(stderr, "demo: carried on from the %d referrals an interrupted run had made\n", res.Resumed)
	}
	fmt.Fprintf(stderr, "demo: made %d synthetic referrals in %s (DEMO DATA, not real people)\n", res.Referrals, time.Since(start).Round(time.Millisecond))
	if len(res.Accounts) > 0 {
		fmt.Fprintln(stderr, "DEMO ACCOUNTS (for trying the program only; the passwords are random and shown only now):")
		for _, a := range res.Accounts {
			fmt.Fprintf(stderr, "  %-22s password %-30s %s\n", a.Username, a.Password, a.Role)
		}
	}
	fmt.Fprintln(stdout, e.path)
	return nil
}
