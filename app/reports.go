package app

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"

	"gorm.io/gorm"

	"perinatal-caseload/models"
	"perinatal-caseload/reports"
)

// ReportService works out the team manager's reports (issue 16) for a date
// range, and the MHSDS-shaped monthly extract (see mhsds.go). Everything is
// read with a few indexed queries over the range and counted in Go by the
// pure rules in models (report_stats.go). It needs the "view reports"
// permission, and every report made or exported is audited.
//
// How each report counts is said in its Note, which the screen, the CSV
// and the PDF all carry. Dates are UK calendar dates (models.LondonDate):
// a contact at 00:30 BST on 1 April counts in April, whatever UTC says.
type ReportService struct{ *core }

// Fields of the report range.
const (
	FieldReportFrom models.FieldID = "report.from"
	FieldReportTo   models.FieldID = "report.to"
	FieldMonth      models.FieldID = "report.month"
)

func init() {
	models.DefineFields(map[models.FieldID]string{
		FieldReportFrom: "From", FieldReportTo: "To", FieldMonth: "Month",
	})
}

// maxReportDays bounds a report's range, so that a mistyped year cannot
// start a count over centuries.
const maxReportDays = 3 * 366

// Reports is every report for one date range.
type Reports struct {
	From, To   models.Date
	Created    time.Time
	Service    string
	Demo       bool // the database holds demo records
	Access     AccessReport
	Referrals  ReferralReport
	Waits      WaitsReport
	Attendance AttendanceReport
	Caseload   CaseloadReport
	Outcomes   OutcomesReport
	Quality    QualityReport
}

// reportRange is the range as instants: from the start of From to the start
// of the day after To, in UK time.
// It also keeps what two reports read alike, so that it is read once.
type reportRange struct {
	from, to     models.Date
	start, until time.Time
	accepted     *readOnce[[]acceptedLetter] // see acceptedLetters
}

func newReportRange(from, to models.Date) reportRange {
	return reportRange{from: from, to: to, start: models.StartOfLondonDay(from).UTC(), until: models.StartOfLondonDay(to.AddDays(1)).UTC(),
		accepted: &readOnce[[]acceptedLetter]{}}
}

// readOnce is a value read once, by whichever report asks first.
type readOnce[T any] struct {
	once sync.Once
	v    T
	err  error
}

// get returns the value, reading it with read the first time.
func (r *readOnce[T]) get(read func() (T, error)) (T, error) {
	r.once.Do(func() { r.v, r.err = read() })
	return r.v, r.err
}

// checkRange refuses a range that is empty, backwards or too long.
func checkRange(from, to models.Date) error {
	switch {
	case from.IsZero():
		return models.NewFieldError(FieldReportFrom, "enter the first day of the reports")
	case to.IsZero():
		return models.NewFieldError(FieldReportTo, "enter the last day of the reports")
	case to.Before(from):
		return models.NewFieldError(FieldReportTo, "the last day (%s) is before the first (%s); swap them", to.UK(), from.UK())
	case from.DaysUntil(to) > maxReportDays:
		return models.NewFieldError(FieldReportTo, "choose a range of at most three years")
	}
	return nil
}

// Build works out every report for the days from to to, inclusive, and
// audits the look. progress, when not nil, is told after each report (done
// of total), so a screen can show a progress bar.
func (s *ReportService) Build(actor *models.StaffMember, from, to models.Date, progress func(done, total int)) (*Reports, error) {
	if err := s.authorise(actor, models.PermViewReports); err != nil {
		return nil, err
	}
	if err := checkRange(from, to); err != nil {
		return nil, err
	}
	rr := newReportRange(from, to)
	out := &Reports{From: from, To: to, Created: s.clock.Now().UTC(), Service: s.setting(SetServiceName)}
	steps := []func() error{
		// The longest first, so that the others share the time it takes.
		func() (err error) { out.Outcomes, err = s.outcomes(rr); return },
		func() (err error) { out.Access, err = s.access(rr); return },
		func() (err error) { out.Waits, err = s.waits(rr); return },
		func() (err error) { out.Quality, err = s.quality(rr); return },
		func() (err error) { out.Referrals, err = s.referrals(rr); return },
		func() (err error) { out.Attendance, err = s.attendance(rr); return },
		func() (err error) { out.Caseload, err = s.caseload(rr); return },
		func() (err error) { out.Demo, err = s.holdsDemo(); return },
	}
	// The reports only read, each into its own part of out, so they run
	// side by side: the database serves them on separate connections.
	// As many at a time as there are processors, at least two: each new
	// SQLite connection starts with an empty page cache, and more than
	// the processors can run gains nothing.
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		done  int
		errs  = make([]error, len(steps))
		queue = make(chan int, len(steps))
	)
	for i := range steps {
		queue <- i
	}
	close(queue)
	for range max(2, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for i := range queue {
				errs[i] = steps[i]()
				mu.Lock()
				done++
				if progress != nil {
					progress(done, len(steps))
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("cannot work out the reports: %w", err)
	}
	err := s.transaction(func(tx *gorm.DB) error {
		return s.audit(tx, actor, ActionView, "reports", 0, nil, nil, "reports "+rr.label())
	})
	return out, err
}

// label names the range in audit events and headings: "01/09/2026 to 30/11/2026".
func (r reportRange) label() string { return r.from.UK() + " to " + r.to.UK() }

// holdsDemo reports whether any referral is a demo record.
func (s *ReportService) holdsDemo() (bool, error) {
	var ids []uint
	err := s.db.Model(&models.Referral{}).Where("demo = ?", true).Limit(1).Pluck("id", &ids).Error
	return len(ids) > 0, err
}

// eachRow runs the query q and calls row for each row it returns, with
// the function that copies the row's columns into variables. The reports
// read tens of thousands of rows, and copying plain values this way costs
// a fraction of GORM's scan into structs.
func eachRow(q *gorm.DB, row func(scan func(dest ...any) error) error) error {
	rows, err := q.Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := row(rows.Scan); err != nil {
			return err
		}
	}
	return rows.Err()
}

