package views

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"perinatal-caseload/app"
	"perinatal-caseload/views/widgets"
)

// BenchmarkOpenReferralsScreen builds the Referrals screen and lays out its
// first page in a window, over the database named by CASELOAD_BENCH_DB (for
// example one made by `caseload demo --referrals 100000`), or else over a
// new one with 2,000 demo referrals. The target is under 300 ms on 100,000
// referrals. "open" is the screen as the navigation opens it, on the open
// referrals; "all" lists every referral, as after unticking Open only.
// "painted" also draws the window with the software painter.
func BenchmarkOpenReferralsScreen(b *testing.B) {
	e := newBenchEnv(b)
	for _, openOnly := range []bool{true, false} {
		n, err := e.svc.Referrals.Count(e.system, app.ReferralFilter{OpenOnly: openOnly})
		if err != nil {
			b.Fatal(err)
		}
		open := func(paint bool) {
			s := newReferralsScreen(e.sessionIn(e.system, nil), openOnly)
			w := test.NewWindow(s.Content())
			w.Resize(widgets.DefaultWindowSize)
			if paint {
				w.Canvas().Capture()
			}
			if s.List.Length() != int(n) {
				b.Fatalf("the list has %d rows, want %d", s.List.Length(), n)
			}
			w.Close()
		}
		for _, paint := range []bool{false, true} {
			name := map[bool]string{true: "open", false: "all"}[openOnly] + "/" + map[bool]string{false: "layout", true: "painted"}[paint]
			b.Run(name, func(b *testing.B) {
				for b.Loop() {
					open(paint)
				}
				b.ReportMetric(float64(n), "referrals")
			})
		}
	}
}
