// Package reports renders the team manager's reports: each report a table
// and a chart, written as CSV (UTF-8 with a byte-order mark, so that
// spreadsheet programs read names such as Zoë correctly) and all together
// as one PDF with the charts drawn by gonum.org/v1/plot. It renders plain
// data and reads no database; package app works the figures out.
package reports

import (
	"bytes"
	"encoding/csv"
	"time"
)

// Table is one report: its title, a sentence on how it is counted, its
// columns and rows as text, and the chart drawn from it.
type Table struct {
	// Key names the report in file names: "access" becomes access.csv.
	Key     string
	Title   string
	Note    string
	Columns []string
	Rows    [][]string
	Chart   *Chart
}

// ChartKind is how a chart draws its series.
type ChartKind string

// Chart kinds.
const (
	Bars  ChartKind = "bars"  // grouped bars, one group for each label
	Lines ChartKind = "lines" // one line for each series across the labels
)

// Chart is what a report's chart shows: a value of each series at each
// label along the bottom, and an optional target line.
type Chart struct {
	Kind   ChartKind
	YLabel string
	Labels []string
	Series []Series
	// Target, when not nil, is drawn as a dashed line across the chart.
	Target *float64
}

// Series is one named row of values, one for each label.
type Series struct {
	Name   string
	Values []float64
}

// Set is every report for one date range, as the PDF prints them.
type Set struct {
	Title   string // the service's name
	Period  string // "01/04/2026 to 31/03/2027"
	Created time.Time
	// Demo is true when the database holds demo records, so that no one
	// mistakes the figures for real ones.
	Demo   bool
	Tables []Table
}

// bom is the UTF-8 byte-order mark that starts every CSV file.
var bom = []byte{0xEF, 0xBB, 0xBF}

// CSV returns the table as CSV in UTF-8 with a byte-order mark: the column
// names, then each row. Cells that a spreadsheet would run as a formula
// (starting =, +, - or @) are prefixed with an apostrophe, except numbers.
func CSV(t Table) []byte {
	var buf bytes.Buffer
	buf.Write(bom)
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	_ = w.Write(t.Columns)
	for _, r := range t.Rows {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = safeCell(c)
		}
		_ = w.Write(cells)
	}
	w.Flush()
	return buf.Bytes()
}

// safeCell keeps a cell from being read as a formula by a spreadsheet.
func safeCell(s string) string {
	if s == "" || !bytes.ContainsRune([]byte("=+-@"), rune(s[0])) {
		return s
	}
	if isNumber(s) {
		return s
	}
	return "'" + s
}

// isNumber reports whether s is a plain signed decimal number.
func isNumber(s string) bool {
	digits := 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case (r == '-' || r == '+') && i == 0, r == '.':
		default:
			return false
		}
	}
	return digits > 0
}
