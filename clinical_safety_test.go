package main

import (
	"bufio"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// hazardLogPath is the clinical safety hazard log, kept under DCB0129.
const hazardLogPath = "docs/clinical-safety/hazard-log.md"

// severities and likelihoods are DCB0129's five categories of each, from
// least to most; their position (1–5) indexes riskMatrix.
var (
	severities  = []string{"Minor", "Significant", "Considerable", "Major", "Catastrophic"}
	likelihoods = []string{"Very low", "Low", "Medium", "High", "Very high"}
)

// riskMatrix is the clinical risk matrix of NHS Digital's DCB0129/DCB0160
// guidance: riskMatrix[likelihood-1][severity-1] is the risk rating, 1
// (acceptable) to 5 (unacceptable).
var riskMatrix = [5][5]int{
	{1, 1, 2, 2, 3}, // very low
	{1, 2, 2, 3, 4}, // low
	{2, 2, 3, 3, 4}, // medium
	{2, 3, 3, 4, 5}, // high
	{3, 4, 4, 5, 5}, // very high
}

// hazard is one entry of the hazard log, as far as the tests read it.
type hazard struct {
	id                string
	initial, residual string   // "Major × Medium = 3"
	tests             []string // "app.TestName": package directory, then the test
}

var (
	hazardHeading = regexp.MustCompile(`^## (HAZ-\d{3})\b`)
	hazardRow     = regexp.MustCompile(`^\| (Initial risk|Residual risk|Tests) \| (.*) \|$`)
	testName      = regexp.MustCompile("`([a-z/.]+)\\.((?:Test|Fuzz)\\w+)`")
	hazardMention = regexp.MustCompile(`HAZ-\d{3}`)
	testFunc      = regexp.MustCompile(`^func ((?:Test|Fuzz)\w+)\(`)
)

// readHazardLog reads the hazards from the log, in order.
func readHazardLog(t *testing.T) []hazard {
	t.Helper()
	f, err := os.Open(hazardLogPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var hs []hazard
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if m := hazardHeading.FindStringSubmatch(line); m != nil {
			hs = append(hs, hazard{id: m[1]})
			continue
		}
		m := hazardRow.FindStringSubmatch(line)
		if m == nil || len(hs) == 0 {
			continue
		}
		h := &hs[len(hs)-1]
		switch m[1] {
		case "Initial risk":
			h.initial = m[2]
		case "Residual risk":
			h.residual = m[2]
		case "Tests":
			for _, tm := range testName.FindAllStringSubmatch(m[2], -1) {
				h.tests = append(h.tests, tm[1]+"."+tm[2])
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return hs
}

// testDoc is a test function found in the tree: its package directory
// (as the log writes it) and the comment lines just above it.
type testDoc struct {
	file, comment string
}

// readTests finds every test and fuzz function in the module's test files,
// keyed "pkg.TestName" with pkg the directory ("main" for the top level),
// and the hazard IDs each test file's comments claim.
func readTests(t *testing.T) map[string]testDoc {
	t.Helper()
	tests := map[string]testDoc{}
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") && path != ".") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		pkg := filepath.ToSlash(filepath.Dir(path))
		if pkg == "." {
			pkg = "main"
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		var comment []string
		for _, line := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(line, "//") {
				comment = append(comment, line)
				continue
			}
			if m := testFunc.FindStringSubmatch(line); m != nil {
				tests[pkg+"."+m[1]] = testDoc{file: path, comment: strings.Join(comment, "\n")}
			}
			comment = nil
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return tests
}

// rating checks one "Severity × Likelihood = N" cell against the matrix.
func rating(cell string) error {
	parts := strings.SplitN(cell, " = ", 2)
	sl := strings.SplitN(parts[0], " × ", 2)
	if len(parts) != 2 || len(sl) != 2 {
		return fmt.Errorf("%q is not written as Severity × Likelihood = rating", cell)
	}
	sev, lik := indexOf(severities, sl[0]), indexOf(likelihoods, sl[1])
	if sev < 0 || lik < 0 {
		return fmt.Errorf("%q names a severity or likelihood DCB0129 does not have", cell)
	}
	n, err := strconv.Atoi(parts[1])
	if err != nil || n != riskMatrix[lik][sev] {
		return fmt.Errorf("%q: the matrix gives %d", cell, riskMatrix[lik][sev])
	}
	return nil
}

func indexOf(xs []string, x string) int {
	for i, s := range xs {
		if s == x {
			return i
		}
	}
	return -1
}

// TestHazardLogNamesOnlyTestsThatExistAndClaimTheHazard is the hazard
// log's consistency check: every test a hazard names exists and carries
// the hazard's ID in the comment above it; every hazard ID a test claims is
// in the log; IDs run in order without gaps; every rating is the one the
// DCB0129 matrix gives, and no residual risk is above its initial one.
func TestHazardLogNamesOnlyTestsThatExistAndClaimTheHazard(t *testing.T) {
	hazards := readHazardLog(t)
	if len(hazards) < 11 {
		t.Fatalf("the hazard log holds %d hazards; the issue lists at least 11", len(hazards))
	}
	tests := readTests(t)
	inLog := map[string]bool{}
	for i, h := range hazards {
		if want := fmt.Sprintf("HAZ-%03d", i+1); h.id != want {
			t.Errorf("hazard %d is %s; IDs run HAZ-001, HAZ-002, … in order", i+1, h.id)
		}
		inLog[h.id] = true
		for _, cell := range []string{h.initial, h.residual} {
			if err := rating(cell); err != nil {
				t.Errorf("%s: %v", h.id, err)
			}
		}
		if a, b := lastNumber(h.initial), lastNumber(h.residual); b > a {
			t.Errorf("%s: residual rating %d is above the initial %d", h.id, b, a)
		}
		for _, name := range h.tests {
			doc, ok := tests[name]
			switch {
			case !ok:
				t.Errorf("%s names %s, which is not a test in the tree", h.id, name)
			case !strings.Contains(doc.comment, h.id):
				t.Errorf("%s names %s, but its comment (%s) does not claim %s", h.id, name, doc.file, h.id)
			}
		}
	}
	named := map[string]bool{} // "HAZ-001 app.TestName"
	for _, h := range hazards {
		for _, name := range h.tests {
			named[h.id+" "+name] = true
		}
	}
	for name, doc := range tests {
		for _, id := range hazardMention.FindAllString(doc.comment, -1) {
			switch {
			case !inLog[id]:
				t.Errorf("%s (%s) claims %s, which the hazard log does not hold", name, doc.file, id)
			case !named[id+" "+name]:
				t.Errorf("%s (%s) claims %s, but the log does not name it among that hazard's tests", name, doc.file, id)
			}
		}
	}
}

// lastNumber is the rating at the end of a "… = N" cell, or 0.
func lastNumber(cell string) int {
	n, _ := strconv.Atoi(cell[strings.LastIndex(cell, " ")+1:])
	return n
}
