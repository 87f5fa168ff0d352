package app

import (
	"encoding/csv"
	"fmt"
	"io"
)

// utf8BOM is the UTF-8 byte-order mark. Excel reads a CSV file as UTF-8
// only when it starts with one; without it, "Siobhán" shows as "SiobhÃ¡n".
const utf8BOM = "\ufeff"

// newCSVWriter starts a CSV export on w with the UTF-8 byte-order mark and
// returns the writer for its rows. Every CSV the program writes starts
// this way.
func newCSVWriter(w io.Writer) (*csv.Writer, error) {
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return nil, fmt.Errorf("cannot write the export: %w", err)
	}
	return csv.NewWriter(w), nil
}
