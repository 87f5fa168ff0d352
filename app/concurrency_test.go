package app

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"perinatal-caseload/models"
)

// The environment of a test process started by
// TestConflictingEditsFromFourProcessesLoseNothing, which runs
// TestConflictingEditsProcess as one of its editing processes.
const (
	envEditTarget   = "CASELOAD_TEST_EDIT_TARGET"   // the database
	envEditStaff    = "CASELOAD_TEST_EDIT_STAFF"    // the staff ID the process acts as
	envEditPatients = "CASELOAD_TEST_EDIT_PATIENTS" // the patient IDs, comma-separated
	envEditCount    = "CASELOAD_TEST_EDIT_COUNT"    // how many edits it makes
)

// editResult is one edit an editing process made, as it reports it.
type editResult struct {
	Patient   uint      `json:"patient"`
	Read      int       `json:"read"`
	Saved     bool      `json:"saved"`
	Name      string    `json:"name,omitempty"`
	ChangedBy string    `json:"changed_by,omitempty"`
	ChangedAt time.Time `json:"changed_at,omitzero"`
	Error     string    `json:"error,omitempty"`
	Done      time.Time `json:"done"` // when the edit had committed or failed
}

// TestConflictingEditsProcess is not a test of its own: run with the
// environment above, it is one of the editing processes, and reports each
// edit as a JSON line.
func TestConflictingEditsProcess(t *testing.T) {
	target := os.Getenv(envEditTarget)
	if target == "" {
		t.Skip("an editing process for TestConflictingEditsFromFourProcessesLoseNothing")
	}
	db, err := Open(target)
	if err != nil {
		t.Fatal(err)
	}
	defer Close(db)
	s := New(db, SystemClock{})
	var actor models.StaffMember
	if err := db.First(&actor, os.Getenv(envEditStaff)).Error; err != nil {
		t.Fatal(err)
	}
	var patients []uint
	for _, id := range strings.Split(os.Getenv(envEditPatients), ",") {
		n, _ := strconv.Atoi(id)
		patients = append(patients, uint(n))
	}
	count, _ := strconv.Atoi(os.Getenv(envEditCount))
	out := json.NewEncoder(os.Stdout)
	for i := range count {
		res := editResult{Patient: patients[rand.N(len(patients))]}
		if err := db.Table("patients").Select("version").Where("id = ?", res.Patient).Scan(&res.Read).Error; err != nil {
			t.Fatal(err)
		}
		time.Sleep(rand.N(2 * time.Millisecond)) // as a person between reading and saving
		res.Name = "Edit " + inLetters(i) + " by " + inLetters(int(actor.ID))
		err := s.Referrals.UpdateNeeds(&actor, res.Patient, res.Read, res.Name, models.CommunicationNeeds{LargePrint: i%2 == 0})
		var conflict *ConflictError
		switch {
		case err == nil:
			res.Saved = true
		case errors.As(err, &conflict):
			res.ChangedBy, res.ChangedAt = conflict.ChangedBy, conflict.ChangedAt
		default:
			res.Error = err.Error()
		}
		res.Done = time.Now()
		_ = out.Encode(res)
	}
}

// Hazard: HAZ-011.
func TestConflictingEditsFromFourProcessesLoseNothing(t *testing.T) {
	if os.Getenv(envEditTarget) != "" {
		t.Skip("inside an editing process")
	}
	const processes, edits, referrals = 4, 500, 5
	s, _, target := newTestServices(t)
	admin := addStaff(t, s, "admin", models.RoleAdministrator)
	var patients []string
	for i := range referrals {
		r := sampleReferral(testNHSNumber(i + 1))
		if err := s.Referrals.Register(admin, r); err != nil {
			t.Fatal(err)
		}
		patients = append(patients, strconv.Itoa(int(r.PatientID)))
	}
	var names []string // the editors', by process
	var cmds []*exec.Cmd
	var outs []*bytes.Buffer
	for p := range processes {
		m := addStaff(t, s, fmt.Sprintf("editor%d", p), models.RoleAdministrator)
		names = append(names, m.Name)
		cmd := exec.Command(os.Args[0], "-test.run=^TestConflictingEditsProcess$", "-test.count=1")
		cmd.Env = append(os.Environ(),
			envEditTarget+"="+target, envEditStaff+"="+strconv.Itoa(int(m.ID)),
			envEditPatients+"="+strings.Join(patients, ","),
			envEditCount+"="+strconv.Itoa(edits/processes))
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds, outs = append(cmds, cmd), append(outs, &out)
	}
	saved := map[uint][]editResult{} // by patient
	lost := 0
	for p, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("editing process %d: %v\n%s", p, err, outs[p])
		}
		lines := bufio.NewScanner(outs[p])
		n := 0
		for lines.Scan() {
			var res editResult
			if json.Unmarshal(lines.Bytes(), &res) != nil {
				continue // the test framework's own lines
			}
			n++
			switch {
			case res.Error != "":
				t.Errorf("process %d: an edit failed with %q, neither saved nor a conflict", p, res.Error)
			case res.Saved:
				saved[res.Patient] = append(saved[res.Patient], res)
			case res.ChangedBy == "" || res.ChangedBy == names[p] || res.ChangedAt.IsZero():
				t.Errorf("process %d: a conflict names %q at %v; want another editor and the time", p, res.ChangedBy, res.ChangedAt)
			default:
				if !slices.Contains(names, res.ChangedBy) {
					t.Errorf("process %d: the conflict names %q, who made no edit", p, res.ChangedBy)
				}
				lost++
			}
		}
		if n != edits/processes {
			t.Errorf("process %d reported %d edits, want %d", p, n, edits/processes)
		}
	}
	// No lost update: each saved edit moved its record on by exactly one
	// version, from the version it read; the record ends at the last.
	total := 0
	for id, list := range saved {
		slices.SortFunc(list, func(a, b editResult) int { return a.Read - b.Read })
		for i, res := range list {
			if res.Read != i+1 {
				t.Fatalf("patient %d: saved edit %d was made from version %d, want %d: an edit was lost or saved twice", id, i+1, res.Read, i+1)
			}
		}
		var p models.Patient
		if err := s.core.db.First(&p, id).Error; err != nil {
			t.Fatal(err)
		}
		if last := list[len(list)-1]; p.Version != len(list)+1 || p.NameForLetters != last.Name {
			t.Errorf("patient %d is at version %d named %q; want %d named %q", id, p.Version, p.NameForLetters, len(list)+1, last.Name)
		}
		var events int64
		s.core.db.Model(&models.AuditEvent{}).Where("entity = ? AND entity_id = ? AND action = ?", "patient", id, ActionUpdate).Count(&events)
		if int(events) != len(list) {
			t.Errorf("patient %d: %d audited updates for %d saved edits", id, events, len(list))
		}
		total += len(list)
	}
	t.Logf("%d edits by %d processes: %d saved, %d told of a conflict", edits, processes, total, lost)
	if total+lost != edits || lost == 0 {
		t.Errorf("%d saved and %d conflicts of %d edits; the edits should have conflicted", total, lost, edits)
	}
}

// inLetters writes n with a letter for each digit, for a name for letters.
func inLetters(n int) string {
	return strings.Map(func(r rune) rune { return 'a' + r - '0' }, strconv.Itoa(n))
}
