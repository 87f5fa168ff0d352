package letters

import (
	"testing"

	"perinatal-caseload/models"
)

// FuzzTemplate feeds the letter-template check and merge arbitrary text,
// starting from every standard template. Neither may panic, and a
// template the check accepts must never make Merge fail to parse it.
func FuzzTemplate(f *testing.F) {
	for _, kind := range models.LetterKinds {
		if body, err := DefaultTemplate(kind); err == nil {
			f.Add(body)
		}
	}
	for _, s := range []string{"", "{{", "{{.Nope}}", "{{range .X}}{{end}}", "{{if .VideoLink}}x{{else}}y{{end}}", "{{template \"x\"}}", "{{.PatientName | printf \"%s\"}}"} {
		f.Add(s)
	}
	fields := SampleFields()
	f.Fuzz(func(t *testing.T, body string) {
		valid := ValidateTemplate(body) == nil
		_, err := Merge(body, fields)
		if valid && err != nil {
			if _, parse := parseTemplate(body); parse != nil {
				t.Fatalf("ValidateTemplate accepted %q that Merge cannot parse: %v", body, parse)
			}
		}
	})
}
