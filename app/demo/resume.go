package demo

import (
	"encoding/json"
	"fmt"

	"perinatal-caseload/app"
)

// checkpointState is what a demo run saves with each batch of referrals,
// in the batch's transaction, so that a run stopped part way (a crash, a
// power cut, Ctrl-C) carries on where it stopped and makes the same data
// as a run that never stopped (given the same clock).
type checkpointState struct {
	Seed     uint64
	N        int
	Done     int
	Random   []byte // the random source's state
	NHSSeq   int
	JointSeq int
}

// checkpoint saves the generator's state after done referrals.
func (g *generator) checkpoint(tx *app.Services, done int) error {
	random, err := g.src.MarshalBinary()
	if err != nil {
		return err
	}
	b, err := json.Marshal(checkpointState{Seed: g.seed, N: g.n, Done: done, Random: random, NHSSeq: g.nhsSeq, JointSeq: g.jointSeq})
	if err != nil {
		return err
	}
	return tx.SaveDemoCheckpoint(string(b))
}

// resume restores the state an interrupted run saved with its last whole
// batch. A database without demo referrals has nothing to resume.
func (g *generator) resume(state *app.DemoState) error {
	if state.Referrals == 0 {
		return nil
	}
	var cp checkpointState
	if err := json.Unmarshal([]byte(state.Checkpoint), &cp); err != nil || cp.Done != state.Referrals {
		return fmt.Errorf("the database holds %d demo referrals from a run that cannot be resumed; use a new --db file", state.Referrals)
	}
	if cp.Seed != g.seed || cp.N != g.n {
		return fmt.Errorf("the database holds an unfinished demo of %d referrals with --seed %d; run that again to finish it, or use a new --db file", cp.N, cp.Seed)
	}
	if err := g.src.UnmarshalBinary(cp.Random); err != nil {
		return fmt.Errorf("the saved demo state cannot be read: %w", err)
	}
	g.nhsSeq, g.jointSeq = cp.NHSSeq, cp.JointSeq
	for _, p := range state.Patients {
		p.ID, p.Version = 0, 0 // as the run kept them, before they were saved
		g.patients = append(g.patients, p)
	}
	return nil
}
