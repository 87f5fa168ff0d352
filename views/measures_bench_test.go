package views

import (
	"testing"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

// BenchmarkOpenMeasuresSection builds the Outcome measures section of a
// woman with 50 results (10 of each measure, a fortnight apart): her
// overview read through the service, the lines and the five charts drawn.
// Issue 15 asks for her whole record, 200 contacts and 50 measures, in
// under 150 ms; this is the measures' share.
func BenchmarkOpenMeasuresSection(b *testing.B) {
	e := newTestEnv(b, 0)
	r, kate := e.allocatedReferral()
	today := models.LondonDate(e.clock.Now())
	err := e.svc.Batch(func(tx *app.Services) error {
		for k := range 10 {
			for _, d := range models.Measures() {
				answers := make([]int, len(d.Items))
				for i := range answers {
					answers[i] = (i + k) % d.Responses(i)
				}
				e := app.MeasureEntry{ReferralID: r.ID, Measure: d.Code, TakenOn: today.AddDays(-14 * (10 - k)), Answers: answers, Goals: []string{"One", "Two", "Three"}}
				if _, err := tx.Measures.Record(kate, e); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	s := e.session(kate)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m := newMeasuresSection(s, r.ID, func() {})
		if len(m.Charts) != 5 {
			b.Fatalf("%d charts", len(m.Charts))
		}
		s.Window.SetContent(m.Content())
	}
}
