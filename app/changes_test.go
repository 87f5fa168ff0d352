package app

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"strconv"
	"testing"
	"time"

	"perinatal-caseload/models"
)

// Hazard: HAZ-025.
func TestAChangeByAnotherProcessReachesTheFeedWithinTwoSeconds(t *testing.T) {
	if os.Getenv(envEditTarget) != "" {
		t.Skip("inside an editing process")
	}
	s, _, target := newTestServices(t)
	admin := addStaff(t, s, "admin", models.RoleAdministrator)
	editor := addStaff(t, s, "editor", models.RoleAdministrator)
	r := sampleReferral(testNHSNumber(1))
	if err := s.Referrals.Register(admin, r); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	feed := NewChangeFeed(s.core.db, target).Subscribe(ctx)
	time.Sleep(300 * time.Millisecond) // the PostgreSQL listener connects

	for round := range 3 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestConflictingEditsProcess$", "-test.count=1")
		cmd.Env = append(os.Environ(), envEditTarget+"="+target, envEditStaff+"="+strconv.Itoa(int(editor.ID)),
			envEditPatients+"="+strconv.Itoa(int(r.PatientID)), envEditCount+"=1")
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Run(); err != nil {
			t.Fatalf("editing process: %v\n%s", err, out.String())
		}
		var edit editResult
		for line := range bytes.Lines(out.Bytes()) {
			if json.Unmarshal(line, &edit) == nil && !edit.Done.IsZero() {
				break
			}
		}
		if !edit.Saved {
			t.Fatalf("round %d: the other process's edit was not saved: %s", round+1, out.String())
		}
		select {
		case c := <-feed:
			if took := time.Since(edit.Done); took > 2*time.Second {
				t.Errorf("round %d: the change arrived %v after it was made; want within 2 s", round+1, took)
			}
			if c.Entity != "patient" || c.ID != r.PatientID || c.By != editor.Name || c.At.IsZero() {
				t.Errorf("round %d: change %+v; want patient %d changed by %s", round+1, c, r.PatientID, editor.Name)
			}
		case <-time.After(time.Until(edit.Done.Add(2 * time.Second))):
			t.Fatalf("round %d: no change arrived within 2 s of the other process's edit", round+1)
		}
	}
	cancel()
	for range feed { // the feed closes when its context ends
	}
}
