package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"perinatal-caseload/app"
	"perinatal-caseload/app/testdb"
)

// envProcessArgs makes the test binary run the command line with the
// arguments it holds (as JSON) instead of the tests: the tests below start
// real, separate processes of the program that way.
const envProcessArgs = "CASELOAD_TEST_PROCESS_ARGS"

func TestMain(m *testing.M) {
	if encoded := os.Getenv(envProcessArgs); encoded != "" {
		var args []string
		if err := json.Unmarshal([]byte(encoded), &args); err != nil {
			os.Exit(2)
		}
		os.Exit(run(args, os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// process is the program started as a separate process.
type process struct {
	cmd            *exec.Cmd
	stdout, stderr bytes.Buffer
}

// startProcess starts the program with args, as another process.
func startProcess(t *testing.T, args ...string) *process {
	t.Helper()
	return startProcessWithInput(t, "", args...)
}

// encodeArgs encodes args for envProcessArgs.
func encodeArgs(args []string) string {
	encoded, _ := json.Marshal(args)
	return string(encoded)
}

// wait waits for the process and returns its exit status.
func (p *process) wait() int {
	_ = p.cmd.Wait()
	return p.cmd.ProcessState.ExitCode()
}

// onlyBusyNotices reports whether stderr says nothing but that the program
// waited for a busy database.
func onlyBusyNotices(stderr string) bool {
	for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
		if line != "" && line != "caseload: "+app.BusyNotice {
			return false
		}
	}
	return true
}

func TestEightFirstStartsAtOnceOnANewDatabaseAllSucceed(t *testing.T) {
	file := referralFixtures(t, validDir)[0]
	for round := range 3 {
		target := testdb.Target(t)
		var procs []*process
		for range 8 {
			procs = append(procs, startProcess(t, "--db", target, "triage", file))
		}
		for i, p := range procs {
			if code := p.wait(); code != 0 || !onlyBusyNotices(p.stderr.String()) {
				t.Errorf("round %d, start %d: exit %d, stderr %q", round+1, i+1, code, p.stderr.String())
			}
		}
		db, err := app.Connect(target)
		if err != nil {
			t.Fatal(err)
		}
		var systemUsers int64
		if err := db.Table("staff_members").Where("username = ?", app.SystemUsername).Count(&systemUsers).Error; err != nil || systemUsers != 1 {
			t.Errorf("round %d: %d system users (%v), want 1", round+1, systemUsers, err)
		}
		app.Close(db)
	}
}

// holdWriteLock takes the write lock of the SQLite file at path, as another
// program writing a long transaction would, until the returned function
// releases it.
func holdWriteLock(t *testing.T, path string) (release func()) {
	t.Helper()
	db, err := app.Connect(path)
	if err != nil {
		t.Fatal(err)
	}
	sqlDB, _ := db.DB()
	conn, err := sqlDB.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{"BEGIN IMMEDIATE", "CREATE TABLE held_by_a_test (x integer)"} {
		if _, err := conn.ExecContext(context.Background(), stmt); err != nil {
			t.Fatal(err)
		}
	}
	var once sync.Once
	release = func() {
		once.Do(func() {
			_, _ = conn.ExecContext(context.Background(), "ROLLBACK")
			_ = conn.Close()
			app.Close(db)
		})
	}
	t.Cleanup(release)
	return release
}

func TestAStartWhileAnotherProgramHoldsTheWriteLockWaitsAndSaysSo(t *testing.T) {
	testdb.SkipOnPostgres(t, "PostgreSQL has no database-wide write lock")
	path := filepath.Join(t.TempDir(), "caseload.db")
	release := holdWriteLock(t, path)
	const held = 15 * time.Second
	began := time.Now()
	p := startProcess(t, "--db", path, "triage", referralFixtures(t, validDir)[0])
	time.AfterFunc(held, release)
	code := p.wait()
	took := time.Since(began)
	if code != 0 {
		t.Fatalf("the start while the lock was held: exit %d, stderr %q", code, p.stderr.String())
	}
	if !strings.Contains(p.stderr.String(), app.BusyNotice) || !onlyBusyNotices(p.stderr.String()) {
		t.Errorf("stderr %q; want only the plain notice that it is waiting for the busy database", p.stderr.String())
	}
	if took < held {
		t.Errorf("it finished after %v, before the lock was released at %v", took, held)
	}
	if !strings.Contains(p.stdout.String(), `"decision"`) {
		t.Errorf("stdout %q; want the triage result once the database was free", p.stdout.String())
	}
}
