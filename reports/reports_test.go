package reports

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func sampleSet() Set {
	target := 3.0
	return Set{
		Title: "Perinatal Mental Health Service", Period: "01/09/2026 to 30/11/2026",
		Created: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC), Demo: true,
		Tables: []Table{
			{Key: "access", Title: "Access (MHS91)", Note: "Women with an attended face-to-face or video contact in the 12 months to the month's end.",
				Columns: []string{"Month", "Women", "Target"}, Rows: [][]string{{"Sep 2026", "2", "3"}, {"Oct 2026", "4", "3"}},
				Chart: &Chart{Kind: Lines, YLabel: "Women", Labels: []string{"Sep 2026", "Oct 2026"}, Series: []Series{{"Women", []float64{2, 4}}}, Target: &target}},
			{Key: "caseload", Title: "Caseload", Columns: []string{"Key worker", "Open", "Capacity"}, Rows: [][]string{{"Zoë Łucja Nguyễn", "=1+1", "-3"}},
				Chart: &Chart{Kind: Bars, Labels: []string{"Zoë"}, Series: []Series{{"Open", []float64{1}}, {"Capacity", []float64{20}}}}},
			{Key: "empty", Title: "Nothing", Columns: []string{"A"}, Chart: &Chart{}},
		},
	}
}

func TestCSVHasBOMAndNeutralisesFormulas(t *testing.T) {
	b := CSV(sampleSet().Tables[1])
	if !bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}) {
		t.Fatal("no byte-order mark")
	}
	want := "Key worker,Open,Capacity\r\nZoë Łucja Nguyễn,'=1+1,-3\r\n"
	if got := string(b[3:]); got != want {
		t.Errorf("CSV = %q, want %q", got, want)
	}
}

func TestPDFPrintsEveryTable(t *testing.T) {
	b, err := PDF(sampleSet())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed")
	}
	path := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	for _, want := range []string{"DEMO DATA", "Access (MHS91)", "Oct 2026", "Zoë Łucja Nguyễn", "Page 1 of 3", "Page 3 of 3", "Nothing"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q:\n%s", want, text)
		}
	}
}