// placeIn returns SQL that gives the place in values of the value in col
// (0 for the first), with its arguments.
func placeIn(col string, values []string) (string, []any) {
	var b strings.Builder
	args := make([]any, len(values))
	fmt.Fprintf(&b, "CASE %s", col)
	for i, v := range values {
		fmt.Fprintf(&b, " WHEN ? THEN %d", i)
		args[i] = v
	}
	b.WriteString(" END")
	return b.String(), args
}

// monthOf returns SQL that numbers the month (UK time) of the instant in
// col: 0 for the first of months, 1 for the second and so on, with its
// arguments. An instant before the first month counts in it, one after the
// last in the last, so callers select only instants within the months.
// Comparing instants is the same on SQLite and PostgreSQL.
func monthOf(col string, months []models.Month) (string, []any) {
	var b strings.Builder
	var args []any
	b.WriteString("CASE")
	for i, m := range months[1:] {
		fmt.Fprintf(&b, " WHEN %s < ? THEN %d", col, i)
		args = append(args, m.Start().UTC())
	}
	fmt.Fprintf(&b, " ELSE %d END", len(months)-1)
	return b.String(), args
}

// Set returns the reports as the reports package prints them.
func (r *Reports) Set() reports.Set {
	return reports.Set{
		Title: r.Service, Period: r.From.UK() + " to " + r.To.UK(), Created: r.Created.In(models.London),
		Demo: r.Demo, Tables: r.Tables(),
	}
}

// Tables returns each report as a table with its chart, in the order the
// screen and the PDF show them.
func (r *Reports) Tables() []reports.Table {
	return []reports.Table{
		r.Access.table(), r.Referrals.table(), r.Referrals.sourceTable(), r.Waits.table(),
		r.Attendance.table(), r.Caseload.table(), r.Caseload.stageTable(), r.Outcomes.table(), r.Quality.table(),
	}
}

// ExportCSV returns every report as a CSV file, named after its key
// ("access.csv"), and audits the export.
func (s *ReportService) ExportCSV(actor *models.StaffMember, r *Reports) (map[string][]byte, error) {
	if err := s.auditExport(actor, r, "CSV"); err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	for _, t := range r.Tables() {
		files[t.Key+".csv"] = reports.CSV(t)
	}
	return files, nil
}

// ExportPDF returns every report in one PDF, and audits the export.
func (s *ReportService) ExportPDF(actor *models.StaffMember, r *Reports) ([]byte, error) {
	if err := s.auditExport(actor, r, "PDF"); err != nil {
		return nil, err
	}
	return reports.PDF(r.Set())
}

// auditExport checks the permission and records the export of r as format.
func (s *ReportService) auditExport(actor *models.StaffMember, r *Reports, format string) error {
	if err := s.authorise(actor, models.PermViewReports); err != nil {
		return err
	}
	return s.transaction(func(tx *gorm.DB) error {
		return s.audit(tx, actor, ActionExport, "reports", 0, nil, nil, "reports "+format+" "+newReportRange(r.From, r.To).label())
	})
}

// Text helpers for the report tables.

// count returns n as text.
func count(n int) string { return fmt.Sprint(n) }

// percent returns part of whole as "42.9%", or "–" when whole is 0.
func percent(part, whole int) string { return percentOf(models.Share(part, whole)) }

// shareValue returns part of whole as a percentage for a chart (0 when whole is 0).
func shareValue(part, whole int) float64 {
	v, _ := models.Share(part, whole)
	return v
}

// decimal returns v to one decimal place, or "–" when not known.
func decimal(v float64, ok bool) string {
	if !ok {
		return "–"
	}
	return fmt.Sprintf("%.1f", v)
}

// chartTable builds a report's table and its chart a row at a time: each
// row of the table is also a label along the chart's bottom, with a value
// for each of the chart's series.
type chartTable struct {
	t reports.Table
	c reports.Chart
}

// newChartTable starts the table t with a chart of kind whose series are
// named series.
func newChartTable(t reports.Table, kind reports.ChartKind, yLabel string, series ...string) *chartTable {
	b := &chartTable{t: t, c: reports.Chart{Kind: kind, YLabel: yLabel}}
	for _, name := range series {
		b.c.Series = append(b.c.Series, reports.Series{Name: name})
	}
	return b
}

// add appends a row of cells, charted at label with one value per series.
func (b *chartTable) add(label string, cells []string, values ...float64) {
	b.t.Rows = append(b.t.Rows, cells)
	b.c.Labels = append(b.c.Labels, label)
	for i := range b.c.Series {
		b.c.Series[i].Values = append(b.c.Series[i].Values, values[i])
	}
}

// row appends a row to the table only, not to the chart.
func (b *chartTable) row(cells ...string) { b.t.Rows = append(b.t.Rows, cells) }

// done returns the table with its chart.
func (b *chartTable) done() reports.Table {
	b.t.Chart = &b.c
	return b.t
}

// keyedRows makes one row for each key, in order, and a map from each key
// to its row, for counting into.
func keyedRows[K comparable, R any](keys []K, row func(K) R) ([]R, map[K]*R) {
	rows := make([]R, len(keys))
	byKey := make(map[K]*R, len(keys))
	for i, k := range keys {
		rows[i] = row(k)
		byKey[k] = &rows[i]
	}
	return rows, byKey
}
