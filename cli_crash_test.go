package main

import (
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"perinatal-caseload/app"
	"perinatal-caseload/app/testforms"
)

// envSoakKills sets how many times the crash test kills an import; `make
// soak` sets it to 1,000.
const envSoakKills = "CASELOAD_SOAK_KILLS"

// TestImportKilledAtRandomPointsLosesNothing starts imports of a folder of
// referral files as separate processes and kills each with SIGKILL at a
// random moment: at least 20 kills (or CASELOAD_SOAK_KILLS). After every
// kill the database passes its check (integrity, foreign keys, audit
// chain), and every referral in it is whole: her patient record and the
// referral's audit event were written with it. Finally an import runs to
// the end and the database holds each file once.
//
// Hazard: HAZ-029.
func TestImportKilledAtRandomPointsLosesNothing(t *testing.T) {
	kills := 20
	if s := os.Getenv(envSoakKills); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			t.Fatalf("%s=%q is not a number of kills", envSoakKills, s)
		}
		kills = n
	}
	seed := uint64(time.Now().UnixNano())
	t.Logf("random seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 1))
	dir := t.TempDir()
	files := testforms.Write(t, validDir, dir, 200)
	db := signedInTarget(t)
	for killed := 0; killed < kills; {
		p := startProcessWithInput(t, cliPassword+"\n", "--db", db, "--user", cliManager, "import", dir)
		time.Sleep(time.Duration(50+rng.IntN(1500)) * time.Millisecond)
		_ = p.cmd.Process.Signal(syscall.SIGKILL)
		p.wait()
		if ws, ok := p.cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			killed++
		} else if code := p.cmd.ProcessState.ExitCode(); code != 0 {
			t.Fatalf("an import not killed failed: exit %d: %s", code, p.stderr.String())
		}
		referrals := checkWhole(t, db)
		if referrals == len(files) {
			// Everything is in: go on killing imports into a new database.
			t.Logf("all %d files in after %d kills", len(files), killed)
			db = signedInTarget(t)
		}
	}
	if code, _, stderr := runAs(t, db, "import", dir); code != 0 {
		t.Fatalf("the import after the kills: exit %d: %s", code, stderr)
	}
	if n := checkWhole(t, db); n != len(files) {
		t.Errorf("%d referrals after the last import, want %d", n, len(files))
	}
}

// startProcessWithInput is startProcess with standard input.
func startProcessWithInput(t *testing.T, stdin string, args ...string) *process {
	t.Helper()
	p := &process{}
	p.cmd = exec.Command(os.Args[0])
	p.cmd.Env = append(os.Environ(), envProcessArgs+"="+encodeArgs(args))
	p.cmd.Stdin = strings.NewReader(stdin)
	p.cmd.Stdout, p.cmd.Stderr = &p.stdout, &p.stderr
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return p
}

// checkWhole checks the database at target after a kill and returns how
// many referrals it holds.
func checkWhole(t *testing.T, target string) int {
	t.Helper()
	r, err := app.CheckDatabase(target)
	if err != nil || !r.OK() {
		t.Fatalf("the database after a kill: %v %v", err, r.Faults)
	}
	db, err := app.Connect(target)
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close(db)
	var n struct{ Referrals, Forms, Patients, Events int }
	err = db.Raw(`SELECT
		(SELECT COUNT(*) FROM referrals) AS referrals,
		(SELECT COUNT(DISTINCT form_id) FROM referrals) AS forms,
		(SELECT COUNT(*) FROM referrals WHERE patient_id IN (SELECT id FROM patients)) AS patients,
		(SELECT COUNT(*) FROM referrals WHERE id IN (SELECT entity_id FROM audit_events WHERE entity = 'referral' AND action = 'create')) AS events`).Scan(&n).Error
	if err != nil {
		t.Fatal(err)
	}
	if n.Forms != n.Referrals || n.Patients != n.Referrals || n.Events != n.Referrals {
		t.Fatalf("after a kill: %d referrals, %d distinct forms, %d with their patient, %d with their audit event", n.Referrals, n.Forms, n.Patients, n.Events)
	}
	return n.Referrals
}
