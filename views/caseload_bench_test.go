package views

import (
	"perinatal-caseload/views/widgets"
	"testing"

	"fyne.io/fyne/v2/test"
)

// BenchmarkCaseloadScreen builds the Caseload screen on the whole team's
// caseload (the system user holds none, so the screen starts there) and
// lays it out in a window: the team's capacity, every open allocated
// woman with her stage, appointments and flags, and the first page of the
// unallocated women. It runs over the database named by CASELOAD_BENCH_DB
// (for example a copy of one made by `caseload demo --referrals 100000`;
// opening it migrates it), or else over a new one with 2,000 demo
// referrals. The target is under 100 ms on 100,000 referrals.
func BenchmarkCaseloadScreen(b *testing.B) {
	e := newBenchEnv(b)
	s := e.session(e.system)
	women := 0
	for b.Loop() {
		c := newCaseloadScreen(s)
		w := test.NewWindow(c.Content())
		w.Resize(widgets.DefaultWindowSize)
		if c.Filter().KeyWorkerID != 0 || len(c.Rows) == 0 {
			b.Fatalf("the screen shows worker %d's caseload of %d women, want the whole team's", c.Filter().KeyWorkerID, len(c.Rows))
		}
		women = len(c.Rows)
		w.Close()
	}
	b.ReportMetric(float64(women), "women")
}
